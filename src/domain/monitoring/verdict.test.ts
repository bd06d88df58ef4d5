// Freshness by column kind, the veto counts of 19号 栏目不更新, the portal's deduction score and the 7-day
// availability ratio.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { MonitorFinding } from './finding.js';
import { DEFAULT_SITE_CHECK_SETTINGS as S, type ColumnKind } from './settings.js';
import { availabilityStatus, columnFreshness, homeFreshness, type Probe } from './site-rules.js';
import { deductionScore, summarizeSite, vetoesOf } from './verdict.js';

const stale = (kind: ColumnKind, n: number): MonitorFinding[] =>
  Array.from({ length: n }, (_, i) => ({
    rule: 'column_stale' as const,
    severity: 'deduction' as const,
    url: `http://x/${kind}${i}/`,
    column: `${kind}${i}`,
    message: '',
    evidence: { kind },
  }));
const empty = (n: number): MonitorFinding[] =>
  Array.from({ length: n }, (_, i) => ({
    rule: 'column_empty' as const,
    severity: 'deduction' as const,
    url: `http://x/e${i}/`,
    column: `e${i}`,
    message: '',
    evidence: { kind: 'static' },
  }));

describe('freshness', () => {
  const col = (kind: ColumnKind, text: string, intervalDays?: number) => ({
    name: kind,
    url: `http://x/${kind}/`,
    kind,
    items: text ? [{ text }] : [],
    ...(intervalDays ? { intervalDays } : {}),
  });
  it('judges each column by its kind: news 14 days, notice/policy 180 (181 days is stale), should_update its own, static none', () => {
    const found = columnFreshness(
      [
        col('news', '2026-11-17'),
        col('notice', '2026-06-03'),
        col('policy', '2026-06-04'),
        col('should_update', '2026-10-31', 30),
        col('static', '2020-01-01'),
        col('service', '2020-01-01'),
      ],
      '2026-12-01',
      S,
    );
    assert.deepEqual(
      found.map((f) => [f.rule, f.column]),
      [
        ['column_stale', 'notice'],
        ['column_stale', 'should_update'],
      ],
    );
  });
  it('an empty column is column_empty, not also stale; an unreadable one is neither', () => {
    const found = columnFreshness([col('news', ''), { ...col('notice', ''), items: null }], '2026-12-01', S);
    assert.deepEqual(
      found.map((f) => f.rule),
      ['column_empty'],
    );
  });
  it('items dated after "today" do not make a column fresh', () => {
    assert.equal(columnFreshness([col('news', '2026-12-05')], '2026-12-01', S).length, 1);
  });
  it('home_stale is a veto after 14 days without a new item', () => {
    const home = (text: string) => ({ url: 'http://x/', items: [{ text }] });
    assert.equal(homeFreshness(home('2026-11-17'), '2026-12-01', S).length, 0);
    const [f] = homeFreshness(home('2026-11-16'), '2026-12-01', S);
    assert.deepEqual([f?.rule, f?.severity, f?.evidence.days], ['home_stale', 'veto', 15]);
    assert.equal(homeFreshness(home('无日期'), '2026-12-01', S).length, 1);
  });
  it('a home page that is only a navigation entrance is judged by the columns (19号)', () => {
    const entrance = { url: 'http://x/', items: [] };
    const fresh = { url: 'http://x/a/', items: [{ text: '2026-11-30' }] };
    const old = { url: 'http://x/b/', items: [{ text: '2026-01-30' }] };
    assert.deepEqual(homeFreshness(entrance, '2026-12-01', S, [old, fresh]), []);
    const [f] = homeFreshness(entrance, '2026-12-01', S, [old]);
    assert.deepEqual([f?.rule, f?.evidence.entrance, f?.evidence.lastDate], ['home_stale', true, '2026-01-30']);
    // With no column read either, an empty home page has nothing new.
    assert.equal(homeFreshness(entrance, '2026-12-01', S, []).length, 1);
  });
});

describe('vetoes (国办秘函〔2019〕19号 栏目不更新)', () => {
  it('5 stale news/notice/policy columns, 10 stale should_update columns, 5 empty columns', () => {
    assert.deepEqual(vetoesOf([...stale('news', 2), ...stale('notice', 1), ...stale('policy', 1)], S), []);
    assert.deepEqual(vetoesOf([...stale('news', 2), ...stale('notice', 2), ...stale('policy', 1)], S), [
      'column_stale',
    ]);
    assert.deepEqual(vetoesOf(stale('should_update', 9), S), []);
    assert.deepEqual(vetoesOf(stale('should_update', 10), S), ['column_stale']);
    assert.deepEqual(vetoesOf(empty(4), S), []);
    assert.deepEqual(vetoesOf(empty(5), S), ['column_empty']);
  });
});

describe('score and verdict', () => {
  const link = (onHome: boolean): MonitorFinding => ({
    rule: 'dead_link',
    severity: 'deduction',
    url: 'http://x/dead',
    message: '',
    evidence: { onHome },
  });
  it('takes points per indicator, capped, and penalises a column once', () => {
    assert.equal(deductionScore([...stale('news', 1), ...stale('notice', 1), ...empty(1)], S), 100 - 3 - 4 - 5);
    assert.equal(deductionScore([...stale('news', 1), ...stale('news', 1)], S), 97);
    assert.equal(deductionScore([link(true), link(false), link(false)], S), 98.8);
    assert.equal(
      deductionScore(
        Array.from({ length: 30 }, () => link(true)),
        S,
      ),
      90,
    );
    assert.equal(deductionScore(stale('should_update', 9), S), 60);
  });
  it('a portal below 60 fails; other kinds get no score; a veto fails any site', () => {
    const many = [...stale('should_update', 9), link(true)];
    assert.deepEqual(summarizeSite(many, 'portal', S), { verdict: '不合格', score: 59, vetoes: [] });
    assert.deepEqual(summarizeSite(many, 'department', S), { verdict: '合格', score: null, vetoes: [] });
    assert.equal(summarizeSite(empty(5), 'special', S).verdict, '不合格');
  });
  it('findings that need confirmation count only once confirmed', () => {
    const word: MonitorFinding = {
      rule: 'sensitive_word',
      severity: 'veto',
      url: 'http://x/',
      message: '',
      evidence: {},
    };
    assert.deepEqual(summarizeSite([word], 'portal', S).vetoes, []);
    assert.deepEqual(summarizeSite([word], 'portal', S, [word]).vetoes, ['sensitive_word']);
  });
});

describe('availability (19号 站点无法访问)', () => {
  const day = (date: string, n: number, failures: number): Probe[] =>
    Array.from({ length: n }, (_, i) => ({
      at: `${date}T${String(i % 24).padStart(2, '0')}:00:00Z`,
      ok: i >= failures,
    }));
  const week = (failuresPerDay: number[]) =>
    failuresPerDay.flatMap((f, i) => day(`2026-11-${String(24 + i).padStart(2, '0')}`, 20, f));
  it('vetoes at 5 % of the probes over 7 days, warns earlier, ignores probes outside the window', () => {
    assert.deepEqual(availabilityStatus(week([7, 0, 0, 0, 0, 0, 0]), '2026-11-30', S), {
      probes: 140,
      failures: 7,
      ratio: 0.05,
      thinDays: 0,
      severity: 'veto',
    });
    assert.equal(availabilityStatus(week([6, 0, 0, 0, 0, 0, 0]), '2026-11-30', S).severity, 'warning');
    assert.equal(availabilityStatus(week([2, 0, 0, 0, 0, 0, 0]), '2026-11-30', S).severity, null);
    assert.equal(availabilityStatus(week([7, 0, 0, 0, 0, 0, 0]), '2026-12-01', S).probes, 120);
  });
  it('counts the days with fewer than 20 probes', () => {
    assert.equal(availabilityStatus(day('2026-11-30', 10, 0), '2026-11-30', S).thinDays, 7);
  });
});
