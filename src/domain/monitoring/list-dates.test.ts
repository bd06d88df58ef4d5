// List-page dates in the forms Chinese government sites use, and the undated item.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { daysBetween, itemDate, latestDate, yearOfHeading } from './list-dates.js';

describe('itemDate', () => {
  it('reads full dates in each form', () => {
    assert.equal(itemDate('区政府召开常务会议 2026-11-28'), '2026-11-28');
    assert.equal(itemDate('通知 2026年11月28日'), '2026-11-28');
    assert.equal(itemDate('通知 2026年5月8日'), '2026-05-08');
    assert.equal(itemDate('通知（2026/11/28）'), '2026-11-28');
    assert.equal(itemDate('通知 2026.3.1'), '2026-03-01');
  });
  it('reads [11-28] and 11-28 only under a year heading', () => {
    assert.equal(itemDate('示例区促进就业若干措施 [11-28]', 2026), '2026-11-28');
    assert.equal(itemDate('措施 11-28', 2025), '2025-11-28');
    assert.equal(itemDate('措施 11月28日', 2025), '2025-11-28');
    assert.equal(itemDate('措施 [11-28]'), null);
  });
  it('keeps the latest date of an item and refuses impossible dates', () => {
    assert.equal(itemDate('2026-01-02 发布，2026-03-04 更新'), '2026-03-04');
    assert.equal(itemDate('通知 2026-02-30'), null);
    assert.equal(itemDate('文号 2026-13-01'), null);
  });
  it('an item without a date has none (it counts as not updated)', () => {
    assert.equal(itemDate('全区工作推进会'), null);
    assert.equal(itemDate('第12号公告', 2026), null);
  });
});

describe('year headings and the latest date', () => {
  it('recognises year headings', () => {
    assert.equal(yearOfHeading('2026年'), 2026);
    assert.equal(yearOfHeading(' 【2025】 '), 2025);
    assert.equal(yearOfHeading('2026年工作要点'), null);
  });
  it('finds the latest dated item', () => {
    const items = [{ text: 'a [03-01]', heading: '2026年' }, { text: 'b 2025年12月31日' }, { text: 'c' }];
    assert.equal(latestDate(items), '2026-03-01');
    assert.equal(latestDate([{ text: 'c' }]), null);
  });
  it('counts days between ISO dates', () => {
    assert.equal(daysBetween('2026-05-08', '2026-12-01'), 207);
    assert.equal(daysBetween('2026-12-01', '2026-11-17'), -14);
  });
});
