// The published column layout of a catalogue sheet, built from rows for export:
// a title row, two header rows with merged group headers, ✓ marks under 公开对象/公开方式/公开层级.
import { AUDIENCES, DEFAULT_LEVELS, METHODS, type CatalogueRowFields } from './catalogue-row.js';
import { EXCLUSION_SHEET, type CellRange, type SheetGrid } from './sheet.js';

/** The mark written in ticked cells. */
export const TICK_MARK = '✓';

type Row = Omit<CatalogueRowFields, 'keyAreaId'>;
type Column = { top: string; sub: string; cell: (r: Row) => string };

/** Characters Excel forbids in sheet names, and its length limit. */
const BAD_SHEET_CHARS = /[[\]:*?/\\]/g;
const MAX_SHEET_NAME = 31;

/**
 * A sheet name Excel accepts: forbidden characters replaced, at most 31 characters.
 * @param name the wanted name (the area's name)
 */
export function safeSheetName(name: string): string {
  return name.replace(BAD_SHEET_CHARS, '－').slice(0, MAX_SHEET_NAME) || '目录';
}

/**
 * Lays out one key area's rows as the published table.
 * @param areaName the area (sheet name and title)
 * @param rows the area's rows in order
 * @returns the grid with text in each merged range's top-left cell only, and the merges
 */
export function catalogueSheetLayout(areaName: string, rows: readonly Row[]): SheetGrid {
  const columns = columnsFor(rows);
  const width = columns.length;
  const title = [`${areaName}领域基层政务公开标准目录`, ...Array<string>(width - 1).fill('')];
  const top = columns.map((c, i) => (i > 0 && columns[i - 1]?.top === c.top ? '' : c.top));
  const sub = columns.map((c) => (c.sub === c.top ? '' : c.sub));
  const body = rows.map((r, i) => columns.map((c) => (c.top === '序号' ? String(i + 1) : c.cell(r))));
  const merges: CellRange[] = [
    { top: 1, left: 1, bottom: 1, right: width },
    ...headerMerges(columns),
    ...level1Merges(rows),
  ];
  // Within a run of merged 一级事项 cells only the first keeps its text.
  for (const m of merges.filter((x) => x.top > 3)) {
    for (let r = m.top + 1; r <= m.bottom; r++) body[r - 4]![1] = '';
  }
  return { name: safeSheetName(areaName), rows: [title, top, sub, ...body], merges };
}

/**
 * The sheet of areas that do not apply, with their reasons ("未涉及领域事项说明").
 * @param items area names and reasons
 */
export function exclusionSheetLayout(items: readonly { areaName: string; reason: string }[]): SheetGrid {
  return {
    name: EXCLUSION_SHEET,
    rows: [['序号', '领域', '说明'], ...items.map((x, i) => [String(i + 1), x.areaName, x.reason])],
    merges: [],
  };
}

/**
 * The channel cell: "■" before required channels, "□" before optional ones, one a line.
 * @param required required channels
 * @param optional optional channels
 */
export function formatChannels(required: readonly string[], optional: readonly string[]): string {
  return [...required.map((c) => `■${c}`), ...optional.map((c) => `□${c}`)].join('\n');
}

function columnsFor(rows: readonly Row[]): Column[] {
  const tick = (yes: boolean) => (yes ? TICK_MARK : '');
  const single = (top: string, cell: (r: Row) => string): Column => ({ top, sub: top, cell });
  const withLevel3 = rows.some((r) => r.level3.trim() !== '');
  const audiences = unique([...AUDIENCES, ...rows.map((r) => r.audience)]);
  const levels = unique([...DEFAULT_LEVELS, ...rows.flatMap((r) => r.levels)]);
  return [
    single('序号', () => ''),
    { top: '公开事项', sub: '一级事项', cell: (r) => r.level1 },
    { top: '公开事项', sub: '二级事项', cell: (r) => r.level2 },
    ...(withLevel3 ? [{ top: '公开事项', sub: '三级事项', cell: (r: Row) => r.level3 }] : []),
    single('公开内容（要素）', (r) => r.contentElements),
    single('公开依据', (r) => r.basis),
    single('公开时限', (r) => r.timeLimitText),
    single('公开主体', (r) => r.subject),
    single('公开渠道和载体', (r) => formatChannels(r.channelsRequired, r.channelsOptional)),
    ...audiences.map((a) => ({ top: '公开对象', sub: a, cell: (r: Row) => tick(r.audience === a) })),
    ...METHODS.map((m) => ({ top: '公开方式', sub: m, cell: (r: Row) => tick(r.method === m) })),
    ...levels.map((l) => ({ top: '公开层级', sub: l, cell: (r: Row) => tick(r.levels.includes(l)) })),
  ];
}

/** Group headers merged across their sub-columns; single headers merged down over the two header rows. */
function headerMerges(columns: Column[]): CellRange[] {
  const merges: CellRange[] = [];
  for (let i = 0; i < columns.length;) {
    let j = i;
    while (j + 1 < columns.length && columns[j + 1]?.top === columns[i]?.top) j++;
    if (columns[i]?.sub === columns[i]?.top) merges.push({ top: 2, left: i + 1, bottom: 3, right: i + 1 });
    else if (j > i) merges.push({ top: 2, left: i + 1, bottom: 2, right: j + 1 });
    i = j + 1;
  }
  return merges;
}

/** Vertical merges of consecutive rows with the same 一级事项 (column B), as published tables do. */
function level1Merges(rows: readonly Row[]): CellRange[] {
  const merges: CellRange[] = [];
  for (let i = 0; i < rows.length;) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1]?.level1 === rows[i]?.level1) j++;
    if (j > i) merges.push({ top: i + 4, left: 2, bottom: j + 4, right: 2 });
    i = j + 1;
  }
  return merges;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))];
}
