// The annual report as DOCX, XLSX and PDF — the DOCX and XLSX open in headless
// LibreOffice and their text has every official label with each row's figures after its label; the
// XLSX reads back with exceljs with the figures as numbers in their cells under merged headers; the
// pdfmake PDF's text layer (pdftotext, poppler-utils) is the same Chinese text with no Kangxi/CJK
// radical substitutes (STACK §2.6); the report checker reads the DOCX and PDF back to the same
// figures. Fixtures: test/fixtures/reports/generated/sample-2021.json (2021 format) and
// sample-2019.json (the seed report's figures, 2019 trial format); both pass checkReport.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { renderReportDocx } from '../../../src/adapters/documents/report-docx.js';
import { applicationsGrid, article20Grids, reviewsGrid } from '../../../src/adapters/documents/report-grid.js';
import { collectionFaceNames, preferredFace, reportFonts } from '../../../src/adapters/documents/report-pdf-font.js';
import { findCjkFont, renderReportPdf } from '../../../src/adapters/documents/report-pdf.js';
import { REPORT_SHEETS, renderReportXlsx } from '../../../src/adapters/documents/report-xlsx.js';
import { documentToText } from '../../../src/adapters/documents/read-document.js';
import {
  APPLICANT_COLUMNS,
  REVIEW_COLUMNS,
  REVIEW_ROWS,
  type AnnualReport,
  type ReportFormat,
} from '../../../src/domain/reports/annual-report.js';
import { outcomeBars, outcomeChartSvg } from '../../../src/domain/reports/charts.js';
import { checkReport } from '../../../src/domain/reports/check-report.js';
import {
  APPLICANT_COLUMN_LABELS,
  APPLICATIONS_NOTE,
  REVIEW_COLUMN_LABELS,
  SECTION_TITLES,
  article20Tables,
} from '../../../src/domain/reports/labels.js';
import {
  REVIEW_HEAD,
  applicationCell,
  applicationLines,
  article20Cells,
  reportTitle,
  reviewCells,
  showCell,
} from '../../../src/domain/reports/render-text.js';
import { checkReportText } from '../../../src/domain/report-check/check-text.js';
import { convertToPdf, libreOfficeSkipReason } from '../../support/libreoffice.js';

const run = promisify(execFile);
const FIXTURES = join(import.meta.dirname, '../../fixtures/reports/generated');
const load = (format: ReportFormat): AnnualReport =>
  JSON.parse(readFileSync(join(FIXTURES, `sample-${format}.json`), 'utf8')) as AnnualReport;
const squash = (s: string): string => s.replace(/\s+/g, '');
/** Kangxi radicals and CJK radicals supplement: what Chromium's text layer substitutes (STACK §2.6). */
const RADICALS = /[\u2E80-\u2FDF]/u;

/** Why the pdftotext tests cannot run here, or false; in CI they must run (.ci/run installs poppler-utils). */
function pdftotextSkipReason(): string | false {
  if ((process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, 'pdftotext')))) {
    return false;
  }
  if (process.env.CI === 'true' || process.env.GONGKAI_REQUIRE_ALL === '1') {
    throw new Error('pdftotext not found: install poppler-utils; document tests must run in CI');
  }
  return 'pdftotext not installed (apt-get install poppler-utils)';
}

async function pdftotext(pdf: string, mode: '-layout' | '-raw'): Promise<string> {
  const { stdout } = await run('pdftotext', [mode, '-enc', 'UTF-8', pdf, '-'], { maxBuffer: 32 << 20 });
  return stdout;
}

/** Every official label of the report in a format (labels.ts and render-text.ts, never retyped). */
function labels(format: ReportFormat): string[] {
  return [
    ...Object.values(SECTION_TITLES),
    ...article20Tables(format).flatMap((t) => [t.caption, ...t.header, ...t.rows.map((r) => r.label)]),
    APPLICATIONS_NOTE,
    '申请人情况',
    '法人或其他组织',
    ...Object.values(APPLICANT_COLUMN_LABELS),
    ...applicationLines(format).flatMap((l) => [...l.groups.map((g) => g.label), l.label]),
    ...Object.values(REVIEW_HEAD),
    ...Object.values(REVIEW_COLUMN_LABELS),
  ];
}

/** Each table row as printed in reading order: its label, then its figures. */
function rowSequences(report: AnnualReport, format: ReportFormat): string[] {
  const apps = applicationLines(format).map(
    (l) => l.label + APPLICANT_COLUMNS.map((c) => showCell(applicationCell(report, format, l.code, c))).join(''),
  );
  const a20 = article20Tables(format).flatMap((t) =>
    t.rows.map((r) => r.label + article20Cells(report, r.code, t.columns).join('')),
  );
  return [...apps, ...a20, REVIEW_COLUMN_LABELS.total + reviewCells(report).join('')].map(squash);
}

/** Asserts that the extracted text has every label and every row sequence. */
function assertLabelsAndFigures(text: string, report: AnnualReport, format: ReportFormat, what: string): void {
  const flat = squash(text);
  assert.ok(flat.includes(squash(reportTitle(report))), `${what}: title`);
  const missing = labels(format).filter((l) => !flat.includes(squash(l)));
  assert.deepEqual(missing, [], `${what}: labels`);
  const rows = rowSequences(report, format).filter((s) => !flat.includes(s));
  assert.deepEqual(rows, [], `${what}: figures after their labels`);
  assert.doesNotMatch(text, RADICALS, `${what}: no radical characters`);
}

/** The figures the report checker (年报体检) reads back equal the report's, row by row. */
function assertSameFigures(read: ReturnType<typeof checkReportText>, report: AnnualReport, what: string): void {
  for (const [row, cells] of Object.entries(report.applications)) {
    assert.deepEqual(read.applications[row as keyof typeof read.applications], cells, `${what}: applications.${row}`);
  }
  for (const [row, cells] of Object.entries(report.article20)) {
    assert.deepEqual(read.article20[row as keyof typeof read.article20], cells, `${what}: article20.${row}`);
  }
  for (const row of REVIEW_ROWS) assert.deepEqual(read.reviews[row], report.reviews[row], `${what}: reviews.${row}`);
}

/** Entries of a ZIP (the .docx container) by name, through the central directory. */
function unzip(zip: Buffer): Map<string, string> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const entries = new Map<string, string>();
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < zip.readUInt16LE(eocd + 10); i++) {
    const [method, size, nameLen, extraLen, commentLen, local] = [10, 20, 28, 30, 32, 42].map((o) =>
      o === 20 || o === 42 ? zip.readUInt32LE(at + o) : zip.readUInt16LE(at + o),
    ) as [number, number, number, number, number, number];
    const name = zip.toString('utf8', at + 46, at + 46 + nameLen);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    entries.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

async function timed<T>(t: TestContext, what: string, make: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const out = await make();
  t.diagnostic(`${what}: ${Math.round(performance.now() - start)} ms`);
  return out;
}

const workDir = (): string => mkdtempSync(join(tmpdir(), 'gongkai-report-docs-'));

test('the fixtures are consistent reports (checkReport finds nothing)', () => {
  for (const format of ['2021', '2019'] as const) assert.deepEqual(checkReport(load(format)), [], format);
});

test('fonts: the Noto CJK collection gives its Simplified-Chinese faces; no font is a Chinese error naming fonts-noto-cjk', async () => {
  const file = findCjkFont();
  assert.ok(file !== null, 'a CJK font is installed (fonts-noto-cjk)');
  const fonts = reportFonts();
  if (file.endsWith('NotoSansCJK-Regular.ttc')) {
    assert.ok(collectionFaceNames(file)!.includes('NotoSansCJKsc-Regular'));
    assert.deepEqual([fonts.normal.face, fonts.bold.face], ['NotoSansCJKsc-Regular', 'NotoSansCJKsc-Bold']);
  }
  assert.equal(
    preferredFace(['NotoSansCJKjp-Regular', 'NotoSansMonoCJKsc-Regular', 'NotoSansCJKsc-Regular']),
    'NotoSansCJKsc-Regular',
  );
  assert.equal(preferredFace(['WenQuanYiZenHei', 'WenQuanYiZenHeiMono']), 'WenQuanYiZenHei');
  assert.throws(
    () => reportFonts(undefined, ['/nonexistent/NotoSansCJK-Regular.ttc']),
    /未找到中文字体.*fonts-noto-cjk/,
  );
  await assert.rejects(renderReportPdf(load('2021'), '2021', { fontFile: '/nonexistent/font.ttc' }), /字体文件不存在/);
});

test('a sparse report (checker JSON: unknown year and organization, no figures, no narrative) renders in all three', async () => {
  const sparse = {
    format: '2021',
    year: null,
    organization: { name: null, creditCode: null },
    contact: { address: null, postcode: null, phone: null },
    sections: { overview: null, problems: null, other: null },
    article20: {},
    applications: {},
    reviews: {},
  } as unknown as AnnualReport;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await renderReportXlsx(sparse, '2021')) as unknown as ExcelJS.Buffer);
  assert.equal(wb.getWorksheet(REPORT_SHEETS.applications)!.getCell('J5').value, null);
  assert.equal(wb.getWorksheet(REPORT_SHEETS.info)!.getCell('B4').value, null);
  const docx = await documentToText('sparse.docx', await renderReportDocx(sparse, '2021'));
  const pdf = await documentToText('sparse.pdf', await renderReportPdf(sparse, '2021'));
  for (const text of [docx, pdf]) {
    assert.ok(squash(text).includes('政府信息公开工作年度报告'));
    assert.ok(squash(text).includes(`${SECTION_TITLES.other}（未填写）`));
  }
});

for (const format of ['2021', '2019'] as const) {
  const report = load(format);
  const rowSpans = [...article20Grids(report, format), applicationsGrid(report, format), reviewsGrid(report)]
    .flatMap((g) => g.rows.flat())
    .filter((c) => (c.rowSpan ?? 1) > 1).length;

  test(`${format}: DOCX — A4 with GB/T 9704 margins, East-Asian fonts, merged header cells and row groups`, async (t) => {
    const bytes = Buffer.from(await timed(t, 'DOCX', () => renderReportDocx(report, format)));
    const files = unzip(bytes);
    const document = files.get('word/document.xml') ?? '';
    assert.match(files.get('word/styles.xml') ?? '', /w:eastAsia="宋体"/);
    for (const font of ['方正小标宋简体', '黑体', '楷体']) assert.ok(document.includes(`w:eastAsia="${font}"`), font);
    assert.match(document, /<w:pgSz w:w="11906" w:h="16838"/);
    assert.match(document, /w:top="2098"/);
    assert.equal(
      document.match(/<w:vMerge w:val="restart"\/>/g)?.length,
      rowSpans,
      'one vertical merge per cell spanning rows',
    );
    for (const span of [3, 5, 7, 10]) {
      assert.ok(document.includes(`<w:gridSpan w:val="${span}"/>`), `a cell spans ${span} columns`);
    }
    assert.match(document, /<w:tblHeader\/>/, 'header rows repeat on each page');
  });

  test(
    `${format}: DOCX opens in LibreOffice; its text has every label and each row's figures after its label`,
    { skip: libreOfficeSkipReason() || pdftotextSkipReason() },
    async (t) => {
      const dir = workDir();
      const file = join(dir, 'report.docx');
      writeFileSync(file, await renderReportDocx(report, format));
      const pdf = await timed(t, 'LibreOffice DOCX → PDF', () => convertToPdf(file, dir));
      assertLabelsAndFigures(await pdftotext(pdf, '-raw'), report, format, 'DOCX');
    },
  );

  test(`${format}: XLSX — a sheet per table, merged headers, figures as numbers in their cells, blanks for null`, async (t) => {
    const edited = structuredClone(report);
    edited.reviews.reconsideration!.pending = null;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await timed(t, 'XLSX', () => renderReportXlsx(edited, format))) as unknown as ExcelJS.Buffer);
    const a20 = article20Tables(format);
    assert.deepEqual(
      wb.worksheets.map((w) => w.name),
      [REPORT_SHEETS.info, ...a20.map((x) => x.caption), REPORT_SHEETS.applications, REPORT_SHEETS.reviews],
    );
    const info = wb.getWorksheet(REPORT_SHEETS.info)!;
    assert.equal(info.getCell('B4').value, report.year);
    assert.equal(info.getCell('B2').value, report.organization.name);
    for (const x of a20) {
      const ws = wb.getWorksheet(x.caption)!;
      assert.equal(ws.getCell('A1').value, x.caption);
      x.rows.forEach((r, i) => {
        assert.equal(ws.getCell(3 + i, 1).value, r.label);
        x.columns.forEach((c, j) =>
          assert.equal(
            ws.getCell(3 + i, 2 + j).value,
            report.article20[r.code]?.[c] ?? null,
            `${x.caption} ${r.label} ${c}`,
          ),
        );
      });
    }
    const apps = wb.getWorksheet(REPORT_SHEETS.applications)!;
    for (const range of ['A1:J1', 'A2:C4', 'D2:J2', 'D3:D4', 'E3:I3', 'J3:J4']) {
      assert.ok(apps.model.merges.includes(range), `申请情况 merges ${range}`);
    }
    applicationLines(format).forEach((line, i) => {
      const row = 5 + i;
      assert.equal(apps.getCell(row, 4 - line.span).value, line.label);
      APPLICANT_COLUMNS.forEach((c, j) =>
        assert.equal(
          apps.getCell(row, 4 + j).value,
          applicationCell(report, format, line.code, c),
          `${line.label} ${c}`,
        ),
      );
    });
    const reviews = wb.getWorksheet(REPORT_SHEETS.reviews)!;
    for (const range of ['A2:E2', 'F2:O2', 'A3:A4', 'F3:J3', 'K3:O3']) {
      assert.ok(reviews.model.merges.includes(range), `复议诉讼 merges ${range}`);
    }
    REVIEW_ROWS.forEach((g, i) =>
      REVIEW_COLUMNS.forEach((c, j) =>
        assert.equal(reviews.getCell(5, 1 + 5 * i + j).value, edited.reviews[g]?.[c] ?? null, `${g} ${c}`),
      ),
    );
    assert.equal(reviews.getCell(5, 4).value, null, 'a null cell stays blank');
    if (format === '2019') {
      assert.equal(wb.getWorksheet('第二十条第（五）项')!.getCell('C3').numFmt, '+0;-0;0', '本年增/减 shows its sign');
      assert.match(wb.getWorksheet('第二十条第（九）项')!.getCell('C3').numFmt, /万元/, 'the amount keeps its unit');
    }
  });

  test(
    `${format}: XLSX opens in LibreOffice; its text has the labels and figures`,
    { skip: libreOfficeSkipReason() || pdftotextSkipReason() },
    async (t) => {
      const dir = workDir();
      const file = join(dir, 'report.xlsx');
      writeFileSync(file, await renderReportXlsx(report, format));
      const pdf = await timed(t, 'LibreOffice XLSX → PDF', () => convertToPdf(file, dir));
      const text = await pdftotext(pdf, '-raw');
      const flat = squash(text);
      // The workbook has the tables, not the narrative: section headings give way to the sheets' captions.
      const headings: string[] = Object.values(SECTION_TITLES);
      const expected = [
        ...labels(format).filter((l) => !headings.includes(l)),
        applicationsGrid(report, format).caption,
        reviewsGrid(report).caption,
      ];
      assert.deepEqual(
        expected.filter((l) => !flat.includes(squash(l))),
        [],
        'labels',
      );
      for (const line of applicationLines(format)) {
        const figures = APPLICANT_COLUMNS.map((c) => showCell(applicationCell(report, format, line.code, c))).join(' ');
        assert.ok(text.includes(figures), `${line.label}: ${figures}`);
      }
      assert.ok(text.includes(reportTitle(report)), 'title on 报告信息');
      assert.doesNotMatch(text, RADICALS);
    },
  );

  test(
    `${format}: PDF — pdftotext shows the title, headings, labels and figures, no radicals; the chart is drawn in the CJK font`,
    { skip: pdftotextSkipReason() },
    async (t) => {
      const warn = t.mock.method(console, 'warn');
      const charts = [outcomeChartSvg(report, format)];
      const bytes = await timed(t, 'PDF with a chart', () => renderReportPdf(report, format, { charts }));
      await timed(t, 'PDF again', () => renderReportPdf(report, format, { charts }));
      assert.equal(warn.mock.callCount(), 0, 'no font or policy warnings from pdfmake');
      assert.equal(Buffer.from(bytes.subarray(0, 5)).toString('latin1'), '%PDF-');
      const file = join(workDir(), 'report.pdf');
      writeFileSync(file, bytes);
      const layout = await pdftotext(file, '-layout');
      const lines = layout.split('\n').map((l) => l.trim());
      for (const heading of Object.values(SECTION_TITLES)) {
        assert.ok(lines.includes(heading), `heading on its own line: ${heading}`);
      }
      assert.doesNotMatch(layout, RADICALS);
      const raw = await pdftotext(file, '-raw');
      assertLabelsAndFigures(raw, report, format, 'PDF');
      const chartOnly = outcomeBars(report, format).filter((b) => b.label.includes('：'));
      assert.ok(chartOnly.length > 0);
      for (const bar of chartOnly) assert.ok(squash(raw).includes(bar.label), `chart label ${bar.label}`);
    },
  );

  test(`${format}: the report checker reads the DOCX and the PDF back to the same figures`, async () => {
    for (const [name, bytes] of [
      ['report.docx', await renderReportDocx(report, format)],
      ['report.pdf', await renderReportPdf(report, format)],
    ] as const) {
      const read = checkReportText(await documentToText(name, bytes));
      assert.equal(read.year, report.year, name);
      assert.equal(read.format, format, name);
      assertSameFigures(read, report, name);
    }
  });
}
