// The full-text search index on SQLite (FTS5) and PostgreSQL (tsvector + GIN): matches equal a LIKE
// ground truth over the fixture, filters, removal at once, Latin and digit terms, ranking, the
// newest-first path for common terms, highlighted results and backup/restore.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../src/db/database.js';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { withDb } from '../../support/db-rows.js';
import { syntheticDoc } from '../../../bench/lib/synthetic-text.js';
import { normalize, parseQuery } from '../../../src/domain/search/tokenize.js';
import type { SearchDocument, SearchQuery } from '../../../src/app/search/ports.js';
import { searchPublic } from '../../../src/app/search/search.js';
import { searchIndex } from '../../../src/db/repositories/search-index.js';

const N = 1200;
const ORGS = ['org-a', 'org-b', 'org-c'];

function fixture(): SearchDocument[] {
  const docs: SearchDocument[] = Array.from({ length: N }, (_, i) => {
    const s = syntheticDoc(i, { orgs: ORGS.length, bodyWords: 60 });
    return {
      docType: 'publication',
      docId: `p${i}`,
      orgId: ORGS[s.orgIndex] ?? 'org-a',
      categoryId: i % 2 ? 'cat-1' : 'cat-2',
      kind: s.kind,
      validity: s.validity,
      publishedOn: s.publishedOn,
      title: s.title,
      docNo: s.docNo,
      summary: s.summary,
      bodyText: s.body,
      updatedAt: '2025-09-28T02:00:00Z',
    };
  });
  const extra = (id: string, title: string, body: string, publishedOn = '2024-05-06'): SearchDocument => ({
    ...(docs[0] as SearchDocument),
    docId: id,
    title,
    docNo: '',
    summary: '',
    bodyText: body,
    publishedOn,
  });
  docs.push(extra('std', '关于执行ＧＢ32100标准的通知', '依据GB32100—2015，编号12021。'));
  docs.push(extra('y2021', '2021年度报告', '本报告为2021年度政府信息公开工作年度报告。'));
  docs.push(extra('title-hit', '关于河长巡河的通知', '巡河工作安排。', '2020-01-01'));
  docs.push(extra('body-hit-1', '巡河工作安排', '落实河长责任，碳达峰行动。', '2020-02-01'));
  docs.push(extra('body-hit-2', '生态工作安排', '各级河长履职年度考核。', '2020-03-01'));
  // The words of a query far apart, and standing together.
  docs.push(extra('apart', '城市防汛实施办法（试行）', '为全面推行河长制，制定本办法。', '2023-04-01'));
  docs.push(extra('split-far', '政务公开要求', '本年度工作要点如下。', '2023-05-01'));
  docs.push(extra('split-near', '年度政务公开要点', '落实政务公开要点。', '2022-05-01'));
  docs.push({
    ...extra('ident', '关于印发示范区管理办法的通知', '管理办法全文。', '2021-06-01'),
    docNo: '示政发〔2021〕15号',
    indexNo: '11440300MB2C12345X/2021-00042',
  });
  docs.push({ ...extra('ident-other', '示政发〔2021〕15号文件的解读', '解读示政发〔2021〕15号。', '2021-06-02') });
  return docs;
}

const text = (d: SearchDocument) => normalize(`${d.title}\n${d.docNo}\n${d.summary}\n${d.bodyText}`);

for (const dialect of DIALECTS) {
  describe(`search index (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    const docs = fixture();
    const truth = (...needles: string[]) =>
      new Set(docs.filter((d) => needles.every((n) => text(d).includes(n))).map((d) => d.docId));
    const query = (q: string, more: Partial<SearchQuery> = {}) =>
      rt.ctx.repos.search.query({ terms: parseQuery(q), docType: 'publication', limit: 2000, offset: 0, ...more });
    const ids = async (q: string, more: Partial<SearchQuery> = {}) =>
      new Set((await query(q, more)).items.map((i) => i.docId));

    before(async () => {
      rt = await openTestRuntime(dialect, { demo: false });
      await rt.ctx.uow.run(async (r) => {
        for (const d of docs) await r.search.upsert(d);
      });
    });
    after(async () => {
      await rt.close();
    });

    test('should match two-character queries exactly where LIKE does', async () => {
      for (const q of ['河长', '碳达', '补偿', '年度']) {
        const expected = truth(q);
        assert.ok(expected.size > 0 && expected.size <= 1000, `${q}: ${expected.size}`);
        const page = await query(q);
        assert.deepEqual(new Set(page.items.map((i) => i.docId)), expected, q);
        assert.equal(page.total, expected.size);
      }
    });

    test('should give a ranked term its exact total on every page, and past the last page', async () => {
      const expected = truth('河长').size;
      assert.ok(expected > 3, `河长: ${expected}`);
      const second = await query('河长', { limit: 2, offset: 2 });
      assert.equal(second.total, expected);
      assert.equal(second.items.length, 2);
      const past = await query('河长', { limit: 2, offset: expected + 10 });
      assert.deepEqual(past.items, []);
      assert.equal(past.total, expected);
      assert.equal((await query('无此词语')).total, 0);
    });

    // FTS5 plans without statistics: PostgreSQL only.
    if (dialect === 'postgres') {
      test('should keep statistics of 10,000 tokens, so the planner tells rare terms from common ones', async () => {
        const target = await withDb(rt, async (db) =>
          Number(
            (
              await sql<{ t: number }>`select attstattarget as t from pg_attribute
              where attrelid = 'search_fts'::regclass and attname = 'tsv'`.execute(db)
            ).rows[0]?.t,
          ),
        );
        assert.equal(target, 1000);
      });

      test("should keep the GIN index's pending list small, so that a search never reads megabytes of it", async () => {
        const options = await withDb(
          rt,
          async (db) =>
            (
              await sql<{ o: string[] | null }>`select reloptions as o from pg_class
              where oid = 'search_fts_tsv_idx'::regclass`.execute(db)
            ).rows[0]?.o,
        );
        assert.deepEqual(options, ['gin_pending_list_limit=64']);
      });
    }

    test('should match every bigram of an unquoted term anywhere, a quoted term as a phrase, AND terms', async () => {
      assert.deepEqual(await ids('碳达峰'), truth('碳达', '达峰'));
      assert.deepEqual(await ids('"碳达峰"'), truth('碳达峰'));
      assert.deepEqual(await ids('财政预算'), truth('财政', '政预', '预算'));
      assert.deepEqual(await ids('“财政预算”'), truth('财政预算'));
      assert.deepEqual(await ids('预算 补偿'), truth('预算', '补偿'));
      assert.deepEqual(await ids('河长 年度'), truth('河长', '年度'));
      assert.deepEqual(await ids('河长 实施办法'), truth('河长', '实施', '施办', '办法'));
    });

    test('should rank items where the words stand together first', async () => {
      const page = await query('政务公开要点');
      const order = page.items.map((i) => i.docId);
      // split-far has every bigram (政务 务公 公开 开要 要点) but not the phrase.
      assert.ok(order.includes('split-far'), 'the words apart still match');
      assert.ok(order.indexOf('split-near') < order.indexOf('split-far'), order.join(','));
      const date = await query('政务公开要点', { sort: 'date' });
      const dates = date.items.map((i) => i.publishedOn);
      assert.deepEqual(dates, [...dates].sort().reverse());
      assert.equal(date.order, 'date');
    });

    test('should fall back to the items matching most words, labelled partial', async () => {
      // No item has the bigram 制实 (河长制 and 实施办法 stand apart): a full match finds nothing.
      assert.deepEqual(await ids('河长制实施办法'), new Set());
      const res = await searchPublic(rt.ctx, { q: '河长制实施办法' });
      assert.equal(res.partial, true);
      assert.equal(res.items[0]?.docId, 'apart');
      assert.ok(res.items[0]?.title.some((seg) => seg.hit && seg.text === '实施办法'));
      assert.ok(res.items[0]?.snippet.some((seg) => seg.hit && seg.text === '河长制'));
      const full = await searchPublic(rt.ctx, { q: '河长 实施办法' });
      assert.equal(full.partial, false);
      assert.ok(full.items.some((i) => i.docId === 'apart'));
      const none = await searchPublic(rt.ctx, { q: '量子纠缠' });
      assert.deepEqual([none.items.length, none.partial], [0, false]);
    });

    test('should put the item with the typed 索引号 or 发文字号 first', async () => {
      for (const q of ['11440300MB2C12345X/2021-00042', '11440300mb2c12345x-2021-00042']) {
        const res = await searchPublic(rt.ctx, { q });
        assert.deepEqual([res.status, res.items[0]?.docId], ['ok', 'ident'], q);
      }
      for (const q of ['示政发〔2021〕15号', '示政发[2021]15号', '示政发（2021）15号', '示政发2021 15号']) {
        const res = await searchPublic(rt.ctx, { q });
        assert.equal(res.items[0]?.docId, 'ident', q);
        if (!q.includes(' ')) {
          assert.ok(
            res.items.some((i) => i.docId === 'ident-other'),
            q,
          );
        }
      }
    });

    test('should page newest first with an uncounted total for a term in most items', async () => {
      const expected = truth('信息');
      assert.ok(expected.size > 1000);
      const first = await query('信息', { limit: 20 });
      assert.equal(first.total, null);
      assert.equal(first.order, 'date');
      const dates = first.items.map((i) => i.publishedOn);
      assert.deepEqual(dates, [...dates].sort().reverse());
      const newest = docs
        .filter((d) => expected.has(d.docId))
        .map((d) => d.publishedOn)
        .sort()
        .reverse();
      assert.equal(dates[0], newest[0]);
      const all = new Set<string>();
      for (let offset = 0; offset < N + 20; offset += 400) {
        (await query('信息', { limit: 400, offset })).items.forEach((i) => all.add(i.docId));
      }
      assert.deepEqual(all, expected);
    });

    test('should filter by organization, category, kind, year and validity', async () => {
      const pick = (f: (d: SearchDocument) => boolean, needle: string) =>
        new Set([...truth(needle)].filter((id) => f(docs.find((d) => d.docId === id) as SearchDocument)));
      assert.deepEqual(
        await ids('补偿', { orgIds: ['org-b'] }),
        pick((d) => d.orgId === 'org-b', '补偿'),
      );
      assert.deepEqual(await ids('补偿', { orgIds: [] }), new Set());
      assert.deepEqual(
        await ids('补偿', { categoryId: 'cat-1', kind: 'news' }),
        pick((d) => d.categoryId === 'cat-1' && d.kind === 'news', '补偿'),
      );
      assert.deepEqual(
        await ids('信息', { year: 2019, validity: 'repealed', orgIds: ['org-a', 'org-c'] }),
        pick((d) => d.publishedOn.startsWith('2019') && d.validity === 'repealed' && d.orgId !== 'org-b', '信息'),
      );
    });

    test('should match Latin and digit terms as whole words, full-width or not', async () => {
      assert.deepEqual(await ids('GB32100'), new Set(['std']));
      assert.deepEqual(await ids('ｇｂ３２１００'), new Set(['std']));
      const y = await ids('2021');
      assert.ok(y.has('y2021'));
      assert.ok(!y.has('std'), '12021 is not 2021');
      assert.deepEqual(
        y,
        new Set(docs.filter((d) => /(^|[^0-9a-z])2021($|[^0-9a-z])/u.test(text(d))).map((d) => d.docId)),
      );
    });

    test('should rank a title hit above body-only hits', async () => {
      const page = await query('河长', { limit: 3 });
      assert.equal(page.order, 'relevance');
      assert.equal(page.items[0]?.docId, 'title-hit');
      assert.ok((page.items[0]?.score ?? 0) > (page.items[1]?.score ?? 0));
    });

    test('should show an update and a removal at once', async () => {
      const probe = { ...(docs[5] as SearchDocument), docId: 'probe', title: '量子纠缠试点', bodyText: '试点' };
      await rt.ctx.uow.run((r) => r.search.upsert(probe));
      assert.deepEqual(await ids('量子纠缠'), new Set(['probe']));
      await rt.ctx.uow.run((r) => r.search.upsert({ ...probe, title: '光子计算试点' }));
      assert.deepEqual(await ids('量子纠缠'), new Set());
      assert.deepEqual(await ids('光子计算'), new Set(['probe']));
      await rt.ctx.uow.run((r) => r.search.remove('publication', 'probe'));
      assert.deepEqual(await ids('光子计算'), new Set());
      await rt.ctx.uow.run((r) => r.search.remove('publication', 'probe'));
    });

    test('should keep items of another type out of a search, ranked or newest first', async () => {
      // While the index holds one type, matches are read from the token index alone: a second type brings the join.
      const other: SearchDocument = {
        ...(docs[7] as SearchDocument),
        docType: 'interpretation',
        docId: 'other-type',
        title: '河长制信息解读',
        bodyText: '河长制工作信息。',
        publishedOn: '2030-01-01',
      };
      await rt.ctx.uow.run((r) => r.search.upsert(other));
      try {
        const ranked = await query('河长');
        assert.equal(ranked.order, 'relevance');
        assert.deepEqual(new Set(ranked.items.map((i) => i.docId)), truth('河长'));
        assert.equal(ranked.total, truth('河长').size);
        const newest = await query('信息', { limit: 5 });
        assert.equal(newest.order, 'date');
        assert.ok(!newest.items.some((i) => i.docId === 'other-type'));
        assert.equal(newest.items.length, 5);
        const own = await query('河长', { docType: 'interpretation' });
        assert.deepEqual(
          own.items.map((i) => i.docId),
          ['other-type'],
        );
        assert.equal(own.total, 1);
        const ownNewest = await query('信息', { docType: 'interpretation' });
        assert.deepEqual(
          ownNewest.items.map((i) => i.docId),
          ['other-type'],
        );
      } finally {
        await rt.ctx.uow.run((r) => r.search.remove('interpretation', 'other-type'));
      }
      const alone = await query('信息', { limit: 5 });
      assert.deepEqual(
        alone.items.map((i) => i.publishedOn),
        [...alone.items.map((i) => i.publishedOn)].sort().reverse(),
      );
    });

    test('should score a query of rare and common words by its rare words on FTS5, matching the same items', async () => {
      // The fixture's words are all under the default bound: a bound of 100 makes 年度 common and 河长 rare.
      const expected = new Set([...truth('河长')].filter((id) => truth('年度').has(id)));
      assert.ok(truth('年度').size > 100 && truth('河长').size <= 100 && expected.size > 2);
      const run = (scoredPhraseMax?: number) =>
        withDb(rt, (db) =>
          searchIndex(db as Kysely<Database>, scoredPhraseMax === undefined ? {} : { scoredPhraseMax }).query({
            terms: parseQuery('河长 年度'),
            docType: 'publication',
            limit: 100,
            offset: 0,
          }),
        );
      const whole = await run();
      const part = await run(100);
      for (const page of [whole, part]) {
        assert.equal(page.order, 'relevance');
        assert.equal(page.total, expected.size);
        assert.deepEqual(new Set(page.items.map((i) => i.docId)), expected);
        const scores = page.items.map((i) => i.score ?? 0);
        assert.deepEqual(
          scores,
          [...scores].sort((a, b) => b - a),
        );
      }
      // With a filter the matches are joined to search_document, and scored the same way.
      const orgB = await withDb(rt, (db) =>
        searchIndex(db as Kysely<Database>, { scoredPhraseMax: 100 }).query({
          terms: parseQuery('河长 年度'),
          docType: 'publication',
          orgIds: ['org-b'],
          limit: 100,
          offset: 0,
        }),
      );
      const inB = [...expected].filter((id) => docs.find((d) => d.docId === id)?.orgId === 'org-b');
      assert.deepEqual(new Set(orgB.items.map((i) => i.docId)), new Set(inB));
      assert.equal(orgB.total, inB.length);
      if (dialect === 'sqlite') {
        // bm25 over 河长 alone: another score than over both words.
        assert.notDeepEqual(
          part.items.map((i) => i.score),
          whole.items.map((i) => i.score),
        );
      }
    });

    test('should order a ranked term newest first when asked', async () => {
      const expected = truth('河长');
      const page = await query('河长', { sort: 'date' });
      assert.equal(page.order, 'date');
      assert.equal(page.total, expected.size);
      const dates = page.items.map((i) => i.publishedOn);
      assert.deepEqual(dates, [...dates].sort().reverse());
      assert.deepEqual(new Set(page.items.map((i) => i.docId)), expected);
    });

    test('should return highlighted results and a clear empty page', async () => {
      const res = await searchPublic(rt.ctx, { q: '河长' });
      assert.equal(res.status, 'ok');
      assert.equal(res.totalLabel, String(truth('河长').size));
      assert.deepEqual(res.items[0]?.title, [
        { text: '关于', hit: false },
        { text: '河长', hit: true },
        { text: '巡河的通知', hit: false },
      ]);
      assert.ok(res.items.every((i) => i.title.some((s) => s.hit) || i.snippet.some((s) => s.hit)));
      assert.equal((await searchPublic(rt.ctx, { q: '信息' })).totalLabel, '1000+');
      assert.equal((await searchPublic(rt.ctx, { q: '  ' })).status, 'empty');
      assert.equal((await searchPublic(rt.ctx, { q: '年，' })).status, 'too_short');
      const none = await searchPublic(rt.ctx, { q: '不存在的词语' });
      assert.deepEqual([none.status, none.items.length, none.totalLabel], ['ok', 0, '0']);
    });

    test('should keep search working after backup and restore', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'gongkai-search-'));
      const copy = await openTestRuntime(dialect, { demo: false });
      try {
        await rt.maintenance.backup(join(dir, 'b.jsonl.gz'));
        await copy.maintenance.restore(join(dir, 'b.jsonl.gz'));
        const q = (r: TestRuntime) =>
          r.ctx.repos.search.query({ terms: parseQuery('河长'), docType: 'publication', limit: 1000, offset: 0 });
        assert.deepEqual(
          (await q(copy)).items.map((i) => i.docId),
          (await q(rt)).items.map((i) => i.docId),
        );
        await copy.ctx.uow.run((r) =>
          r.search.upsert({ ...(docs[1] as SearchDocument), docId: 'after-restore', title: '河长新文' }),
        );
        assert.equal((await q(copy)).total, truth('河长').size + 1);
      } finally {
        await copy.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
