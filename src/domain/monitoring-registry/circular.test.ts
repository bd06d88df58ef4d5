// The 通报 builder: title by quarter, pass rates, the failing table with Chinese rule names and deadlines, escaping.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { localDate } from '../core/local-date.js';
import { circularHtml, circularTitle, passRate, quarterLabel } from './circular.js';

const base = {
  issuerName: '示例区人民政府',
  checkedOn: localDate('2026-03-31'),
  issuedOn: localDate('2026-04-02'),
  sites: { checked: 3, passed: 2 },
  accounts: { checked: 0, passed: 0 },
};

test('should name the quarter of the check day in the title', () => {
  assert.equal(quarterLabel(localDate('2026-03-31')), '2026年第一季度');
  assert.equal(quarterLabel(localDate('2026-10-01')), '2026年第四季度');
  assert.equal(circularTitle(localDate('2026-12-07')), '关于2026年第四季度政府网站与政务新媒体检查情况的通报');
});

test('should give pass rates with one decimal, and a dash when nothing was checked', () => {
  assert.equal(passRate({ checked: 3, passed: 2 }), '66.7%');
  assert.equal(passRate({ checked: 4, passed: 4 }), '100%');
  assert.equal(passRate({ checked: 0, passed: 0 }), '—');
});

test('should list the failing ones with Chinese rule names and deadlines, escaping names', () => {
  const html = circularHtml({
    ...base,
    failing: [
      {
        type: '政府网站',
        name: '<b>甲</b>网',
        unit: '乙&丙局',
        rules: ['home_stale', 'spam'],
        deadlineOn: localDate('2026-04-16'),
      },
      { type: '政府网站', name: '门户', unit: '区政府', rules: [], deadlineOn: localDate('2026-04-16') },
    ],
  });
  assert.match(html, /共检查政府网站3个，合格2个，不合格1个，合格率66.7%；检查政务新媒体0个.*合格率—/);
  assert.match(
    html,
    /<td>&lt;b&gt;甲&lt;\/b&gt;网<\/td><td>乙&amp;丙局<\/td><td>首页不更新、被植入违法有害信息<\/td><td>2026年4月16日<\/td>/,
  );
  assert.match(html, /<td>总分低于60分<\/td>/);
  assert.match(html, /三、有关要求/);
});

test('should say so when nothing failed', () => {
  const html = circularHtml({ ...base, sites: { checked: 1, passed: 1 }, failing: [] });
  assert.match(html, /本次检查未发现不合格的政府网站和政务新媒体/);
  assert.doesNotMatch(html, /<table/);
  assert.match(html, /二、有关要求/);
});
