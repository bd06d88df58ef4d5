// HTTP: the back office of 主动公开 on both dialects — drafting with an attachment (multipart, type
// sniffed, body sanitised), the list with filters and the art. 26 badge, the review chain through
// the item page (编审分离 as a 403 page, findings to confirm, reject, scheduled and immediate
// publication, withdrawal, 409s), a bad form re-rendered with what was typed, the catalogue (add,
// rename, reorder, retire, settings) and the dashboard card.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { refusedPage, type TestAgent } from '../../support/http.js';
import { adminAgent, staffAgent } from '../../support/admin.js';
import { loadPublicationConfig } from '../../../src/app/publications/catalogue.js';
import type { Role } from '../../../src/domain/users/roles.js';

const START = '2025-10-09T02:00:00Z';
const PDF = new TextEncoder().encode('%PDF-1.4\n% test attachment\n');
const idFrom = (res: Response): string =>
  /^\/admin\/publications\/([^?/]+)/.exec(res.headers.get('location') ?? '')?.[1] ?? '';

/** A complete draft form. */
const draftForm = (org: string, over: Record<string, string | string[]> = {}): Record<string, string | string[]> => ({
  org,
  title: '示例区关于加强老旧小区改造管理的通知',
  category: '',
  kind: 'normative',
  docNo: '示政发〔2025〕12号',
  writtenOn: '2025-10-01',
  topic: '城乡建设',
  summary: '老旧小区改造的管理要求',
  keywords: '老旧小区,改造',
  validity: 'valid',
  disclosure: 'proactive',
  body: '<p>各街道：现将有关事项通知如下。</p>',
  ...over,
});

for (const dialect of DIALECTS) {
  describe(`publications back office (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    let root: { id: string; creditCode: string };
    const as: Record<'editor' | 'r1' | 'r2' | 'signer' | 'admin', TestAgent> = {} as never;

    const html = async (agent: TestAgent, path: string, status = 200): Promise<string> => {
      const res = await agent.get(path);
      assert.equal(res.status, status, path);
      return res.text();
    };
    const move = (agent: TestAgent, id: string, action: string, params: Record<string, string> = {}) =>
      agent.post(`/admin/publications/${id}/actions`, { action, ...params });
    const state = async (id: string) => (await rt.ctx.repos.publications.byId(id))?.state;
    /** POSTs the draft form as multipart with files, as a browser does. */
    const multipart = async (
      agent: TestAgent,
      path: string,
      fields: Record<string, string | string[]>,
      files: { name: string; type: string; bytes: Uint8Array }[] = [],
    ) => {
      const fd = new FormData();
      for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
      for (const f of files) fd.append('attachments', new File([f.bytes], f.name, { type: f.type }));
      fd.set('_csrf', agent.cookies.get('gk_csrf') ?? '');
      return agent.request('POST', path, { body: fd, headers: { origin: 'http://localhost' } });
    };
    const draft = async (over: Record<string, string | string[]> = {}) => {
      const res = await multipart(as.editor, '/admin/publications/new', draftForm(root.id, over));
      assert.equal(res.status, 303, 'draft created');
      return idFrom(res);
    };
    const chain = async (id: string) => {
      assert.equal((await move(as.editor, id, 'submit')).status, 303);
      assert.equal((await move(as.r1, id, 'approve')).status, 303);
      assert.equal((await move(as.r2, id, 'approve')).status, 303);
      assert.equal((await move(as.signer, id, 'approve')).status, 303);
    };

    before(async () => {
      rt = await openTestRuntime(dialect, { start: START });
      const org = (await rt.ctx.repos.orgs.list()).find((o) => o.parentId === null);
      if (!org) throw new Error('no root');
      root = org;
      const make = (username: string, roles: Role[], name?: string) => staffAgent(rt, username, roles, org.id, name);
      // The editor also holds the reviewer role: only 编审分离 keeps them from approving their own item.
      as.editor = await make('liu.editor', ['editor', 'reviewer']);
      as.r1 = await make('he.reviewer', ['reviewer'], '何审核');
      as.r2 = await make('ma.reviewer', ['reviewer']);
      as.signer = await make('qian.signer', ['signer']);
      as.admin = await adminAgent(rt);
    });
    after(() => rt.close());

    test('should draft with an attachment, strip the body script and list the item', async () => {
      const form = await html(as.editor, '/admin/publications/new');
      assert.match(form, /成文日期/);
      assert.match(form, /行政规范性文件/);
      assert.match(form, /不予公开理由/);
      const res = await multipart(
        as.editor,
        '/admin/publications/new',
        draftForm(root.id, {
          body: '<p>正文第一段</p><script>alert("x")</script><p onclick="steal()">第二段</p>',
          keyAreas: ['教育'],
        }),
        [{ name: '附件1.pdf', type: 'application/octet-stream', bytes: PDF }],
      );
      assert.equal(res.status, 303);
      const id = idFrom(res);
      const stored = await rt.ctx.repos.publications.byId(id);
      assert.equal(stored?.bodyHtml, '<p>正文第一段</p><p>第二段</p>');
      assert.equal(stored?.attachments[0]?.mime, 'application/pdf', 'type sniffed from the content');
      const page = await html(as.editor, res.headers.get('location') ?? '');
      assert.ok(page.includes(stored?.indexNo ?? '?'));
      assert.match(page, /附件1\.pdf/);
      assert.match(page, /草稿已保存/);
      assert.doesNotMatch(page, /alert\(|onclick/);
      const file = await as.editor.get(`/admin/publications/${id}/files/${stored?.attachments[0]?.fileId}`);
      assert.equal(file.status, 200);
      assert.equal(file.headers.get('content-type'), 'application/pdf');
      assert.deepEqual(new Uint8Array(await file.arrayBuffer()), PDF);
      const listed = await html(as.editor, `/admin/publications?q=${encodeURIComponent(stored?.indexNo ?? '')}`);
      assert.match(listed, /示例区关于加强老旧小区改造管理的通知/);
      assert.match(listed, /<td>行政规范性文件<\/td>/);
      assert.match(listed, /<td>草稿<\/td>/);
      assert.match(await html(as.editor, '/admin/publications?state=published'), /没有符合条件的信息/);
      assert.match(await html(as.editor, '/admin/publications?kind=news'), /没有符合条件的信息/);
      const rejected = await multipart(as.editor, '/admin/publications/new', draftForm(root.id), [
        { name: 'run.exe', type: 'application/pdf', bytes: new Uint8Array([0x4d, 0x5a, 0, 0]) },
      ]);
      assert.equal(rejected.status, 422);
      assert.match(await rejected.text(), /类型不支持/);
    });

    test('should re-render a bad form with the values typed (422)', async () => {
      const res = await multipart(
        as.editor,
        '/admin/publications/new',
        draftForm(root.id, {
          title: '',
          docNo: '示政办〔2025〕77号',
          writtenOn: '2025-13-01',
          summary: '保留这段概述',
        }),
      );
      await refusedPage(res, [
        /请填写名称/,
        /请按YYYY-MM-DD填写成文日期/,
        /value="示政办〔2025〕77号"/,
        /value="2025-13-01"/,
        /保留这段概述/,
      ]);
      const interp = await multipart(
        as.editor,
        '/admin/publications/new',
        draftForm(root.id, { kind: 'interpretation', interprets: 'NOPE/2025-99999' }),
      );
      assert.equal(interp.status, 422);
      assert.match(await interp.text(), /没有索引号为“NOPE\/2025-99999”的信息/);
    });

    test('should run the chain through the item page: 编审分离 403, two reviewers and a signer, publish', async () => {
      const id = await draft();
      assert.equal((await move(as.editor, id, 'submit')).status, 303);
      assert.equal(await state(id), 'submitted');
      const again = await move(as.editor, id, 'submit');
      assert.equal(again.status, 409);
      const own = await move(as.editor, id, 'approve');
      assert.equal(own.status, 403);
      const ownPage = await own.text();
      assert.match(ownPage, /“审核通过”未完成/);
      assert.match(ownPage, /编审分离/);
      assert.equal(await state(id), 'submitted');
      assert.equal((await as.editor.get(`/admin/publications/${id}/edit`)).status, 409);
      assert.equal((await as.r1.get(`/admin/publications/${id}/edit`)).status, 403);
      const r1Page = await html(as.r1, `/admin/publications/${id}`);
      assert.match(r1Page, /待第1级“初审”审核/);
      assert.match(r1Page, /value="approve"/);
      assert.match(r1Page, /value="reject"/);
      assert.equal((await move(as.r1, id, 'approve', { comment: '同意' })).status, 303);
      assert.equal((await move(as.r1, id, 'approve')).status, 403, 'one person, one level');
      assert.equal((await move(as.r2, id, 'approve')).status, 303);
      assert.equal((await move(as.signer, id, 'approve')).status, 303);
      assert.equal(await state(id), 'signed_off');
      const signed = await html(as.signer, `/admin/publications/${id}`);
      assert.match(signed, /已签发，待发布/);
      assert.match(signed, /定时发布/);
      assert.equal((await move(as.signer, id, 'publish', { when: 'now' })).status, 303);
      assert.equal(await state(id), 'published');
      const page = await html(as.editor, `/admin/publications/${id}`);
      assert.match(page, /已完成|已发布/);
      assert.match(page, /<dt>发布日期<\/dt><dd>2025-10-09<\/dd>/);
      assert.match(page, /第2级“保密审查”（保密审查）/);
      assert.match(page, /同意/);
      // The review trail names people by display name (with the username they signed in as).
      assert.match(page, /<td>何审核（he\.reviewer）<\/td>/);
    });

    test('should ask to confirm error findings, require a reject comment, and schedule in office time', async () => {
      const id = await draft({ body: '<p>依据《中华人民共国政府信息公开条例》</p>' });
      await move(as.editor, id, 'submit');
      const page = await html(as.r1, `/admin/publications/${id}`);
      assert.match(page, /疑似错别字“中华人民共国”/);
      assert.match(page, /name="acceptFindings"/);
      const blocked = await move(as.r1, id, 'approve');
      assert.equal(blocked.status, 422);
      assert.match(await blocked.text(), /已核实检查结果/);
      const noComment = await move(as.r1, id, 'reject', { comment: '' });
      assert.equal(noComment.status, 422);
      assert.match(await noComment.text(), /退回修改须填写意见/);
      assert.equal((await move(as.r1, id, 'approve', { acceptFindings: 'true' })).status, 303);
      await move(as.r2, id, 'approve', { acceptFindings: 'true' });
      await move(as.signer, id, 'approve', { acceptFindings: 'true' });
      assert.equal((await move(as.signer, id, 'publish', { when: 'at', at: '2025-10-10T09:00' })).status, 303);
      const pub = await rt.ctx.repos.publications.byId(id);
      assert.equal(pub?.state, 'scheduled');
      assert.equal(pub?.scheduledAt, '2025-10-10T01:00:00.000Z', '09:00 in Asia/Shanghai');
      const missing = await move(as.signer, id, 'publish', { when: 'at', at: '' });
      assert.equal(missing.status, 422);
    });

    test('should withdraw a published item only with a reason', async () => {
      const id = await draft({ title: '示例区河长制工作年度通报' });
      await chain(id);
      await move(as.signer, id, 'publish', { when: 'now' });
      const noReason = await move(as.signer, id, 'withdraw', { reason: '' });
      assert.equal(noReason.status, 422);
      assert.match(await noReason.text(), /撤稿须填写理由/);
      assert.equal((await move(as.editor, id, 'withdraw', { reason: '内容有误' })).status, 403);
      assert.equal((await move(as.signer, id, 'withdraw', { reason: '内容有误' })).status, 303);
      assert.equal(await state(id), 'withdrawn');
      const page = await html(as.signer, `/admin/publications/${id}`);
      assert.match(page, /理由：内容有误/);
      assert.match(page, /没有可办理的事项/);
    });

    test('should edit a draft: keep, drop and add attachments', async () => {
      const res = await multipart(as.editor, '/admin/publications/new', draftForm(root.id), [
        { name: 'a.pdf', type: 'application/pdf', bytes: PDF },
      ]);
      const id = idFrom(res);
      const first = (await rt.ctx.repos.publications.byId(id))?.attachments[0];
      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
      const edited = await multipart(
        as.editor,
        `/admin/publications/${id}/edit`,
        draftForm(root.id, { title: '修改后的名称' }),
        [{ name: 'b.png', type: 'image/png', bytes: png }],
      );
      assert.equal(edited.status, 303);
      let pub = await rt.ctx.repos.publications.byId(id);
      assert.equal(pub?.title, '修改后的名称');
      assert.deepEqual(
        pub?.attachments.map((a) => a.name),
        ['a.pdf', 'b.png'],
      );
      await multipart(as.editor, `/admin/publications/${id}/edit`, {
        ...draftForm(root.id),
        removeAttachment: first?.fileId ?? '',
      });
      pub = await rt.ctx.repos.publications.byId(id);
      assert.deepEqual(
        pub?.attachments.map((a) => a.name),
        ['b.png'],
      );
      const bad = await multipart(as.editor, `/admin/publications/${id}/edit`, draftForm(root.id, { title: '' }));
      assert.equal(bad.status, 422);
      assert.match(await bad.text(), /value="示政发〔2025〕12号"/);
    });

    test('should badge late items and count them with the review queue on the dashboard', async () => {
      const late = await draft({ title: '逾期未公开的通知', writtenOn: '2025-08-01' });
      const waiting = await draft({ title: '等待初审的通知' });
      await move(as.editor, waiting, 'submit');
      const list = await html(as.r1, '/admin/publications?q=%E9%80%BE%E6%9C%9F');
      assert.match(list, /逾期未公开的通知/);
      assert.match(list, /badge badge-overdue">逾期/);
      const dash = await html(as.r1, '/admin');
      assert.match(dash, /主动公开/);
      assert.match(dash, /待我审核<\/p><p class="big">[1-9]/);
      assert.match(dash, /超过公开时限/);
      assert.ok(dash.includes(`/admin/publications/${late}`));
      assert.match(await html(as.signer, '/admin'), /待我审核<\/p><p class="big">0/);
    });

    test('should manage the catalogue: add, rename, reorder, retire, settings; admins only', async () => {
      const base = `/admin/orgs/${root.id}/catalogue`;
      assert.equal((await as.editor.get(base)).status, 403);
      const page = await html(as.admin, base);
      assert.match(page, /法定主动公开内容/);
      const statutory = await rt.ctx.repos.categories.bySlug(root.id, 'statutory');
      const added = await as.admin.post(base, {
        op: 'add',
        name: '乡村振兴',
        slug: 'rural',
        parentId: statutory?.id ?? '',
        kind: 'category',
      });
      assert.equal(added.status, 303);
      const cat = await rt.ctx.repos.categories.bySlug(root.id, 'rural');
      assert.equal(cat?.name, '乡村振兴');
      assert.equal(cat?.parentId, statutory?.id);
      const dup = await as.admin.post(base, {
        op: 'add',
        name: '重复代码',
        slug: 'rural',
        parentId: '',
        kind: 'category',
      });
      await refusedPage(dup, [/本机构已有该栏目代码/, /value="重复代码"/]);
      assert.equal(
        (await as.admin.post(base, { op: 'rename', id: cat?.id ?? '', name: '乡村振兴与农业农村' })).status,
        303,
      );
      assert.equal((await rt.ctx.repos.categories.byId(cat?.id ?? ''))?.name, '乡村振兴与农业农村');
      const siblings = (await rt.ctx.repos.categories.list(root.id)).filter((c) => c.parentId === statutory?.id);
      assert.equal(siblings.at(-1)?.id, cat?.id);
      assert.equal((await as.admin.post(base, { op: 'up', id: cat?.id ?? '' })).status, 303);
      const reordered = (await rt.ctx.repos.categories.list(root.id)).filter((c) => c.parentId === statutory?.id);
      assert.equal(reordered.at(-2)?.id, cat?.id);
      assert.equal((await as.admin.post(base, { op: 'retire', id: cat?.id ?? '' })).status, 303);
      assert.ok((await rt.ctx.repos.categories.byId(cat?.id ?? ''))?.retiredAt);
      assert.doesNotMatch(await html(as.editor, '/admin/publications/new'), /乡村振兴与农业农村/);
      const guide = await rt.ctx.repos.categories.bySlug(root.id, 'guide');
      const statutoryRetire = await as.admin.post(base, { op: 'retire', id: guide?.id ?? '' });
      assert.equal(statutoryRetire.status, 409);
      assert.match(await statutoryRetire.text(), /国家规定的一级目录/);
      const audit = await rt.ctx.repos.audit.list({ entityId: cat?.id ?? '' }, { limit: 10 });
      assert.deepEqual(audit.map((a) => a.action).sort(), [
        'category.created',
        'category.renamed',
        'category.reordered',
        'category.retired',
      ]);
      const saved = await as.admin.post(base, {
        op: 'settings',
        indexPattern: 'SQ-{yyyy}-{serial:4}',
        count: '2',
        label1: '审核',
        label2: '签发',
        confidential: '1',
      });
      assert.equal(saved.status, 303);
      const config = await loadPublicationConfig(rt.ctx.repos, root.id);
      assert.deepEqual(
        config.levels.map((l) => [l.label, l.role, l.confidentiality]),
        [
          ['审核', 'reviewer', true],
          ['签发', 'signer', false],
        ],
      );
      const bad = await as.admin.post(base, {
        op: 'settings',
        indexPattern: 'no-year',
        count: '2',
        label1: '审核',
        label2: '签发',
        confidential: '',
      });
      await refusedPage(bad, [/应有且只有一级负责保密审查/, /value="no-year"/]);
      // Back to the default chain for the other tests.
      await as.admin.post(base, {
        op: 'settings',
        indexPattern: '{creditCode}/{yyyy}-{serial:5}',
        count: '3',
        label1: '初审',
        label2: '保密审查',
        label3: '签发',
        confidential: '2',
      });
    });
  });
}
