// Account and post files of 政务新媒体 (CSV or XLSX, the same header): pure reading and validation, every error
// at once with its sheet, row and column, so an import is all or nothing.
import { parseCsv } from '../core/csv.js';
import { parseLocalDate, type LocalDate } from '../core/local-date.js';
import { columnLetter } from '../standard-catalogue/sheet.js';
import { ACCOUNT_STATUSES, PLATFORMS, type AccountStatus, type Platform } from './accounts.js';

/** Header of account files, in this order. */
export const ACCOUNT_HEADER = [
  'platform',
  'name',
  'verifiedName',
  'org',
  'filingNo',
  'interaction',
  'openedOn',
  'status',
  'feedUrl',
] as const;

/** Header of post files, in this order. */
export const POST_HEADER = ['platform', 'account', 'postedAt', 'title', 'url', 'comments', 'answered'] as const;

/** A table read from a file: the sheet's name ('' for CSV) and its non-blank rows with their 1-based numbers. */
export type ImportTable = { sheet: string; rows: { line: number; fields: string[] }[] };

/** A problem at a sheet, row and column (`column` the header name, `cell` like `B3`; both '' for a whole row). */
export type MediaImportError = { sheet: string; row: number; column: string; cell: string; message: string };

/** One valid account row. */
export type AccountRow = {
  line: number;
  platform: Platform;
  name: string;
  verifiedName: string;
  orgCreditCode: string;
  filingNo: string;
  interaction: boolean;
  openedOn: LocalDate | null;
  status: AccountStatus;
  feedUrl: string;
};

/** One valid post row (`postedAt` as `YYYY-MM-DDTHH:mm`, office time). */
export type PostRow = {
  line: number;
  platform: Platform;
  account: string;
  postedAt: string;
  title: string;
  url: string;
  comments: number;
  answered: number;
};

type Parsed<T> = { ok: true; rows: T[] } | { ok: false; errors: MediaImportError[] };

/**
 * CSV text as a table.
 * @returns the table, or the syntax error at its line
 */
export function csvTable(text: string): { ok: true; table: ImportTable } | { ok: false; errors: MediaImportError[] } {
  const parsed = parseCsv(text);
  if (!parsed.ok) {
    const { line, message } = parsed.error;
    return { ok: false, errors: [{ sheet: '', row: line, column: '', cell: '', message: `第${line}行：${message}` }] };
  }
  return { ok: true, table: { sheet: '', rows: parsed.records } };
}

/** A worksheet's rows as a table (blank rows left out). */
export function sheetTable(name: string, rows: readonly string[][]): ImportTable {
  return {
    sheet: name,
    rows: rows
      .map((fields, i) => ({ line: i + 1, fields: fields.map((f) => f ?? '') }))
      .filter((r) => r.fields.some((f) => f.trim() !== '')),
  };
}

class Collector {
  readonly errors: MediaImportError[] = [];
  constructor(
    private readonly sheet: string,
    private readonly header: readonly string[],
  ) {}
  add(row: number, column: string, message: string) {
    const i = this.header.indexOf(column);
    const cell = i < 0 ? '' : `${columnLetter(i)}${row}`;
    const where = this.sheet ? `工作表“${this.sheet}”` : '';
    const col = column ? `“${column}”列${cell ? `（${cell}）` : ''}` : '';
    this.errors.push({ sheet: this.sheet, row, column, cell, message: `${where}第${row}行${col}：${message}` });
  }
}

/** Checks the header row and hands each data row's getter to `row`. */
function readTable<T>(
  table: ImportTable,
  header: readonly string[],
  row: (get: (col: string) => string, err: (col: string, msg: string) => void, line: number) => T | undefined,
): Parsed<T> {
  const c = new Collector(table.sheet, header);
  const [head, ...body] = table.rows;
  const got = head?.fields.map((f) => f.trim().replace(/^\uFEFF/, '')) ?? [];
  while (got.length > header.length && got[got.length - 1] === '') got.pop();
  if (got.join(',') !== header.join(',')) {
    c.add(head?.line ?? 1, '', `表头应为：${header.join(',')}`);
    return { ok: false, errors: c.errors };
  }
  if (body.length === 0) c.add((head?.line ?? 1) + 1, '', '文件中没有数据行');
  const rows: T[] = [];
  for (const rec of body) {
    const before = c.errors.length;
    const extra = rec.fields.slice(header.length).some((f) => f.trim() !== '');
    if (extra) c.add(rec.line, '', `应有${header.length}列，实有${rec.fields.length}列`);
    const get = (col: string) => (rec.fields[header.indexOf(col)] ?? '').trim();
    const r = row(get, (col, msg) => c.add(rec.line, col, msg), rec.line);
    if (r && c.errors.length === before) rows.push(r);
  }
  return c.errors.length > 0 ? { ok: false, errors: c.errors } : { ok: true, rows };
}

const isPlatform = (x: string): x is Platform => (PLATFORMS as readonly string[]).includes(x);

function platformOf(get: (c: string) => string, err: (c: string, m: string) => void): Platform | undefined {
  const p = get('platform');
  if (isPlatform(p)) return p;
  err('platform', `平台代码应为：${PLATFORMS.join('、')}（实为“${p}”）`);
  return undefined;
}

/**
 * Reads an account file. `org` must be the 统一社会信用代码 of one of `knownOrgs`; the same platform and name
 * may appear once.
 */
export function parseAccountTable(table: ImportTable, knownOrgs: ReadonlySet<string>, today: LocalDate) {
  const seen = new Map<string, number>();
  return readTable<AccountRow>(table, ACCOUNT_HEADER, (get, err, line) => {
    const platform = platformOf(get, err);
    const name = get('name');
    if (name === '') err('name', '账号名称不能为空');
    else if (name.length > 100) err('name', '账号名称不能超过100字');
    const key = `${platform}:${name}`;
    const first = seen.get(key);
    if (first !== undefined && name !== '') err('name', `与第${first}行的账号重复（平台和名称相同）`);
    else seen.set(key, line);
    const org = get('org').toUpperCase();
    if (!knownOrgs.has(org)) err('org', `未知主办单位（统一社会信用代码）：${org || '（空）'}`);
    const inter = get('interaction').toLowerCase();
    if (inter !== 'yes' && inter !== 'no') err('interaction', '应为 yes 或 no');
    const status = get('status');
    if (!(ACCOUNT_STATUSES as readonly string[]).includes(status)) {
      err('status', `状态应为：${ACCOUNT_STATUSES.join('、')}`);
    }
    const openedOn = optionalDate(get('openedOn'), today, (m) => err('openedOn', m));
    const feedUrl = get('feedUrl');
    if (feedUrl !== '' && !/^https?:\/\/\S+$/i.test(feedUrl)) err('feedUrl', '订阅地址应以 http:// 或 https:// 开头');
    if (!platform || openedOn === undefined) return undefined;
    return {
      line,
      platform,
      name,
      verifiedName: get('verifiedName'),
      orgCreditCode: org,
      filingNo: get('filingNo'),
      interaction: inter === 'yes',
      openedOn,
      status: status as AccountStatus,
      feedUrl,
    };
  });
}

/**
 * Reads a post file. Each `platform`+`account` must name a registered account (`knownAccounts` holds their
 * keys `"<platform>:<name>"`); posts after `now` (local `YYYY-MM-DDTHH:mm`) are refused.
 */
export function parsePostTable(table: ImportTable, knownAccounts: ReadonlySet<string>, now: string) {
  return readTable<PostRow>(table, POST_HEADER, (get, err, line) => {
    const platform = platformOf(get, err);
    const account = get('account');
    if (account === '') err('account', '账号名称不能为空');
    else if (platform && !knownAccounts.has(`${platform}:${account}`)) {
      err('account', `未登记的账号：${platform}:${account}`);
    }
    const postedAt = parsePostedAt(get('postedAt'));
    if (!postedAt) err('postedAt', '发布时间应为 YYYY-MM-DD 或 YYYY-MM-DD HH:mm');
    else if (postedAt > now) err('postedAt', '发布时间不能晚于当前时间');
    const title = get('title');
    if (title === '') err('title', '标题不能为空');
    else if (title.length > 500) err('title', '标题不能超过500字');
    const url = get('url');
    if (url !== '' && !/^https?:\/\/\S+$/i.test(url)) err('url', '链接应以 http:// 或 https:// 开头');
    const comments = count(get('comments'), (m) => err('comments', m));
    const answered = count(get('answered'), (m) => err('answered', m));
    if (comments !== undefined && answered !== undefined && answered > comments) {
      err('answered', '已回复数不能大于留言数');
    }
    if (!platform || !postedAt || comments === undefined || answered === undefined) return undefined;
    return { line, platform, account, postedAt, title, url, comments, answered };
  });
}

/**
 * A post time as `YYYY-MM-DDTHH:mm`: `YYYY-MM-DD`, `YYYY-MM-DD HH:mm[:ss]`, `YYYY/MM/DD HH:mm` or the same with
 * `T`; undefined when it is none of them or not a real date.
 */
export function parsePostedAt(text: string): string | undefined {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::\d{2})?)?$/.exec(text.trim());
  if (!m) return undefined;
  const pad = (s: string | undefined, d = '00') => (s ?? d).padStart(2, '0');
  const date = parseLocalDate(`${m[1]}-${pad(m[2])}-${pad(m[3])}`);
  if (!date.ok) return undefined;
  const [h, min] = [Number(m[4] ?? 0), Number(m[5] ?? 0)];
  if (h > 23 || min > 59) return undefined;
  return `${date.value}T${pad(m[4])}:${pad(m[5])}`;
}

function optionalDate(raw: string, today: LocalDate, err: (m: string) => void): LocalDate | null | undefined {
  if (raw === '') return null;
  const d = parseLocalDate(raw.replace(/\//g, '-'));
  if (!d.ok) {
    err('日期应为 YYYY-MM-DD');
    return undefined;
  }
  if (d.value > today) {
    err('日期不能晚于今天');
    return undefined;
  }
  return d.value;
}

function count(raw: string, err: (m: string) => void): number | undefined {
  if (raw === '') return 0;
  if (!/^\d{1,9}$/.test(raw)) {
    err('应为非负整数');
    return undefined;
  }
  return Number(raw);
}
