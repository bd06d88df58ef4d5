// HTTP: the JSON API of 主动公开 on both dialects — the public open-data list (items with id and
// url, filters, full text, paging, 422 for bad parameters) and the staff draft and review-chain
// moves with bearer tokens (201/401/403/422; 403 for an editor approving, 409 for an illegal move).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { TestAgent, callApi } from '../../support/http.js';
import { issueApiToken } from '../../../src/app/auth/api-token.js';
import { PUBLISH_MOVES, publishingStaff } from '../../factories/publications.js';

type Json = Record<string, unknown> & {
  items?: Record<string, unknown>[];
  total?: number;
  errors?: Record<string, string>;
};
type Who = 'editor' | 'r1' | 'r2' | 'signer';

for (const dialect of DIALECTS) {
  describe(`publication API (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    let agent: TestAgent;
    let root: { id: string; creditCode: string };
    const token = {} as Record<Who, string>;

    const call = (method: string, path: string, who?: Who, body?: unknown) =>
      callApi<Json>(agent, method, path, who && token[who], body);
    const act = (who: Who, id: string, body: Record<string, unknown>) =>
      call('POST', `/api/v1/publications/${id}/actions`, who, body);
    const draft = (over: Record<string, unknown> = {}) =>
      call('POST', '/api/v1/publications', 'editor', {
        org: root.creditCode,
        title: '示例区河长制工作实施办法',
        kind: 'normative',
        docNo: '示政发〔2025〕7号',
        writtenOn: '2025-10-01',
        summary: '河长制的组织体系和职责。',
        body: '<p>为全面推行河长制，制定本办法。</p>',
        keyAreas: ['生态环境'],
        ...over,
      });
    const publishViaApi = async (id: string) => {
      for (const [who, action] of PUBLISH_MOVES) {
        const r = await act(who, id, { action });
        assert.equal(r.status, 200, `${who} ${action}: ${JSON.stringify(r.json)}`);
      }
    };
    const ids = (j: Json) => (j.items ?? []).map((i) => i.id);

    before(async () => {
      rt = await openTestRuntime(dialect, { start: '2025-10-09T02:00:00Z' });
      const org = (await rt.ctx.repos.orgs.list()).find((o) => o.parentId === null);
      if (!org) throw new Error('no root');
      root = org;
      const staff = await publishingStaff(rt, { orgId: org.id });
      for (const who of ['editor', 'r1', 'r2', 'signer'] as const) {
        token[who] = await issueApiToken(rt.ctx, staff[who].username);
      }
      agent = new TestAgent(rt);
    });
    after(() => rt.close());

    test('should create a draft with a token: 201 with the 索引号, 422 with Chinese field errors, 401 and 403', async () => {
      const ok = await draft();
      assert.equal(ok.status, 201);
      assert.equal(ok.json.state, 'draft');
      assert.equal(ok.json.indexNo, `${root.creditCode}/2025-00001`);
      assert.equal(typeof ok.json.id, 'string');
      const bad = await draft({ title: '', kind: 'poem', writtenOn: '2025-13-40' });
      assert.equal(bad.status, 422);
      assert.deepEqual(Object.keys(bad.json.errors ?? {}).sort(), ['kind', 'title', 'writtenOn']);
      assert.match(bad.json.errors?.title ?? '', /请填写名称/);
      assert.equal((await draft({ org: '91110000000000000X' })).status, 422);
      // A 规章 or 行政规范性文件 is always published (国办发〔2018〕37号).
      for (const kind of ['normative', 'rule']) {
        for (const disclosure of ['on_request', 'withheld']) {
          const hidden = await draft({ kind, disclosure, withheldGround: 'internal_affairs' });
          assert.equal(hidden.status, 422, `${kind} ${disclosure}`);
          assert.match(hidden.json.errors?.disclosure ?? '', /必须主动公开/);
        }
      }
      assert.equal((await draft({ kind: 'other_document', disclosure: 'on_request' })).status, 201);
      assert.equal((await call('POST', '/api/v1/publications', undefined, { org: root.creditCode })).status, 401);
      assert.equal(
        (
          await call('POST', '/api/v1/publications', 'r1', {
            org: root.creditCode,
            title: 't',
            kind: 'news',
            writtenOn: '2025-10-01',
            body: 'x',
          })
        ).status,
        403,
      );
      assert.equal((await call('POST', '/api/v1/publications', 'editor', 'not json')).status, 400);
    });

    test('should make moves with the back office rules: 403 for an editor approving, 409 for an illegal move, 422, 404', async () => {
      const { json } = await draft({ title: '示例区湖长制工作方案' });
      const id = String(json.id);
      const illegal = await act('r1', id, { action: 'approve' });
      assert.equal(illegal.status, 409, 'a draft cannot be approved');
      assert.equal((await act('editor', id, { action: 'submit' })).json.state, 'submitted');
      const own = await act('editor', id, { action: 'approve' });
      assert.equal(own.status, 403);
      assert.equal(own.json.error, 'forbidden');
      assert.equal((await act('editor', id, { action: 'submit' })).status, 409, 'already submitted');
      assert.equal((await act('r1', id, { action: 'reject' })).status, 422, 'rejecting needs a note');
      assert.equal((await act('r1', id, { action: 'teleport' })).status, 422);
      assert.equal((await act('r1', 'no-such-item', { action: 'approve' })).status, 404);
      assert.equal(
        (await call('POST', `/api/v1/publications/${id}/actions`, undefined, { action: 'approve' })).status,
        401,
      );
      assert.equal((await act('r1', id, { action: 'reject', note: '请补充依据' })).json.state, 'draft');
      await publishViaApi(id);
      const list = await call('GET', '/api/v1/publications');
      assert.ok(ids(list.json).includes(id), 'published through the API, listed at once');
      assert.equal(
        (await act('editor', id, { action: 'withdraw', reason: 'x' })).status,
        403,
        'only a signer or the head withdraws',
      );
      assert.equal((await act('signer', id, { action: 'withdraw', reason: '内容有误' })).json.state, 'withdrawn');
      assert.ok(!ids((await call('GET', '/api/v1/publications')).json).includes(id), 'gone at once');
      // 撤稿后修订 through the API: the editor only; listed again once the revision is published.
      assert.equal((await act('signer', id, { action: 'reopen' })).status, 403, 'only an editor reopens');
      assert.equal((await act('editor', id, { action: 'reopen' })).json.state, 'draft');
      assert.ok(!ids((await call('GET', '/api/v1/publications')).json).includes(id), 'not while revised');
      await publishViaApi(id);
      assert.ok(ids((await call('GET', '/api/v1/publications')).json).includes(id), 'listed again');
      assert.equal((await act('signer', id, { action: 'withdraw', reason: '仍有误' })).json.state, 'withdrawn');
    });

    test('should list published items publicly with id and url, filter them, search them and page them', async () => {
      const doc = await draft();
      await publishViaApi(String(doc.json.id));
      const news = await draft({
        kind: 'news',
        title: '区领导调研河道整治工作',
        docNo: '',
        category: 'meetings',
        summary: '',
        body: '<p>调研河道整治。</p>',
      });
      await publishViaApi(String(news.json.id));
      const unpublished = await draft({ title: '尚未发布的河长制通知' });

      const all = await call('GET', '/api/v1/publications');
      assert.equal(all.status, 200);
      assert.equal(all.json.total, 2);
      assert.deepEqual(ids(all.json).sort(), [doc.json.id, news.json.id].sort());
      assert.ok(!ids(all.json).includes(unpublished.json.id));
      const item = (all.json.items ?? []).find((i) => i.id === doc.json.id) ?? {};
      assert.equal(item.url, `http://localhost/publications/${String(doc.json.id)}`);
      assert.equal(item.indexNo, doc.json.indexNo);
      assert.equal(item.title, '示例区河长制工作实施办法');
      assert.equal(item.docNo, '示政发〔2025〕7号');
      assert.equal(item.writtenOn, '2025-10-01');
      assert.equal(item.publishedOn, '2025-10-09');
      assert.equal(item.kind, 'normative');
      assert.equal(item.validity, 'valid');
      assert.equal(item.summary, '河长制的组织体系和职责。');
      assert.deepEqual(item.keyAreas, ['生态环境']);
      assert.deepEqual(item.category, {
        id: (await rt.ctx.repos.categories.bySlug(root.id, 'policy-normative'))?.id,
        name: '行政规范性文件',
      });
      assert.ok(typeof item.publisher === 'string' && item.publisher !== '');

      assert.deepEqual(ids((await call('GET', '/api/v1/publications?kind=news')).json), [news.json.id]);
      assert.deepEqual(
        ids((await call('GET', `/api/v1/publications?org=${root.creditCode}&year=2025&kind=normative`)).json),
        [doc.json.id],
      );
      assert.equal((await call('GET', '/api/v1/publications?year=2019')).json.total, 0);
      const meetings = (await rt.ctx.repos.categories.bySlug(root.id, 'meetings'))?.id ?? '';
      assert.deepEqual(ids((await call('GET', `/api/v1/publications?category=${meetings}`)).json), [news.json.id]);
      const statutory = (await rt.ctx.repos.categories.bySlug(root.id, 'statutory'))?.id ?? '';
      assert.equal(
        (await call('GET', `/api/v1/publications?category=${statutory}`)).json.total,
        2,
        'a directory includes its sub-categories',
      );

      const q = await call('GET', `/api/v1/publications?q=${encodeURIComponent('河长')}`);
      assert.deepEqual(ids(q.json), [doc.json.id]);
      assert.equal(q.json.total, 1);
      assert.deepEqual(
        ids((await call('GET', `/api/v1/publications?q=${encodeURIComponent('河道')}&kind=normative`)).json),
        [],
      );

      const p1 = await call('GET', '/api/v1/publications?limit=1');
      const p2 = await call('GET', '/api/v1/publications?limit=1&offset=1');
      assert.equal(p1.json.total, 2);
      assert.equal(ids(p1.json).length, 1);
      assert.notDeepEqual(ids(p1.json), ids(p2.json));

      for (const bad of [
        'limit=101',
        'limit=0',
        'offset=-1',
        'kind=poem',
        'year=25',
        'org=91110000000000000X',
        `q=${encodeURIComponent('河')}`,
      ]) {
        const res = await call('GET', `/api/v1/publications?${bad}`);
        assert.equal(res.status, 422, bad);
        assert.equal(res.json.error, 'invalid');
      }
    });

    test('should document the publication endpoints in the OpenAPI document', async () => {
      const doc = (await call('GET', '/api/v1/openapi.json')).json as unknown as {
        paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
        components: { schemas: Record<string, unknown> };
      };
      assert.deepEqual(Object.keys(doc.paths['/api/v1/publications'] ?? {}).sort(), ['get', 'post']);
      for (const status of ['200', '401', '403', '404', '409', '422']) {
        assert.ok(doc.paths['/api/v1/publications/{id}/actions']?.post?.responses[status], status);
      }
      assert.ok(doc.components.schemas.PublicationItem && doc.components.schemas.PublicationDraftInput);
    });
  });
}
