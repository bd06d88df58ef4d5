// One line of a publications import: JSON shape, unknown fields, 索引号 and 发布日期 checks with the
// draft's own checks, the category defaults, and reading serials back out of 索引号.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { localDate } from '../core/local-date.js';
import { DEFAULT_INDEX_PATTERN } from './index-no.js';
import {
  formatImportError,
  indexNoSerial,
  parseImportLine,
  resolveImportCategory,
  type ImportCategory,
} from './import-line.js';

const TODAY = localDate('2025-10-09');
const ORG = '11999901MB00000012';
const same = (html: string) => html;
const good = {
  org: ORG.toLowerCase(),
  title: '示例区河长制工作实施办法',
  kind: 'normative',
  docNo: '示政发〔2021〕3号',
  writtenOn: '2021-03-01',
  publishedOn: '2021-03-05',
  indexNo: `${ORG}/2021-00003`,
  body: '<p>为落实河长制，制定本办法。</p>',
};
const parse = (o: Record<string, unknown>, line = 7, clean = same) =>
  parseImportLine(JSON.stringify(o), line, TODAY, clean);
const fieldsOf = (r: ReturnType<typeof parse>) => (r.ok ? [] : r.error.map((e) => e.field));

describe('publications import line', () => {
  test('should keep the original 索引号 and dates and upper-case the credit code', () => {
    const r = parse(good);
    assert.ok(r.ok);
    assert.equal(r.value.org, ORG);
    assert.equal(r.value.indexNo, `${ORG}/2021-00003`);
    assert.equal(r.value.publishedOn, '2021-03-05');
    assert.equal(r.value.draft.writtenOn, '2021-03-01');
    assert.equal(r.value.draft.disclosure, 'proactive');
    assert.equal(r.value.line, 7);
  });

  test('should name the line for text that is not a JSON object', () => {
    for (const text of ['{"title": "x"', '[1,2]', '"just text"']) {
      const r = parseImportLine(text, 3, TODAY, same);
      assert.ok(!r.ok);
      assert.equal(r.error.length, 1);
      assert.equal(r.error[0]?.line, 3);
      assert.equal(r.error[0]?.field, null);
      assert.match(r.error[0]?.message ?? '', /JSON/);
    }
  });

  test('should report every bad field of a line at once, in Chinese', () => {
    const r = parse({
      ...good,
      title: '',
      writtenOn: '2021-13-01',
      indexNo: '索引 号',
      publishedOn: '',
      summry: 'typo',
    });
    assert.ok(!r.ok);
    assert.deepEqual(new Set(fieldsOf(r)), new Set(['title', 'writtenOn', 'indexNo', 'publishedOn', 'summry']));
    assert.ok(r.error.every((e) => e.line === 7 && /[\u4e00-\u9fff]/.test(e.message)));
    assert.match(r.error.find((e) => e.field === 'summry')?.message ?? '', /未知字段“summry”/);
  });

  test('should refuse a 发布日期 before the 成文日期 or after today', () => {
    assert.deepEqual(fieldsOf(parse({ ...good, publishedOn: '2021-02-28' })), ['publishedOn']);
    assert.deepEqual(fieldsOf(parse({ ...good, publishedOn: '2025-10-10' })), ['publishedOn']);
    assert.ok(parse({ ...good, publishedOn: '2021-03-01' }).ok, 'the same day is fine');
  });

  test('should require the interpreted document of an interpretation and accept only 主动公开', () => {
    assert.deepEqual(fieldsOf(parse({ ...good, kind: 'interpretation' })), ['interprets']);
    assert.ok(parse({ ...good, kind: 'interpretation', interprets: `${ORG}/2021-00001` }).ok);
    assert.deepEqual(fieldsOf(parse({ ...good, disclosure: 'withheld' })), ['disclosure']);
    assert.ok(parse({ ...good, disclosure: 'proactive' }).ok);
  });

  test('should check the body after the HTML allow-list', () => {
    const r = parse({ ...good, body: '<script>alert(1)</script>' }, 2, (html) =>
      html.replace(/<script>.*<\/script>/, ''),
    );
    assert.deepEqual(fieldsOf(r), ['body']);
  });

  test('should format an error with its line, field and the field name in Chinese', () => {
    assert.equal(
      formatImportError({ line: 12, field: 'publishedOn', message: '发布日期不能早于成文日期' }),
      '第12行 publishedOn（发布日期）：发布日期不能早于成文日期',
    );
    assert.equal(formatImportError({ line: 3, field: null, message: '不是有效的JSON' }), '第3行：不是有效的JSON');
  });
});

describe('publications import category', () => {
  const cats: ImportCategory[] = [
    { id: 'c1', slug: 'policy', kind: 'directory', statutoryKey: 'policy' },
    { id: 'c2', slug: 'policy-normative', kind: 'category', statutoryKey: 'policy-normative' },
    { id: 'c3', slug: 'budgets', kind: 'category', statutoryKey: null },
  ];

  test("should file a document under its kind's category when none is named", () => {
    const r = resolveImportCategory(cats, '', 'normative');
    assert.ok(r.ok && r.value.id === 'c2');
    assert.ok(!resolveImportCategory(cats, '', 'news').ok, 'news has no default category');
  });

  test('should take a category by id or slug, never a directory', () => {
    const bySlug = resolveImportCategory(cats, 'budgets', 'news');
    assert.ok(bySlug.ok && bySlug.value.id === 'c3');
    assert.ok(resolveImportCategory(cats, 'c3', 'news').ok);
    const dir = resolveImportCategory(cats, 'policy', 'news');
    assert.ok(!dir.ok && /目录/.test(dir.error));
    const none = resolveImportCategory(cats, 'nowhere', 'news');
    assert.ok(!none.ok && /没有栏目“nowhere”/.test(none.error));
  });
});

describe('serials of imported 索引号', () => {
  test('should read year and serial from a number made with the pattern, and nothing from others', () => {
    assert.deepEqual(indexNoSerial(DEFAULT_INDEX_PATTERN, ORG, `${ORG}/2021-00042`), { year: 2021, serial: 42 });
    assert.deepEqual(indexNoSerial('QX-{yyyy}{serial:6}', ORG, 'QX-2020000123'), { year: 2020, serial: 123 });
    assert.equal(indexNoSerial(DEFAULT_INDEX_PATTERN, ORG, `OTHER/2021-00042`), undefined);
    assert.equal(indexNoSerial(DEFAULT_INDEX_PATTERN, ORG, '000014349/2021-00012'), undefined);
  });
});
