// Art. 26 "自该政府信息形成或者变更之日起20个工作日内": the clock of a change (a revision, 撤稿后修订, a 废止 or 失效)
// read from recorded instants; the version history.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { localDate, type LocalDate } from '../core/local-date.js';
import { buildHolidayCalendar } from '../calendar/holiday-calendar.js';
import { clockStart, publicationClock, type VersionStamp } from './deadlines.js';
import { versionHistory } from './version-history.js';
import type { Validity } from './publication.js';

// Weekends only (the real schedule is tested in working-days).
const cal = buildHolidayCalendar([], [], [2025, 2026]);
const d = (s: string): LocalDate => localDate(s);
const at = (day: string) => ({ at: `${day}T02:00:00.000Z`, on: d(day) });
const version = (n: number, day: string, validity: Validity = 'valid'): VersionStamp => ({
  ...at(day),
  version: n,
  validity,
});
const item = (over: { validity?: Validity; validityOn?: string | null; publishedOn?: string | null } = {}) => ({
  disclosure: 'proactive' as const,
  writtenOn: d('2025-01-06'),
  publishedOn:
    over.publishedOn === undefined ? d('2025-01-10') : over.publishedOn === null ? null : d(over.publishedOn),
  validity: over.validity ?? 'valid',
  validityOn: over.validityOn ? d(over.validityOn) : null,
});

describe('the art. 26 clock of a change', () => {
  test('should count from 成文日期 when the item was never revised', () => {
    const s = clockStart(item(), { revisions: [], versions: [version(1, '2025-01-10')] });
    assert.deepEqual(s, { from: '2025-01-06', cause: 'formed', publishedOn: '2025-01-10' });
  });

  test('should start a new clock on the day a revision was opened, stopped by its publication', () => {
    const history = { revisions: [at('2025-03-03')], versions: [version(1, '2025-01-10')] };
    const s = clockStart(item(), history);
    assert.deepEqual(s, { from: '2025-03-03', cause: 'revised', publishedOn: null });
    // 2025-03-03 + 20 working days = 2025-03-31; before it the revision is on time, after it late.
    assert.equal(publicationClock(item(), d('2025-03-10'), cal, s)?.status, 'on_time');
    assert.equal(publicationClock(item(), d('2025-03-26'), cal, s)?.status, 'due_soon');
    assert.deepEqual(publicationClock(item(), d('2025-04-01'), cal, s), {
      dueOn: '2025-03-31',
      status: 'late',
      from: '2025-03-03',
      cause: 'revised',
    });
    // Published on 2025-03-28: on time for good; on 2025-04-02: late for good.
    const onTime = clockStart(item(), { ...history, versions: [...history.versions, version(2, '2025-03-28')] });
    assert.equal(onTime.publishedOn, '2025-03-28');
    assert.equal(publicationClock(item(), d('2025-12-01'), cal, onTime)?.status, 'on_time');
    const late = clockStart(item(), { ...history, versions: [...history.versions, version(2, '2025-04-02')] });
    assert.equal(publicationClock(item(), d('2025-12-01'), cal, late)?.status, 'late');
  });

  test('should time the latest revision only, whatever order the stamps come in', () => {
    const s = clockStart(item(), {
      revisions: [at('2025-06-02'), at('2025-03-03')],
      versions: [version(2, '2025-03-20'), version(1, '2025-01-10')],
    });
    assert.deepEqual(s, { from: '2025-06-02', cause: 'revised', publishedOn: null });
  });

  test('should start on the 废止/失效 date when a revision changes the validity and the date is earlier', () => {
    const history = { revisions: [at('2025-03-03')], versions: [version(1, '2025-01-10')] };
    const repealed = item({ validity: 'repealed', validityOn: '2025-02-03' });
    assert.deepEqual(clockStart(repealed, history), { from: '2025-02-03', cause: 'validity', publishedOn: null });
    assert.equal(publicationClock(repealed, d('2025-03-04'), cal, clockStart(repealed, history))?.status, 'late');
    // A date after the revision was opened (announced ahead) cannot put the clock off: the recorded day holds.
    const ahead = item({ validity: 'expired', validityOn: '2025-06-30' });
    assert.deepEqual(clockStart(ahead, history), { from: '2025-03-03', cause: 'revised', publishedOn: null });
    // Never before the version it changes went live.
    const backdated = item({ validity: 'repealed', validityOn: '2024-06-30' });
    assert.equal(clockStart(backdated, history).from, '2025-01-10');
    // Already 废止 in the version revised: not a change of validity, the revision's day counts.
    const already = { revisions: [at('2025-03-03')], versions: [version(1, '2025-01-10', 'repealed')] };
    assert.equal(clockStart(repealed, already).cause, 'revised');
  });

  test('should start on the day a re-assessment opened a 不予公开 item to 主动公开 (recorded)', () => {
    const s = clockStart(item(), {
      revisions: [at('2025-03-03'), { ...at('2025-04-01'), kind: 'disclosure' }],
      versions: [version(1, '2025-01-10')],
    });
    assert.deepEqual(s, { from: '2025-04-01', cause: 'disclosed', publishedOn: null });
  });

  test('should clock a revision after withdrawal (撤稿后修订) from its opening and keep 主动公开 only', () => {
    const history = { revisions: [at('2025-05-05')], versions: [version(1, '2025-01-10')] };
    const s = clockStart(item(), history);
    assert.deepEqual(s, { from: '2025-05-05', cause: 'revised', publishedOn: null });
    assert.equal(publicationClock({ ...item(), disclosure: 'on_request' }, d('2025-12-01'), cal, s), null);
    assert.equal(publicationClock({ ...item(), disclosure: 'withheld' }, d('2025-12-01'), cal, s), null);
  });
});

describe('version history', () => {
  const v = (n: number, day: string) => ({
    version: n,
    publishedAt: `${day}T02:00:00.000Z`,
    publishedBy: 'sg',
    title: `第${n}稿`,
  });
  test('should tell replaced, withdrawn, published again and live versions apart', () => {
    const rows = versionHistory(
      [v(3, '2025-06-02'), v(1, '2025-01-10'), v(2, '2025-03-20')],
      ['2025-04-01T03:00:00.000Z', '2025-04-02T03:00:00.000Z'],
      3,
    );
    assert.deepEqual(
      rows.map((r) => [r.version, r.status, r.endedAt, r.followedBy]),
      [
        [1, 'replaced', '2025-03-20T02:00:00.000Z', 2],
        [2, 'withdrawn', '2025-04-01T03:00:00.000Z', 3],
        [3, 'live', null, null],
      ],
    );
    const withdrawnNow = versionHistory([v(1, '2025-01-10')], ['2025-02-01T00:00:00.000Z'], null);
    assert.deepEqual(
      withdrawnNow.map((r) => [r.status, r.followedBy]),
      [['withdrawn', null]],
    );
    assert.equal(versionHistory([v(1, '2025-01-10')], [], null)[0]?.status, 'not_shown');
  });
});
