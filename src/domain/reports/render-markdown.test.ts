// Unit tests of the Markdown renderer: GFM pipe tables with even rows, the seed's figures in
// place, escaping of text that would break a table or turn into markup.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import seedJson from '../../../test/fixtures/reports/generated/seed-2020.json' with { type: 'json' };
import type { AnnualReport } from './annual-report.js';
import { escapeCell, escapeLine, renderReportMarkdown } from './render-markdown.js';

const seed = seedJson as AnnualReport;

/** Pipe tables of a Markdown text: consecutive lines starting with `|`, split into cells. */
function tables(md: string): string[][][] {
  return md
    .split('\n\n')
    .filter((b) => b.startsWith('|'))
    .map((b) => b.split('\n').map((line) => line.slice(2, -2).split(/(?<!\\) \| /)));
}

test('the seed renders as headings, paragraphs and GFM tables with even rows', () => {
  const md = renderReportMarkdown(seed, '2019');
  assert.match(md, /^# 淮阴区人民政府办公室2020年政府信息公开工作年度报告\n\n本报告由淮阴区人民政府办公室根据/);
  assert.deepEqual(
    [...md.matchAll(/^## (.+)$/gm)].map((m) => m[1]),
    [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ],
  );
  const all = tables(md);
  assert.equal(all.length, 5 + 1 + 1);
  for (const t of all) {
    assert.ok(
      t.every((row) => row.length === t[0]!.length),
      `uneven rows in ${t[0]!.join('|')}`,
    );
    assert.ok(
      t[1]!.every((c) => c === '---'),
      'the delimiter row follows the first row',
    );
  }
  assert.deepEqual(all[0]![0], ['第二十条第（一）项', '', '', '']);
  assert.deepEqual(all[1]!.at(-2), ['行政许可', '172', '+8', '22990']);
  assert.deepEqual(all[4]!.at(-1), ['政府集中采购', '518', '78874.11万元']);
  const apps = all[5]!;
  assert.equal(apps[0]!.length, 10);
  assert.deepEqual(apps[4], ['一、本年新收政府信息公开申请数量', '', '', '17', '1', '0', '0', '0', '0', '18']);
  assert.deepEqual(apps[6], ['三、本年度办理结果', '（一）予以公开', '', '5', '1', '0', '0', '0', '0', '6']);
  assert.deepEqual(apps[8], ['', '（三）不予公开', '1.属于国家秘密', '0', '0', '0', '0', '0', '0', '0']);
  assert.deepEqual(apps[9], ['', '', '2.其他法律行政法规禁止公开', '0', '0', '0', '0', '0', '0', '0']);
  assert.deepEqual(apps.at(-3), ['', '（六）其他处理', '', '3', '0', '0', '0', '0', '0', '3']);
  assert.deepEqual(apps.at(-1), ['四、结转下年度继续办理', '', '', '0', '0', '0', '0', '0', '0', '0']);
  const reviews = all[6]!;
  assert.equal(reviews[0]!.length, 15);
  assert.deepEqual(reviews.at(-1), Array(15).fill('0'));
  assert.match(md, /\n\n## 六、其他需要报告的事项\n\n无。\n$/);
});

test('the 2021 format has the three （六） rows under their merged group label', () => {
  const md = renderReportMarkdown(seed, '2021');
  const apps = tables(md)[4]!;
  assert.equal(apps.length, 3 + 1 + 25);
  assert.deepEqual(apps.at(-5)!.slice(0, 3), [
    '',
    '（六）其他处理',
    '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  ]);
  assert.deepEqual(apps.at(-4)!.slice(0, 3), [
    '',
    '',
    '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  ]);
  assert.deepEqual(apps.at(-2)!.slice(0, 3), ['', '（七）总计', '']);
});

test('text that would break a table or become markup is escaped', () => {
  assert.equal(escapeCell('a|b\nc<d>'), 'a\\|b c&lt;d&gt;');
  assert.equal(escapeLine('# 不是标题'), '\\# 不是标题');
  assert.equal(escapeLine('1. 不是列表'), '1\\. 不是列表');
  assert.equal(escapeLine('2) 不是列表'), '2\\) 不是列表');
  assert.equal(escapeLine('1.属于国家秘密'), '1.属于国家秘密', 'no space after the dot: not a list');
  assert.equal(escapeLine('- 项'), '\\- 项');
  assert.equal(escapeLine('*强调* [链接](x)'), '\\*强调\\* \\[链接\\](x)');
  const md = renderReportMarkdown(
    {
      ...seed,
      organization: { name: '某|区<script>' },
      sections: { overview: '# 标题\n\n正文', problems: null, other: null },
    },
    '2019',
  );
  assert.match(md, /^# 某\|区&lt;script&gt;2020年/);
  assert.match(md, /## 一、总体情况\n\n\\# 标题\n\n正文\n\n/);
  assert.match(md, /## 五、存在的主要问题及改进情况\n\n（未填写）\n/);
});
