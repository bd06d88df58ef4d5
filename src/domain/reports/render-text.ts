/**
 * Renders an annual report (the generator's model, or the checker's output) into the official tables of
 * a format as text: pipe rows like the seed report's page, in the official row and column order
 * with the official labels (国办公开办函〔2021〕30号, 〔2019〕60号). Pure: returns a string.
 *
 * Also holds what the text, HTML and Markdown renderers share: the input type, the choice of format, cell
 * display, the six parts in order, the section-三 row layout with its merged group labels, the header
 * rows of sections 三 and 四 with their merged cells, and the list of figures a format has no place for.
 */
import {
  APPLICANT_COLUMNS,
  REVIEW_COLUMNS,
  REVIEW_ROWS,
  applicationRows,
  formatForYear,
  type Applications,
  type ApplicationRow,
  type ApplicantColumn,
  type Article20,
  type Article20Column,
  type Article20Row,
  type Cell,
  type ReportFormat,
  type Reviews,
} from './annual-report.js';
import {
  APPLICANT_COLUMN_LABELS,
  APPLICATIONS_NOTE,
  APPLICATION_GROUP_LABELS,
  APPLICATION_ROW_LABELS,
  REVIEW_COLUMN_LABELS,
  SECTION_KEYS,
  SECTION_TITLES,
  article20Tables,
  type NarrativeKey,
  type SectionKey,
} from './labels.js';

/**
 * What the renderers take: the annual-report JSON or a `report check --json` record. Every part
 * is optional and read defensively (a value of the wrong type is shown as a blank cell).
 */
export interface RenderableReport {
  format?: ReportFormat | null;
  year?: number | null;
  organization?: { name?: string | null } | null;
  contact?: { address?: string | null; postcode?: string | null; phone?: string | null } | null;
  sections?: { overview?: string | null; problems?: string | null; other?: string | null } | null;
  article20?: Article20 | null;
  applications?: Applications | null;
  reviews?: Reviews | null;
}

const isFormat = (v: unknown): v is ReportFormat => v === '2019' || v === '2021';
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const yearOf = (r: RenderableReport): number | null =>
  typeof r.year === 'number' && Number.isInteger(r.year) ? r.year : null;

/** The format to render: the requested one, else the report's own, else the one its year wants. */
export function renderFormat(report: RenderableReport, requested?: ReportFormat | null): ReportFormat | null {
  if (requested) return requested;
  if (isFormat(report.format)) return report.format;
  return formatForYear(yearOf(report));
}

/** The report's title, e.g. `淮阴区人民政府办公室2020年政府信息公开工作年度报告`. */
export function reportTitle(report: RenderableReport): string {
  const year = yearOf(report);
  return `${text(report.organization?.name) ?? ''}${year === null ? '' : `${year}年`}政府信息公开工作年度报告`;
}

/** The opening paragraph (issuer, statistical period, contact), as far as the report states them. */
export function preamble(report: RenderableReport): string | null {
  const name = text(report.organization?.name);
  const year = yearOf(report);
  const c = report.contact ?? {};
  const contact = [
    ['地址', c.address],
    ['邮编', c.postcode],
    ['电话', c.phone],
  ]
    .filter(([, v]) => text(v) !== null)
    .map(([k, v]) => `${k}：${v as string}`)
    .join('，');
  const parts: string[] = [];
  if (name) parts.push(`本报告由${name}根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定编制。`);
  if (year !== null) parts.push(`报告所列数据的统计期限自${year}年1月1日至${year}年12月31日。`);
  if (contact) parts.push(`如对本报告有疑问，请与${name ?? '本机关'}联系（${contact}）。`);
  return parts.length > 0 ? parts.join('') : null;
}

/**
 * The narrative of a section (一, 五, 六), or null. A first line that is only the tail of the
 * section's own heading (a checker that cut a reworded heading short, e.g. `及改进情况`) is dropped.
 */
export function sectionBody(report: RenderableReport, key: NarrativeKey): string | null {
  const body = text(report.sections?.[key]);
  if (body === null) return null;
  const [first, ...rest] = body.split('\n');
  const tail = (first ?? '').trim();
  return tail.length > 0 && SECTION_TITLES[key].endsWith(tail) ? text(rest.join('\n')) : body;
}

/** A cell as printed: blank for null/absent, `+8` for a positive 本年增/减, the unit after a procurement amount. */
export function showCell(value: unknown, column?: Article20Column, unit?: unknown): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '';
  if (column === 'change' && value > 0) return `+${value}`;
  if (column === 'amount' && typeof unit === 'string' && unit !== '') return `${value}${unit}`;
  return String(value);
}

const obj = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** The printed cells of one section-二 row (the unit is printed only after the 2019 采购总金额). */
export function article20Cells(report: RenderableReport, row: Article20Row, columns: Article20Column[]): string[] {
  const entry = obj(obj(report.article20)[row]);
  return columns.map((c) => showCell(entry[c], c, row === 'procurement' ? entry.unit : undefined));
}

/** A section-三 row's value in a column. A 2019 rendering of a 2021 report sums （六）1–3 into its one 其他处理 row. */
export function applicationCell(
  report: RenderableReport,
  format: ReportFormat,
  row: ApplicationRow,
  column: ApplicantColumn,
): Cell | undefined {
  const apps = obj(report.applications);
  const v = obj(apps[row])[column];
  if (typeof v === 'number' || v === null) return v;
  if (format !== '2019' || row !== 'other') return undefined;
  const parts = ['other.correction_lapsed', 'other.fee_unpaid', 'other.other'].map((r) => obj(apps[r])[column]);
  if (!parts.some((p) => typeof p === 'number')) return undefined;
  return parts.reduce<number>((sum, p) => sum + (typeof p === 'number' ? p : 0), 0);
}

/** One printed row of the section-三 table: merged group labels that start on it, then its own label. */
export interface ApplicationLine {
  code: ApplicationRow;
  label: string;
  /** How many label columns (of 3) the row's own label spans. */
  span: 1 | 2 | 3;
  /** Group labels that begin on this row, outermost first, with the number of rows they span. */
  groups: { label: string; rows: number }[];
}

const GROUP_OF: [prefix: string, label: string][] = [
  ['withheld.', APPLICATION_GROUP_LABELS.withheld],
  ['unavailable.', APPLICATION_GROUP_LABELS.unavailable],
  ['not_processed.', APPLICATION_GROUP_LABELS.not_processed],
  ['other.', APPLICATION_GROUP_LABELS.other],
];

/** The section-三 rows of a format with their merged group labels, as the official table prints them. */
export function applicationLines(format: ReportFormat): ApplicationLine[] {
  const rows = applicationRows(format);
  const outcomes: ApplicationRow[] = rows.filter((r) => r !== 'new' && r !== 'carried_over' && r !== 'carried_forward');
  return rows.map((code) => {
    const line: ApplicationLine = { code, label: APPLICATION_ROW_LABELS[code], span: 3, groups: [] };
    if (!outcomes.includes(code)) return line;
    if (code === outcomes[0]) line.groups.push({ label: APPLICATION_GROUP_LABELS.outcomes, rows: outcomes.length });
    const group = GROUP_OF.find(([prefix]) => code.startsWith(prefix));
    line.span = group ? 1 : 2;
    if (group && rows.find((r) => r.startsWith(group[0])) === code) {
      line.groups.push({ label: group[1], rows: rows.filter((r) => r.startsWith(group[0])).length });
    }
    return line;
  });
}

/** Section-四 header rows as printed (the seed's layout: 行政复议 | 行政诉讼, then the sub-heads). */
export const REVIEW_HEAD = {
  reconsideration: '行政复议',
  litigation: '行政诉讼',
  direct: '未经复议直接起诉',
  afterReconsideration: '复议后起诉',
} as const;

/** A header cell of an official table: its label and the columns and rows it spans (1 when absent). */
export type HeadCell = { label: string; cols?: number; rows?: number };

/** Section 三's three header rows: the 勾稽 note over the label columns, 申请人情况, 法人或其他组织. */
export function applicationsHead(): HeadCell[][] {
  const L = APPLICANT_COLUMN_LABELS;
  const firms = [L.business, L.research, L.nonprofit, L.legal_services, L.other];
  return [
    [
      { label: APPLICATIONS_NOTE, cols: 3, rows: 3 },
      { label: '申请人情况', cols: 7 },
    ],
    [
      { label: L.natural_person, rows: 2 },
      { label: '法人或其他组织', cols: 5 },
      { label: L.total, rows: 2 },
    ],
    firms.map((label) => ({ label })),
  ];
}

/** Section 四's three header rows: 行政复议 | 行政诉讼, the results and the two kinds of suit, their results. */
export function reviewsHead(): HeadCell[][] {
  const leaf = REVIEW_COLUMNS.map((c) => REVIEW_COLUMN_LABELS[c]);
  const H = REVIEW_HEAD;
  return [
    [
      { label: H.reconsideration, cols: 5 },
      { label: H.litigation, cols: 10 },
    ],
    [
      ...leaf.map((label) => ({ label, rows: 2 })),
      { label: H.direct, cols: 5 },
      { label: H.afterReconsideration, cols: 5 },
    ],
    [...leaf, ...leaf].map((label) => ({ label })),
  ];
}

/** Header rows as a rectangular grid: each cell's label at its top-left corner, blank where a span covers. */
export function headGrid(head: readonly HeadCell[][]): string[][] {
  const grid: (string | undefined)[][] = head.map(() => []);
  head.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (grid[r]![c] !== undefined) c += 1;
      for (let dr = 0; dr < (cell.rows ?? 1); dr++) {
        for (let dc = 0; dc < (cell.cols ?? 1); dc++) grid[r + dr]![c + dc] = dr === 0 && dc === 0 ? cell.label : '';
      }
      c += cell.cols ?? 1;
    }
  });
  return grid.map((row) => Array.from(row, (v) => v ?? ''));
}

/** What a renderer makes of each part: a narrative part from its text (null when unwritten), the three tables. */
export type PartRenderer<T> = {
  narrative: (body: string | null, key: NarrativeKey) => T;
  article20: () => T;
  applications: () => T;
  reviews: () => T;
};

/** The six parts in order, each with its heading and what `render` made of it. */
export function reportParts<T>(
  report: RenderableReport,
  render: PartRenderer<T>,
): { key: SectionKey; title: string; content: T }[] {
  return SECTION_KEYS.map((key) => ({
    key,
    title: SECTION_TITLES[key],
    content:
      key === 'article20' || key === 'applications' || key === 'reviews'
        ? render[key]()
        : render.narrative(sectionBody(report, key), key),
  }));
}

/** The 15 printed cells of the section-四 row. */
export function reviewCells(report: RenderableReport): string[] {
  const reviews = obj(report.reviews);
  return REVIEW_ROWS.flatMap((g) => REVIEW_COLUMNS.map((c) => showCell(obj(reviews[g])[c])));
}

const pipe = (cells: string[]): string => `${cells.join(' | ')} |`;

function article20Text(report: RenderableReport, format: ReportFormat): string[] {
  const out: string[] = [];
  for (const t of article20Tables(format)) {
    out.push(pipe([t.caption]), pipe(t.header));
    for (const { code, label } of t.rows) out.push(pipe([label, ...article20Cells(report, code, t.columns)]));
  }
  return out;
}

function applicationsText(report: RenderableReport, format: ReportFormat): string[] {
  const out = applicationsHead().map((row) => pipe(row.map((c) => c.label)));
  for (const line of applicationLines(format)) {
    const cells = APPLICANT_COLUMNS.map((c) => showCell(applicationCell(report, format, line.code, c)));
    out.push(pipe([...line.groups.map((g) => g.label), line.label, ...cells]));
  }
  return out;
}

function reviewsText(report: RenderableReport): string[] {
  return [...reviewsHead().map((row) => pipe(row.map((c) => c.label))), pipe(reviewCells(report))];
}

/** Renders the whole report as text in `format`: title, preamble, six parts, the three tables. */
export function renderReportText(report: RenderableReport, format: ReportFormat): string {
  const intro = preamble(report);
  const parts = reportParts<string[]>(report, {
    narrative: (body) => (body === null ? [] : [body]),
    article20: () => article20Text(report, format),
    applications: () => applicationsText(report, format),
    reviews: () => reviewsText(report),
  });
  const out = [reportTitle(report), ...(intro ? [intro] : []), ...parts.flatMap((p) => [p.title, ...p.content])];
  return `${out.join('\n')}\n`;
}

/**
 * Figures of the report that the tables of `format` have no cell for (e.g. a 2019 report's
 * 采购 figures rendered in the 2021 format), as `section.row.column` paths.
 */
export function unrenderedFigures(report: RenderableReport, format: ReportFormat): string[] {
  const out: string[] = [];
  const tables = article20Tables(format);
  for (const [row, entry] of Object.entries(obj(report.article20))) {
    const columns = tables.find((t) => t.rows.some((r) => r.code === row))?.columns ?? [];
    for (const [col, v] of Object.entries(obj(entry))) {
      if (typeof v === 'number' && !columns.includes(col as Article20Column)) out.push(`article20.${row}.${col}`);
    }
  }
  const rows: string[] = applicationRows(format);
  for (const [row, cells] of Object.entries(obj(report.applications))) {
    const shown =
      rows.includes(row) ||
      (format === '2019' && row.startsWith('other.') && obj(report.applications).other === undefined);
    if (!shown && Object.values(obj(cells)).some((v) => typeof v === 'number')) out.push(`applications.${row}`);
  }
  return out;
}
