// 索引号, the default catalogue, pre-publication checks, the art. 26 / art. 18 clocks and the
// annual-report counts.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildHolidayCalendar } from '../calendar/holiday-calendar.js';
import { localDate } from '../core/local-date.js';
import { annualPublicationCounts, countsAsPublished, type PublicationFact } from './annual-counts.js';
import { defaultCatalogue, flattenCatalogue } from './catalogue.js';
import { DEFAULT_WORD_LIST, classifyLinks, isValidResidentId, prePublicationChecks } from './checks.js';
import { readHtml } from '../../adapters/html/html-reader.js';
import { publicationClock, publicationDueOn, publicationStatus, reassessmentDueOn } from './deadlines.js';
import { DEFAULT_INDEX_PATTERN, formatIndexNo, matchesIndexPattern, validateIndexPattern } from './index-no.js';

describe('索引号', () => {
  test('should format the default pattern with a five-digit serial', () => {
    assert.equal(
      formatIndexNo(DEFAULT_INDEX_PATTERN, { creditCode: '11100000MB0000001X', year: 2025, serial: 42 }),
      '11100000MB0000001X/2025-00042',
    );
    assert.ok(matchesIndexPattern(DEFAULT_INDEX_PATTERN, '11100000MB0000001X', '11100000MB0000001X/2025-00042'));
    assert.ok(!matchesIndexPattern(DEFAULT_INDEX_PATTERN, '11100000MB0000001X', '11100000MB0000001X/2025-42'));
  });
  test('should refuse patterns without a year or serial and serials that overflow', () => {
    assert.ok(validateIndexPattern('QX-{yyyy}{serial:6}').ok);
    assert.ok(!validateIndexPattern('{creditCode}/{serial:5}').ok);
    assert.ok(!validateIndexPattern('{creditCode}/{yyyy}-{serial:5}-{month}').ok);
    assert.throws(() => formatIndexNo(DEFAULT_INDEX_PATTERN, { creditCode: 'X', year: 2025, serial: 100000 }));
  });
});

describe('default catalogue', () => {
  test('should hold the national directories and the thematic categories with unique slugs', () => {
    const names = defaultCatalogue().map((n) => n.name);
    assert.deepEqual(names, [
      '政府信息公开指南',
      '政府信息公开制度',
      '法定主动公开内容',
      '政府信息公开年报',
      '申请公开政府信息',
    ]);
    const flat = flattenCatalogue(defaultCatalogue());
    assert.equal(new Set(flat.map((f) => f.node.slug)).size, flat.length);
    assert.ok(flat.some((f) => f.node.name === '行政规范性文件' && f.parentSlug === 'policy'));
  });

  test('should add the art. 21 categories by the kind of organization', () => {
    const local = (kind: Parameters<typeof defaultCatalogue>[0]) =>
      flattenCatalogue(defaultCatalogue(kind))
        .filter((f) => f.parentSlug === 'local')
        .map((f) => [f.node.name, f.node.basis]);
    const county = ['市政建设', '公共服务', '公益事业', '土地征收', '房屋征收', '治安管理', '社会救助'];
    assert.deepEqual(
      local('government'),
      county.map((n) => [n, '第二十一条']),
    );
    assert.deepEqual(local('department'), local('government'));
    assert.deepEqual(
      local('township').map(([n]) => n),
      ['贫困救助', '集体经济', '土地流转', '土地征收', '宅基地审批'],
    );
    assert.deepEqual(local('street'), []);
    for (const kind of ['government', 'township'] as const) {
      const flat = flattenCatalogue(defaultCatalogue(kind));
      assert.equal(new Set(flat.map((f) => f.node.slug)).size, flat.length, kind);
    }
  });
});

describe('pre-publication checks', () => {
  const run = (bodyHtml: string, resolve = (_p: string) => true) => {
    const body = readHtml(bodyHtml);
    return prePublicationChecks(
      { title: '通知', summary: '', bodyText: body.text, links: body.links },
      { words: DEFAULT_WORD_LIST, resolveLink: resolve },
    );
  };
  test('should find wrong words, valid ID numbers, mobiles and injected spam', () => {
    const f = run(
      '<p>中华人民共国 联系人身份证11010519491231002X，手机13812345678，编号110105194912310021。365体育亚洲唯一_365bet赌城网址</p>',
    );
    assert.deepEqual(f.map((x) => x.rule).sort(), ['id_number', 'mobile', 'spam', 'wrong_word']);
    assert.doesNotMatch(JSON.stringify(f), /11010519491231002X|13812345678/);
  });
  test('should validate the ID check digit', () => {
    assert.ok(isValidResidentId('11010519491231002X'));
    assert.ok(!isValidResidentId('110105194912310021'));
  });
  test('should report broken internal links and list external ones', () => {
    const f = run(
      '<a href="/publications/nope">a</a><a href="https://www.gov.cn/x">b</a><a href="#top">c</a>',
      (p) => p !== '/publications/nope',
    );
    assert.deepEqual(
      f.map((x) => [x.rule, x.severity]),
      [
        ['broken_link', 'error'],
        ['external_link', 'warning'],
      ],
    );
    assert.deepEqual(
      classifyLinks(readHtml('<img src="https://gk.example.gov.cn/files/a">').links, ['https://gk.example.gov.cn'])
        .internal,
      ['/files/a'],
    );
  });
});

describe('clocks', () => {
  // No holidays in this calendar: weekends only (the real schedule is tested in working-days).
  const cal = buildHolidayCalendar([], [], [2025]);
  test('should give 20 working days after 成文日期 and judge on time, due soon and late', () => {
    assert.equal(publicationDueOn(localDate('2025-03-03'), cal), '2025-03-31');
    assert.equal(
      publicationStatus({ writtenOn: localDate('2025-03-03'), publishedOn: null }, localDate('2025-03-10'), cal),
      'on_time',
    );
    assert.equal(
      publicationStatus({ writtenOn: localDate('2025-03-03'), publishedOn: null }, localDate('2025-03-26'), cal),
      'due_soon',
    );
    assert.equal(
      publicationStatus({ writtenOn: localDate('2025-03-03'), publishedOn: null }, localDate('2025-04-01'), cal),
      'late',
    );
    assert.equal(
      publicationStatus(
        { writtenOn: localDate('2025-03-03'), publishedOn: localDate('2025-04-01') },
        localDate('2025-05-01'),
        cal,
      ),
      'late',
    );
  });
  test('should clock 主动公开 items only (art. 26)', () => {
    const item = { writtenOn: localDate('2025-03-03'), publishedOn: null };
    const today = localDate('2025-04-01');
    assert.deepEqual(publicationClock({ ...item, disclosure: 'proactive' }, today, cal), {
      dueOn: '2025-03-31',
      status: 'late',
      from: '2025-03-03',
      cause: 'formed',
    });
    assert.equal(publicationClock({ ...item, disclosure: 'on_request' }, today, cal), null);
    assert.equal(publicationClock({ ...item, disclosure: 'withheld' }, today, cal), null);
  });
  test('should bring 不予公开 items up for re-assessment a year later (art. 18)', () => {
    assert.equal(reassessmentDueOn(localDate('2024-02-29')), '2025-02-28');
    assert.equal(reassessmentDueOn(localDate('2025-10-09')), '2026-10-09');
  });
});

describe('annual counts', () => {
  const fact = (over: Partial<PublicationFact>): PublicationFact => ({
    kind: 'normative',
    writtenOn: localDate('2025-01-10'),
    publishedOn: localDate('2025-01-20'),
    withdrawn: false,
    disclosure: 'proactive',
    validity: 'valid',
    validityOn: null,
    hasKeyAreas: false,
    interpreted: false,
    ...over,
  });
  test('should count new items, interpretations and documents made, repealed and in force', () => {
    const c = annualPublicationCounts(
      [
        fact({ interpreted: true, hasKeyAreas: true }),
        fact({
          writtenOn: localDate('2023-05-01'),
          publishedOn: localDate('2023-05-10'),
          validity: 'repealed',
          validityOn: localDate('2025-06-30'),
        }),
        fact({ writtenOn: localDate('2024-05-01'), publishedOn: localDate('2024-05-10') }),
        fact({ kind: 'rule', writtenOn: localDate('2025-02-01'), publishedOn: localDate('2025-02-10') }),
        fact({ kind: 'news' }),
        fact({ kind: 'other_document', disclosure: 'withheld', publishedOn: null }),
      ],
      2025,
    );
    assert.deepEqual(c.newByKind, { rule: 1, normative: 1, other_document: 0, interpretation: 0, news: 1, other: 0 });
    assert.equal(c.keyAreaItems, 1);
    assert.deepEqual([c.documentsWithInterpretation, c.documentsPublished], [1, 2]);
    assert.deepEqual(c.normative, { made: 1, repealed: 1, inForce: 2 });
    assert.deepEqual(c.rules, { made: 1, repealed: 0, inForce: 1 });
    assert.deepEqual(c.format2019, { newlyMade: 2, newlyPublished: 2, totalPublished: 4, rulesPublished: 1 });
  });

  test('should count a withdrawn item as never published, and a republished one from its new date', () => {
    // Withdrawn (also while its revision runs): never published, in any year.
    const withdrawn = fact({ withdrawn: true });
    assert.equal(countsAsPublished(withdrawn), false);
    assert.equal(annualPublicationCounts([withdrawn], 2025).normative.made, 0);
    // Published again on 2026-02-02 (its 发布日期 is that day): nothing in 2025, new in 2026.
    const again = fact({ publishedOn: localDate('2026-02-02') });
    assert.equal(countsAsPublished(again), true);
    const y2025 = annualPublicationCounts([again], 2025);
    const y2026 = annualPublicationCounts([again], 2026);
    assert.deepEqual([y2025.normative.made, y2025.normative.inForce, y2025.newByKind.normative], [0, 0, 0]);
    assert.deepEqual([y2026.normative.made, y2026.normative.inForce, y2026.newByKind.normative], [1, 1, 1]);
    assert.equal(y2026.format2019.newlyPublished, 1);
  });

  test('should count only 主动公开 items, a withdrawn item never, and 失效 like 废止', () => {
    const c = annualPublicationCounts(
      [
        fact({}),
        fact({ disclosure: 'on_request' }),
        fact({ withdrawn: true }),
        fact({ kind: 'news', disclosure: 'on_request' }),
        fact({ publishedOn: localDate('2024-03-01'), validity: 'expired', validityOn: localDate('2025-04-01') }),
      ],
      2025,
    );
    assert.equal(c.newByKind.news, 0);
    assert.deepEqual(c.normative, { made: 1, repealed: 1, inForce: 1 });
    assert.equal(c.format2019.totalPublished, 2, 'an expired document stays in its row of the 2019 format');
  });

  test('should keep an expired or repealed 规章 among the 规章 published (2019 format)', () => {
    const rule = { kind: 'rule' as const, publishedOn: localDate('2023-03-01') };
    const c = annualPublicationCounts(
      [
        fact(rule),
        fact({ ...rule, validity: 'expired', validityOn: localDate('2024-04-01') }),
        fact({ ...rule, validity: 'repealed', validityOn: localDate('2025-04-01') }),
        fact({ ...rule, withdrawn: true }),
      ],
      2025,
    );
    assert.equal(c.rules.inForce, 1, 'the 2021 format counts the 规章 in force');
    assert.equal(c.format2019.rulesPublished, 3, 'the 2019 format counts the 规章 published, a withdrawn one never');
  });

  test('should count a document in 本年废止 once, in the year it leaves 现行有效, never before it was published', () => {
    const facts = [
      // Published 2024, 失效 on 2025-06-30: in force at the end of 2024, 废止 in 2025.
      fact({ publishedOn: localDate('2024-05-01'), validity: 'expired', validityOn: localDate('2025-06-30') }),
      // Put online in 2025 after its repeal in 2024: made and repealed in 2025, never in force, nothing in 2024.
      fact({ publishedOn: localDate('2025-03-01'), validity: 'repealed', validityOn: localDate('2024-10-01') }),
      // 废止 without a date: leaves 现行有效 in the year it was published.
      fact({ publishedOn: localDate('2024-02-01'), validity: 'repealed', validityOn: null }),
      // Withdrawn (撤稿): never published, in any year.
      fact({ publishedOn: localDate('2024-04-01'), withdrawn: true }),
    ];
    assert.deepEqual(annualPublicationCounts(facts, 2024).normative, { made: 2, repealed: 1, inForce: 1 });
    assert.deepEqual(annualPublicationCounts(facts, 2025).normative, { made: 1, repealed: 2, inForce: 0 });
  });

  test('should keep 现行有效 of one year plus 新制发 minus 废止 equal to the next year’s', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      // The high bits: the low bits of this generator repeat with a short period.
      return Math.floor(seed / 2 ** 16) % n;
    };
    const day = (y: number) => localDate(`${y}-${String(1 + rand(12)).padStart(2, '0')}-1${rand(9)}`);
    const facts = Array.from({ length: 400 }, () => {
      const written = 2019 + rand(6);
      const published = written + rand(2);
      // Some end before they were published (put online after the repeal), some carry no date.
      const ended = rand(3) === 0 ? published - 1 + rand(4) : null;
      return fact({
        kind: rand(2) ? 'rule' : 'normative',
        writtenOn: day(written),
        publishedOn: rand(10) ? day(published) : null,
        withdrawn: rand(8) === 0,
        disclosure: rand(6) ? 'proactive' : 'on_request',
        validity: ended === null ? 'valid' : rand(2) ? 'repealed' : 'expired',
        validityOn: ended === null || rand(10) === 0 ? null : day(ended),
      });
    });
    for (let year = 2020; year <= 2026; year++) {
      const [prev, cur] = [annualPublicationCounts(facts, year - 1), annualPublicationCounts(facts, year)];
      for (const k of ['rules', 'normative'] as const) {
        assert.equal(cur[k].inForce, prev[k].inForce + cur[k].made - cur[k].repealed, `${k} ${year}`);
      }
    }
  });
});
