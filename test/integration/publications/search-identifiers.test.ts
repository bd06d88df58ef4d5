// Exact lookup by 索引号 and 发文字号 on both dialects, through the portal's search and the open-data API:
// the item whose identifier the visitor typed comes first, whatever brackets were typed, and the keys
// of items indexed before the lookup existed are filled by the migration.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { DIALECTS, skipReason, suiteRuntime } from '../../support/runtime.js';
import { makePublication, publishingStaff } from '../../factories/publications.js';
import { searchPublic } from '../../../src/app/search/search.js';
import { openDataList } from '../../../src/app/portal/publications-public.js';
import { openDb } from '../../../src/db/connect.js';
import { fillIdentifierKeys } from '../../../src/db/migrations/2026-12-10T0500-search-identifiers.js';

for (const dialect of DIALECTS) {
  describe(`search by 索引号 and 发文字号 (${dialect})`, { skip: skipReason(dialect) }, () => {
    const rt = suiteRuntime(dialect, { start: '2025-03-03T02:00:00Z' });
    let target = { id: '', indexNo: '' };

    before(async () => {
      const s = await publishingStaff(rt, { prefix: 'ident' });
      const publish = (title: string, docNo: string, body: string, kind = 'normative') =>
        makePublication(rt, s, {
          state: 'published',
          approve: { acceptFindings: true },
          fields: { title, docNo, kind, writtenOn: '2025-03-03', body: `<p>${body}</p>` },
        });
      target = await publish('示例区河道管理办法', '示政发〔2025〕7号', '河道管理。');
      // An item that quotes the 文号 in its text matches the same words, but is not the document.
      await publish(
        '《示例区河道管理办法》要点',
        '',
        '解读示政发〔2025〕7号的主要内容，示政发〔2025〕7号。',
        'other_document',
      );
    });

    test('should put the document first for its 文号 in any bracket style, and for its 索引号', async () => {
      for (const q of ['示政发〔2025〕7号', '示政发[2025]7号', '示政发(2025)7', target.indexNo]) {
        const res = await searchPublic(rt.ctx, { q });
        assert.equal(res.items[0]?.docId, target.id, q);
        const api = await openDataList(rt.ctx, { q, limit: 10, offset: 0 });
        assert.equal(api.items[0]?.id, target.id, `api ${q}`);
      }
      const both = await searchPublic(rt.ctx, { q: '示政发〔2025〕7号' });
      assert.equal(both.items.length, 2);
    });

    test('should rank, order by date and fall back to partial matches in the open-data API too', async () => {
      const ranked = await openDataList(rt.ctx, { q: '河道管理办法', limit: 10, offset: 0 });
      assert.deepEqual([ranked.items.length, ranked.partial], [2, false]);
      const byDate = await openDataList(rt.ctx, { q: '河道管理办法', sort: 'date', limit: 10, offset: 0 });
      assert.equal(byDate.items.length, 2);
      assert.notEqual(byDate.items[0]?.id, target.id, 'the interpretation is newer');
      // 理细 and 细则 are in no item: the fallback leaves out two of eight bigrams.
      const partial = await openDataList(rt.ctx, { q: '示例区河道管理细则', limit: 10, offset: 0 });
      assert.equal(partial.partial, true);
      assert.ok(partial.items.some((i) => i.id === target.id));
    });

    test('should fill the keys of items indexed before the lookup existed', async () => {
      const db = openDb(rt.db);
      try {
        await sql`update search_document set doc_no_key = '', index_no_key = ''`.execute(db.kysely);
        assert.equal((await searchPublic(rt.ctx, { q: target.indexNo })).items.length, 0);
        await fillIdentifierKeys(db.kysely);
        assert.equal((await searchPublic(rt.ctx, { q: target.indexNo })).items[0]?.docId, target.id);
      } finally {
        await db.close();
      }
    });
  });
}
