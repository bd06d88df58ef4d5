// The integrity check of gongkai's own portal, on both dialects, over the real server on loopback: items published
// through the review chain serve what was recorded at publication (no finding), whatever changes around them (the
// site notice, a new neighbour in the column); a title, a body or a metadata cell changed straight in the database,
// or an attachment's bytes replaced in storage, is reported `tampered` on exactly that item, naming the field or
// the attachment; a revision and a republication after withdrawal through the chain are not.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { withDb } from '../../support/db-rows.js';
import { runGongkaiInProcess } from '../../support/cli.js';
import {
  datedPublishing,
  draftFields,
  moveAlongChain,
  revise,
  type DatedPublishing as Publishing,
} from '../../factories/publications.js';
import { serveHttp } from '../../../src/main.js';
import { loadConfig } from '../../../src/config/config.js';
import { httpFetch } from '../../../src/adapters/http-fetch/http-fetch.js';
import { readIntegrityPage } from '../../../src/adapters/http-fetch/integrity-page.js';
import { checkPortalIntegrity, type IntegrityResult } from '../../../src/app/monitoring/integrity.js';
import { actOnPublication } from '../../../src/app/publications/act-on-publication.js';
import { updateDraft } from '../../../src/app/publications/drafts.js';
import { importPublications } from '../../../src/app/publications/import-publications.js';
import { saveSiteFooter } from '../../../src/app/settings/site-settings.js';
import { renameCategory } from '../../../src/app/publications/manage-catalogue.js';
import { makeStaff } from '../../factories/staff.js';

const PDF = new TextEncoder().encode('%PDF-1.4 integrity test attachment');

/** Rewrites a live version's fields (JSON) straight in the database, outside every use case; returns the undo. */
async function editVersion(
  rt: TestRuntime,
  id: string,
  edit: (f: Record<string, unknown>) => void,
): Promise<() => Promise<void>> {
  const set = (version: number, json: string) =>
    withDb(rt, (db) =>
      sql`update publication_version set fields_json = ${json}
        where publication_id = ${id} and version = ${version}`.execute(db),
    );
  const row = await withDb(
    rt,
    async (db: Kysely<unknown>) =>
      (
        await sql<{ version: number; fields_json: string }>`select version, fields_json from publication_version
          where publication_id = ${id} and live = 1`.execute(db)
      ).rows[0],
  );
  if (!row) throw new Error('no live version');
  const fields = JSON.parse(row.fields_json) as Record<string, unknown>;
  edit(fields);
  await set(Number(row.version), JSON.stringify(fields));
  return async () => void (await set(Number(row.version), row.fields_json));
}

/** Replaces a stored file's bytes straight in storage; returns the undo. */
async function replaceFile(rt: TestRuntime, fileId: string, bytes: Uint8Array): Promise<() => Promise<void>> {
  const old = await withDb(rt, async (db) => {
    const r = (await sql<{ content_b64: string }>`select content_b64 from stored_file where id = ${fileId}`.execute(db))
      .rows[0];
    if (!r) throw new Error('no stored file');
    await sql`update stored_file set content_b64 = ${Buffer.from(bytes).toString('base64')} where id = ${fileId}`.execute(
      db,
    );
    return r.content_b64;
  });
  return async () =>
    void (await withDb(rt, (db) => sql`update stored_file set content_b64 = ${old} where id = ${fileId}`.execute(db)));
}

/** The items' fields as drafted (a revision saves the whole form again). */
const NOTICE = {
  title: '示例区关于加强河道管理的通知',
  docNo: '示政发〔2025〕1号',
  summary: '河道管理要求。',
  writtenOn: '2025-09-01',
};
const RULES = {
  title: '示例区城市管理实施细则',
  docNo: '示政发〔2025〕7号',
  summary: '城市管理实施细则。',
  topic: '城乡建设',
  writtenOn: '2025-09-03',
  body: '<p>第一条　为了加强城市管理，制定本细则。</p><p>第二条　本细则自发布之日起施行。</p>',
};

for (const dialect of DIALECTS) {
  describe(`portal integrity (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    let p: Publishing;
    let server: { url: string; close: () => Promise<void> };
    let dir: string;
    const id: Record<'notice' | 'rules' | 'annex', string> = {} as never;

    const check = (): Promise<IntegrityResult> =>
      checkPortalIntegrity({ ...rt.ctx, integrityFetch: httpFetch(), integrityPage: readIntegrityPage }, server.url);
    const findingsOf = (r: IntegrityResult) =>
      r.findings.map((f) => ({
        item: f.evidence.item,
        fields: f.evidence.fields,
        attachments: f.evidence.attachments,
      }));

    before(async () => {
      rt = await openTestRuntime(dialect, { start: '2025-10-09T02:00:00Z' });
      p = await datedPublishing(rt, 'integ');
      id.notice = await p.published('2025-09-01', '2025-09-02', NOTICE);
      id.rules = await p.published('2025-09-03', '2025-09-04', RULES);
      id.annex = await p.published('2025-09-05', '2025-09-06', {
        title: '示例区2025年河长名单',
        attachments: [{ name: '附件1 河长名单.pdf', mime: 'application/pdf', content: PDF }],
      });
      dir = mkdtempSync(join(tmpdir(), 'gongkai-integrity-'));
      server = await serveHttp(rt, loadConfig({ GONGKAI_DATA_DIR: dir, HOST: '127.0.0.1', PORT: '0' }));
    });
    after(async () => {
      await server?.close();
      await rt?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    test('should find nothing on items published through the review chain', async () => {
      const r = await check();
      assert.deepEqual(r.findings, []);
      assert.equal(r.pages, 3);
      assert.equal(r.attachments, 1);
    });

    test('should carry the record in an inert JSON block and mark the body', async () => {
      const html = await (await fetch(`${server.url}/publications/${id.annex}`)).text();
      const page = readIntegrityPage(html);
      assert.deepEqual(page.block, { item: id.annex, version: 1 });
      assert.equal(page.title, '示例区2025年河长名单');
      assert.deepEqual(
        page.attachments.map((a) => a.name),
        ['附件1 河长名单.pdf'],
      );
      assert.match(html, /<script type="application\/json" id="gongkai-integrity">/);
    });

    test('should find nothing when the surroundings change: site notice, a new neighbour, the category name', async () => {
      await saveSiteFooter(rt.ctx, null, { notice: '本网站正在进行系统维护演练' });
      await p.published('2025-09-07', '2025-09-08', { title: '示例区关于防汛工作的通知' });
      // The notice has no 主题分类: its page shows its category's name there, which belongs to the catalogue.
      const admin = await makeStaff(rt, 'integ.admin', ['admin'], p.root.id);
      const categoryId = (await rt.ctx.repos.publications.liveVersion(id.notice))?.fields.categoryId ?? '';
      await renameCategory(rt.ctx, admin, categoryId, '通知公告（新）');
      const page = await (await fetch(`${server.url}/publications/${id.notice}`)).text();
      assert.ok(page.includes('本网站正在进行系统维护演练'), 'the notice is on the page');
      assert.ok(page.includes('通知公告（新）'), 'the renamed category is on the page');
      const r = await check();
      assert.deepEqual(r.findings, []);
      assert.equal(r.pages, 4);
    });

    test('should report a title changed in the database as tampered on that item only, naming the title', async () => {
      const undo = await editVersion(rt, id.notice, (f) => void (f.title = '示例区关于取消河道管理的通知'));
      try {
        const r = await check();
        assert.deepEqual(findingsOf(r), [{ item: id.notice, fields: 'title', attachments: '' }]);
        const f = r.findings[0];
        assert.equal(f?.rule, 'tampered');
        assert.equal(f?.url, `${server.url}/publications/${id.notice}`);
        assert.match(f?.message ?? '', /标题/);
      } finally {
        await undo();
      }
      assert.deepEqual((await check()).findings, [], 'restored: nothing again');
    });

    test('should name the body and a metadata cell changed in the database', async () => {
      const undo = await editVersion(rt, id.rules, (f) => {
        f.bodyHtml = '<p>第一条　为了加强城市管理，制定本细则。</p><p>第二条　本细则自2026年起施行。</p>';
        f.docNo = '示政发〔2025〕8号';
      });
      try {
        assert.deepEqual(findingsOf(await check()), [{ item: id.rules, fields: 'docNo,body', attachments: '' }]);
      } finally {
        await undo();
      }
    });

    test('should name an attachment whose stored file was replaced', async () => {
      const fileId = (await rt.ctx.repos.publications.liveVersion(id.annex))?.fields.attachments[0]?.fileId ?? '';
      const undo = await replaceFile(rt, fileId, new TextEncoder().encode('%PDF-1.4 replaced'));
      try {
        const r = await check();
        assert.deepEqual(findingsOf(r), [{ item: id.annex, fields: '', attachments: '附件1 河长名单.pdf' }]);
        assert.match(r.findings[0]?.message ?? '', /附件“附件1 河长名单\.pdf”/);
      } finally {
        await undo();
      }
    });

    test('should find nothing after a revision through the review chain', async () => {
      p.at('2025-09-10');
      await revise(
        rt,
        p,
        id.notice,
        draftFields(p.root.creditCode, { ...NOTICE, title: '示例区关于进一步加强河道管理的通知' }),
      );
      await moveAlongChain(rt, p, id.notice, 'published', { approve: { acceptFindings: true } });
      const html = await (await fetch(`${server.url}/publications/${id.notice}`)).text();
      assert.deepEqual(readIntegrityPage(html).block, { item: id.notice, version: 2 });
      assert.deepEqual((await check()).findings, []);
    });

    test('should find nothing after a republication after withdrawal (撤稿后修订)', async () => {
      p.at('2025-09-11');
      await actOnPublication(rt.ctx, p.signer, id.rules, 'withdraw', { reason: '施行日期表述有误' });
      await actOnPublication(rt.ctx, p.editor, id.rules, 'reopen');
      await updateDraft(
        rt.ctx,
        p.editor,
        id.rules,
        draftFields(p.root.creditCode, { ...RULES, body: '<p>第二条　本细则自2025年10月1日起施行。</p>' }),
      );
      await moveAlongChain(rt, p, id.rules, 'published', { approve: { acceptFindings: true } });
      const r = await check();
      assert.deepEqual(r.findings, []);
      assert.equal(r.pages, 4);
    });

    test('should record items loaded by the import, and name a change made to one in the database', async () => {
      const code = p.root.creditCode;
      const line = JSON.stringify({
        org: code,
        title: '示例区2020年历史通知',
        kind: 'other_document',
        docNo: '示政办〔2020〕3号',
        writtenOn: '2020-01-01',
        publishedOn: '2020-02-03',
        indexNo: `${code}/2020-00003`,
        summary: '历史通知的概述。',
        body: '<p>历史通知正文。</p>',
      });
      const r = await importPublications(rt.ctx, null, async function* read() {
        yield line;
      });
      assert.equal(r.ok, true);
      const imported = (await rt.ctx.repos.publications.idByIndexNo(`${code}/2020-00003`)) ?? '';
      assert.deepEqual((await check()).findings, []);
      const undo = await editVersion(rt, imported, (f) => void (f.publisher = '示例区某某办公室'));
      try {
        assert.deepEqual(findingsOf(await check()), [{ item: imported, fields: 'publisher', attachments: '' }]);
      } finally {
        await undo();
      }
    });

    test('should report through `gongkai monitor integrity` as JSON Lines, and refuse to run without an address', async () => {
      const env = {
        GONGKAI_DATA_DIR: dir,
        DATABASE_URL: rt.db.kind === 'sqlite' ? `sqlite:${rt.db.file}` : rt.db.url,
      };
      const none = await runGongkaiInProcess(['monitor', 'integrity'], env);
      assert.equal(none.code, 2);
      assert.match(none.stderr, /--base/);
      const fileId = (await rt.ctx.repos.publications.liveVersion(id.annex))?.fields.attachments[0]?.fileId ?? '';
      const undo = await replaceFile(rt, fileId, new TextEncoder().encode('%PDF-1.4 replaced by hand'));
      try {
        const r = await runGongkaiInProcess(['monitor', 'integrity', '--base', server.url, '--json'], env);
        assert.equal(r.code, 0, r.stderr);
        const lines = r.stdout
          .trimEnd()
          .split('\n')
          .map((l) => JSON.parse(l) as Record<string, unknown>);
        assert.deepEqual(
          lines.map((l) => [l.rule, l.url]),
          [
            ['tampered', `${server.url}/publications/${id.annex}`],
            [undefined, undefined],
          ],
        );
        assert.deepEqual(lines[1], { summary: true, pages: 5, attachments: 1, tampered: 1 });
      } finally {
        await undo();
      }
    });

    test('should report a live item without a record, and record it as it is with --record-missing', async () => {
      // As if the item had gone live before records existed: its entry no longer reads as a record (this breaks the
      // audit chain, which no later test of this suite verifies).
      await withDb(rt, (db) =>
        sql`update audit_entry set action = 'publication.integrity_before' where entity_id = ${id.notice}
          and action = 'publication.integrity'`.execute(db),
      );
      assert.deepEqual(findingsOf(await check()), [{ item: id.notice, fields: 'record', attachments: '' }]);
      const env = {
        GONGKAI_DATA_DIR: dir,
        DATABASE_URL: rt.db.kind === 'sqlite' ? `sqlite:${rt.db.file}` : rt.db.url,
      };
      const r = await runGongkaiInProcess(['monitor', 'integrity', '--base', server.url, '--record-missing'], env);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /recorded 1 unrecorded/);
      assert.match(r.lastLine, /: 0 tampered$/);
      const entry = (
        await rt.ctx.repos.audit.list({ entityId: id.notice, action: 'publication.integrity' }, { limit: 1 })
      )[0];
      assert.equal(entry?.actorLabel, 'system');
      assert.equal((JSON.parse(entry?.afterJson ?? '{}') as { baseline?: boolean }).baseline, true);
    });
  });
}
