/**
 * Structural findings: the format the labels declare against the format the year requires
 * (the 2021 format from report year 2021, the trial format for 2019–2020), sections,
 * tables and rows that are missing or out of order, and truncated copies.
 */
import {
  applicationRows,
  type Applications,
  type ApplicationRow,
  type ReportFormat,
} from '../reports/annual-report.js';
import { finding, type Finding } from '../reports/finding.js';
import { APPLICATION_ROW_LABELS, SECTION_KEYS, SECTION_TITLES, type SectionKey } from '../reports/labels.js';
import type { Layout } from './sections.js';

export interface StructureInput {
  layout: Layout;
  year: number | null;
  format: ReportFormat | null;
  expectedFormat: ReportFormat | null;
  applications: Applications;
  appLabelsSeen: ApplicationRow[];
  reviewsFound: boolean;
  article20Rows: number;
  textLength: number;
}

/** `format` findings. */
export function formatFindings(s: StructureInput): Finding[] {
  const out: Finding[] = [];
  if (s.format && s.expectedFormat && s.format !== s.expectedFormat) {
    const msg = `报告年度为${s.year}年，应使用${s.expectedFormat}年版格式，但表格标签属于${s.format}年版格式`;
    out.push(finding('format', 'error', msg, { section: 'article20' }));
  }
  if (s.applications.other && (s.expectedFormat === '2021' || s.format === '2021')) {
    const msg = '第三部分“（六）其他处理”只列了一行；2021年版格式应分为逾期不补正、逾期未缴费、其他三行';
    out.push(finding('format', 'warning', msg, { section: 'applications', row: 'other' }));
  }
  const found = SECTION_KEYS.filter((k) => s.layout.headings[k]);
  const starts = found.map((k) => s.layout.headings[k]!.start);
  if (starts.some((v, i) => i > 0 && v < starts[i - 1]!)) {
    out.push(
      finding(
        'format',
        'warning',
        `各部分标题的顺序与官方格式不一致：${found.map((k) => SECTION_TITLES[k]).join('，')}`,
        {},
      ),
    );
  }
  return out;
}

function lastFound(s: StructureInput): SectionKey | null {
  let last: SectionKey | null = null;
  let at = -1;
  for (const k of SECTION_KEYS) {
    const h = s.layout.headings[k];
    if (h && h.start > at) {
      at = h.start;
      last = k;
    }
  }
  if (s.layout.reviews && s.reviewsFound && (!last || SECTION_KEYS.indexOf(last) < 3)) return 'reviews';
  if (s.layout.applications && (!last || SECTION_KEYS.indexOf(last) < 2)) return 'applications';
  return last;
}

/** `missing` and `truncated` findings. */
export function completenessFindings(s: StructureInput): Finding[] {
  const out: Finding[] = [];
  const last = lastFound(s);
  const lastIndex = last ? SECTION_KEYS.indexOf(last) : -1;
  const truncated = !s.layout.headings.other;
  const absent = SECTION_KEYS.filter(
    (k) =>
      !s.layout.headings[k] &&
      !(k === 'applications' && s.layout.applications) &&
      !(k === 'article20' && s.layout.article20) &&
      !(k === 'reviews' && s.layout.reviews && s.reviewsFound),
  );
  const before = absent.filter((k) => SECTION_KEYS.indexOf(k) < lastIndex);
  if (before.length > 0) {
    out.push(finding('missing', 'error', `缺少以下部分：${before.map((k) => SECTION_TITLES[k]).join('，')}`, {}));
  }
  const rows = missingRows(s);
  if (truncated) {
    const after = SECTION_KEYS.filter((k, i) => i > lastIndex && !s.layout.headings[k]);
    const where = last ? `“${SECTION_TITLES[last]}”` : '开头';
    const parts = after.map((k) => SECTION_TITLES[k]);
    if (rows.length > 0) parts.unshift(`第三部分表格从“${APPLICATION_ROW_LABELS[rows[0]!]}”起的${rows.length}行`);
    const msg = `报告不完整：文本在${where}之后中断，缺少${parts.length > 0 ? parts.join('，') : '结尾部分'}`;
    out.push(finding('truncated', 'error', msg, { offset: s.textLength }));
  } else if (rows.length > 0 && s.layout.applications) {
    out.push(
      finding('missing', 'error', `第三部分表格缺少以下行：${rows.map((r) => APPLICATION_ROW_LABELS[r]).join('、')}`, {
        section: 'applications',
      }),
    );
  }
  out.push(...emptyTableFindings(s));
  return out;
}

function missingRows(s: StructureInput): ApplicationRow[] {
  if (!s.layout.applications) return [];
  const format = s.format ?? s.expectedFormat ?? '2021';
  let expected = applicationRows(format);
  if (s.applications.other || (format === '2019' && !Object.keys(s.applications).some((r) => r.startsWith('other.')))) {
    expected = expected.filter((r) => !r.startsWith('other.'));
    if (!expected.includes('other')) expected.splice(expected.indexOf('total'), 0, 'other');
  } else if (format === '2019' && Object.keys(s.applications).some((r) => r.startsWith('other.'))) {
    expected = applicationRows('2021');
  }
  return expected.filter((r) => !s.applications[r]);
}

function emptyTableFindings(s: StructureInput): Finding[] {
  const out: Finding[] = [];
  if (s.appLabelsSeen.length >= 5 && Object.keys(s.applications).length === 0) {
    out.push(finding('missing', 'error', '第三部分表格只有行标签，没有填写任何数字', { section: 'applications' }));
  }
  if (s.layout.article20 && s.article20Rows === 0 && s.layout.applications) {
    out.push(finding('missing', 'warning', '第二部分未读到“第二十条”各表的数字', { section: 'article20' }));
  }
  return out;
}
