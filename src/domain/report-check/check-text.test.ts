import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkReportText } from './check-text.js';
import { normalizeText } from './normalize.js';
import { findHeadings } from './sections.js';
import type { SectionKey } from '../reports/labels.js';
import { fitCells, readCells } from './cells.js';
import { rowAddsUp } from './applications-reader.js';

const rules = (text: string) => checkReportText(text).findings.map((f) => f.rule);

test('normalisation keeps offsets and converts traditional characters and full-width forms', () => {
  const raw = '三、收到和處理政府信息公開申請情況（一）１２３';
  const n = normalizeText(raw);
  assert.equal(n.length, raw.length);
  assert.equal(n, '三、收到和处理政府信息公开申请情况(一)123');
  assert.equal(normalizeText('開(kāi)展'), `开${' '.repeat(5)}展`);
});

test('cells: pipe rows, dropped blanks, glued digits, signed and unit cells', () => {
  const f = (s: string, n: number) => fitCells(readCells(s), n, n === 7 ? rowAddsUp : undefined);
  assert.deepEqual(f(' | 172 | +8 | 22990 |', 3), {
    kind: 'exact',
    cells: [
      { raw: '172', value: 172, splittable: true },
      { raw: '+8', value: 8, splittable: false },
      { raw: '22990', value: 22990, splittable: true },
    ],
  });
  assert.deepEqual(f('230 000023', 7), { kind: 'split', candidates: [[23, 0, 0, 0, 0, 0, 23]] });
  assert.equal(f('898989', 3).kind, 'split');
  const dropped = f(' |\n3 |\n3 |\n|||||||\n', 7);
  assert.equal(dropped.kind, 'dropped');
  const amount = f(' | 518 | 78874.11万元 |', 2);
  assert.ok(amount.kind === 'exact' && amount.cells[1]?.unit === '万元');
});

const TABLE_2021 = `某局2022年政府信息公开工作年度报告
一、总体情况
2022年，本局共收到政府信息公开申请9件。
二、主动公开政府信息情况
第二十条第（一）项
信息内容 本年制发件数 本年废止件数 现行有效件数
规章 0 0 0
规范性文件 2 1 10
三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）
一、本年新收政府信息公开申请数量 5 1 0 0 0 0 6
二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0
`;

test('a cut-off 2021 report: figures read, truncated finding says what is missing, prose contradiction found', () => {
  const r = checkReportText(TABLE_2021);
  assert.equal(r.year, 2022);
  assert.equal(r.format, '2021');
  assert.deepEqual(r.article20.normative, { made: 2, repealed: 1, in_force: 10 });
  assert.deepEqual(r.applications.new, {
    natural_person: 5,
    business: 1,
    research: 0,
    nonprofit: 0,
    legal_services: 0,
    other: 0,
    total: 6,
  });
  const truncated = r.findings.find((f) => f.rule === 'truncated');
  assert.ok(truncated);
  assert.match(truncated.message, /（一）予以公开/);
  assert.match(truncated.message, /六、其他需要报告的事项/);
  const prose = r.findings.find((f) => f.rule === 'prose');
  assert.ok(prose, 'stated 9 applications vs table 6');
  assert.equal(r.complete, false);
});

test('format finding when a 2021 report uses the 2019 tables; traditional text is read', () => {
  const text = `2021年政府信息公開工作年度報告\n二、主動公開政府信息情況\n第二十條第(一)項\n信息內容 本年新製作數量 本年新公開數量 對外公開總數量\n規章 0 0 0\n規範性文件 10 10 10\n`;
  const r = checkReportText(text);
  assert.equal(r.year, 2021);
  assert.equal(r.expectedFormat, '2021');
  assert.equal(r.format, '2019');
  assert.deepEqual(r.article20.normative, { new_made: 10, new_published: 10, total_published: 10 });
  assert.ok(rules(text).includes('format'));
});

test('spam is found with its position; a clean text has none', () => {
  const text = '如对本报告有疑问，请与区政府办公室联系（地址：365体育亚洲唯一_365bet赌城网址淮阴区承德北路606号）。';
  const r = checkReportText(text);
  const spam = r.findings.filter((f) => f.rule === 'spam');
  assert.equal(spam.length, 1);
  assert.equal(spam[0]!.where.offset, text.indexOf('365体育'));
  assert.equal(r.tampered, true);
  assert.ok(!rules('一、总体情况\n2022年，体育局公开信息15条，提供平台网址查询。').includes('spam'));
});

test('headers split over lines and single characters do not disturb table 四', () => {
  const text = `四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n结 结 其 尚\n果 果 他 未 总\n维 纠 结 审 计\n持 正 果 结\n2 1 0 0 3 0 0 0 0 0 1 0 0 0 1\n五、存在的主要问题及改进情况\n无。`;
  const r = checkReportText(text);
  assert.deepEqual(r.reviews.reconsideration, { upheld: 2, corrected: 1, other: 0, pending: 0, total: 3 });
  assert.deepEqual(r.reviews.litigation_after_reconsideration, {
    upheld: 1,
    corrected: 0,
    other: 0,
    pending: 0,
    total: 1,
  });
});

test('reworded headings end at their closing word, not inside it (sections hold no heading words)', () => {
  const body = (heading: string, key: 'problems' | 'overview' | 'other') =>
    checkReportText(`一、总体情况\n概况。\n${heading}\n正文。\n六、其他需要报告的事项\n无。`).sections[key];
  assert.equal(body('五、存在的主要问题及改进情况', 'problems'), '正文。');
  assert.equal(body('五、政府信息公开工作存在的主要问题及改进情况', 'problems'), '正文。');
  assert.equal(body('5.存在的主要问题和改进措施', 'problems'), '正文。');
  assert.equal(body('五、存在的主要问题及下一步工作打算', 'problems'), '正文。');
  assert.equal(body('五、存在的主要问题及改进 情况', 'problems'), '正文。');
  // Text glued to the heading (PDF copies) stays in the section; so does a body after a colon.
  assert.equal(
    checkReportText('五、存在的主要问题及改进情况2019年，我区工作情况良好。').sections.problems,
    '2019年，我区工作情况良好。',
  );
  assert.equal(
    checkReportText('五、存在的主要问题：一是公开工作情况不够。').sections.problems,
    '：一是公开工作情况不够。',
  );
  // The same early stop in headings 二 and 三 ("…的情况"); 四 already ran to 情况.
  const text =
    '二、主动公开政府信息的情况\n三、收到和处理政府信息公开申请的情况\n四、因政府信息公开工作被申请行政复议提起行政诉讼的情况\n';
  const h = findHeadings(text);
  const words = Object.values(h).map((x) => text.slice(x!.start, x!.end));
  assert.deepEqual(words, text.trim().split('\n'));
});

test('small heading variants: 五 without 的, 四 as in the Shanghai preamble, 六, 二, 三', () => {
  const variants: [string, SectionKey][] = [
    ['五、存在主要问题及改进情况', 'problems'],
    ['五、政府信息公开工作存在主要问题及改进情况', 'problems'],
    ['5、存在主要问题和改进措施', 'problems'],
    ['五、存在的问题及改进情况', 'problems'],
    ['五、存在问题及整改措施', 'problems'],
    ['五、主要问题及改进情况', 'problems'],
    ['五、存在的不足及改进措施', 'problems'],
    ['五、 存 在 主 要 问 题 及 改 进 情 况', 'problems'],
    ['四、因政府信息公开工作被申请行政复议提起行政诉讼情况', 'reviews'],
    ['四、因政府信息公开工作被申请行政复议和提起行政诉讼情况', 'reviews'],
    ['四、政府信息公开行政复议和行政诉讼情况', 'reviews'],
    ['六、其他需报告的事项', 'other'],
    ['六、其他需要说明的事项', 'other'],
    ['二、政府信息主动公开情况', 'article20'],
    ['三、收到与处理政府信息公开申请情况', 'applications'],
    ['一、总体概况', 'overview'],
  ];
  for (const [line, key] of variants) {
    const text = `某局2022年政府信息公开工作年度报告\n${line}\n正文。\n`;
    const h = findHeadings(text)[key];
    assert.ok(h, line);
    assert.equal(text.slice(h.start, h.end), line, line);
  }
  // Heading 五 without 的: the section is found, its text is the body, no `missing` finding.
  const r = checkReportText(
    '一、总体情况\n概况。\n五、存在主要问题及改进情况\n一是公开质量有待提高。\n六、其他需要报告的事项\n无。',
  );
  assert.equal(r.sections.problems, '一是公开质量有待提高。');
  assert.ok(!r.findings.some((f) => f.rule === 'missing' && /五、/.test(f.message)));
  // A bare 其他事项 is not heading 六 (a numbered item would make a cut-off copy look complete).
  assert.equal(findHeadings('一、总体情况\n3.其他事项\n').other, undefined);
});

test('never throws on odd input', () => {
  for (const s of [
    '',
    '|||',
    '一、',
    '（七）总计 99999999999999999999',
    '\u0000\ud800',
    '第二十条第(一)项 规章 1.5.6',
  ]) {
    assert.doesNotThrow(() => checkReportText(s));
  }
});
