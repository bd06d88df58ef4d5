// The result table of an assessment (考核结果) as PDF, made like the annual report's (pdf-writer.ts: pdfmake with
// the embedded CJK font, so the text extracts as the same Chinese text): the title, the scheme, the grade chart, the
// table of scores (rank, unit, each indicator's score, total, grade; an adjusted score marked ※), the adjustments
// with their reasons, and each indicator's formula in words.
import type { ResultDocument } from '../../app/assessment/export.js';
import {
  adjustmentText,
  adjustmentsOf,
  gradeChartSvg,
  gradeCounts,
  scoreText,
} from '../../app/assessment/export-text.js';
import { PDF_FAMILY, PT_PER_MM, writePdf } from './pdf-writer.js';
import { withFontFamily } from './report-pdf.js';
import type { PdfContent, PdfDocumentDefinition, PdfTableCell } from './report-pdfmake.js';

/** Margins of 15 mm: the table of ten indicators needs the width. */
const MARGIN = 15 * PT_PER_MM;
const TEXT_WIDTH = (210 - 30) * PT_PER_MM;
const BODY = 10.5;

/**
 * Renders the result table as a PDF.
 * @param opts.fontFile a CJK font file; default: the first of CJK_FONT_PATHS installed
 * @returns the PDF bytes
 * @throws Error (Chinese) when no CJK font is installed (fonts-noto-cjk) or the font file is missing
 */
export async function renderAssessmentPdf(doc: ResultDocument, opts: { fontFile?: string } = {}): Promise<Uint8Array> {
  return writePdf((svgFamily) => definition(doc, svgFamily), opts.fontFile);
}

function scoreTable(doc: ResultDocument): PdfContent {
  const inds = doc.table.def.indicators;
  const head: PdfTableCell[] = [
    { text: '名次' },
    { text: '单位' },
    ...inds.map((i) => ({ text: `${i.name}（${scoreText(i.max)}）` })),
    { text: '总分' },
    { text: '等级' },
  ].map((c) => ({ ...c, alignment: 'center' as const, fillColor: '#f2f2f2' }));
  const rows = doc.table.rows.map((r): PdfTableCell[] => [
    { text: String(r.rank), alignment: 'center' },
    { text: r.org },
    ...inds.map((i): PdfTableCell => {
      const mark = adjustmentsOf(r, i.id).length > 0 ? '※' : '';
      return { text: `${scoreText(r.items[i.id]?.score ?? 0)}${mark}`, alignment: 'right' };
    }),
    { text: `${scoreText(r.total)}${adjustmentsOf(r, null).length > 0 ? '※' : ''}`, alignment: 'right' },
    { text: r.grade, alignment: 'center' },
  ]);
  const columns = inds.length + 4;
  const unit = 3.2;
  const weights = [1.2, unit, ...inds.map(() => 1.3), 1.3, 1.4];
  const available = TEXT_WIDTH - columns * 4 - (columns + 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: weights.map((w) => (w / sum) * available),
      body: [head, ...rows],
    },
    layout: { paddingLeft: () => 2, paddingRight: () => 2, paddingTop: () => 1.5, paddingBottom: () => 1.5 },
    fontSize: 7.5,
    lineHeight: 1.1,
    margin: [0, 4, 0, 8],
  };
}

function definition(doc: ResultDocument, svgFamily: string): PdfDocumentDefinition {
  const { table } = doc;
  const names = new Map(table.def.indicators.map((i) => [i.id, i.name]));
  const adjustments = table.rows.flatMap((r) =>
    r.adjustments.map((a): PdfContent => ({
      text: `${r.org}：${a.indicatorId === null ? '总分' : (names.get(a.indicatorId) ?? a.indicatorId)}${adjustmentText(a)}，${a.actorLabel}，${a.createdAt.slice(0, 10)}`,
    })),
  );
  const counts = gradeCounts(table)
    .map((g) => `${g.grade}${g.count}个`)
    .join('，');
  const noData = table.def.noData === 'full' ? '无数据的指标不扣分（计满分）' : '无数据的指标计零分';
  const content: PdfContent[] = [
    { text: doc.title, style: 'title' },
    {
      text: `考核方案：${table.scheme.name}　${doc.published ? '已发布（结果已冻结）' : '试算结果（未发布）'}　计算时间：${table.computedAt.slice(0, 16).replace('T', ' ')}`,
      alignment: 'center',
      fontSize: 9,
      margin: [0, 0, 0, 6],
    },
    { text: `共考核${table.rows.length}个单位：${counts}。` },
    { svg: withFontFamily(gradeChartSvg(table), svgFamily), width: 300, alignment: 'center', margin: [0, 4, 0, 8] },
    { text: '考核得分', style: 'heading' },
    scoreTable(doc),
    ...(adjustments.length > 0
      ? [{ text: '人工调整（※，均注明理由）', style: 'heading' } as PdfContent, ...adjustments]
      : []),
    { text: `计分规则（${noData}）`, style: 'heading' },
    ...table.def.indicators.map((i): PdfContent => ({ text: `${i.name}（${scoreText(i.max)}分）：${i.formula}` })),
    {
      text: `等级：${table.def.grades.map((g) => `${g.grade}${g.grade === '不合格' ? '' : `不低于${scoreText(g.min)}分`}`).join('；')}`,
    },
  ];
  return {
    pageSize: 'A4',
    pageMargins: [MARGIN, MARGIN, MARGIN, MARGIN],
    language: 'zh-CN',
    info: { title: doc.title, author: doc.scopeName, subject: doc.title, creator: 'gongkai' },
    content,
    footer: (page: number) => ({ text: `— ${page} —`, alignment: 'center', fontSize: 9, margin: [0, 12, 0, 0] }),
    defaultStyle: { font: PDF_FAMILY, fontSize: BODY, lineHeight: 1.4 },
    styles: {
      title: { fontSize: 16, bold: true, alignment: 'center', margin: [0, 0, 0, 6] },
      heading: { fontSize: 12, bold: true, margin: [0, 8, 0, 4] },
    },
  };
}
