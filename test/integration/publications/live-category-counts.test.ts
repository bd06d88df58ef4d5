// The live items per category (live_category_count, kept with every write of the live set) on both dialects:
// after publishing, a revision that moves an item to another category, a withdrawal, a withdrawal revised and
// published again, a 不予公开 item, a bulk import and the restore of a backup, liveCategoryCounts answers what a
// fresh count of the live versions grouped by organization and category gives; the migration's fill counts the
// rows already stored.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { DIALECTS, openTestRuntime, skipReason, suiteRuntime, type TestRuntime } from '../../support/runtime.js';
import { withDb } from '../../support/db-rows.js';
import { datedPublishing, revise, WITHHELD_FIELDS, type DatedPublishing } from '../../factories/publications.js';
import { actOnPublication } from '../../../src/app/publications/act-on-publication.js';
import { updateDraft } from '../../../src/app/publications/drafts.js';
import { importPublications } from '../../../src/app/publications/import-publications.js';
import { recountLiveCategories } from '../../../src/db/migrations/2026-12-14T0200-live-category-count.js';

type Counts = Record<string, Record<string, number>>;

/** The reference: the live versions counted afresh, grouped by organization and category. */
async function groupedLive(rt: TestRuntime): Promise<Counts> {
  const rows = await withDb(rt, async (db) => {
    const { rows } = await sql<{ org_id: string; category_id: string; n: number | string }>`
      select org_id, category_id, count(*) as n from publication_version
      where live = 1 and org_id is not null and category_id is not null
      group by org_id, category_id`.execute(db);
    return rows;
  });
  return byOrg(rows);
}

/** Counts by organization, then category. */
function byOrg(rows: readonly { org_id: string; category_id: string; n: number | string }[]): Counts {
  const out: Counts = {};
  for (const r of rows) (out[r.org_id] ??= {})[r.category_id] = Number(r.n);
  return out;
}

/** What liveCategoryCounts answers for every organization (those without live items left out). */
async function kept(rt: TestRuntime): Promise<Counts> {
  const out: Counts = {};
  for (const org of await rt.ctx.repos.orgs.list({ includeRetired: true })) {
    const counts = await rt.ctx.repos.publications.liveCategoryCounts(org.id);
    if (counts.size > 0) out[org.id] = Object.fromEntries(counts);
  }
  return out;
}

for (const dialect of DIALECTS) {
  describe(`live category counts (${dialect})`, { skip: skipReason(dialect) }, () => {
    const rt = suiteRuntime(dialect, { start: '2025-10-09T02:00:00Z' });
    let p: DatedPublishing;
    let a: string;
    let b: string;
    const ids: Record<string, string> = {};
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-live-counts-'));
    after(() => rmSync(dir, { recursive: true, force: true }));

    /** The whole fields of a revision (or of a reopened draft) in `category`. */
    const fieldsIn = (category: string, title: string) => ({
      org: p.root.creditCode,
      title,
      kind: 'normative',
      docNo: '示政发〔2025〕9号',
      writtenOn: '2025-10-09',
      category,
      body: `<p>${title}</p>`,
    });

    /** The root's counts of the two categories, after checking every organization's against the reference. */
    const check = async (): Promise<{ a: number; b: number }> => {
      const counts = await kept(rt);
      assert.deepEqual(counts, await groupedLive(rt));
      return { a: counts[p.root.id]?.[a] ?? 0, b: counts[p.root.id]?.[b] ?? 0 };
    };

    before(async () => {
      p = await datedPublishing(rt, 'counts');
      const cats = (await rt.ctx.repos.categories.list(p.root.id)).filter((c) => c.kind === 'category');
      [a, b] = [cats[0]?.id ?? '', cats[1]?.id ?? ''];
      assert.ok(a && b && a !== b, 'two categories of the root');
    });

    test('should count published items per category', async () => {
      assert.deepEqual(await check(), { a: 0, b: 0 });
      for (const n of [1, 2, 3]) ids[`a${n}`] = await p.published('2025-10-09', '2025-10-10', { category: a });
      ids.b1 = await p.published('2025-10-09', '2025-10-10', { category: b, title: '乙栏目的通知' });
      await p.published('2025-10-09', '2025-10-10', { ...WITHHELD_FIELDS, category: b, title: '内部事务' });
      assert.deepEqual(await check(), { a: 3, b: 1 }, 'the 不予公开 item is not counted');
    });

    test('should move an item to the category of its revision once the revision is published', async () => {
      const id = ids.a1 ?? '';
      p.at('2025-10-13');
      await revise(rt, p, id, fieldsIn(b, '移到乙栏目'));
      assert.deepEqual(await check(), { a: 3, b: 1 }, 'a revision in progress moves nothing');
      await p.publish(id, '2025-10-14');
      assert.deepEqual(await check(), { a: 2, b: 2 });
      p.at('2025-10-15');
      await revise(rt, p, id, fieldsIn(b, '仍在乙栏目'));
      await p.publish(id, '2025-10-15');
      assert.deepEqual(await check(), { a: 2, b: 2 }, 'a revision in its own category');
    });

    test('should drop a withdrawn item and count it again once its revision is published', async () => {
      p.at('2025-10-16');
      await actOnPublication(rt.ctx, p.signer, ids.b1 ?? '', 'withdraw', { reason: '内容有误' });
      assert.deepEqual(await check(), { a: 2, b: 1 });
      await actOnPublication(rt.ctx, p.signer, ids.a2 ?? '', 'withdraw', { reason: '待修订' });
      assert.deepEqual(await check(), { a: 1, b: 1 });
      await actOnPublication(rt.ctx, p.editor, ids.a2 ?? '', 'reopen');
      await updateDraft(rt.ctx, p.editor, ids.a2 ?? '', fieldsIn(a, '撤稿后修订的通知'));
      assert.deepEqual(await check(), { a: 1, b: 1 });
      await p.publish(ids.a2 ?? '', '2025-10-17');
      assert.deepEqual(await check(), { a: 2, b: 1 });
    });

    test('should add a bulk import, per organization and category', async () => {
      const line = (org: string, n: number, category: string) =>
        JSON.stringify({
          org,
          title: `历史通知第${n}号`,
          kind: 'other_document',
          docNo: `示政办〔2020〕${n}号`,
          writtenOn: '2020-01-01',
          publishedOn: '2020-02-01',
          indexNo: `${org}/2020-${String(n).padStart(5, '0')}`,
          category,
          body: `<p>历史通知第${n}号</p>`,
        });
      const childCats = (await rt.ctx.repos.categories.list(p.child.id)).filter((c) => c.kind === 'category');
      const childCat = childCats[0]?.id ?? '';
      const lines = [
        ...[1, 2, 3, 4, 5].map((n) => line(p.root.creditCode, n, n <= 3 ? a : b)),
        ...[6, 7].map((n) => line(p.child.creditCode, n, childCat)),
      ];
      const r = await importPublications(rt.ctx, null, async function* read() {
        yield* lines;
      });
      assert.ok(r.ok, JSON.stringify(r));
      assert.deepEqual(await check(), { a: 5, b: 3 });
      assert.equal((await rt.ctx.repos.publications.liveCategoryCounts(p.child.id)).get(childCat), 2);
    });

    test('should give the same counts after the restore of a backup', async () => {
      const before = await kept(rt);
      const file = join(dir, 'counts.jsonl.gz');
      await rt.maintenance.backup(file);
      const copy = await openTestRuntime(dialect, { demo: false });
      try {
        await copy.maintenance.restore(file);
        assert.deepEqual(await kept(copy), before);
        assert.deepEqual(await kept(copy), await groupedLive(copy));
      } finally {
        await copy.close();
      }
    });

    test("should count the live versions already stored (the migration's fill)", async () => {
      const expected = await kept(rt);
      assert.ok(Object.keys(expected).length >= 2, 'two organizations with live items');
      const table = () =>
        withDb(rt, async (db) => {
          const { rows } = await sql<{ org_id: string; category_id: string; n: number | string }>`
            select org_id, category_id, n from live_category_count where n > 0`.execute(db);
          return byOrg(rows);
        });
      await withDb(rt, async (db) => {
        // Emptied, then a count of nothing: the fill replaces every row.
        await sql`delete from live_category_count`.execute(db);
        await sql`insert into live_category_count (org_id, category_id, n) values ('gone', 'gone', 7)`.execute(db);
        assert.deepEqual(await kept(rt), {});
        await recountLiveCategories(db);
      });
      assert.deepEqual(await kept(rt), expected);
      assert.deepEqual(await table(), await groupedLive(rt), 'the table is the grouped count, row for row');
    });
  });
}
