import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkReportText } from '../../../src/domain/report-check/check-text.js';
import { CORPUS_DIR, loadTruth, scoreFile } from '../../support/report-check-truth.js';

const truth = loadTruth();

test('the seed report: year, format, figures, no rule broken, one spam finding on the address line', () => {
  const text = readFileSync(join(CORPUS_DIR, '..', 'seed', '000_cdd85b7f6af27b20.txt'), 'utf8');
  const r = checkReportText(text);
  assert.equal(r.year, 2020);
  assert.equal(r.format, '2019');
  assert.equal(r.expectedFormat, '2019');
  assert.equal(r.applications.new?.natural_person, 17);
  assert.equal(r.applications.new?.total, 18);
  assert.equal(r.applications['withheld.internal_affairs']?.total, 2);
  assert.equal(r.applications['unavailable.not_held']?.total, 6);
  assert.equal(r.applications.other?.total, 3);
  assert.equal(r.article20.licensing?.decisions, 22990);
  assert.equal(r.article20.other_services?.change, -21);
  assert.deepEqual(r.article20.procurement, { projects: 518, amount: 78874.11, unit: '万元' });
  assert.equal(r.organization.name, '淮阴区人民政府办公室');
  assert.equal(r.contact.postcode, '223300');
  const spam = r.findings.filter((f) => f.rule === 'spam');
  assert.equal(spam.length, 1);
  const line = text.slice(text.lastIndexOf('\n', spam[0]!.where.offset!) + 1);
  assert.match(line.slice(0, line.indexOf('\n')), /地址/);
  assert.ok(spam[0]!.where.excerpt?.startsWith('365体育亚洲唯一_365bet赌城'));
  assert.deepEqual(
    r.findings.filter((f) => /^R\d$/.test(f.rule)),
    [],
  );
  assert.match(r.sections.overview ?? '', /^2020年[,，]区政府/);
  assert.equal(r.sections.other, '无。');
  // Regression: the heading "五、存在的主要问题及改进情况" used to stop after 问题, leaving
  // "及改进情况" as the first line of the section.
  assert.match(r.sections.problems ?? '', /^\(一\)存在问题[:：]一是个别部门/);
});

for (const [file, entry] of Object.entries(truth)) {
  test(`corpus ${file}: figures, year, format, spam and rule violations as in truth.json`, () => {
    const s = scoreFile(file, entry);
    assert.deepEqual(s.wrong, [], 'wrong figures');
    assert.deepEqual(s.absent, [], 'figures not read');
    assert.ok(s.year, `year ${s.report.year} ≠ ${entry.year}`);
    assert.ok(s.format, `format ${s.report.format} ≠ ${entry.format}`);
    assert.ok(s.spam, `tampered ${s.report.tampered} ≠ spam ${entry.spam}`);
    assert.notEqual(s.violations, false, 'rule violations differ from truth.json');
    assert.equal(s.report.complete, entry.complete);
    if (!entry.complete) assert.ok(s.report.findings.some((f) => f.rule === 'truncated' || f.rule === 'missing'));
    if (!entry.spam) assert.ok(!s.report.findings.some((f) => f.rule === 'spam'));
  });
}

test('the 2021 reports that print 其他处理 as one row get a format finding', () => {
  for (const file of ['complete/009.txt', 'complete/010.txt']) {
    const r = scoreFile(file, truth[file]!).report;
    assert.ok(r.applications.other);
    assert.ok(
      r.findings.some((f) => f.rule === 'format' && f.where.row === 'other'),
      file,
    );
  }
});

test('a 2021 report in the 2019 tables (corpus pages/016) gets a format error', () => {
  const r = scoreFile('pages/016.txt', truth['pages/016.txt']!).report;
  assert.ok(r.findings.some((f) => f.rule === 'format' && f.severity === 'error'));
});
