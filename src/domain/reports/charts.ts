/**
 * Charts of the annual report as hand-written SVG (no dependency), for the HTML page and the PDF:
 * the outcomes of the year (section 三, 总计 column, the non-zero rows as horizontal bars) and the
 * applications over the years (received and closed per year, grouped bars). Each chart is a
 * standalone, well-formed XML document fragment with `role="img"`, a `<title>` and a `<desc>`
 * that states every number, so a screen reader gets the data; every text is escaped. Pure.
 */
import { outcomeRows, type ApplicationRow, type ReportFormat } from './annual-report.js';
import { applicationCell, type RenderableReport } from './render-text.js';

export type ChartOptions = {
  /** CSS font-family list for the text (the PDF passes the embedded font's name). */
  fontFamily?: string;
  /** Prefix of the element ids (title, desc), unique per page; default `chart`. */
  idPrefix?: string;
};

const DEFAULT_FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif';

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for XML content and attribute values. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => XML_ENTITIES[c]!);
}

/** Short labels of the outcome rows for a chart (the official ones run to 40 characters). */
const SHORT_LABELS: Partial<Record<ApplicationRow, string>> = {
  disclosed: '予以公开',
  partially_disclosed: '部分公开',
  'withheld.state_secret': '不予公开：国家秘密',
  'withheld.prohibited_by_law': '不予公开：法律法规禁止',
  'withheld.security_stability': '不予公开：危及“三安全一稳定”',
  'withheld.third_party_rights': '不予公开：保护第三方权益',
  'withheld.internal_affairs': '不予公开：内部事务信息',
  'withheld.process_information': '不予公开：过程性信息',
  'withheld.enforcement_file': '不予公开：行政执法案卷',
  'withheld.inquiry_matter': '不予公开：行政查询事项',
  'unavailable.not_held': '无法提供：本机关不掌握',
  'unavailable.needs_creation': '无法提供：需另行制作',
  'unavailable.still_unclear': '无法提供：补正后仍不明确',
  'not_processed.petition_or_complaint': '不予处理：信访举报投诉类',
  'not_processed.repeated': '不予处理：重复申请',
  'not_processed.publication': '不予处理：公开出版物',
  'not_processed.excessive': '不予处理：大量反复申请',
  'not_processed.confirmation': '不予处理：确认或重新出具',
  'other.correction_lapsed': '其他处理：逾期不补正',
  'other.fee_unpaid': '其他处理：逾期未缴费',
  'other.other': '其他处理：其他',
  other: '其他处理',
};

/** Estimated width of a label in px: CJK characters are square, the rest about half. */
function textWidth(s: string, size: number): number {
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0)! < 0x100 ? size * 0.55 : size;
  return w;
}

const fmt = (n: number): string => String(Math.round(n * 100) / 100);

/** The opening tag with the accessible name and description; `body` is the drawing. */
function svg(width: number, height: number, title: string, desc: string, body: string[], opts: ChartOptions): string {
  const id = escapeXml(opts.idPrefix ?? 'chart');
  const font = escapeXml(opts.fontFamily ?? DEFAULT_FONT);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="${font}" font-size="13">`,
    `<title id="${id}-title">${escapeXml(title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(desc)}</desc>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    ...body,
    '</svg>',
  ].join('\n');
}

/** A "nice" axis maximum ≥ `max` (1, 2, 5 × 10^k). */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const exp = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 5, 10]) if (m * exp >= max) return m * exp;
  return 10 * exp;
}

/** The non-zero outcome rows of a report (总计 column) in table order, with their chart labels. */
export function outcomeBars(
  report: RenderableReport,
  format: ReportFormat,
): { row: ApplicationRow; label: string; value: number }[] {
  return outcomeRows(format)
    .map((row) => ({ row, label: SHORT_LABELS[row] ?? row, value: applicationCell(report, format, row, 'total') ?? 0 }))
    .filter((b) => typeof b.value === 'number' && b.value > 0);
}

/** Horizontal bars: how the applications closed in the year were answered. */
export function outcomeChartSvg(report: RenderableReport, format: ReportFormat, opts: ChartOptions = {}): string {
  const bars = outcomeBars(report, format);
  const year = typeof report.year === 'number' ? `${report.year}年` : '本年度';
  const title = `${year}政府信息公开申请办理结果`;
  const width = 640;
  if (bars.length === 0) {
    const body = [
      `<text x="${width / 2}" y="50" text-anchor="middle" fill="#333333">本年度没有办结的政府信息公开申请</text>`,
    ];
    return svg(width, 90, title, `${title}：本年度没有办结的申请。`, body, opts);
  }
  const labelWidth = Math.ceil(Math.max(...bars.map((b) => textWidth(b.label, 13)))) + 16;
  const barArea = width - labelWidth - 60;
  const max = Math.max(...bars.map((b) => b.value));
  const rowH = 26;
  const top = 12;
  const height = top + bars.length * rowH + 12;
  const body = bars.flatMap((b, i) => {
    const y = top + i * rowH;
    const w = Math.max(1, (b.value / max) * barArea);
    return [
      `<text x="${labelWidth - 8}" y="${y + 17}" text-anchor="end" fill="#222222">${escapeXml(b.label)}</text>`,
      `<rect x="${labelWidth}" y="${y + 4}" width="${fmt(w)}" height="${rowH - 8}" fill="#b4232a"/>`,
      `<text x="${fmt(labelWidth + w + 6)}" y="${y + 17}" fill="#222222">${fmt(b.value)}</text>`,
    ];
  });
  const desc = `${title}（件）：${bars.map((b) => `${b.label}${fmt(b.value)}件`).join('，')}。`;
  return svg(width, height, title, desc, body, opts);
}

export type HistoryPoint = { year: number; received: number; closed: number };

/** Grouped vertical bars: applications received and closed per year. */
export function historyChartSvg(points: readonly HistoryPoint[], opts: ChartOptions = {}): string {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const title = '历年政府信息公开申请收到和办结数量';
  const width = 640;
  if (sorted.length === 0) {
    const body = [`<text x="${width / 2}" y="50" text-anchor="middle" fill="#333333">暂无历年数据</text>`];
    return svg(width, 90, title, `${title}：暂无数据。`, body, opts);
  }
  const height = 300;
  const left = 48;
  const right = 16;
  const top = 36;
  const bottom = 36;
  const plotH = height - top - bottom;
  const max = niceMax(Math.max(...sorted.flatMap((p) => [p.received, p.closed])));
  const slot = (width - left - right) / sorted.length;
  const barW = Math.min(28, slot / 3);
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const body: string[] = [
    `<rect x="${left}" y="10" width="12" height="12" fill="#b4232a"/><text x="${left + 16}" y="21">收到申请</text>`,
    `<rect x="${left + 96}" y="10" width="12" height="12" fill="#4a6fa5"/><text x="${left + 112}" y="21">办结申请</text>`,
  ];
  for (const tick of [0, 0.5, 1]) {
    const v = max * tick;
    body.push(`<line x1="${left}" y1="${fmt(y(v))}" x2="${width - right}" y2="${fmt(y(v))}" stroke="#cccccc"/>`);
    body.push(`<text x="${left - 6}" y="${fmt(y(v) + 4)}" text-anchor="end" fill="#555555">${fmt(v)}</text>`);
  }
  sorted.forEach((p, i) => {
    const cx = left + slot * i + slot / 2;
    for (const [k, value, color] of [
      [-1, p.received, '#b4232a'],
      [0, p.closed, '#4a6fa5'],
    ] as const) {
      const x = cx + k * barW;
      body.push(
        `<rect x="${fmt(x)}" y="${fmt(y(value))}" width="${fmt(barW)}" height="${fmt(top + plotH - y(value))}" fill="${color}"/>`,
      );
      body.push(
        `<text x="${fmt(x + barW / 2)}" y="${fmt(y(value) - 4)}" text-anchor="middle" font-size="11" fill="#222222">${fmt(value)}</text>`,
      );
    }
    body.push(
      `<text x="${fmt(cx)}" y="${height - bottom + 18}" text-anchor="middle" fill="#222222">${p.year}年</text>`,
    );
  });
  const desc = `${title}（件）：${sorted.map((p) => `${p.year}年收到${fmt(p.received)}件、办结${fmt(p.closed)}件`).join('；')}。`;
  return svg(width, height, title, desc, body, opts);
}
