// Unit tests of the report's readiness: 【请补充】 left in a section, publishing from 1 January of the next year
// (《政府信息公开条例》第四十九条), and the task list 一–六 → 检查 → 报送 → 公开.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatChineseDate, localDate } from '../core/local-date.js';
import type { AnnualReport } from './annual-report.js';
import { finding } from './finding.js';
import { SECTION_KEYS, SECTION_TITLES } from './labels.js';
import {
  earliestPublicationOn,
  reportTasks,
  ruleLabel,
  tooEarlyToPublish,
  unfinishedSectionFindings,
} from './report-readiness.js';

const report = (sections: AnnualReport['sections']): AnnualReport => ({
  format: '2021',
  year: 2025,
  organization: { name: '示例区教育局', creditCode: null },
  contact: { address: null, postcode: null, phone: null },
  sections,
  article20: {},
  applications: {},
  reviews: {},
});

test('a placeholder in any spelling is an error naming its section; finished text is none', () => {
  const found = unfinishedSectionFindings({
    overview: '本年度……【请补充：平台建设情况】',
    problems: '一是……【请补充】',
    other: '本年度未收取信息处理费。',
  });
  assert.deepEqual(
    found.map((f) => [f.rule, f.severity, f.where.section]),
    [
      ['unfinished', 'error', 'overview'],
      ['unfinished', 'error', 'problems'],
    ],
  );
  assert.match(found[0]!.message, /“一、总体情况”仍有“【请补充】”/);
  assert.match(found[1]!.message, /“五、存在的主要问题及改进情况”/);
  assert.deepEqual(unfinishedSectionFindings({ overview: '完成', problems: null, other: '【补充说明】' }), []);
  assert.equal(ruleLabel('unfinished'), '待补充');
  assert.equal(ruleLabel('R6'), 'R6');
});

test('a year’s report is published from 1 January of the next year, in the office date', () => {
  assert.equal(earliestPublicationOn(2025), '2026-01-01');
  assert.equal(formatChineseDate(localDate('2026-01-01')), '2026年1月1日');
  assert.equal(
    tooEarlyToPublish(2025, localDate('2025-12-31')),
    '2025年度报告须在2026年1月1日以后公开发布（年度结束后才能报告全年情况），今天是2025年12月31日',
  );
  assert.equal(tooEarlyToPublish(2025, localDate('2026-01-01')), null);
  assert.equal(tooEarlyToPublish(2024, localDate('2025-12-31')), null);
});

test('the task list: sections done when written and free of errors, then check, submit, publish', () => {
  const r = report({ overview: '概述', problems: '', other: '其他【请补充】' });
  const findings = [
    ...unfinishedSectionFindings(r.sections),
    finding('R4', 'error', '不等', { section: 'applications' }),
    finding('R7', 'warning', '提示', { section: 'article20' }),
  ];
  const tasks = reportTasks({ report: r, findings, state: 'draft', today: localDate('2025-12-20') });
  assert.deepEqual(
    tasks.map((t) => [t.key, t.done]),
    [
      ['overview', true],
      ['article20', true],
      ['applications', false],
      ['reviews', true],
      ['problems', false],
      ['other', false],
      ['check', false],
      ['submit', false],
      ['publish', false],
    ],
  );
  assert.deepEqual(
    tasks.map((t) => t.label),
    [...SECTION_KEYS.map((k) => SECTION_TITLES[k]), '检查', '报送', '公开'],
  );
  const note = (key: string) => tasks.find((t) => t.key === key)?.note;
  assert.equal(note('problems'), '尚未填写');
  assert.equal(note('other'), '有1项错误');
  assert.equal(note('check'), '有2项错误须更正');
  assert.equal(note('publish'), '2026年1月1日起可以公开');
  const done = reportTasks({
    report: report({ overview: '概述', problems: '问题', other: '其他' }),
    findings: [finding('R7', 'warning', '提示', { section: 'article20' })],
    state: 'published',
    today: localDate('2026-01-10'),
  });
  assert.ok(done.every((t) => t.done));
  assert.equal(done.find((t) => t.key === 'check')?.note, '通过（1项提示请核对）');
  assert.equal(done.find((t) => t.key === 'publish')?.note, '已在门户公开');
  const submitted = reportTasks({ report: r, findings: [], state: 'submitted', today: localDate('2026-01-10') });
  assert.deepEqual(
    submitted.slice(-2).map((t) => [t.done, t.note]),
    [
      [true, '已报送上级'],
      [false, '尚未公开'],
    ],
  );
});
