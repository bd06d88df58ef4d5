// Catalogue spreadsheets as governments publish them, read from plain cell text.
// Pure: the adapter (src/adapters/documents/catalogue-xlsx.ts) turns XLSX bytes into SheetCells and back.
//
// Tolerated variants: a title row above the header; one or two header rows (merged group headers
// 公开事项 / 公开对象 / 公开方式 / 公开层级 over their sub-columns, or single columns holding the value);
// 公开内容（要素） or 公开内容; 公开渠道和载体 or 公开渠道; 特定群众 for 特定群体; 依申请公开 for 依申请; any
// 公开层级 sub-column (县级, 乡级, 乡、村级, 镇级, 市级 …); tick marks ✓ √ ✔ ☑ ■ ●; channels as ■必选/□可选.
import { parseTimeLimit } from './time-limit.js';
import { validateRow, type CatalogueRowFields, type DisclosureMethod } from './catalogue-row.js';

/** A 1-based inclusive cell range (merged cells). */
export type CellRange = { top: number; left: number; bottom: number; right: number };

/**
 * One worksheet: `rows[r][c]` is the text of sheet row r+1, column c+1; a merged range's text fills every cell of it on
 * read.
 */
export type SheetGrid = { name: string; rows: string[][]; merges: CellRange[] };

/** A workbook as text. */
export type SheetCells = { sheets: SheetGrid[] };

/** A row read from a sheet, before its area is resolved. */
export type SheetRow = Omit<CatalogueRowFields, 'keyAreaId' | 'sort'> & { line: number };

/** One area's sheet: the names to match against key areas, and its rows in sheet order. */
export type SheetArea = { sheet: string; title: string; rows: SheetRow[] };

/** A "not applicable here" statement read from the 未涉及领域事项说明 sheet. */
export type SheetExclusion = { sheet: string; line: number; areaName: string; reason: string };

/** A problem at a sheet row (1-based) and column letter ('' for the whole row or sheet). */
export type SheetError = { sheet: string; row: number; column: string; message: string };

/** The name of the sheet listing areas that do not apply ("未涉及领域事项说明", as local catalogues title it). */
export const EXCLUSION_SHEET = '未涉及领域事项说明';

type TextField =
  'level1' | 'level2' | 'level3' | 'contentElements' | 'basis' | 'timeLimitText' | 'subject' | 'channels';
type Role =
  | { kind: 'seq' }
  | { kind: 'text'; field: TextField }
  | { kind: 'audience' | 'method' | 'level'; value: string }
  | { kind: 'ignored' };
type Layout = { headerRow: number; firstDataRow: number; roles: Role[] };

const TICK = /^[✓√✔☑■●▪✅Yy]|^是$/;
const UNTICK = /^[□☐×✗否Nn]?$/;

/** Text without spaces, line breaks or full-width parentheses, for comparing header labels. */
export function normLabel(text: string): string {
  return text
    .replace(/[\s\u3000]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');
}

/**
 * The column letter of a 0-based column index (0 → A, 26 → AA).
 * @param index the column index
 */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * Whether a cell of a 对象/方式/层级 column is ticked: a mark (✓ √ ■ …) or other text counts; empty, □ and × do not.
 * @param text the cell text
 */
export function isTicked(text: string): boolean {
  const t = text.trim();
  return TICK.test(t) || !UNTICK.test(t);
}

/**
 * Reads a 公开渠道和载体 cell: "■政府网站 □两微一端" (■ required, □ optional) or a plain list (all required).
 * @param text the cell text
 * @returns required and optional channel names, in order
 */
export function parseChannels(text: string): { required: string[]; optional: string[] } {
  const required: string[] = [];
  const optional: string[] = [];
  const marked = /([■☑✓√✔●□☐])\s*([^■☑✓√✔●□☐]+)/g;
  if (/[■☑✓√✔●□☐]/.test(text)) {
    for (const m of text.matchAll(marked)) {
      const name = (m[2] ?? '').replace(/^[\s、，,；;]+|[\s、，,；;]+$/g, '');
      if (name !== '') (m[1] === '□' || m[1] === '☐' ? optional : required).push(name);
    }
  } else {
    required.push(
      ...text
        .split(/[、，,；;\n]+/)
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    );
  }
  return { required, optional };
}

/**
 * Reads every catalogue sheet of a workbook into rows, or every error found (by sheet, row and column).
 * Sheets without a recognizable header are an error, so a wrong file is refused, not half-read.
 * @param cells the workbook as text (merged ranges filled)
 */
export function readCatalogueSheets(
  cells: SheetCells,
): { ok: true; areas: SheetArea[]; exclusions: SheetExclusion[] } | { ok: false; errors: SheetError[] } {
  const errors: SheetError[] = [];
  const areas: SheetArea[] = [];
  const exclusions: SheetExclusion[] = [];
  for (const sheet of cells.sheets) {
    if (normLabel(sheet.name).includes('未涉及')) {
      exclusions.push(...readExclusions(sheet, errors));
      continue;
    }
    const area = readAreaSheet(sheet, errors);
    if (area) areas.push(area);
  }
  if (areas.length === 0 && exclusions.length === 0 && errors.length === 0) {
    errors.push({ sheet: cells.sheets[0]?.name ?? '', row: 1, column: '', message: '文件中没有标准目录数据' });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, areas, exclusions };
}

function readAreaSheet(sheet: SheetGrid, errors: SheetError[]): SheetArea | undefined {
  const layout = findLayout(sheet);
  const fail = (row: number, message: string) => errors.push({ sheet: sheet.name, row, column: '', message });
  if (!layout) {
    fail(1, '未找到表头（应含“序号”“公开事项”“公开时限”等列）');
    return undefined;
  }
  const missing = missingColumns(layout.roles);
  if (missing.length > 0) {
    fail(layout.headerRow + 1, `表头缺少以下列：${missing.join('、')}`);
    return undefined;
  }
  const title =
    sheet.rows
      .slice(0, layout.headerRow)
      .flat()
      .find((t) => t.trim() !== '')
      ?.trim() ?? '';
  const rows: SheetRow[] = [];
  for (let r = layout.firstDataRow; r < sheet.rows.length; r++) {
    const row = readDataRow(sheet, r, layout.roles, errors);
    if (row) rows.push(row);
  }
  return { sheet: sheet.name, title, rows };
}

function findLayout(sheet: SheetGrid): Layout | undefined {
  const isHeader = (row: string[]) =>
    row.some((c) => ['序号', '公开事项', '一级事项', '公开时限'].includes(normLabel(c)));
  const headerRow = sheet.rows.slice(0, 15).findIndex(isHeader);
  if (headerRow < 0) return undefined;
  const top = sheet.rows[headerRow] ?? [];
  const next = sheet.rows[headerRow + 1] ?? [];
  const twoRows = next.some((c) =>
    /^(一级|二级|三级)事项$|^全社会$|^特定群[体众]$|^主动$|^依申请|级$/.test(normLabel(c)),
  );
  const width = Math.max(top.length, twoRows ? next.length : 0);
  const roles = Array.from({ length: width }, (_, c) => classify(top[c] ?? '', twoRows ? (next[c] ?? '') : ''));
  return { headerRow, firstDataRow: headerRow + (twoRows ? 2 : 1), roles };
}

function classify(topText: string, subText: string): Role {
  const t = normLabel(topText);
  const s = normLabel(subText) === t ? '' : normLabel(subText);
  const item = /^(一|二|三)级事项$/.exec(s) ?? /^(一|二|三)级事项$/.exec(t);
  if (item) return { kind: 'text', field: item[1] === '一' ? 'level1' : item[1] === '二' ? 'level2' : 'level3' };
  if (t.startsWith('公开对象')) return { kind: 'audience', value: s === '特定群众' ? '特定群体' : s };
  if (t.startsWith('公开方式')) return { kind: 'method', value: s.startsWith('依申请') ? '依申请' : s };
  if (t.startsWith('公开层级')) return { kind: 'level', value: s };
  if (t === '序号') return { kind: 'seq' };
  const fields: [string, TextField][] = [
    ['公开内容', 'contentElements'],
    ['公开依据', 'basis'],
    ['公开时限', 'timeLimitText'],
    ['公开主体', 'subject'],
    ['公开渠道', 'channels'],
  ];
  const hit = fields.find(([label]) => t.startsWith(label));
  return hit ? { kind: 'text', field: hit[1] } : { kind: 'ignored' };
}

function missingColumns(roles: Role[]): string[] {
  const has = (f: TextField) => roles.some((r) => r.kind === 'text' && r.field === f);
  const labels: [boolean, string][] = [
    [has('level1'), '一级事项'],
    [has('level2'), '二级事项'],
    [has('contentElements'), '公开内容（要素）'],
    [has('basis'), '公开依据'],
    [has('timeLimitText'), '公开时限'],
    [has('subject'), '公开主体'],
    [has('channels'), '公开渠道和载体'],
    [roles.some((r) => r.kind === 'audience'), '公开对象'],
    [roles.some((r) => r.kind === 'method'), '公开方式'],
  ];
  return labels.filter(([present]) => !present).map(([, label]) => label);
}

/** Reads one data row; blank rows and trailing notes (注：/说明：) give undefined. */
function readDataRow(sheet: SheetGrid, r: number, roles: Role[], errors: SheetError[]): SheetRow | undefined {
  const cells = sheet.rows[r] ?? [];
  const at = (c: number) => (cells[c] ?? '').trim();
  const filled = roles
    .map((role, c) => (role.kind === 'seq' || role.kind === 'ignored' ? '' : at(c)))
    .filter((t) => t !== '');
  if (
    filled.length === 0 ||
    /^(注|说明|备注)[:：]/.test(at(0)) ||
    (filled.length === 1 && /^(注|说明|备注)/.test(filled[0] ?? ''))
  ) {
    return undefined;
  }
  const text = (f: TextField) =>
    roles.flatMap((role, c) => (role.kind === 'text' && role.field === f ? [at(c)] : [])).find((t) => t !== '') ?? '';
  const colOf = (pred: (role: Role) => boolean) => columnLetter(Math.max(0, roles.findIndex(pred)));
  const textCol = (f: TextField) => colOf((role) => role.kind === 'text' && role.field === f);
  const err = (column: string, message: string) => errors.push({ sheet: sheet.name, row: r + 1, column, message });
  const before = errors.length;
  const audience = ticked(roles, 'audience', at);
  const method = ticked(roles, 'method', at);
  const levels = ticked(roles, 'level', at);
  if (audience.length !== 1) {
    err(
      colOf((x) => x.kind === 'audience'),
      audience.length === 0 ? '公开对象须勾选“全社会”或“特定群体”' : '公开对象只能勾选一项',
    );
  }
  if (method.length !== 1) {
    err(
      colOf((x) => x.kind === 'method'),
      method.length === 0 ? '公开方式须勾选“主动”或“依申请”' : '公开方式只能勾选一项',
    );
  }
  if (roles.some((x) => x.kind === 'level') && levels.length === 0) {
    err(
      colOf((x) => x.kind === 'level'),
      '公开层级至少勾选一项',
    );
  }
  const channels = parseChannels(text('channels'));
  const row: SheetRow = {
    line: r + 1,
    level1: text('level1'),
    level2: text('level2'),
    level3: text('level3'),
    contentElements: text('contentElements'),
    basis: text('basis'),
    timeLimitText: text('timeLimitText'),
    timeLimitRule: parseTimeLimit(text('timeLimitText')),
    subject: text('subject'),
    channelsRequired: channels.required,
    channelsOptional: channels.optional,
    audience: audience[0] ?? '',
    method: (method[0] ?? '主动') as DisclosureMethod,
    levels,
  };
  for (const [field, message] of Object.entries(validateRow(row))) {
    if (field === 'audience' || field === 'method') continue;
    err(textCol(field.startsWith('channels') ? 'channels' : (field as TextField)), message);
  }
  return errors.length > before ? undefined : row;
}

/** Values of the ticked columns of a group; a group held in one column gives that cell's text. */
function ticked(roles: Role[], kind: 'audience' | 'method' | 'level', at: (c: number) => string): string[] {
  const out: string[] = [];
  roles.forEach((role, c) => {
    if (role.kind !== kind || !isTicked(at(c))) return;
    if (role.value !== '') {
      out.push(role.value);
    } else if (kind === 'level') {
      // One 公开层级 column holding "县级、乡级": the values are listed in the cell.
      out.push(
        ...at(c)
          .split(/[、，,；;\s]+/)
          .filter((v) => v !== ''),
      );
    } else {
      const raw = normLabel(at(c));
      out.push(raw.startsWith('依申请') ? '依申请' : raw === '特定群众' ? '特定群体' : raw);
    }
  });
  return out;
}

function readExclusions(sheet: SheetGrid, errors: SheetError[]): SheetExclusion[] {
  const header = sheet.rows.findIndex((row) => row.some((c) => normLabel(c).includes('领域')));
  if (header < 0) return [];
  const areaCol = (sheet.rows[header] ?? []).findIndex((c) => normLabel(c).includes('领域'));
  const out: SheetExclusion[] = [];
  for (let r = header + 1; r < sheet.rows.length; r++) {
    const areaName = (sheet.rows[r]?.[areaCol] ?? '').trim();
    const reason = (sheet.rows[r]?.[areaCol + 1] ?? '').trim();
    if (areaName === '' && reason === '') continue;
    if (reason === '') {
      errors.push({
        sheet: sheet.name,
        row: r + 1,
        column: columnLetter(areaCol + 1),
        message: '未涉及领域须说明理由',
      });
    } else out.push({ sheet: sheet.name, line: r + 1, areaName, reason });
  }
  return out;
}
