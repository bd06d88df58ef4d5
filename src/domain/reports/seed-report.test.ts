// The seed report's figures (a fixture typed in by hand) rendered in the
// 2019 format come out in their right cells, pass every check, and one changed cell fails R1 with
// a message naming that cell's column.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnnualReport, Article20Column } from './annual-report.js';
import { checkReport } from './check-report.js';
import { renderReportHtml } from './render-html.js';
import { showCell } from './render-text.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'test', 'fixtures', 'reports');
const seed = (): AnnualReport =>
  JSON.parse(readFileSync(join(FIXTURES, 'generated', 'seed-2020.json'), 'utf8')) as AnnualReport;
const SEED_TEXT = readFileSync(join(FIXTURES, 'seed', '000_cdd85b7f6af27b20.txt'), 'utf8');

/** The page's numeric cells by their data-cell address, in document order. */
function cells(html: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of html.matchAll(/<td class="num" data-cell="([^"]+)">([^<]*)<\/td>/g)) {
    assert.ok(!out.has(m[1]!), `duplicate data-cell ${m[1]}`);
    out.set(m[1]!, m[2]!);
  }
  return out;
}

/** Every cell of the fixture as `section.row.column` → the text the table must print. */
function expected(report: AnnualReport): Map<string, string> {
  const out = new Map<string, string>();
  for (const [row, entry] of Object.entries(report.article20)) {
    for (const [col, v] of Object.entries(entry ?? {})) {
      if (col !== 'unit') {
        out.set(
          `article20.${row}.${col}`,
          showCell(v, col as Article20Column, row === 'procurement' ? entry?.unit : undefined),
        );
      }
    }
  }
  for (const section of ['applications', 'reviews'] as const) {
    for (const [row, entry] of Object.entries(report[section])) {
      for (const [col, v] of Object.entries(entry ?? {})) out.set(`${section}.${row}.${col}`, showCell(v));
    }
  }
  return out;
}

/** The numbers of the seed page's table rows (pipe rows of sections 二–四), in printed order. */
function seedNumbers(): string[] {
  const body = SEED_TEXT.slice(SEED_TEXT.indexOf('二、主动公开政府信息情况'), SEED_TEXT.indexOf('五、存在的主要问题'));
  return body
    .split('\n')
    .filter((line) => line.includes('|'))
    .flatMap((line) => line.split('|').map((c) => c.trim()))
    .filter((c) => /^[+-]?\d+(?:\.\d+)?(?:万元)?$/.test(c));
}

test('every figure of the seed fixture comes out in its own cell of the 2019-format page', () => {
  const report = seed();
  const page = cells(renderReportHtml(report, '2019'));
  const want = expected(report);
  assert.equal(want.size, 22 + 23 * 7 + 15, 'section 二: 22 cells, 三: 23 rows × 7, 四: 15');
  assert.deepEqual([...page.keys()].sort(), [...want.keys()].sort(), 'the page has exactly the fixture’s cells');
  for (const [cell, text] of want) assert.equal(page.get(cell), text, cell);
});

test('the page prints the seed’s numbers in the seed’s order, and a few read by hand from the seed', () => {
  const page = cells(renderReportHtml(seed(), '2019'));
  assert.deepEqual([...page.values()], seedNumbers());
  const byHand: Record<string, string> = {
    'applications.new.natural_person': '17',
    'applications.new.business': '1',
    'applications.new.total': '18',
    'applications.disclosed.natural_person': '5',
    'applications.disclosed.total': '6',
    'applications.partially_disclosed.natural_person': '1',
    'applications.withheld.internal_affairs.natural_person': '2',
    'applications.unavailable.not_held.total': '6',
    'applications.other.natural_person': '3',
    'applications.total.business': '1',
    'applications.carried_forward.total': '0',
    'article20.normative.total_published': '42',
    'article20.licensing.change': '+8',
    'article20.other_services.change': '-21',
    'article20.penalties.decisions': '4642',
    'article20.enforcement.decisions': '1373',
    'article20.fees.change': '-1',
    'article20.procurement.amount': '78874.11万元',
    'reviews.reconsideration.upheld': '0',
    'reviews.litigation_after_reconsideration.total': '0',
  };
  for (const [cell, text] of Object.entries(byHand)) assert.equal(page.get(cell), text, cell);
});

test('the seed figures pass every check', () => {
  assert.deepEqual(checkReport(seed()), []);
});

test('one changed cell (本年新收, 自然人 + 1) fails R1 with a message naming the 自然人 column', () => {
  const report = seed();
  report.applications.new!.natural_person = 18;
  const r1 = checkReport(report).filter((f) => f.rule === 'R1');
  assert.equal(r1.length, 1);
  assert.equal(r1[0]!.severity, 'error');
  assert.deepEqual(r1[0]!.where, { section: 'applications', row: 'total', column: 'natural_person' });
  assert.equal(r1[0]!.message, '第三部分“自然人”列：本年新收与上年结转之和为18，不等于（七）总计与结转下年度之和17');
  assert.equal(cells(renderReportHtml(report, '2019')).get('applications.new.natural_person'), '18');
});
