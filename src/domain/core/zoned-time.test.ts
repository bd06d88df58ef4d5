import { test } from 'node:test';
import assert from 'node:assert/strict';
import { localDate } from './local-date.js';
import { zonedDate, zonedInstant } from './zoned-time.js';

test('should place the start of a day in the office time zone', () => {
  const day = localDate('2025-09-28');
  assert.equal(zonedInstant(day, 'Asia/Shanghai'), '2025-09-27T16:00:00.000Z');
  assert.equal(zonedInstant(day, 'UTC'), '2025-09-28T00:00:00.000Z');
  assert.equal(zonedInstant(day, 'Asia/Urumqi'), '2025-09-27T18:00:00.000Z');
  assert.equal(zonedInstant(day, 'Asia/Kolkata'), '2025-09-27T18:30:00.000Z');
});

test('should follow summer time in zones that have it', () => {
  assert.equal(zonedInstant(localDate('2025-09-28'), 'America/New_York'), '2025-09-28T04:00:00.000Z');
  assert.equal(zonedInstant(localDate('2025-12-01'), 'America/New_York'), '2025-12-01T05:00:00.000Z');
  assert.equal(zonedInstant(localDate('2025-07-01'), 'Europe/London'), '2025-06-30T23:00:00.000Z');
  assert.equal(zonedInstant(localDate('2025-01-15'), 'Europe/London'), '2025-01-15T00:00:00.000Z');
  assert.equal(zonedInstant(localDate('2025-06-01'), 'Australia/Sydney'), '2025-05-31T14:00:00.000Z');
  assert.equal(zonedInstant(localDate('2025-12-01'), 'Australia/Sydney'), '2025-11-30T13:00:00.000Z');
});

test('should read a wall time skipped when the clocks go forward as after the change', () => {
  // New York, 9 March 2025: 02:00 EST became 03:00 EDT.
  assert.equal(zonedInstant(localDate('2025-03-09'), 'America/New_York', '02:30'), '2025-03-09T07:30:00.000Z');
  assert.equal(zonedInstant(localDate('2025-03-09'), 'America/New_York', '03:30'), '2025-03-09T07:30:00.000Z');
  assert.equal(zonedInstant(localDate('2025-03-09'), 'America/New_York', '01:30'), '2025-03-09T06:30:00.000Z');
});

test('should refuse a time zone the runtime does not know', () => {
  assert.throws(() => zonedInstant(localDate('2025-09-28'), 'Mars/Olympus'), RangeError);
});

test('should give the office date of an instant, not the UTC date', () => {
  assert.equal(zonedDate('2026-03-01T17:30:00Z', 'Asia/Shanghai'), '2026-03-02');
  assert.equal(zonedDate('2026-03-01T15:59:59Z', 'Asia/Shanghai'), '2026-03-01');
  assert.equal(zonedDate('2026-03-01T16:00:00.000Z', 'Asia/Shanghai'), '2026-03-02');
  assert.equal(zonedDate('2026-03-01T17:30:00Z', 'UTC'), '2026-03-01');
  assert.equal(zonedDate('2025-07-01T03:30:00Z', 'America/New_York'), '2025-06-30');
  assert.throws(() => zonedDate('not a time', 'Asia/Shanghai'), RangeError);
});
