// The batch audit (docs/report-check.md, "Batch audit"): `report check <folder> --json --summary out.html
// --summary-xlsx out.xlsx` over a folder of HTML pages made from known figures (test/support/html-report-pages.ts),
// a tampered page and a cut-off one. The real CLI reads them through the document reader; the page ranks the
// reports by findings and shows their figures side by side; the workbook holds the same, numbers as numbers, as
// exceljs and LibreOffice read it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUMMARY_COLUMNS } from '../../../src/domain/report-check/summary.js';
import type { ReportFormat } from '../../../src/domain/reports/annual-report.js';
import { runGongkaiInProcess } from '../../support/cli.js';
import {
  SCRIPT_CARRIED,
  blankSpellings,
  figureKeys,
  mergeBlanksDown,
  reportBody,
  styled,
  zerosBlank,
  type Figures,
} from '../../support/html-report-pages.js';
import { convertSheetsToCsv, libreOfficeSkipReason } from '../../support/libreoffice.js';
import { prng, randomFigures } from '../../support/render-report-text.js';
import { CORPUS_DIR } from '../../support/report-check-truth.js';
import { vnuErrors, vnuSkipReason } from '../../support/vnu.js';

type Page = { file: string; issuer: string; year: number; figures: Figures; errors: boolean };

const dir = mkdtempSync(join(tmpdir(), 'report-summary-'));
const folder = join(dir, '各单位年报');
mkdirSync(folder);

/** Six units' reports, each page in another shape; 丁's own totals do not add up (R1, R3 and R4 errors). */
function makePages(): Page[] {
  const units: [string, ReportFormat, (body: string) => string][] = [
    ['甲县人民政府', '2021', SCRIPT_CARRIED['several strings']!],
    ['乙县人民政府办公室', '2021', SCRIPT_CARRIED['content += pieces cut anywhere']!],
    ['丙市教育局', '2019', SCRIPT_CARRIED['document.write line by line']!],
    ['丁县自然资源局', '2021', (b) => `<html><body>${b}</body></html>`],
    ['戊县卫生健康委员会', '2021', (b) => `<html><body>${blankSpellings(b)}</body></html>`],
    ['己县交通运输局', '2019', (b) => `<html><body>${mergeBlanksDown(b).body}</body></html>`],
  ];
  return units.map(([issuer, format, shape], i) => {
    const figures = zerosBlank(randomFigures(prng(500 + i), format));
    const year = format === '2021' ? 2023 : 2020;
    const errors = issuer.startsWith('丁');
    const printed = structuredClone(figures);
    if (errors) printed.applications.new!.natural_person = (printed.applications.new!.natural_person ?? 0) + 9;
    // A file name that needs escaping on the page.
    const file = `${String(i + 1).padStart(2, '0')}-<b>"${issuer}"&年报.html`;
    writeFileSync(join(folder, file), shape(styled(reportBody(printed, year, issuer))));
    return { file, issuer, year, figures: printed, errors };
  });
}

const pages = makePages();
copyFileSync(join(CORPUS_DIR, 'pages', '005.txt'), join(folder, 'spam-005.txt'));
copyFileSync(join(CORPUS_DIR, 'pages', '001.txt'), join(folder, 'cut-001.txt'));
const html = join(dir, 'summary.html');
const xlsx = join(dir, 'summary.xlsx');

/** What the figures table should show for a page: each column's number, null for blank. */
function expectedRow(page: Page): (number | null)[] {
  const figures = figureKeys(page.figures);
  return SUMMARY_COLUMNS.map((column) => {
    const values = column.keys[page.figures.format].map((k) => figures.get(k) as number | null);
    return values.every((v) => v === null) ? null : values.reduce<number>((s, v) => s + (v ?? 0), 0);
  });
}

const run = runGongkaiInProcess(['report', 'check', folder, '--json', '--summary', html, '--summary-xlsx', xlsx], {});

test('reads every figure of every page, and finds nothing where nothing is wrong', async () => {
  const r = await run;
  assert.equal(r.code, 0, r.stderr);
  const records = r.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown> & { file: string; findings: { rule: string }[] });
  assert.equal(records.length, pages.length + 2);
  let figures = 0;
  for (const page of pages) {
    const record = records.find((x) => x.file === page.file);
    assert.ok(record, page.file);
    const read = figureKeys(record as never);
    for (const [key, value] of figureKeys(page.figures)) assert.equal(read.get(key), value, `${page.file} ${key}`);
    figures += figureKeys(page.figures).size;
    const rules = record.findings.map((f) => f.rule);
    if (page.errors) assert.ok(rules.includes('R1'), rules.join());
    else assert.deepEqual(rules, [], page.file);
  }
  assert.ok(figures > 500, `${figures} figures`);
});

/** The text of each cell of each body row of the table with this id. */
function tableRows(page: string, id: string): string[][] {
  const table = page.slice(
    page.indexOf(`<table id="${id}">`),
    page.indexOf('</table>', page.indexOf(`<table id="${id}">`)),
  );
  const body = table.slice(table.indexOf('<tbody>'));
  return [...body.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((m) =>
    [...m[1]!.matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map((c) => c[1]!),
  );
}

test('the page ranks the reports by errors, then warnings, and shows their figures side by side', async () => {
  await run;
  const page = readFileSync(html, 'utf8');
  assert.doesNotMatch(page, /<script/i);
  assert.match(page, /<h1>年报体检汇总<\/h1>/);
  // Every value escaped: the file names hold <b>, quotes and &.
  assert.doesNotMatch(page, /<b>/);
  assert.match(page, /01-&lt;b&gt;&quot;甲县人民政府&quot;&amp;年报\.html/);

  const ranking = tableRows(page, 'ranking');
  assert.equal(ranking.length, pages.length + 2);
  const counts = ranking.map((row) => [Number(row[8]), Number(row[9])] as const);
  for (let i = 1; i < counts.length; i++) {
    const [[e0, w0], [e1, w1]] = [counts[i - 1]!, counts[i]!];
    assert.ok(e0 > e1 || (e0 === e1 && w0 >= w1), `ranked by findings: ${JSON.stringify(counts)}`);
  }
  assert.ok(counts[0]![0] > 0, 'a report with errors first');
  assert.equal(ranking.at(-1)![8], '0');
  const ding = ranking.find((row) => row[1] === '丁县自然资源局')!;
  assert.match(ding[10]!, /^R1：/);

  // The figures: one row per report, a column per main figure, blank as 空, not read as —.
  const figures = tableRows(page, 'figures');
  assert.equal(figures.length, pages.length + 2);
  for (const p of pages) {
    const row = figures.find((cells) => cells[1] === p.issuer);
    assert.ok(row, p.issuer);
    assert.equal(row[2], String(p.year));
    assert.deepEqual(
      row.slice(3),
      expectedRow(p).map((v) => (v === null ? '空' : String(v))),
      p.issuer,
    );
  }
  const cut = figures.find((cells) => cells[1] === 'cut-001.txt' || cells.includes('—'));
  assert.ok(
    cut?.slice(3).every((c) => c === '—'),
    'a cut-off report: its figures not read',
  );
  assert.match(page, /class="n missing" title="未读到">—</);
  // The chart: one bar for the errors and one for the warnings of each report.
  assert.equal((page.match(/<rect /g) ?? []).length, 2 * (pages.length + 2));
});

test('the workbook holds the same: 排名 in rank order, 数据 with numbers as numbers and notes on what was not read', async () => {
  await run;
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  assert.deepEqual(
    wb.worksheets.map((ws) => ws.name),
    ['排名', '数据', '问题', '说明'],
  );
  const page = readFileSync(html, 'utf8');
  const ranking = wb.getWorksheet('排名')!;
  const names = tableRows(page, 'ranking').map((row) => row[1]);
  assert.deepEqual(
    ranking.getRows(2, ranking.rowCount - 1)!.map((row) => row.getCell(2).value),
    names.map((n) => n!.replace(/&quot;/g, '"')),
  );
  const data = wb.getWorksheet('数据')!;
  assert.equal(data.getCell(2, 4).value, SUMMARY_COLUMNS[0]!.label);
  for (const p of pages) {
    const row = data.getRows(3, data.rowCount - 2)!.find((r) => r.getCell(2).value === p.issuer);
    assert.ok(row, p.issuer);
    expectedRow(p).forEach((v, i) => {
      const cell = row.getCell(4 + i);
      assert.equal(cell.value, v, `${p.issuer} ${SUMMARY_COLUMNS[i]!.label}`);
      if (v !== null) assert.equal(typeof cell.value, 'number');
    });
  }
  const cut = data.getRows(3, data.rowCount - 2)!.find((r) => r.getCell(2).value === 'cut-001.txt')!;
  assert.equal(cut.getCell(4).value, null);
  assert.match(String(cut.getCell(4).note), /未读到/);
  const findings = wb.getWorksheet('问题')!;
  assert.ok(findings.rowCount > 3, 'every finding listed');
});

test(
  'LibreOffice reads the workbook: the figures of 数据 and the order of 排名',
  { skip: libreOfficeSkipReason() },
  async () => {
    await run;
    const csv = await convertSheetsToCsv(xlsx, dir, ['排名', '数据']);
    const lines = (sheet: string) =>
      csv
        .get(sheet)!
        .trim()
        .split('\n')
        .map((line) => line.split(','));
    const data = lines('数据');
    assert.equal(data[1]![3], SUMMARY_COLUMNS[0]!.label);
    for (const p of pages) {
      const row = data.find((cells) => cells[1] === p.issuer);
      assert.ok(row, p.issuer);
      assert.deepEqual(
        row.slice(3),
        expectedRow(p).map((v) => (v === null ? '' : String(v))),
        p.issuer,
      );
    }
    const ranking = lines('排名');
    assert.ok(Number(ranking[1]![8]) > 0, 'errors first');
    assert.equal(ranking.length, pages.length + 3);
  },
);

test('the page is valid HTML (the W3C Nu checker)', { skip: vnuSkipReason() }, async () => {
  await run;
  assert.deepEqual(await vnuErrors([{ label: 'summary.html', html: readFileSync(html, 'utf8') }]), []);
});

test('a summary that cannot be written is a Chinese line on standard error, never another exit status', async () => {
  const nowhere = join(dir, 'no-such-folder');
  const r = await runGongkaiInProcess(
    [
      'report',
      'check',
      join(folder, 'cut-001.txt'),
      '--summary',
      join(nowhere, 'a.html'),
      '--summary-xlsx',
      join(nowhere, 'a.xlsx'),
    ],
    {},
  );
  assert.equal(r.code, 0);
  assert.match(r.stderr, /无法写入汇总页面 .*a\.html/);
  assert.match(r.stderr, /无法写入汇总工作簿 .*a\.xlsx/);
});
