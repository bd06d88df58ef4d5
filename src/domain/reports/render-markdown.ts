/**
 * Renders an annual report as Markdown: title, preamble, the six parts with their narrative, and
 * the official tables as pipe tables in the shape of the seed report's page — the caption row of each
 * section-二 table, the three header rows of section 三 with the merged group labels written once in
 * their first row, the three header rows of section 四.
 * Merged cells become empty cells, so every row of a table has the same number of cells
 * (GitHub-flavoured Markdown needs it). Pure: returns a string.
 */
import { APPLICANT_COLUMNS, type ReportFormat } from './annual-report.js';
import { article20Tables } from './labels.js';
import {
  reportParts,
  reportTitle,
  preamble,
  headGrid,
  applicationsHead,
  applicationLines,
  applicationCell,
  article20Cells,
  reviewsHead,
  reviewCells,
  showCell,
  type RenderableReport,
} from './render-text.js';

/** Escapes a table cell: pipes, backslashes, HTML-ish brackets, line breaks. */
export function escapeCell(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n/g, ' ');
}

/** Escapes a paragraph line so that it stays a paragraph (no heading, list, quote or HTML). */
export function escapeLine(s: string): string {
  const safe = s
    .replace(/\\/g, '\\\\')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([*_`[\]])/g, '\\$1');
  // Backslash escapes only work before ASCII punctuation: `1\. ` is no list item (a backslash before the digit would be
  // printed).
  return safe.replace(/^(\s*)([#=+-])/, '$1\\$2').replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2');
}

const row = (cells: string[]): string => `| ${cells.map(escapeCell).join(' | ')} |`;
const rule = (width: number): string => `|${' --- |'.repeat(width)}`;

/** A pipe table whose first row is the header row (GFM needs one), then the delimiter row. */
function table(rows: string[][]): string {
  const [head, ...body] = rows;
  return [row(head!), rule(head!.length), ...body.map(row)].join('\n');
}

function article20Md(report: RenderableReport, format: ReportFormat): string[] {
  return article20Tables(format).map((t) => {
    const width = t.header.length;
    const caption = [t.caption, ...Array<string>(width - 1).fill('')];
    return table([
      caption,
      t.header,
      ...t.rows.map(({ code, label }) => [label, ...article20Cells(report, code, t.columns)]),
    ]);
  });
}

function applicationsMd(report: RenderableReport, format: ReportFormat): string {
  const blank = (k: number) => Array<string>(k).fill('');
  const rows = headGrid(applicationsHead());
  // Label columns: the groups that start on a row, then the row's own label, padded to 3.
  const open: number[] = [];
  for (const line of applicationLines(format)) {
    const depth = open.filter((left) => left > 0).length;
    const labels = [...blank(depth), ...line.groups.map((g) => g.label), line.label];
    const cells = APPLICANT_COLUMNS.map((c) => showCell(applicationCell(report, format, line.code, c)));
    rows.push([...labels, ...blank(3 - labels.length), ...cells]);
    for (let i = 0; i < open.length; i++) open[i]! -= 1;
    for (const g of line.groups) open.push(g.rows - 1);
  }
  return table(rows);
}

function reviewsMd(report: RenderableReport): string {
  return table([...headGrid(reviewsHead()), reviewCells(report)]);
}

function paragraphs(body: string | null): string[] {
  if (body === null) return ['（未填写）'];
  return body
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map(escapeLine);
}

/** Renders the whole report as Markdown in `format` (blocks separated by blank lines). */
export function renderReportMarkdown(report: RenderableReport, format: ReportFormat): string {
  const intro = preamble(report);
  const parts = reportParts<string[]>(report, {
    narrative: paragraphs,
    article20: () => article20Md(report, format),
    applications: () => [applicationsMd(report, format)],
    reviews: () => [reviewsMd(report)],
  });
  const blocks = [
    `# ${escapeLine(reportTitle(report))}`,
    ...(intro ? [escapeLine(intro)] : []),
    ...parts.flatMap((p) => [`## ${p.title}`, ...p.content]),
  ];
  return `${blocks.join('\n\n')}\n`;
}
