/**
 * Renders an annual report into a standalone HTML page in the official layout of a format:
 * semantic tables with `<caption>`, `<th scope>` and the merged header cells of the official
 * tables (section 三: the 勾稽 note over the three label columns, 申请人情况 / 法人或其他组织;
 * section 四: 行政复议 / 行政诉讼 / 未经复议直接起诉 / 复议后起诉), group labels merged down
 * their rows. Every numeric cell carries a stable address, `data-cell="<section>.<row>.<column>"`
 * (`applications.new.natural_person`, `article20.rules.made`, `reviews.reconsideration.upheld`), so
 * tests, scripts and styles can find a figure without counting columns. Pure: returns a string;
 * every value from the report is escaped.
 */
import { APPLICANT_COLUMNS, REVIEW_COLUMNS, REVIEW_ROWS, type ReportFormat } from './annual-report.js';
import { escapeHtml } from '../core/text.js';
import { SECTION_NAMES, article20Tables } from './labels.js';
import {
  applicationCell,
  applicationLines,
  applicationsHead,
  article20Cells,
  preamble,
  reportParts,
  reportTitle,
  reviewCells,
  reviewsHead,
  showCell,
  type HeadCell,
  type RenderableReport,
} from './render-text.js';

/** The addresses of the 15 section-四 cells, in printed order (`reconsideration.upheld` …). */
const REVIEW_CELLS = REVIEW_ROWS.flatMap((g) => REVIEW_COLUMNS.map((c) => `${g}.${c}`));

const th = (
  label: string,
  scope: 'col' | 'colgroup' | 'row' | 'rowgroup',
  span: { cols?: number; rows?: number } = {},
): string => {
  const cs = span.cols && span.cols > 1 ? ` colspan="${span.cols}"` : '';
  const rs = span.rows && span.rows > 1 ? ` rowspan="${span.rows}"` : '';
  return `<th scope="${scope}"${cs}${rs}>${escapeHtml(label)}</th>`;
};
/** Header rows as `<tr>`s: a cell spanning columns heads a column group. */
const headRows = (head: readonly HeadCell[][]): string[] =>
  head.map((row) => `<tr>${row.map((h) => th(h.label, (h.cols ?? 1) > 1 ? 'colgroup' : 'col', h)).join('')}</tr>`);

/** A numeric cell; `cell` is its stable address `<section>.<row>.<column>` (e.g. `applications.new.natural_person`). */
const td = (value: string, cell: string): string =>
  `<td class="num" data-cell="${escapeHtml(cell)}">${escapeHtml(value)}</td>`;

function paragraphs(body: string | null): string {
  if (body === null) return '<p class="blank">（未填写）</p>';
  return body
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('\n');
}

function article20Html(report: RenderableReport, format: ReportFormat): string {
  return article20Tables(format)
    .map((t) => {
      const head = `<thead><tr>${t.header.map((h) => th(h, 'col')).join('')}</tr></thead>`;
      const rows = t.rows.map(({ code, label }) => {
        const cells = article20Cells(report, code, t.columns).map((v, i) =>
          td(v, `article20.${code}.${t.columns[i]!}`),
        );
        return `<tr>${th(label, 'row')}${cells.join('')}</tr>`;
      });
      return `<table class="a20"><caption>${escapeHtml(t.caption)}</caption>\n${head}\n<tbody>\n${rows.join('\n')}\n</tbody></table>`;
    })
    .join('\n');
}

function applicationsHtml(report: RenderableReport, format: ReportFormat): string {
  const rows = applicationLines(format).map((line) => {
    const groups = line.groups.map((g) => th(g.label, 'rowgroup', { rows: g.rows }));
    const cells = APPLICANT_COLUMNS.map((c) =>
      td(showCell(applicationCell(report, format, line.code, c)), `applications.${line.code}.${c}`),
    );
    return `<tr>${groups.join('')}${th(line.label, 'row', { cols: line.span })}${cells.join('')}</tr>`;
  });
  const head = [
    '<colgroup span="3"></colgroup><colgroup span="7"></colgroup>',
    '<thead>',
    ...headRows(applicationsHead()),
    '</thead>',
  ].join('\n');
  const caption = escapeHtml(SECTION_NAMES.applications);
  return `<table class="apps"><caption>${caption}</caption>\n${head}\n<tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function reviewsHtml(report: RenderableReport): string {
  return [
    `<table class="reviews"><caption>${escapeHtml(SECTION_NAMES.reviews)}</caption>`,
    '<colgroup span="5"></colgroup><colgroup span="5"></colgroup><colgroup span="5"></colgroup>',
    '<thead>',
    ...headRows(reviewsHead()),
    '</thead>',
    `<tbody>\n<tr>${reviewCells(report)
      .map((v, i) => td(v, `reviews.${REVIEW_CELLS[i]!}`))
      .join('')}</tr>\n</tbody></table>`,
  ].join('\n');
}

function figures(charts: string[]): string {
  return charts.map((svg) => `\n<figure class="chart">\n${svg}\n</figure>`).join('');
}

const STYLE = [
  'body{font-family:"Noto Serif CJK SC","Songti SC",SimSun,serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.7}',
  'h1{text-align:center;font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}',
  'table{border-collapse:collapse;width:100%;margin:1rem 0;font-size:.9rem}',
  'caption{font-weight:bold;text-align:left;padding:.3rem 0}',
  'th,td{border:1px solid #333;padding:.25rem .4rem;vertical-align:middle}',
  'th{font-weight:normal;text-align:left}thead th{text-align:center}',
  'td.num{text-align:center;min-width:2.5em}.blank{color:#777}',
  'figure.chart{margin:1rem 0}figure.chart svg{max-width:100%;height:auto}',
].join('\n');

export interface HtmlRenderOptions {
  /** SVG charts (charts.ts output, trusted markup) shown after the section-三 table. */
  charts?: string[];
}

/** Options of the body fragment: charts, and the level of the title heading (1 on its own page). */
export interface HtmlBodyOptions extends HtmlRenderOptions {
  /** Level of the report title (1–5); section headings are one level below. Default 1. */
  titleLevel?: number;
  /** A 说明 after a computed section's table (figure-notes.ts), for the back office: how the system counted it. */
  notes?: Partial<Record<'article20' | 'applications' | 'reviews', string>>;
}

/** A section's 说明 paragraph, or nothing. */
const note = (text: string | undefined): string =>
  text ? `\n<p class="figure-note"><strong>说明：</strong>${escapeHtml(text)}</p>` : '';

/** The report's content (title, preamble, six sections) as an HTML fragment for a page that has its own layout. */
export function renderReportBody(
  report: RenderableReport,
  format: ReportFormat,
  options: HtmlBodyOptions = {},
): string {
  const title = reportTitle(report);
  const intro = preamble(report);
  const h1 = Math.min(Math.max(options.titleLevel ?? 1, 1), 5);
  const h2 = h1 + 1;
  const notes = options.notes ?? {};
  const parts = reportParts(report, {
    narrative: paragraphs,
    article20: () => article20Html(report, format) + note(notes.article20),
    applications: () => applicationsHtml(report, format) + note(notes.applications) + figures(options.charts ?? []),
    reviews: () => reviewsHtml(report) + note(notes.reviews),
  }).map(({ title: heading, content }, i) => {
    const id = `s${i + 1}`;
    return `<section aria-labelledby="${id}">\n<h${h2} id="${id}">${escapeHtml(heading)}</h${h2}>\n${content}\n</section>`;
  });
  return [`<h${h1}>${escapeHtml(title)}</h${h1}>`, intro ? `<p>${escapeHtml(intro)}</p>` : '', ...parts].join('\n');
}

/** Renders the whole report as a standalone HTML page in `format`. */
export function renderReportHtml(
  report: RenderableReport,
  format: ReportFormat,
  options: HtmlRenderOptions = {},
): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(reportTitle(report))}</title>
<style>
${STYLE}
</style>
</head>
<body>
<main>
${renderReportBody(report, format, options)}
</main>
</body>
</html>
`;
}
