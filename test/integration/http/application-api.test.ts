// HTTP: the public application API — intake (public and staff channels), tracking with its rate
// limit, and the OpenAPI document — on both dialects.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { TestAgent } from '../../support/http.js';
import { createStaff, sampleForm } from '../../support/staff.js';
import { issueApiToken } from '../../../src/app/auth/api-token.js';
import { creditCodeCheckChar } from '../../../src/domain/orgs/credit-code.js';
import { ACTIONS, APPLICATION_STATES, OUTCOMES } from '../../../src/domain/applications/application.js';

const PNG_BASE64 = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString('base64');
const PERSONAL = /张三|13812345678|11010519491231002X|zhangsan@example\.com|人民路100号/;

for (const dialect of DIALECTS) {
  describe(`application API (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    let staff: Awaited<ReturnType<typeof createStaff>>;
    let api: TestAgent;
    let handlerToken: string;
    before(async () => {
      rt = await openTestRuntime(dialect, { limits: { lookupFailuresPerAddress: 10 } });
      staff = await createStaff(rt);
      api = new TestAgent(rt);
      handlerToken = await issueApiToken(rt.ctx, 'li.handler');
    });
    after(() => rt.close());

    const body = (overrides: Record<string, unknown> = {}) => ({ org: staff.rootCode, ...sampleForm(), ...overrides });
    const post = (payload: unknown, headers: Record<string, string> = {}) =>
      api.request('POST', '/api/v1/applications', {
        body: typeof payload === 'string' ? payload : JSON.stringify(payload),
        headers: { 'content-type': 'application/json', ...headers },
      });
    const count = async () =>
      (await rt.ctx.repos.applications.list({ orgIds: [staff.rootId] }, { limit: 1, offset: 0 })).total;

    test('should take a public application and answer 201 with the tracking code and the due date', async () => {
      const res = await post(body());
      assert.equal(res.status, 201);
      const r = (await res.json()) as Record<string, string>;
      assert.match(r.trackingCode ?? '', /^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
      assert.equal(r.receivedOn, '2025-09-28');
      assert.equal(r.dueOn, '2025-10-31');
      const stored = await rt.ctx.repos.applications.byId(r.id ?? '');
      assert.equal(stored?.channel, 'online');
      assert.equal(stored?.proofFileId, null);
    });

    test('should accept an identity proof in Base64 and refuse a file that is not what its name says', async () => {
      const ok = await post(body({ proof: { fileName: 'id.png', contentBase64: PNG_BASE64 } }));
      assert.equal(ok.status, 201);
      const stored = await rt.ctx.repos.applications.byId(((await ok.json()) as { id: string }).id);
      assert.notEqual(stored?.proofFileId, null);
      const bad = await post(
        body({ proof: { fileName: 'id.png', contentBase64: Buffer.from('hello').toString('base64') } }),
      );
      assert.equal(bad.status, 422);
      assert.match(
        ((await bad.json()) as { fields: Record<string, string> }).fields.proof ?? '',
        /不是 JPG、PNG 图片或 PDF 文件/,
      );
    });

    test('should answer invalid input with 422 and Chinese errors per field, storing nothing', async () => {
      const before = await count();
      const res = await post(
        body({
          description: '',
          carrier: 'fax',
          applicant: { type: 'natural_person', name: '', idType: 'resident_id', idNumber: '123', phone: '12' },
        }),
      );
      assert.equal(res.status, 422);
      const e = (await res.json()) as { error: string; message: string; fields: Record<string, string> };
      assert.equal(e.error, 'invalid');
      assert.equal(e.fields.description, '请描述所需政府信息的内容');
      assert.equal(e.fields['applicant.name'], '请填写申请人姓名或名称');
      assert.match(e.fields.carrier ?? '', /载体形式/);
      assert.match(e.fields['applicant.idNumber'] ?? '', /居民身份证号码/);
      assert.match(e.fields['applicant.phone'] ?? '', /电话/);
      const noOrg = await post(body({ org: undefined, description: '' }));
      assert.equal(noOrg.status, 422);
      const fields = ((await noOrg.json()) as { fields: Record<string, string> }).fields;
      assert.match(fields.org ?? '', /统一社会信用代码/);
      assert.ok(fields.description);
      assert.equal((await post('{not json')).status, 400);
      assert.equal(await count(), before);
    });

    test('should answer 404 for an organization that does not exist', async () => {
      const first = '11999901MB9999999';
      const res = await post(body({ org: first + (creditCodeCheckChar(first) ?? '') }));
      assert.equal(res.status, 404);
      assert.equal(((await res.json()) as { error: string }).error, 'not_found');
    });

    test('should let a handler with a token enter a registered letter with its signing date', async () => {
      const res = await post(body({ channel: 'registered_mail', signedForOn: '2025-09-26' }), {
        authorization: `Bearer ${handlerToken}`,
      });
      assert.equal(res.status, 201);
      const r = (await res.json()) as { id: string; receivedOn: string; dueOn: string };
      assert.equal(r.receivedOn, '2025-09-26');
      // 09-28 and 10-11 are make-up working days; 10-01..08 the National Day holiday
      assert.equal(r.dueOn, '2025-10-30');
      assert.equal((await rt.ctx.repos.applications.byId(r.id))?.channel, 'registered_mail');
      const missing = await post(body({ channel: 'ordinary_mail' }), { authorization: `Bearer ${handlerToken}` });
      assert.equal(missing.status, 422);
      assert.match(((await missing.json()) as { fields: Record<string, string> }).fields.dates ?? '', /确认的日期/);
    });

    test('should refuse other channels without a token, a bad token, and a token without the handler role', async () => {
      const before = await count();
      const anonymous = await post(body({ channel: 'in_person', submittedOn: '2025-09-27' }));
      assert.equal(anonymous.status, 401);
      const badToken = await post(body(), { authorization: 'Bearer gk_nope' });
      assert.equal(badToken.status, 401);
      assert.equal(badToken.headers.get('www-authenticate'), 'Bearer');
      const signer = await issueApiToken(rt.ctx, 'sun.signer');
      const forbidden = await post(body({ channel: 'in_person', submittedOn: '2025-09-27' }), {
        authorization: `Bearer ${signer}`,
      });
      assert.equal(forbidden.status, 403);
      assert.equal(await count(), before);
    });

    test('should create one case for a repeated Idempotency-Key', async () => {
      const before = await count();
      const headers = { 'idempotency-key': 'api-client-key-000001' };
      const a = await post(body(), headers);
      const b = await post(body(), headers);
      assert.equal(a.status, 201);
      assert.equal(b.status, 200);
      assert.equal(
        ((await a.json()) as { trackingCode: string }).trackingCode,
        ((await b.json()) as { trackingCode: string }).trackingCode,
      );
      assert.equal(await count(), before + 1);
      assert.equal((await post(body(), { 'idempotency-key': 'short' })).status, 400);
    });

    test('should track a case by code and contact without personal data, 404 on a mismatch, 429 when guessing', async () => {
      const { trackingCode } = (await (await post(body())).json()) as { trackingCode: string };
      const res = await api.get(`/api/v1/track?code=${encodeURIComponent(trackingCode)}&contact=13812345678`);
      assert.equal(res.status, 200);
      const text = await res.text();
      assert.doesNotMatch(text, PERSONAL);
      const view = JSON.parse(text) as {
        state: string;
        stateLabel: string;
        receivedOn: string;
        dueOn: string;
        steps: { action: string; actionLabel: string }[];
      };
      assert.equal(view.state, 'received');
      assert.equal(view.stateLabel, '已收到，待登记');
      assert.equal(view.dueOn, '2025-10-31');
      assert.deepEqual(
        view.steps.map((s) => s.actionLabel),
        ['收到申请'],
      );
      const viaPost = await api.request('POST', '/api/v1/track', {
        body: JSON.stringify({ code: trackingCode, contact: '11010519491231002X' }),
        headers: { 'content-type': 'application/json' },
      });
      assert.equal(viaPost.status, 200);
      const wrong = await api.get(`/api/v1/track?code=${encodeURIComponent(trackingCode)}&contact=13900000000`);
      assert.equal(wrong.status, 404);
      assert.deepEqual(Object.keys((await wrong.json()) as object), ['error', 'message']);
      rt.clock.advance(601_000);
      const statuses: number[] = [];
      for (let i = 0; i <= 10; i++) {
        statuses.push(
          (await api.get(`/api/v1/track?code=${encodeURIComponent(trackingCode)}&contact=1390000${i}`)).status,
        );
      }
      assert.deepEqual(statuses, [...Array<number>(10).fill(404), 429]);
    });

    test('should publish an OpenAPI 3.1 document covering intake, tracking and the staff endpoints', async () => {
      const res = await api.get('/api/v1/openapi.json');
      assert.equal(res.status, 200);
      const doc = (await res.json()) as {
        openapi: string;
        paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
        components: {
          schemas: Record<
            string,
            {
              required?: string[];
              properties?: Record<string, { maximum?: number; enum?: string[]; type?: unknown; $ref?: string }>;
            }
          >;
          securitySchemes: Record<string, unknown>;
        };
      };
      assert.equal(doc.openapi, '3.1.0');
      const methods = (path: string) => Object.keys(doc.paths[path] ?? {}).sort();
      assert.deepEqual(methods('/api/v1/applications'), ['get', 'post']);
      assert.deepEqual(methods('/api/v1/applications/{id}'), ['get']);
      assert.deepEqual(methods('/api/v1/applications/{id}/actions'), ['post']);
      assert.deepEqual(methods('/api/v1/track'), ['get', 'post']);
      assert.deepEqual(methods('/api/v1/me'), ['get']);
      const s = doc.components.schemas;
      assert.deepEqual(s.ApplicationInput?.required, ['org', 'applicant', 'description', 'carrier', 'delivery']);
      assert.deepEqual(s.ApplicantInput?.required, ['type', 'name']);
      assert.deepEqual(s.CaseSummary?.properties?.state?.enum, [...APPLICATION_STATES]);
      assert.deepEqual(s.TrackResult?.properties?.state?.enum, [...APPLICATION_STATES]);
      assert.deepEqual(s.Case?.properties?.state?.enum, [...APPLICATION_STATES]);
      const outcome = s.Case?.properties?.outcome as { anyOf?: { enum?: string[] }[] } | undefined;
      assert.deepEqual(outcome?.anyOf?.find((x) => x.enum)?.enum, [...OUTCOMES]);
      assert.deepEqual(s.Error?.required, ['error', 'message']);
      for (const status of ['201', '401', '403', '404', '422']) {
        assert.ok(doc.paths['/api/v1/applications']?.post?.responses[status], status);
      }
      for (const status of ['403', '409', '422']) {
        assert.ok(doc.paths['/api/v1/applications/{id}/actions']?.post?.responses[status], status);
      }
      assert.ok(doc.paths['/api/v1/track']?.get?.responses['429']);
      assert.match(JSON.stringify(doc.components.securitySchemes.bearer), /只读令牌只能调用 GET\/HEAD/);
      for (const action of ACTIONS.filter((a) => a !== 'propose_lapse')) {
        assert.ok(doc.components.schemas[`Action_${action}`], action);
      }
      assert.equal(doc.components.schemas.Action_propose_lapse, undefined, 'the clock’s move is not the API’s');
      assert.deepEqual(doc.components.schemas.Action_lapse_correction?.required, ['action', 'confirmed']);
      assert.deepEqual(doc.components.schemas.Action_request_correction?.required, ['action', 'dueOn']);
      assert.ok(doc.components.schemas.Action_assign?.properties?.handler);
      assert.equal(doc.components.schemas.Action_extend?.properties?.workingDays?.maximum, 20);
      assert.ok(doc.components.schemas.Action_draft_reply?.required?.includes('outcome'));
    });
  });
}
