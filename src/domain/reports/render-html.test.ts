// Unit tests of the HTML renderer: escaping, captions and header scopes, merged cells forming full grids.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml } from '../core/text.js';
import { renderReportHtml } from './render-html.js';
import type { RenderableReport } from './render-text.js';

const tables = (html: string): string[] => [...html.matchAll(/<table[\s\S]*?<\/table>/g)].map((m) => m[0]);

/** Column count of every row of a table once colspans and rowspans are laid out (all must agree). */
function rowWidths(table: string): number[] {
  const widths: number[] = [];
  const carried: number[] = []; // per row index: columns taken by rowspans from above
  [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].forEach((tr, i) => {
    let width = carried[i] ?? 0;
    for (const cell of tr[1]!.matchAll(/<t[hd]([^>]*)>/g)) {
      const cols = Number(/colspan="(\d+)"/.exec(cell[1]!)?.[1] ?? 1);
      const rows = Number(/rowspan="(\d+)"/.exec(cell[1]!)?.[1] ?? 1);
      width += cols;
      for (let k = 1; k < rows; k++) carried[i + k] = (carried[i + k] ?? 0) + cols;
    }
    widths.push(width);
  });
  return widths;
}

const report: RenderableReport = {
  format: '2019',
  year: 2020,
  organization: { name: '某区<script>alert(1)</script>政府' },
  contact: { address: '"引号" & \'单引号\'', postcode: null, phone: null },
  sections: { overview: '第一段<b>\n\n第二段', problems: null, other: '无。' },
  applications: { new: { natural_person: 17, total: 18, business: null } },
  article20: { procurement: { projects: 518, amount: 78874.11, unit: '万元<i>' } },
  reviews: { litigation_direct: { upheld: 1, total: 1 } },
};

test('every value from the report is escaped', () => {
  const html = renderReportHtml(report, '2019');
  assert.doesNotMatch(html, /<script>|<b>|<i>/);
  assert.match(html, /<title>某区&lt;script&gt;alert\(1\)&lt;\/script&gt;政府2020年政府信息公开工作年度报告<\/title>/);
  assert.match(html, /&quot;引号&quot; &amp; &#39;单引号&#39;/);
  assert.match(html, /<p>第一段&lt;b&gt;<\/p>\n<p>第二段<\/p>/);
  assert.match(html, /<td class="num" data-cell="article20\.procurement\.amount">78874\.11万元&lt;i&gt;<\/td>/);
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
});

test('a standalone page with the six parts and captioned tables (2019: five section-二 tables)', () => {
  const html = renderReportHtml(report, '2019');
  assert.match(html, /^<!DOCTYPE html>\n<html lang="zh-CN">/);
  assert.equal((html.match(/<h2 /g) ?? []).length, 6);
  const captions = [...html.matchAll(/<caption>(.*?)<\/caption>/g)].map((m) => m[1]);
  assert.deepEqual(captions, [
    '第二十条第（一）项',
    '第二十条第（五）项',
    '第二十条第（六）项',
    '第二十条第（八）项',
    '第二十条第（九）项',
    '收到和处理政府信息公开申请情况',
    '政府信息公开行政复议、行政诉讼情况',
  ]);
  assert.match(html, /<th scope="col">本年增\/减<\/th>/);
  assert.match(
    html,
    /<th scope="row">政府集中采购<\/th><td class="num" data-cell="article20\.procurement\.projects">518<\/td>/,
  );
  assert.match(html, /<th scope="colgroup" colspan="7">申请人情况<\/th>/);
  assert.match(
    html,
    /<th scope="col" rowspan="2">自然人<\/th><th scope="colgroup" colspan="5">法人或其他组织<\/th><th scope="col" rowspan="2">总计<\/th>/,
  );
  assert.match(
    html,
    /<th scope="rowgroup" rowspan="20">三、本年度办理结果<\/th><th scope="row" colspan="2">（一）予以公开<\/th>/,
  );
  assert.match(
    html,
    /<th scope="row" colspan="3">一、本年新收政府信息公开申请数量<\/th><td class="num" data-cell="applications\.new\.natural_person">17<\/td><td class="num" data-cell="applications\.new\.business"><\/td>/,
  );
  assert.match(html, /<th scope="colgroup" colspan="5">行政复议<\/th><th scope="colgroup" colspan="10">行政诉讼<\/th>/);
  assert.match(html, /<p class="blank">（未填写）<\/p>/);
});

test('merged cells give every table a full grid, in both formats', () => {
  for (const format of ['2019', '2021'] as const) {
    const all = tables(renderReportHtml(report, format));
    assert.equal(all.length, format === '2019' ? 7 : 6);
    for (const t of all) {
      const widths = rowWidths(t);
      assert.ok(
        widths.every((w) => w === widths[0]),
        `${format}: uneven rows ${widths.join(',')} in ${t.slice(0, 80)}`,
      );
    }
    const apps = all.at(-2)!;
    assert.deepEqual(rowWidths(apps).slice(0, 1), [10]);
    assert.equal((apps.match(/<tr>/g) ?? []).length, 3 + (format === '2019' ? 23 : 25));
    assert.deepEqual(rowWidths(all.at(-1)!), [15, 15, 15, 15]);
  }
  assert.match(
    renderReportHtml(report, '2021'),
    /<th scope="rowgroup" rowspan="3">（六）其他处理<\/th><th scope="row">1\.申请人无正当理由/,
  );
});

test('every numeric cell has a unique data-cell address covering the format’s rows and columns', () => {
  for (const format of ['2019', '2021'] as const) {
    const html = renderReportHtml(report, format);
    const addresses = [...html.matchAll(/<td class="num"(?: data-cell="([^"]+)")?>/g)].map((m) => m[1]);
    assert.ok(
      addresses.every((a) => a !== undefined),
      'no numeric cell without an address',
    );
    assert.equal(new Set(addresses).size, addresses.length, 'addresses are unique');
    const a20 = format === '2019' ? 22 : 2 * 3 + 1 + 2 + 1;
    const rows = format === '2019' ? 23 : 25;
    assert.equal(addresses.length, a20 + rows * 7 + 15);
    assert.ok(addresses.includes('article20.rules.' + (format === '2019' ? 'new_made' : 'made')));
    assert.ok(addresses.includes('applications.withheld.internal_affairs.total'));
    assert.equal(addresses.includes('applications.other.natural_person'), format === '2019');
    assert.equal(addresses.includes('applications.other.fee_unpaid.business'), format === '2021');
    assert.equal(addresses.at(-15), 'reviews.reconsideration.upheld');
    assert.equal(addresses.at(-1), 'reviews.litigation_after_reconsideration.total');
  }
});

test('charts passed in are placed after the section-三 table', () => {
  const html = renderReportHtml(report, '2021', {
    charts: ['<svg role="img"><title>甲</title></svg>', '<svg role="img"><title>乙</title></svg>'],
  });
  assert.match(
    html,
    /<\/table>\n<figure class="chart">\n<svg role="img"><title>甲<\/title><\/svg>\n<\/figure>\n<figure class="chart">\n<svg role="img"><title>乙<\/title><\/svg>\n<\/figure>\n<\/section>\n<section aria-labelledby="s4">/,
  );
  assert.doesNotMatch(renderReportHtml(report, '2021'), /<figure/);
});
