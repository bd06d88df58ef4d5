// 年报体检 on HTML pages (docs/report-check.md, "HTML pages"): reports whose body a script writes, blank
// cells written as CMSs write them (merged down, left out, &nbsp;, empty paragraphs), and a blank column
// in the section-二 table. Pages are made from known figures (test/support/html-report-pages.ts) and
// read by the real HTML reader and checker; every figure must be read, with no finding.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { htmlToText } from '../../../src/adapters/html/html-reader.js';
import { checkReportText, type CheckedReport } from '../../../src/domain/report-check/check-text.js';
import type { ReportFormat } from '../../../src/domain/reports/annual-report.js';
import {
  SCRIPT_CARRIED,
  blankArticle20Column,
  blankSpellings,
  figureKeys,
  mergeBlanksDown,
  shortRows,
  reportBody,
  styled,
  zerosBlank,
  type BlankColumn,
  type Figures,
} from '../../support/html-report-pages.js';
import { prng, randomFigures } from '../../support/render-report-text.js';

const yearOf = (format: ReportFormat) => (format === '2021' ? 2023 : 2020);

/** The figures of `want` that `report` did not read as given: `key: want ≠ read`. */
function misread(report: CheckedReport, want: Figures): string[] {
  const read = figureKeys(report);
  return [...figureKeys(want)].filter(([k, v]) => read.get(k) !== v).map(([k, v]) => `${k}: ${v} ≠ ${read.get(k)}`);
}

/** Reads a page and checks that it gives every figure of `want` and no finding; returns the figures counted. */
function readsAll(page: string, want: Figures, label: string): number {
  const text = htmlToText(page);
  const report = checkReportText(text, { file: label });
  assert.deepEqual(misread(report, want), [], label);
  assert.deepEqual(
    report.findings.map((f) => `${f.rule} ${f.message}`),
    [],
    label,
  );
  assert.equal(report.format, want.format, label);
  assert.equal(report.year, yearOf(want.format), label);
  assert.equal(text.split('三、收到和处理政府信息公开申请情况').length, 2, `${label}: section 三 read once`);
  return figureKeys(want).size;
}

describe('report HTML carried inside JavaScript', () => {
  for (const [name, carry] of Object.entries(SCRIPT_CARRIED)) {
    test(`should read every figure of a page written by a script: ${name}`, () => {
      let figures = 0;
      for (const [i, format] of (['2019', '2021', '2021', '2019'] as const).entries()) {
        const want = randomFigures(prng(100 + i), format);
        figures += readsAll(carry(styled(reportBody(want, yearOf(format)))), want, `${name} #${i}`);
      }
      assert.ok(figures > 4 * 90, `${figures} figures read`);
    });
  }

  test('should read the markup a script builds from pieces that cut tags and figures, joined as the script joins them', () => {
    const want = randomFigures(prng(7), '2021');
    want.applications.new!.natural_person = 821;
    want.applications.new!.total = Object.entries(want.applications.new!)
      .filter(([k]) => k !== 'total')
      .reduce((s, [, v]) => s + (v ?? 0), 0);
    want.applications.total!.natural_person = (want.applications.total!.natural_person ?? 0) + 821 - 0;
    const body = styled(reportBody(want, 2023));
    const at = body.indexOf('>821<') + 2;
    const page = `<html><body><script>var html = ${JSON.stringify(body.slice(0, at))};
      html += '2' ; html += "1" + ${JSON.stringify(body.slice(at + 2))};
      document.write(html);</script></body></html>`;
    const report = checkReportText(htmlToText(page));
    assert.equal(report.applications.new?.natural_person, 821);
  });
});

describe('blank cells', () => {
  for (const format of ['2019', '2021'] as const) {
    test(`should keep every blank in its column however the cell is written (${format})`, () => {
      for (let i = 0; i < 4; i++) {
        const want = zerosBlank(randomFigures(prng(200 + i), format));
        const blanks = [...figureKeys(want).values()].filter((v) => v === null).length;
        assert.ok(blanks > 20, `${blanks} blank cells`);
        readsAll(blankSpellings(styled(reportBody(want, yearOf(format)))), want, `${format} #${i}`);
      }
    });

    test(`should read rows whose every cell is blank as blank, and the rows after them (${format})`, () => {
      let wholeRows = 0;
      for (let i = 0; i < 4; i++) {
        const want = zerosBlank(randomFigures(prng(250 + i), format), true);
        const rows = [want.applications, want.reviews].flatMap((t) => Object.values(t));
        wholeRows += rows.filter((r) => r && Object.values(r).every((v) => v === null)).length;
        readsAll(blankSpellings(styled(reportBody(want, yearOf(format)))), want, `${format} #${i}`);
      }
      assert.ok(wholeRows > 0, 'no row was blank throughout');
    });

    test(`should keep blank cells merged down and cells a row leaves out in their columns (${format})`, () => {
      for (let i = 0; i < 3; i++) {
        const want = zerosBlank(randomFigures(prng(300 + i), format));
        const merged = mergeBlanksDown(styled(reportBody(want, yearOf(format))));
        const short = shortRows(merged.body);
        assert.ok(merged.merged > 0 && short.shortened > 0, `${merged.merged} merged, ${short.shortened} short`);
        const body = short.body;
        readsAll(body, want, `${format} #${i}`);
      }
    });
  }

  test('should read a blank row of section 三 as blank cells', () => {
    // The reader writes every cell of the row; see docs/report-check.md on rows with no figure at all.
    const html = `<table><tr><td colspan="3">（二）部分公开</td><td></td><td>&nbsp;</td><td><p></p></td><td></td><td> </td><td></td><td></td></tr></table>`;
    assert.equal(htmlToText(html).replace(/ +/g, ' '), '| （二）部分公开 | | | | | | | |');
  });
});

describe('a blank column in the section-二 table', () => {
  const ways: [BlankColumn, 1 | 2 | 3][] = [
    ['empty cells', 1],
    ['empty cells', 2],
    ['empty cells', 3],
    ['one cell merged down', 1],
    ['one cell merged down', 2],
    ['one cell merged down', 3],
    ['cells left out', 3],
  ];
  for (const format of ['2021', '2019'] as const) {
    for (const [how, column] of ways) {
      test(`should not slide the figures left when column ${column} is blank: ${how} (${format})`, () => {
        for (let i = 0; i < 3; i++) {
          const given = randomFigures(prng(400 + i * 7 + column), format);
          const { body, figures } = blankArticle20Column(styled(reportBody(given, yearOf(format))), given, column, how);
          readsAll(body, figures, `${format} ${how} ${column} #${i}`);
          readsAll(SCRIPT_CARRIED['let content = "…" with \\" \\n \\t \\/ escapes']!(body), figures, 'in a script');
        }
      });
    }
  }
});
