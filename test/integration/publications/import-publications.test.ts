// Bulk import of already-published items on both dialects: a bad line rejects the whole
// file with every problem named by line and field; a good file shows at once on the portal, in search
// and in the Atom feed with its original 索引号 and dates; one audit entry per import; duplicates on a
// second run; interpretations linked both ways; new 索引号 continue after imported serials; a load
// interrupted after the check keeps complete batches and records how far it got.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipReason, suiteRuntime } from '../../support/runtime.js';
import { TestAgent } from '../../support/http.js';
import { makeStaff } from '../../factories/staff.js';
import { createDraft } from '../../../src/app/publications/drafts.js';
import { importPublications, type ImportSource } from '../../../src/app/publications/import-publications.js';
import { AppError } from '../../../src/app/errors.js';

const source = (lines: readonly string[]): ImportSource =>
  async function* read() {
    yield* lines;
  };

for (const dialect of DIALECTS) {
  describe(`publications import (${dialect})`, { skip: skipReason(dialect) }, () => {
    const rt = suiteRuntime(dialect, { start: '2025-10-09T02:00:00Z' });
    let web: TestAgent;
    let code: string;
    let rootId: string;
    const item = (n: number, over: Record<string, unknown> = {}) =>
      JSON.stringify({
        org: code,
        title: `示例区第${n}号历史通知`,
        kind: 'other_document',
        docNo: `示政办〔2020〕${n}号`,
        writtenOn: '2020-01-01',
        publishedOn: `2020-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`,
        indexNo: `${code}/2020-${String(n).padStart(5, '0')}`,
        summary: `第${n}号通知的概述。`,
        body: `<p>历史通知正文第${n}号，涉及老旧小区改造。</p>`,
        ...over,
      });
    const count = async () =>
      (await rt.ctx.repos.publications.list({ orgIds: [rootId] }, { limit: 1, offset: 0 })).total;
    const audits = async (action: string) =>
      (await rt.ctx.repos.audit.list({ action }, { limit: 50 }))
        .filter((e) => e.action === action)
        .map((e) => ({ ...e, after: JSON.parse(e.afterJson ?? 'null') as Record<string, unknown> }));

    before(async () => {
      const root = (await rt.ctx.repos.orgs.list()).find((o) => o.parentId === null);
      if (!root) throw new Error('no root');
      code = root.creditCode;
      rootId = root.id;
      web = new TestAgent(rt);
    });

    test('should reject a file with one bad line, naming the line and field, and write nothing', async () => {
      const lines = [item(1), item(2), item(3, { publishedOn: '2019-12-31' }), '', item(4), '{"org": broken'];
      const before = await count();
      const r = await importPublications(rt.ctx, null, source(lines));
      assert.ok(!r.ok);
      assert.deepEqual(
        r.errors.map((e) => [e.line, e.field]),
        [
          [3, 'publishedOn'],
          [6, null],
        ],
      );
      assert.match(r.errors[0]?.message ?? '', /发布日期不能早于成文日期/);
      assert.equal(await count(), before);
      assert.equal((await audits('publication.imported')).length, 0);
      const dry = await importPublications(rt.ctx, null, source([item(1), item(2)]), { dryRun: true });
      assert.deepEqual(dry, { ok: true, imported: 2, dryRun: true });
      assert.equal(await count(), before, 'a dry run writes nothing');
    });

    test('should name unknown organizations and categories, duplicates within the file and interpretations of nothing', async () => {
      const r = await importPublications(
        rt.ctx,
        null,
        source([
          item(10, { org: '91110000MA00000000' }),
          item(11, { kind: 'news' }),
          item(12, { category: 'statutory' }),
          item(13),
          item(14, { indexNo: `${code}/2020-00013` }),
          item(15, { kind: 'interpretation', interprets: `${code}/2020-09999` }),
          item(16, { kind: 'interpretation', interprets: `${code}/2020-00017` }),
          item(17),
        ]),
      );
      assert.ok(!r.ok);
      assert.deepEqual(
        r.errors.map((e) => [e.line, e.field]),
        [
          [1, 'org'],
          [2, 'category'],
          [3, 'category'],
          [5, 'indexNo'],
          [6, 'interprets'],
          [7, 'interprets'],
        ],
      );
      assert.match(r.errors[3]?.message ?? '', /与第4行重复/);
      assert.match(r.errors[5]?.message ?? '', /在第8行，应排在本行之前/);
    });

    test('should load a good file at once onto the portal, into search and the feed, with one audit entry', async () => {
      const lines = Array.from({ length: 300 }, (_, i) => item(100 + i));
      lines.push(
        item(400, {
          title: '示例区量子通信试点工作方案',
          kind: 'normative',
          publishedOn: '2021-06-30',
          writtenOn: '2021-06-01',
          indexNo: `${code}/2021-00007`,
        }),
      );
      lines.push(
        item(401, {
          title: '《示例区量子通信试点工作方案》政策解读',
          kind: 'interpretation',
          interprets: `${code}/2021-00007`,
          publishedOn: '2021-07-01',
          writtenOn: '2021-07-01',
          indexNo: `${code}/2021-00008`,
        }),
      );
      const progress: number[] = [];
      const r = await importPublications(rt.ctx, null, source(lines), {
        batchSize: 100,
        label: 'history.jsonl',
        onProgress: (phase, done) => phase === 'load' && progress.push(done),
      });
      assert.deepEqual(r, { ok: true, imported: 302, dryRun: false });
      assert.deepEqual(progress, [100, 200, 300, 302]);
      const entries = await audits('publication.imported');
      assert.equal(entries.length, 1, 'one entry per import, not per item');
      assert.equal(entries[0]?.after.count, 302);
      assert.equal(entries[0]?.after.file, 'history.jsonl');

      const docId = await rt.ctx.repos.publications.idByIndexNo(`${code}/2021-00007`);
      const interpId = await rt.ctx.repos.publications.idByIndexNo(`${code}/2021-00008`);
      const page = await (await web.get(`/publications/${docId}`)).text();
      assert.ok(page.includes(`<td data-integrity="indexNo">${code}/2021-00007</td>`), 'original 索引号');
      assert.ok(page.includes('<td data-integrity="publishedOn">2021-06-30</td>'), 'original 发布日期');
      assert.ok(page.includes(`href="/publications/${interpId}"`), 'links its interpretation');
      assert.ok(
        (await (await web.get(`/publications/${interpId}`)).text()).includes(`href="/publications/${docId}"`),
        'the interpretation links the document',
      );

      const stored = await rt.ctx.repos.publications.byId(docId ?? '');
      assert.equal(stored?.state, 'published');
      assert.deepEqual(
        stored?.reviews.map((x) => x.action),
        ['import'],
      );

      const search = await (await web.get(`/search?q=${encodeURIComponent('量子')}`)).text();
      assert.ok(search.includes(`href="/publications/${docId}"`), 'found by search at once');
      const feed = await (await web.get(`/org/${code}/feed.atom`)).text();
      assert.ok(feed.includes('示例区量子通信试点工作方案'), 'in the Atom feed');
      const cats = await rt.ctx.repos.categories.list(rootId);
      const other = cats.find((c) => c.slug === 'policy-other');
      const list = await (await web.get(`/org/${code}/c/${other?.id}`)).text();
      assert.match(list, /共300条信息/);
      assert.ok(list.includes('示例区第335号历史通知'), 'the newest (2020-12-28) on the first page');
    });

    test('should report every line of a second import of the same file as a duplicate', async () => {
      const lines = [item(100), item(101), item(102)];
      const before = await count();
      const r = await importPublications(rt.ctx, null, source(lines));
      assert.ok(!r.ok);
      assert.deepEqual(
        r.errors.map((e) => [e.line, e.field]),
        [
          [1, 'indexNo'],
          [2, 'indexNo'],
          [3, 'indexNo'],
        ],
      );
      assert.match(r.errors[0]?.message ?? '', /已存在/);
      assert.equal(await count(), before);
    });

    test('should continue new 索引号 after the imported serials of the same year', async () => {
      const editor = await makeStaff(rt, 'imp.editor', ['editor'], rootId);
      await importPublications(
        rt.ctx,
        null,
        source([item(900, { indexNo: `${code}/2025-00420`, publishedOn: '2025-10-01', writtenOn: '2025-10-01' })]),
      );
      const d = await createDraft(rt.ctx, editor, {
        org: code,
        title: '导入之后的新草稿',
        kind: 'news',
        category: 'meetings',
        writtenOn: '2025-10-08',
        body: '<p>新</p>',
      });
      assert.equal(d.indexNo, `${code}/2025-00421`);
    });

    test('should keep complete batches and record how far a load got when the file changes after the check', async () => {
      const lines = Array.from({ length: 250 }, (_, i) => item(1000 + i));
      let reads = 0;
      const changing: ImportSource = async function* read() {
        reads += 1;
        for (const [i, l] of lines.entries()) yield reads > 1 && i === 149 ? '{"changed": true}' : l;
      };
      const before = await count();
      await assert.rejects(importPublications(rt.ctx, null, changing, { batchSize: 100 }), (e: unknown) => {
        assert.ok(e instanceof AppError);
        assert.match(e.message, /第101行处中断/);
        assert.match(e.message, /此前 100 条已导入/);
        return true;
      });
      assert.equal(await count(), before + 100);
      const stopped = await audits('publication.import_interrupted');
      assert.equal(stopped[0]?.after.loaded, 100);
    });
  });
}
