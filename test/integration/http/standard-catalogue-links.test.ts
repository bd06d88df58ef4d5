// HTTP: linking publications to standard-catalogue rows on both dialects — the draft form's select
// (rows grouped by key area, the link kept on edit, a foreign row refused with the input kept), the
// staff API's `catalogueRow` (201, 422 naming the field, documented in OpenAPI), the portal page
// showing the row of a published item, and the catalogue page counting it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { TestAgent } from '../../support/http.js';
import { STAFF_PASSWORD } from '../../support/staff.js';
import { issueApiToken } from '../../../src/app/auth/api-token.js';
import { addCatalogueRow } from '../../../src/app/standard-catalogue/edit-rows.js';
import { PUBLISH_MOVES, publishingStaff } from '../../factories/publications.js';

type Who = 'editor' | 'r1' | 'r2' | 'signer';
type Json = Record<string, unknown> & { errors?: Record<string, string> };

const rowForm = (keyAreaId: string, level1: string, level2: string) => ({
  keyAreaId,
  level1,
  level2,
  contentElements: '办理事项、办理条件',
  basis: '《社会救助暂行办法》',
  timeLimitText: '制定或获取信息之日起10个工作日内',
  subject: '区民政局',
  channelsRequired: ['政府网站'],
  audience: '全社会',
  method: '主动',
  levels: ['县级'],
});

const draftForm = (org: string, over: Record<string, string> = {}): Record<string, string> => ({
  org,
  title: '示例区最低生活保障办事指南',
  category: '',
  kind: 'other_document',
  docNo: '',
  writtenOn: '2025-10-01',
  topic: '',
  summary: '保留这段概述',
  keywords: '',
  validity: 'valid',
  disclosure: 'proactive',
  body: '<p>办理条件如下。</p>',
  ...over,
});

for (const dialect of DIALECTS) {
  describe(`publication links to catalogue rows over HTTP (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    let root: { id: string; creditCode: string };
    let relief = '';
    let foreign = '';
    const agent = {} as Record<Who, TestAgent>;
    const token = {} as Record<Who, string>;

    const multipart = (who: Who, path: string, fields: Record<string, string>) => {
      const fd = new FormData();
      for (const [k, v] of Object.entries(fields)) fd.append(k, v);
      fd.set('_csrf', agent[who].cookies.get('gk_csrf') ?? '');
      return agent[who].request('POST', path, { body: fd, headers: { origin: 'http://localhost' } });
    };
    const api = async (
      method: string,
      path: string,
      who?: Who,
      body?: unknown,
    ): Promise<{ status: number; json: Json }> => {
      const headers: Record<string, string> = { host: 'localhost', 'content-type': 'application/json' };
      if (who) headers.authorization = `Bearer ${token[who]}`;
      const res = await agent.editor.app.request(`http://localhost${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: (await res.json()) as Json };
    };

    before(async () => {
      rt = await openTestRuntime(dialect, { start: '2025-10-09T02:00:00Z' });
      const orgs = await rt.ctx.repos.orgs.list();
      const org = orgs.find((o) => o.parentId === null);
      if (!org) throw new Error('no root');
      root = org;
      const bureau = orgs.find((o) => o.name === '示例区教育局')?.id ?? '';
      const areas = await rt.ctx.repos.standardCatalogue.areas(root.id);
      const areaId = (name: string) => areas.find((a) => a.name === name)?.id ?? '';
      relief = await addCatalogueRow(rt.ctx, null, root.id, rowForm(areaId('社会救助'), '最低生活保障', '办事指南'));
      await addCatalogueRow(rt.ctx, null, root.id, rowForm(areaId('养老服务'), '养老机构', '名录'));
      foreign = await addCatalogueRow(rt.ctx, null, bureau, rowForm(areaId('义务教育'), '招生管理', '招生政策'));
      const staff = await publishingStaff(rt, { orgId: org.id });
      for (const who of ['editor', 'r1', 'r2', 'signer'] as const) {
        const { username } = staff[who];
        token[who] = await issueApiToken(rt.ctx, username);
        agent[who] = new TestAgent(rt);
        assert.equal((await agent[who].login(username, STAFF_PASSWORD)).status, 303);
      }
    });
    after(() => rt.close());

    test('should offer the rows grouped by key area and link a draft through the form', async () => {
      const form = await (await agent.editor.get('/admin/publications/new')).text();
      assert.match(form, /<label for="f-catalogueRow">标准目录事项<\/label>/);
      assert.match(
        form,
        new RegExp(`<optgroup label="社会救助"><option value="${relief}">最低生活保障 › 办事指南</option></optgroup>`),
      );
      assert.match(form, /<optgroup label="养老服务">/);
      assert.doesNotMatch(form, /招生管理/);
      const bad = await multipart('editor', '/admin/publications/new', draftForm(root.id, { catalogueRow: foreign }));
      assert.equal(bad.status, 422);
      const text = await bad.text();
      assert.match(text, /所选标准目录事项不属于本机构/);
      assert.match(text, /保留这段概述/);
      const ok = await multipart('editor', '/admin/publications/new', draftForm(root.id, { catalogueRow: relief }));
      assert.equal(ok.status, 303);
      const id = /\/admin\/publications\/([^?/]+)/.exec(ok.headers.get('location') ?? '')?.[1] ?? '';
      assert.equal((await rt.ctx.repos.publications.byId(id))?.catalogueRowId, relief);
      const edit = await (await agent.editor.get(`/admin/publications/${id}/edit`)).text();
      assert.match(edit, new RegExp(`<option value="${relief}" selected="">`));
      assert.equal(
        (await multipart('editor', `/admin/publications/${id}/edit`, draftForm(root.id, { catalogueRow: '' }))).status,
        303,
      );
      assert.equal((await rt.ctx.repos.publications.byId(id))?.catalogueRowId, null);
    });

    test('should link through the staff API, refuse a foreign row (422) and document the field', async () => {
      const body = {
        org: root.creditCode,
        title: '示例区最低生活保障标准',
        kind: 'other_document',
        writtenOn: '2025-10-01',
        body: '<p>标准如下。</p>',
      };
      const bad = await api('POST', '/api/v1/publications', 'editor', { ...body, catalogueRow: foreign });
      assert.equal(bad.status, 422);
      assert.match(bad.json.errors?.catalogueRow ?? '', /不属于本机构/);
      const ok = await api('POST', '/api/v1/publications', 'editor', { ...body, catalogueRow: relief });
      assert.equal(ok.status, 201);
      const id = String(ok.json.id);
      assert.equal((await rt.ctx.repos.publications.byId(id))?.catalogueRowId, relief);
      const doc = (await api('GET', '/api/v1/openapi.json')).json as {
        components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
      };
      assert.ok(doc.components.schemas.PublicationDraftInput?.properties?.catalogueRow, 'catalogueRow documented');

      for (const [who, action] of PUBLISH_MOVES) {
        assert.equal(
          (await api('POST', `/api/v1/publications/${id}/actions`, who, { action })).status,
          200,
          `${who} ${action}`,
        );
      }
      const visitor = new TestAgent(rt);
      const portal = await (await visitor.get(`/publications/${id}`)).text();
      assert.match(
        portal,
        new RegExp(
          `<th scope="row">标准目录事项</th><td colspan="3"><a href="/org/${root.creditCode}/standard-catalogue">社会救助领域 › 最低生活保障 › 办事指南</a></td>`,
        ),
      );
      const list = await visitor.get(`/org/${root.creditCode}/standard-catalogue`);
      assert.equal(list.status, 200);
      const listed = await list.text();
      assert.match(listed, /<h2 id="area-[^"]+">社会救助领域<\/h2>/);
      assert.ok(
        listed.includes(`<a href="/publications/${id}">示例区最低生活保障标准</a>`),
        'the row links its published item',
      );
      assert.match(listed, /养老机构[\s\S]*暂无/);
      assert.doesNotMatch(listed, /招生管理|示例区最低生活保障办事指南/, 'other organizations and drafts stay out');
      assert.equal((await visitor.get('/org/000000000000000000/standard-catalogue')).status, 404);
      const catalogue = await (await agent.editor.get(`/admin/orgs/${root.id}/standard-catalogue`)).text();
      assert.match(catalogue, /1 条，最近 2025-10-09/);
    });
  });
}
