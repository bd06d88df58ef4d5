// The portal's lean list read on both dialects: listLiveSummaries answers the same items, order, page and
// count as listLive from the version's list columns alone, for a mix of items (revised and published again,
// withdrawn, withdrawn and republished, an interpretation, 不予公开, text JSON escapes); the migration's fill
// and the restore of a backup taken before the columns existed give the same answers.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { DIALECTS, skipReason, suiteRuntime } from '../../support/runtime.js';
import { datedPublishing, revise, WITHHELD_FIELDS, type DatedPublishing } from '../../factories/publications.js';
import { actOnPublication } from '../../../src/app/publications/act-on-publication.js';
import { updateDraft } from '../../../src/app/publications/drafts.js';
import { latestPublications, openDataList } from '../../../src/app/portal/publications-public.js';
import type { LiveFilter, LiveItem, LivePage, LiveSummary } from '../../../src/app/publications/ports.js';
import { openDb } from '../../../src/db/connect.js';
import { fillListColumns } from '../../../src/db/migrations/2026-12-14T0100-live-list-columns.js';

const MIGRATION = '2026-12-14T0100-live-list-columns';
const LIST_COLUMNS = ['title', 'index_no', 'doc_no', 'summary', 'publisher'];

/** What a list row shows, read from the whole frozen record. */
const fromRecord = (l: LiveItem): LiveSummary => ({
  id: l.id,
  orgId: l.orgId,
  categoryId: l.live.fields.categoryId,
  indexNo: l.live.fields.indexNo,
  title: l.live.fields.title,
  docNo: l.live.fields.docNo,
  kind: l.live.fields.kind,
  publisher: l.live.fields.publisher,
  summary: l.live.fields.summary,
  publishedOn: l.live.fields.publishedOn,
  publishedAt: l.live.publishedAt,
});

for (const dialect of DIALECTS) {
  describe(`the lean list read (${dialect})`, { skip: skipReason(dialect) }, () => {
    const rt = suiteRuntime(dialect, { start: '2025-10-09T02:00:00Z' });
    let p: DatedPublishing;
    const ids: Record<string, string> = {};
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-lean-list-'));
    after(() => rmSync(dir, { recursive: true, force: true }));

    before(async () => {
      p = await datedPublishing(rt, 'lean');
      ids.plain = await p.published('2025-10-09', '2025-10-09', { summary: '河道管理要求。' });
      ids.escapes = await p.published('2025-10-09', '2025-10-10', {
        title: '关于"引号"、\\反斜杠\\ 和 <标签> 的通知 😀',
        docNo: '示政发〔2025〕2号',
        summary: '第一行\n第二行\t制表 \u2028 分隔',
      });
      // Revised and published again: version 2 is listed.
      ids.revised = await p.published('2025-10-09', '2025-10-10', { title: '原标题', docNo: '示政发〔2025〕3号' });
      p.at('2025-10-13');
      await revise(rt, p, ids.revised, {
        org: p.root.creditCode,
        title: '修订后的标题',
        kind: 'normative',
        docNo: '示政发〔2025〕4号',
        summary: '修订后的概述。',
        writtenOn: '2025-10-09',
        body: '<p>新正文</p>',
      });
      await p.publish(ids.revised, '2025-10-14');
      // Withdrawn: not listed.
      ids.withdrawn = await p.published('2025-10-09', '2025-10-11', { title: '已撤稿的通知' });
      p.at('2025-10-15');
      await actOnPublication(rt.ctx, p.signer, ids.withdrawn, 'withdraw', { reason: '内容有误' });
      // Withdrawn, revised and published again (撤稿后修订).
      ids.republished = await p.published('2025-10-09', '2025-10-11', { title: '撤稿前的标题' });
      p.at('2025-10-15');
      await actOnPublication(rt.ctx, p.signer, ids.republished, 'withdraw', { reason: '待修订' });
      await actOnPublication(rt.ctx, p.editor, ids.republished, 'reopen');
      await updateDraft(rt.ctx, p.editor, ids.republished, {
        org: p.root.creditCode,
        title: '撤稿后修订的标题',
        kind: 'normative',
        docNo: '示政发〔2025〕5号',
        writtenOn: '2025-10-09',
        body: '<p>x</p>',
      });
      await p.publish(ids.republished, '2025-10-16');
      // An interpretation of the plain item, and an item not disclosed.
      const plain = await rt.ctx.repos.publications.byId(ids.plain);
      ids.interpretation = await p.published('2025-10-16', '2025-10-17', {
        kind: 'interpretation',
        interprets: plain?.indexNo,
        title: '《示例区关于加强河道管理的通知》政策解读',
        docNo: '',
      });
      ids.withheld = await p.published('2025-10-16', '2025-10-17', { ...WITHHELD_FIELDS, title: '内部事务' });
    });

    const filters = (): LiveFilter[] => [
      {},
      { orgIds: [p.root.id] },
      { orgIds: [p.child.id] },
      { kind: 'interpretation' },
      { kind: 'normative', year: 2025 },
      { year: 2024 },
      { excludeOrgIds: [p.child.id] },
      { orgIds: [] },
      { categoryIds: [] },
    ];
    const pages: LivePage[] = [
      { limit: 100, offset: 0 },
      { limit: 2, offset: 1 },
      { limit: 2, offset: 0, countCap: 3 },
      { limit: 10, offset: 0, countCap: 0 },
      { limit: 0, offset: 0 },
    ];

    /** Every filter and page through both reads. */
    const bothReads = async () => {
      const out: { lean: unknown; full: unknown; at: string }[] = [];
      for (const f of filters()) {
        for (const page of pages) {
          const full = await rt.ctx.repos.publications.listLive(f, page);
          const lean = await rt.ctx.repos.publications.listLiveSummaries(f, page);
          out.push({ lean, full: { ...full, items: full.items.map(fromRecord) }, at: JSON.stringify({ f, page }) });
        }
      }
      return out;
    };
    const assertSameAsFull = async () => {
      for (const r of await bothReads()) assert.deepEqual(r.lean, r.full, r.at);
    };

    test('should list what the full read lists, from the list columns alone', async () => {
      const all = await rt.ctx.repos.publications.listLiveSummaries({}, { limit: 100, offset: 0 });
      const listed = new Set(all.items.map((i) => i.id));
      for (const k of ['plain', 'escapes', 'revised', 'republished', 'interpretation']) {
        assert.ok(listed.has(ids[k] as string), k);
      }
      assert.ok(!listed.has(ids.withdrawn as string) && !listed.has(ids.withheld as string));
      const byId = new Map(all.items.map((i) => [i.id, i]));
      assert.deepEqual(
        [byId.get(ids.revised as string)?.title, byId.get(ids.revised as string)?.docNo],
        ['修订后的标题', '示政发〔2025〕4号'],
      );
      assert.equal(byId.get(ids.republished as string)?.title, '撤稿后修订的标题');
      assert.equal(byId.get(ids.escapes as string)?.title, '关于"引号"、\\反斜杠\\ 和 <标签> 的通知 😀');
      assert.equal(byId.get(ids.interpretation as string)?.kind, 'interpretation');
      await assertSameAsFull();
    });

    test('should give the portal lists the fields of the open-data list (which reads the whole records)', async () => {
      const lean = await latestPublications(rt.ctx, { orgIds: [p.root.id] }, { limit: 100, offset: 0 });
      const full = await openDataList(rt.ctx, { org: p.root.creditCode, limit: 100, offset: 0 });
      const listed = (i: (typeof full.items)[number]) => ({
        id: i.id,
        orgId: i.orgId,
        categoryId: i.categoryId,
        indexNo: i.indexNo,
        title: i.title,
        docNo: i.docNo,
        kind: i.kind,
        publisher: i.publisher,
        summary: i.summary,
        publishedOn: i.publishedOn,
        versionAt: i.versionAt,
      });
      assert.ok(lean.items.length >= 5);
      assert.deepEqual(lean.items, full.items.map(listed));
    });

    test("should fill the columns of versions stored before they existed (the migration's fill)", async () => {
      const db = openDb(rt.db);
      try {
        const blank = LIST_COLUMNS.map((c) => `${c} = ''`).join(', ');
        await sql`update publication_version set ${sql.raw(blank)}`.execute(db.kysely);
        const emptied = await rt.ctx.repos.publications.listLiveSummaries({}, { limit: 100, offset: 0 });
        assert.ok(emptied.items.every((i) => i.title === ''));
        await fillListColumns(db.kysely);
      } finally {
        await db.close();
      }
      await assertSameAsFull();
    });

    test('should fill them on the restore of a backup taken before the migration', async () => {
      const file = join(dir, 'current.jsonl.gz');
      await rt.maintenance.backup(file);
      const lines = gunzipSync(readFileSync(file)).toString('utf8').trim().split('\n');
      const older = lines.map((line, i) => {
        const obj = JSON.parse(line) as Record<string, unknown>;
        if (i === 0) {
          return JSON.stringify({ ...obj, migrations: (obj.migrations as string[]).filter((m) => m !== MIGRATION) });
        }
        if (obj.table !== 'publication_version') return line;
        const rows = (obj.rows as Record<string, unknown>[]).map((r) =>
          Object.fromEntries(Object.entries(r).filter(([k]) => !LIST_COLUMNS.includes(k))),
        );
        return JSON.stringify({ ...obj, rows });
      });
      const versionRows = older
        .slice(1)
        .map((l) => JSON.parse(l) as { table: string; rows: Record<string, unknown>[] })
        .filter((c) => c.table === 'publication_version')
        .flatMap((c) => c.rows);
      assert.ok(versionRows.length >= 7 && versionRows.every((r) => !('title' in r)), 'the aged backup lacks them');
      const aged = join(dir, 'older.jsonl.gz');
      writeFileSync(aged, gzipSync(`${older.join('\n')}\n`));
      await rt.maintenance.restore(aged);
      const all = await rt.ctx.repos.publications.listLiveSummaries({}, { limit: 100, offset: 0 });
      assert.ok(all.items.length >= 5 && all.items.every((i) => i.title !== ''));
      await assertSameAsFull();
    });
  });
}
