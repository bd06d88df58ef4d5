// Pure rules of the monitoring registry: the 19号 unanswered-message rule at its edges, the identity of findings
// from run to run, the registry file and the verdict once people have had their say.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { localDate } from '../core/local-date.js';
import { addMonths, interactionFinding, unansweredMessages } from './interaction.js';
import { findingKey } from './finding-match.js';
import { countedSummary, reconcile } from './follow-up.js';
import { readSiteRows, siteFileRows, SITE_FILE_HEADER } from './site-file.js';
import { checkColumnFields, columnKindOfCategory } from './registry.js';
import type { MonitorFinding } from '../monitoring/finding.js';

const d = localDate;

test('addMonths keeps the day, or the last day of a shorter month', () => {
  assert.equal(addMonths(d('2026-01-31'), 1), '2026-02-28');
  assert.equal(addMonths(d('2026-06-01'), -12), '2025-06-01');
  assert.equal(addMonths(d('2025-11-15'), 3), '2026-02-15');
});

test('a message counts when unanswered more than 3 months, within the 12 months before the check', () => {
  const asOf = d('2026-06-01');
  const msgs = [
    { id: 'late-open', receivedOn: d('2026-02-28'), answeredOn: null },
    { id: 'open-3-months-exactly', receivedOn: d('2026-03-01'), answeredOn: null },
    { id: 'answered-late', receivedOn: d('2025-09-01'), answeredOn: d('2025-12-02') },
    { id: 'answered-on-the-day', receivedOn: d('2025-09-01'), answeredOn: d('2025-12-01') },
    { id: 'too-old', receivedOn: d('2025-05-31'), answeredOn: null },
    { id: 'window-start', receivedOn: d('2025-06-01'), answeredOn: null },
  ];
  assert.deepEqual(
    unansweredMessages(msgs, asOf).map((m) => m.id),
    ['late-open', 'answered-late', 'window-start'],
  );
  const f = interactionFinding({ name: '信箱', url: 'http://x.test/m/' }, msgs, asOf);
  assert.equal(f?.rule, 'interaction_unanswered');
  assert.equal(f?.severity, 'veto');
  assert.equal(f?.evidence.count, 3);
  assert.equal(interactionFinding({ name: '信箱', url: 'http://x.test/m/' }, [], asOf), null);
});

test('a finding keeps its identity when only counts and dates change, not when its target does', () => {
  const base: MonitorFinding = {
    rule: 'dead_link',
    severity: 'deduction',
    url: 'http://x.test/',
    message: 'a',
    evidence: { link: 'http://x.test/a', status: 404 },
  };
  assert.equal(findingKey(base), findingKey({ ...base, evidence: { link: 'http://x.test/a', status: 500 } }));
  assert.notEqual(findingKey(base), findingKey({ ...base, evidence: { link: 'http://x.test/b', status: 404 } }));
  const plan = reconcile(
    [
      { id: '1', key: findingKey(base) },
      { id: '2', key: 'gone' },
    ],
    [base, base],
    findingKey,
  );
  assert.deepEqual([plan.again.length, plan.fresh.length, plan.gone.map((g) => g.id)], [1, 0, ['2']]);
});

test('vetoes of unconfirmed rules do not count; a portal under 60 fails', () => {
  const s = { verdict: '不合格' as const, score: 90, vetoes: ['pii' as const] };
  assert.deepEqual(countedSummary(s, { unconfirmed: new Set(['pii']), extraVetoes: [] }), {
    verdict: '合格',
    score: 90,
    vetoes: [],
  });
  assert.equal(
    countedSummary({ ...s, score: 59, vetoes: [] }, { unconfirmed: new Set(), extraVetoes: [] }).verdict,
    '不合格',
  );
});

test('the registry file round-trips and reports a site whose lines disagree', () => {
  const site = {
    id: 's',
    name: '网站',
    homeUrl: 'http://x.test/',
    siteCode: '',
    orgId: 'o',
    kind: 'portal' as const,
    ownPortal: false,
    createdAt: '',
    updatedAt: '',
    columns: [
      {
        id: 'c',
        siteId: 's',
        sort: 10,
        categoryId: null,
        name: '动态',
        url: 'http://x.test/n/',
        kind: 'news' as const,
        intervalDays: 14,
      },
    ],
  };
  const rows = siteFileRows([site], () => '91110000000000000X');
  assert.deepEqual(rows[0], [...SITE_FILE_HEADER]);
  const read = readSiteRows('CSV', rows);
  assert.ok(read.ok);
  assert.equal(read.ok && read.sites[0]?.columns[0]?.intervalDays, '14');
  const bad = readSiteRows('S', [
    ...rows,
    ['网站', 'http://y.test/', '', '91110000000000000X', 'portal', '', '', '', ''],
  ]);
  assert.deepEqual(bad.ok ? [] : bad.errors.map((e) => [e.row, e.column]), [[3, 'B']]);
});

test('column defaults and category mapping', () => {
  const c = checkColumnFields({ name: '通知公告', url: 'http://x.test/t/', kind: 'notice', intervalDays: null });
  assert.equal(c.ok && c.value.intervalDays, 180);
  assert.equal(columnKindOfCategory({ name: '政策解读', statutoryKey: null }), 'policy');
  assert.equal(columnKindOfCategory({ name: '政府信息公开指南', statutoryKey: 'guide' }), 'static');
  assert.equal(columnKindOfCategory({ name: '工作动态', statutoryKey: null }), 'news');
});
