// Unit tests of the SVG charts: well-formed XML (checked by a small strict parser below), the
// accessible name and description, the size attributes, escaping, the bars drawn.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import seedJson from '../../../test/fixtures/reports/generated/seed-2020.json' with { type: 'json' };
import type { AnnualReport } from './annual-report.js';
import { applicationsSection, tallyApplications } from './compute.js';
import { escapeXml, historyChartSvg, niceMax, outcomeBars, outcomeChartSvg } from './charts.js';
import { randomFacts, seeded } from './test-support.js';

const seed = seedJson as AnnualReport;

type El = { name: string; attrs: Record<string, string>; text: string; children: El[] };

const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/y;

/** Checks that `s` has no `<` and only well-formed entity references; returns it decoded. */
function checkText(s: string, where: string): string {
  assert.ok(!s.includes('<'), `raw < in ${where}`);
  for (let i = s.indexOf('&'); i !== -1; i = s.indexOf('&', i + 1)) {
    ENTITY.lastIndex = i;
    assert.ok(ENTITY.test(s), `bare & in ${where}: ${s.slice(i, i + 12)}`);
  }
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** A strict little XML parser: one root element, balanced tags, quoted unique attributes, escaped text. */
function parseXml(xml: string): El {
  const root: El = { name: '#document', attrs: {}, text: '', children: [] };
  const stack: El[] = [root];
  const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[A-Za-z_:][\w:.-]*="[^"]*")*)\s*(\/?)>/y;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    stack.at(-1)!.text += checkText(text, `text of <${stack.at(-1)!.name}>`);
    if (lt === -1) break;
    tag.lastIndex = lt;
    const m = tag.exec(xml);
    assert.ok(m, `malformed tag at ${lt}: ${xml.slice(lt, lt + 40)}`);
    const [, close, name, attrText, selfClose] = m;
    if (close) {
      assert.equal(stack.pop()!.name, name, `mismatched </${name}>`);
    } else {
      const attrs: Record<string, string> = {};
      for (const a of attrText!.matchAll(/([A-Za-z_:][\w:.-]*)="([^"]*)"/g)) {
        assert.ok(!(a[1]! in attrs), `duplicate attribute ${a[1]}`);
        attrs[a[1]!] = checkText(a[2]!, `attribute ${a[1]}`);
      }
      const el: El = { name: name!, attrs, text: '', children: [] };
      stack.at(-1)!.children.push(el);
      if (!selfClose) stack.push(el);
    }
    i = tag.lastIndex;
  }
  assert.equal(stack.length, 1, `unclosed <${stack.at(-1)!.name}>`);
  assert.equal(root.children.length, 1, 'one root element');
  assert.equal(root.text.trim(), '', 'no text outside the root');
  return root.children[0]!;
}

const all = (el: El, name: string): El[] => [
  ...(el.name === name ? [el] : []),
  ...el.children.flatMap((c) => all(c, name)),
];

function assertAccessible(svg: El, title: string): void {
  assert.equal(svg.name, 'svg');
  assert.equal(svg.attrs.xmlns, 'http://www.w3.org/2000/svg');
  assert.equal(svg.attrs.role, 'img');
  const { width, height, viewBox } = svg.attrs;
  assert.match(width!, /^\d+$/);
  assert.match(height!, /^\d+$/);
  assert.equal(viewBox, `0 0 ${width} ${height}`);
  assert.equal(svg.children[0]!.name, 'title', 'title first');
  assert.equal(svg.children[0]!.text, title);
  const ids = svg.attrs['aria-labelledby']!.split(' ');
  assert.deepEqual(ids, [svg.children[0]!.attrs.id, svg.children[1]!.attrs.id]);
}

test('the outcome chart of the seed: one bar per non-zero row, labels and values, accessible', () => {
  const svg = parseXml(outcomeChartSvg(seed, '2019'));
  assertAccessible(svg, '2020年政府信息公开申请办理结果');
  assert.deepEqual(
    outcomeBars(seed, '2019').map((b) => [b.label, b.value]),
    [
      ['予以公开', 6],
      ['部分公开', 1],
      ['不予公开：内部事务信息', 2],
      ['无法提供：本机关不掌握', 6],
      ['其他处理', 3],
    ],
  );
  assert.equal(all(svg, 'rect').length, 1 + 5, 'background + five bars');
  const texts = all(svg, 'text').map((t) => t.text);
  assert.deepEqual(texts, [
    '予以公开',
    '6',
    '部分公开',
    '1',
    '不予公开：内部事务信息',
    '2',
    '无法提供：本机关不掌握',
    '6',
    '其他处理',
    '3',
  ]);
  assert.equal(
    svg.children[1]!.text,
    '2020年政府信息公开申请办理结果（件）：予以公开6件，部分公开1件，不予公开：内部事务信息2件，无法提供：本机关不掌握6件，其他处理3件。',
  );
  const bars = all(svg, 'rect')
    .slice(1)
    .map((r) => Number(r.attrs.width));
  assert.equal(bars[0], bars[3], 'equal values, equal bars');
  assert.ok(bars[0]! > bars[4]! && bars[4]! > bars[2]! && bars[2]! > bars[1]!, 'bars scale with the values');
});

test('the 2021 format charts its own rows; no closed application gives a message, not an empty plot', () => {
  const apps = applicationsSection(tallyApplications(randomFacts(seeded(9), 200, 2022, 2023), 2023), '2021');
  const report = { ...seed, format: '2021' as const, year: 2023, applications: apps };
  const bars = outcomeBars(report, '2021');
  assert.ok(bars.every((b) => b.value > 0 && b.row !== 'total' && b.row !== 'other'));
  assert.equal(
    bars.reduce((s, b) => s + b.value, 0),
    apps.total!.total,
  );
  parseXml(outcomeChartSvg(report, '2021'));
  const empty = parseXml(outcomeChartSvg({ year: 2023, applications: {} }, '2021', { idPrefix: 'x' }));
  assertAccessible(empty, '2023年政府信息公开申请办理结果');
  assert.equal(empty.children[0]!.attrs.id, 'x-title');
  assert.deepEqual(
    all(empty, 'text').map((t) => t.text),
    ['本年度没有办结的政府信息公开申请'],
  );
});

test('the history chart: two bars per year in year order, a legend, axis ticks', () => {
  const svg = parseXml(
    historyChartSvg([
      { year: 2021, received: 12, closed: 10 },
      { year: 2020, received: 18, closed: 18 },
      { year: 2022, received: 0, closed: 2 },
    ]),
  );
  assertAccessible(svg, '历年政府信息公开申请收到和办结数量');
  assert.equal(
    svg.children[1]!.text,
    '历年政府信息公开申请收到和办结数量（件）：2020年收到18件、办结18件；2021年收到12件、办结10件；2022年收到0件、办结2件。',
  );
  const texts = all(svg, 'text').map((t) => t.text);
  assert.deepEqual(
    texts.filter((t) => t.endsWith('年')),
    ['2020年', '2021年', '2022年'],
  );
  assert.deepEqual(texts.slice(0, 2), ['收到申请', '办结申请']);
  assert.deepEqual(texts.slice(2, 5), ['0', '10', '20'], 'ticks up to a nice maximum');
  const bars = all(svg, 'rect')
    .filter((r) => r.attrs.fill !== '#ffffff')
    .slice(2);
  assert.equal(bars.length, 6);
  assert.equal(Number(bars[0]!.attrs.height), Number(bars[1]!.attrs.height), '2020: 18 received, 18 closed');
  assert.equal(Number(bars[4]!.attrs.height), 0, '2022: nothing received');
  assert.deepEqual(
    all(parseXml(historyChartSvg([])), 'text').map((t) => t.text),
    ['暂无历年数据'],
  );
});

test('text and options are escaped; the parser itself rejects broken XML', () => {
  const svg = outcomeChartSvg({ ...seed, year: 2020 }, '2019', { fontFamily: '"A&B" <x>', idPrefix: 'a"b' });
  const el = parseXml(svg);
  assert.equal(el.attrs['font-family'], '"A&B" <x>');
  assert.equal(escapeXml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  assert.throws(() => parseXml('<svg><title>a & b</title></svg>'), /bare &/);
  assert.throws(() => parseXml('<svg><g></svg>'), /mismatched/);
  assert.throws(() => parseXml('<svg a="1" a="2"/>'), /duplicate/);
  assert.equal(niceMax(18), 20);
  assert.equal(niceMax(0), 1);
  assert.equal(niceMax(101), 200);
});
