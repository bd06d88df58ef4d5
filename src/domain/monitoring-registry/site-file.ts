// The website registry as a file (CSV, or one sheet of an XLSX workbook): one line per column, the site's fields
// repeated on each of its lines (a site without columns has one line with the column cells blank). Header:
// site,homeUrl,siteCode,org,kind,column,columnUrl,columnKind,intervalDays — `org` the 主办单位's 统一社会信用代码,
// `kind` portal|department|special, `columnKind` news|notice|policy|should_update|static|interaction|service.
import { columnLetter, type SheetError } from '../standard-catalogue/sheet.js';
import type { ColumnKind, MonitoredSite, SiteKind } from './registry.js';

/** The header of a registry file (a contract: exports write it, imports require it). */
export const SITE_FILE_HEADER = [
  'site',
  'homeUrl',
  'siteCode',
  'org',
  'kind',
  'column',
  'columnUrl',
  'columnKind',
  'intervalDays',
] as const;

/** One site read from a file: its fields as typed, the 主办单位's credit code, its columns and the lines. */
export type SiteFileEntry = {
  name: string;
  homeUrl: string;
  siteCode: string;
  orgCode: string;
  kind: string;
  line: number;
  columns: { name: string; url: string; kind: string; intervalDays: string; line: number }[];
};

/** Column letter of a header field. */
export const siteFileColumn = (field: (typeof SITE_FILE_HEADER)[number]): string =>
  columnLetter(SITE_FILE_HEADER.indexOf(field));

/**
 * Reads the rows of a registry file (first row the header), grouping lines by site name; a site's fields must be
 * the same on each of its lines.
 * @param lineOf the line number (1-based) of the row at an index
 */
export function readSiteRows(
  sheet: string,
  rows: readonly (readonly string[])[],
  lineOf: (index: number) => number = (i) => i + 1,
): { ok: true; sites: SiteFileEntry[] } | { ok: false; errors: SheetError[] } {
  const header = (rows[0] ?? []).map((h) => h.trim());
  const missing = SITE_FILE_HEADER.filter((h, i) => header[i] !== h);
  if (missing.length > 0) {
    return {
      ok: false,
      errors: [{ sheet, row: lineOf(0), column: 'A', message: `表头应为：${SITE_FILE_HEADER.join(',')}` }],
    };
  }
  const errors: SheetError[] = [];
  const sites = new Map<string, SiteFileEntry>();
  rows.slice(1).forEach((raw, i) => {
    const line = lineOf(i + 1);
    const cell = (f: (typeof SITE_FILE_HEADER)[number]) => (raw[SITE_FILE_HEADER.indexOf(f)] ?? '').trim();
    if (raw.every((c) => c.trim() === '')) return;
    const name = cell('site');
    if (name === '') {
      errors.push({ sheet, row: line, column: siteFileColumn('site'), message: '缺少网站名称' });
      return;
    }
    const fields = { homeUrl: cell('homeUrl'), siteCode: cell('siteCode'), orgCode: cell('org'), kind: cell('kind') };
    let entry = sites.get(name);
    if (!entry) {
      entry = { name, ...fields, line, columns: [] };
      sites.set(name, entry);
    } else {
      for (const [k, v] of Object.entries(fields) as [keyof typeof fields, string][]) {
        const field = k === 'orgCode' ? 'org' : k;
        if (v !== entry[k]) {
          errors.push({
            sheet,
            row: line,
            column: siteFileColumn(field),
            message: `与第${entry.line}行同一网站的“${field}”不一致`,
          });
        }
      }
    }
    const column = cell('column');
    const rest = [cell('columnUrl'), cell('columnKind'), cell('intervalDays')];
    if (column === '' && rest.every((c) => c === '')) return;
    entry.columns.push({ name: column, url: rest[0]!, kind: rest[1]!, intervalDays: rest[2]!, line });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, sites: [...sites.values()] };
}

/** The registry as file rows (header first), sites by name, columns in order. */
export function siteFileRows(sites: readonly MonitoredSite[], orgCode: (orgId: string) => string): string[][] {
  const rows: string[][] = [[...SITE_FILE_HEADER]];
  for (const s of sites) {
    const head = [s.name, s.homeUrl, s.siteCode, orgCode(s.orgId), s.kind];
    if (s.columns.length === 0) rows.push([...head, '', '', '', '']);
    for (const c of s.columns) {
      rows.push([...head, c.name, c.url, c.kind, c.intervalDays === null ? '' : String(c.intervalDays)]);
    }
  }
  return rows;
}

export type { ColumnKind, SiteKind };
