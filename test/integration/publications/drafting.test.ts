// The drafting and publishing moves editors need, on both dialects, through the back office and the API:
// 撤回送审 (recall) before any reviewer acts; "为本文件起草解读" (the linked interpretation draft); 撤稿 of a document
// with its interpretations in one transaction; the 签发 button and the page saying why 编审分离 blocks an approval;
// the checks before submission (三统一 fields of a 行政规范性文件, the missing-interpretation warning).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { TestAgent, callApi } from '../../support/http.js';
import { makeStaff, STAFF_PASSWORD } from '../../factories/staff.js';
import {
  draftFields,
  makePublication,
  moveAlongChain,
  publishingStaff,
  type PublishingStaff,
} from '../../factories/publications.js';
import { issueApiToken } from '../../../src/app/auth/api-token.js';
import { createDraft, draftInterpretation } from '../../../src/app/publications/drafts.js';
import { actOnPublication } from '../../../src/app/publications/act-on-publication.js';

type Who = keyof PublishingStaff;

for (const dialect of DIALECTS) {
  describe(`drafting and publishing moves (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    let staff: PublishingStaff;
    const as = {} as Record<Who, TestAgent>;

    const page = async (who: Who, path: string, status = 200): Promise<string> => {
      const res = await as[who].get(path);
      assert.equal(res.status, status, path);
      return res.text();
    };
    const move = (who: Who, id: string, action: string, params: Record<string, string | string[]> = {}) =>
      as[who].post(`/admin/publications/${id}/actions`, { action, ...params });
    const pub = async (id: string) => {
      const p = await rt.ctx.repos.publications.byId(id);
      if (!p) throw new Error(`no publication ${id}`);
      return p;
    };
    const audited = async (id: string, action: string) =>
      (await rt.ctx.repos.audit.list({ entityId: id }, { limit: 200 })).filter((e) => e.action === action).length;

    before(async () => {
      rt = await openTestRuntime(dialect, { start: '2025-10-09T02:00:00Z' });
      staff = await publishingStaff(rt, { prefix: 'dr' });
      for (const who of Object.keys(staff) as Who[]) {
        as[who] = new TestAgent(rt);
        assert.equal((await as[who].login(staff[who].username, STAFF_PASSWORD)).status, 303);
      }
    });
    after(() => rt.close());

    test('should let the editor recall (撤回送审) an item until a reviewer acts, from the page and the API', async () => {
      const { id } = await makePublication(rt, staff, { state: 'submitted' });
      const editorPage = await page('editor', `/admin/publications/${id}`);
      assert.match(editorPage, /<input type="hidden" name="action" value="recall"/);
      assert.match(editorPage, /<button type="submit">撤回送审<\/button>/);
      assert.doesNotMatch(await page('r1', `/admin/publications/${id}`), /value="recall"/);
      assert.equal((await move('r1', id, 'recall')).status, 403, 'a reviewer does not recall');
      const recalled = await move('editor', id, 'recall');
      assert.equal(recalled.status, 303);
      assert.equal(recalled.headers.get('location'), `/admin/publications/${id}?flash=recall`);
      const after = await pub(id);
      assert.deepEqual([after.state, after.reviewLevel], ['draft', null]);
      assert.equal(after.reviews.at(-1)?.action, 'recall');
      assert.equal(await audited(id, 'publication.recall'), 1);
      const shown = await page('editor', `/admin/publications/${id}?flash=recall`);
      assert.match(shown, /已完成“撤回送审”/);
      assert.match(shown, /<td>撤回送审<\/td>/, 'the trail shows the move');
      assert.equal((await as.editor.get(`/admin/publications/${id}/edit`)).status, 200, 'editable again');

      // Once level 1 has approved, the editor can no longer recall: 409, nothing changes.
      await moveAlongChain(rt, staff, id, 'in_review');
      assert.doesNotMatch(await page('editor', `/admin/publications/${id}`), /value="recall"/);
      const late = await move('editor', id, 'recall');
      assert.equal(late.status, 409);
      assert.match(await late.text(), /不能“撤回送审”/);
      assert.equal((await pub(id)).state, 'in_review');

      // The staff API names the move `recall`.
      const { id: other } = await makePublication(rt, staff, { state: 'submitted' });
      const token = await issueApiToken(rt.ctx, staff.editor.username);
      const api = await callApi<Record<string, unknown>>(
        new TestAgent(rt),
        'POST',
        `/api/v1/publications/${other}/actions`,
        token,
        { action: 'recall' },
      );
      assert.equal(api.status, 200, JSON.stringify(api.json));
      assert.equal(api.json.state, 'draft');
      const spec = JSON.stringify((await callApi(new TestAgent(rt), 'GET', '/api/v1/openapi.json')).json);
      assert.match(spec, /recall：撤回送审/);
    });

    test('should draft the interpretation of a document already linked and open it in the editor', async () => {
      const doc = await makePublication(rt, staff, {
        state: 'published',
        fields: { title: '示例区河长制工作实施办法', topic: '生态环境', keyAreas: ['生态环境'] },
      });
      const docPage = await page('editor', `/admin/publications/${doc.id}`);
      assert.match(docPage, new RegExp(`action="/admin/publications/${doc.id}/interpretation"`));
      assert.match(docPage, /为本文件起草解读/);
      assert.doesNotMatch(await page('r1', `/admin/publications/${doc.id}`), /为本文件起草解读/, 'editors only');
      assert.equal((await as.r1.post(`/admin/publications/${doc.id}/interpretation`, {})).status, 403);

      const res = await as.editor.post(`/admin/publications/${doc.id}/interpretation`, {});
      assert.equal(res.status, 303);
      const id = /^\/admin\/publications\/([^/]+)\/edit$/.exec(res.headers.get('location') ?? '')?.[1] ?? '';
      const draft = await pub(id);
      assert.deepEqual(
        [draft.kind, draft.interpretsId, draft.state, draft.orgId, draft.createdBy],
        ['interpretation', doc.id, 'draft', (await pub(doc.id)).orgId, staff.editor.userId],
      );
      assert.equal(draft.title, '《示例区河长制工作实施办法》政策解读');
      assert.deepEqual(draft.keyAreas, ['生态环境']);
      const editor = await page('editor', `/admin/publications/${id}/edit`);
      assert.ok(editor.includes(`value="${doc.indexNo}"`), 'the editor shows the interpreted 索引号');
      assert.match(editor, /<option value="interpretation" selected/);
      assert.equal(await audited(id, 'publication.created'), 1);
      // The interpretation itself and news are not interpreted.
      assert.doesNotMatch(await page('editor', `/admin/publications/${id}`), /为本文件起草解读/);
      assert.equal((await as.editor.post(`/admin/publications/${id}/interpretation`, {})).status, 409);
      const leaf = (await rt.ctx.repos.categories.list(draft.orgId)).find((c) => c.slug === 'meetings');
      const news = await makePublication(rt, staff, { fields: { kind: 'news', docNo: '', category: leaf?.id } });
      assert.equal((await as.editor.post(`/admin/publications/${news.id}/interpretation`, {})).status, 409);
      assert.equal((await as.editor.post('/admin/publications/nope/interpretation', {})).status, 404);
    });

    test('should list a document’s interpretations on its withdrawal and withdraw the ticked ones with it', async () => {
      const doc = await makePublication(rt, staff, { state: 'published', fields: { title: '示例区养犬管理规定' } });
      const interp = async (title: string) => {
        const made = await draftInterpretation(rt.ctx, staff.editor, doc.id);
        await moveAlongChain(rt, staff, made.id, 'published', { approve: { acceptFindings: true } });
        return { ...made, title };
      };
      const a = await interp('a');
      const b = await interp('b');
      const c = await interp('c');
      const form = await page('signer', `/admin/publications/${doc.id}`);
      for (const i of [a, b, c]) {
        assert.ok(form.includes(`name="interpretations" value="${i.id}"`), 'a checkbox per interpretation');
        assert.ok(form.includes(i.indexNo));
      }
      assert.match(form, /勾选的解读一并撤稿/);

      // A refused withdrawal (no reason) changes nothing and keeps the ticks.
      const refused = await move('signer', doc.id, 'withdraw', { reason: '', interpretations: [a.id, b.id] });
      assert.equal(refused.status, 422);
      const again = await refused.text();
      assert.ok(again.includes(`value="${a.id}" checked`) && again.includes(`value="${b.id}" checked`));
      assert.ok(!again.includes(`value="${c.id}" checked`));
      // Only the document's own live interpretations may be named.
      const stray = await move('signer', doc.id, 'withdraw', { reason: '规定已废止', interpretations: [a.id, doc.id] });
      assert.equal(stray.status, 422);
      assert.match(await stray.text(), /只能一并撤下本文件已发布的政策解读/);
      assert.deepEqual(await Promise.all([doc.id, a.id].map(async (x) => (await pub(x)).state)), [
        'published',
        'published',
      ]);

      const res = await move('signer', doc.id, 'withdraw', { reason: '规定已废止', interpretations: [a.id, b.id] });
      assert.equal(res.status, 303);
      assert.deepEqual(await Promise.all([doc.id, a.id, b.id, c.id].map(async (x) => (await pub(x)).state)), [
        'withdrawn',
        'withdrawn',
        'withdrawn',
        'published',
      ]);
      assert.equal((await pub(a.id)).withdrawReason, `随所解读文件${doc.indexNo}一并撤稿：规定已废止`);
      for (const x of [doc.id, a.id, b.id]) assert.equal(await audited(x, 'publication.withdraw'), 1, x);
      const entry = (await rt.ctx.repos.audit.list({ entityId: b.id }, { limit: 50 })).find(
        (e) => e.action === 'publication.withdraw',
      );
      assert.match(entry?.afterJson ?? '', new RegExp(`"withdrawnWith":"${doc.id}"`));
      // The portal no longer shows them; a withdrawn document gets no new interpretation.
      assert.equal((await as.editor.get(`/publications/${a.id}`)).status, 410);
      assert.equal((await as.editor.post(`/admin/publications/${doc.id}/interpretation`, {})).status, 409);
    });

    test('should withdraw a document and its interpretations through the API, or none of them', async () => {
      const doc = await makePublication(rt, staff, { state: 'published' });
      const made = await draftInterpretation(rt.ctx, staff.editor, doc.id);
      await moveAlongChain(rt, staff, made.id, 'published', { approve: { acceptFindings: true } });
      const token = await issueApiToken(rt.ctx, staff.signer.username);
      const act = (body: Record<string, unknown>) =>
        callApi<Record<string, unknown>>(new TestAgent(rt), 'POST', `/api/v1/publications/${doc.id}/actions`, token, {
          action: 'withdraw',
          ...body,
        });
      const bad = await act({ reason: '内容有误', interpretations: ['nope'] });
      assert.equal(bad.status, 422);
      assert.equal((await pub(doc.id)).state, 'published', 'nothing withdrawn');
      const ok = await act({ reason: '内容有误', interpretations: [made.id] });
      assert.equal(ok.status, 200, JSON.stringify(ok.json));
      assert.deepEqual([(await pub(doc.id)).state, (await pub(made.id)).state], ['withdrawn', 'withdrawn']);
    });

    test('should label the signer’s button 签发 and say why 编审分离 blocks an approval', async () => {
      const both = await makeStaff(rt, 'dr.both', ['editor', 'reviewer']);
      const agent = new TestAgent(rt);
      assert.equal((await agent.login(both.username, STAFF_PASSWORD)).status, 303);
      const root = (await rt.ctx.repos.orgs.list()).find((o) => o.parentId === null);
      const { id } = await createDraft(rt.ctx, both, draftFields(root?.id ?? '', { title: '示例区停车管理办法' }));
      assert.equal((await agent.post(`/admin/publications/${id}/actions`, { action: 'submit' })).status, 303);
      const own = await (await agent.get(`/admin/publications/${id}`)).text();
      assert.match(own, /您不能审核本级——编审分离：不能审核本人编辑的信息/);
      assert.doesNotMatch(own, /value="approve"/);
      assert.doesNotMatch(await page('r1', `/admin/publications/${id}`), /您不能审核本级/, 'r1 may approve');
      await moveAlongChain(rt, staff, id, 'in_review');
      assert.match(
        await page('r1', `/admin/publications/${id}`),
        /您不能审核本级——编审分离：已在本轮其他层级审核过该信息的人员不能再审核本级/,
      );
      assert.doesNotMatch(
        await page('signer', `/admin/publications/${id}`),
        /您不能审核本级/,
        'not the signer’s level',
      );
      assert.equal((await move('r2', id, 'approve')).status, 303);
      const signer = await page('signer', `/admin/publications/${id}`);
      assert.match(signer, /<button type="submit">签发<\/button>/);
      assert.match(signer, /签发<span class="muted">（办理后：已签发，待发布）<\/span>/);
      assert.doesNotMatch(signer, /<button type="submit">审核通过<\/button>/);
      assert.equal((await move('signer', id, 'approve')).status, 303);
      assert.equal((await pub(id)).state, 'signed_off');
    });

    test('should refuse to submit a 行政规范性文件 without its 发文字号 and warn of a missing interpretation', async () => {
      const { id } = await makePublication(rt, staff, { fields: { docNo: '' } });
      const refused = await move('editor', id, 'submit');
      assert.equal(refused.status, 422);
      const text = await refused.text();
      assert.match(text, /信息不全，不能送审/);
      assert.match(text, /统一登记、统一编号、统一发布（三统一），送审前须填写发文字号/);
      assert.equal((await pub(id)).state, 'draft');
      const api = await callApi<Record<string, unknown>>(
        new TestAgent(rt),
        'POST',
        `/api/v1/publications/${id}/actions`,
        await issueApiToken(rt.ctx, staff.editor.username),
        { action: 'submit' },
      );
      assert.equal(api.status, 422);
      assert.match(JSON.stringify(api.json), /送审前须填写发文字号/);

      // With its 发文字号 it goes, with the warning (not blocking) recorded as evidence.
      const doc = await makePublication(rt, staff, { fields: { title: '示例区物业管理办法' } });
      assert.match(
        await page('editor', `/admin/publications/${doc.id}`),
        /发布前检查（当前内容）<\/h2><ul class="findings"><li class="finding-warning"><strong>提示<\/strong>\u3000政策解读（体裁）：本政策文件尚无已发布的政策解读/,
      );
      assert.equal((await move('editor', doc.id, 'submit')).status, 303);
      const submitted = await pub(doc.id);
      assert.equal(submitted.state, 'submitted');
      assert.match(JSON.stringify(submitted.reviews.at(-1)?.findings), /no_interpretation/);
      await moveAlongChain(rt, staff, doc.id, 'published');
      const made = await draftInterpretation(rt.ctx, staff.editor, doc.id);
      await moveAlongChain(rt, staff, made.id, 'published', { approve: { acceptFindings: true } });
      await actOnPublication(rt.ctx, staff.editor, doc.id, 'revise');
      assert.match(
        await page('editor', `/admin/publications/${doc.id}`),
        /发布前检查（当前内容）<\/h2><p>未发现问题。/,
      );
    });
  });
}
