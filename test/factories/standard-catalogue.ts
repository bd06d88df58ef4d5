// Standard-catalogue workbooks for import tests: sheets laid out as a county publishes its 基层政务公开标准目录
// (a title row, a merged two-row header, ✓ marks in the audience, method and level columns).
import ExcelJS from 'exceljs';

/** The first header row (merged over two rows or two columns as the published sheets do). */
export const CATALOGUE_HEAD1 = [
  '序号',
  '公开事项',
  '',
  '公开内容（要素）',
  '公开依据',
  '公开时限',
  '公开主体',
  '公开渠道和载体',
  '公开对象',
  '',
  '公开方式',
  '',
  '公开层级',
  '',
];
/** The second header row. */
export const CATALOGUE_HEAD2 = [
  '',
  '一级事项',
  '二级事项',
  '',
  '',
  '',
  '',
  '',
  '全社会',
  '特定群体',
  '主动',
  '依申请',
  '县级',
  '乡级',
];

/** A sheet row from its 14 cells separated by '|' (an empty cell between two bars). */
export const sheetRow = (cells: string): string[] => cells.split('|');

/** A complete row of the 社会救助 sheet: 最低生活保障 › 办事指南, for everyone, proactive, county and township. */
export const RELIEF_GUIDE_ROW = sheetRow(
  '1|最低生活保障|办事指南|办理事项、办理条件、申请材料|《社会救助暂行办法》|制定或获取信息之日起10个工作日内|县级政府民政部门|■政府网站|✓||✓||✓|✓',
);

/** A row with 二级事项 (column C) missing and no 公开对象 ticked (columns I–J). */
export const INCOMPLETE_ROW = sheetRow('2|最低生活保障||名单|依据|20个工作日内|民政|■政府网站|||✓||✓|');

/** A catalogue row as the back office's form posts it (a 社会救助-style matter of the district unless given). */
export function catalogueRowForm(
  keyAreaId: string,
  level1 = '最低生活保障',
  level2 = '办事指南',
  timeLimitText = '制定或获取信息之日起10个工作日内',
) {
  return {
    keyAreaId,
    level1,
    level2,
    contentElements: '办理事项、办理条件、申请材料',
    basis: '《中华人民共和国政府信息公开条例》',
    timeLimitText,
    subject: '区民政局',
    channelsRequired: ['政府网站'],
    audience: '全社会',
    method: '主动',
    levels: ['县级'],
  };
}

/** A workbook with one sheet per key area, each with its title row, merged header and the rows given. */
export async function catalogueWorkbook(sheets: readonly { name: string; rows: string[][] }[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    ws.addRow([`${s.name}领域基层政务公开标准目录`]);
    ws.addRow(CATALOGUE_HEAD1);
    ws.addRow(CATALOGUE_HEAD2);
    for (const r of s.rows) ws.addRow(r);
    ws.mergeCells(1, 1, 1, 14);
    for (const c of [1, 4, 5, 6, 7, 8]) ws.mergeCells(2, c, 3, c);
    for (const [a, b] of [
      [2, 3],
      [9, 10],
      [11, 12],
      [13, 14],
    ] as const) {
      ws.mergeCells(2, a, 2, b);
    }
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
