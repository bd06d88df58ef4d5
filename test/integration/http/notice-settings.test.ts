// HTTP: an organization's notice settings (告知书设置) — document-number pattern, seal, template
// editor — and their effect on the notices the next moves issue; who may change them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { crc32, deflateSync } from 'node:zlib';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { TestAgent, refusedPage } from '../../support/http.js';
import { adminAgent } from '../../support/admin.js';
import { createStaff, sampleForm, STAFF_PASSWORD } from '../../support/staff.js';
import { submitApplication } from '../../../src/app/applications/submit-application.js';
import { actOnApplication } from '../../../src/app/applications/act-on-application.js';
import { noticeSettings } from '../../../src/app/applications/notice-settings.js';
import { defaultTemplate } from '../../../src/domain/notices/templates.js';
import { templateToText } from '../../../src/domain/notices/template-text.js';
import { EDITOR_KEYS } from '../../../src/app/applications/notice-settings-admin.js';
import type { NoticeDocument } from '../../../src/domain/notices/notice.js';

/** A small RGBA PNG (a red disc). */
function png(size = 32): Buffer {
  const stride = size * 4 + 1;
  const raw = Buffer.alloc(stride * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (Math.hypot(x - size / 2, y - size / 2) < size / 2 - 1) raw.set([200, 20, 30, 220], y * stride + 1 + x * 4);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.from([0, 0, 0, size, 0, 0, 0, size, 8, 6, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const dialect of DIALECTS) {
  describe(`notice settings over HTTP (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    let staff: Awaited<ReturnType<typeof createStaff>>;
    let admin: TestAgent;
    let handler: TestAgent;
    let base: string;

    const upload = async (agent: TestAgent, bytes: Uint8Array, name = 'seal.png') => {
      const form = new FormData();
      form.set('_csrf', agent.cookies.get('gk_csrf') ?? '');
      form.set('seal', new Blob([bytes], { type: 'image/png' }), name);
      return agent.request('POST', `${base}/seal`, { body: form, headers: { origin: 'http://localhost' } });
    };
    /** Submits an application, registers it and makes one more move; returns the notices of the case. */
    const newCase = async (move?: 'request_correction') => {
      const { id } = await submitApplication(rt.ctx, null, {
        orgCreditCode: staff.rootCode,
        channel: 'online',
        form: sampleForm(),
      });
      await actOnApplication(rt.ctx, staff.handler, id, 'register', {});
      if (move) await actOnApplication(rt.ctx, staff.handler, id, move, { dueOn: '2025-10-20' });
      return rt.ctx.repos.notices.forApplication(id);
    };
    const settings = async () => {
      const org = await rt.ctx.repos.orgs.byId(staff.rootId);
      assert.ok(org);
      return noticeSettings(rt.ctx.repos, org);
    };
    const general = (docNoPattern: string) => ({
      docNoPattern,
      reconsiderationBody: '示例区人民政府',
      court: '示例区人民法院',
      paymentInstructions: '请到区政务服务中心3号窗口缴费。',
    });

    before(async () => {
      rt = await openTestRuntime(dialect);
      staff = await createStaff(rt);
      base = `/admin/orgs/${staff.rootId}/notices`;
      admin = await adminAgent(rt);
      handler = new TestAgent(rt);
      assert.equal((await handler.login('li.handler', STAFF_PASSWORD)).status, 303);
    });
    after(() => rt.close());

    test('should show the settings with a preview of the first number of the year and every template', async () => {
      const res = await admin.get(base);
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /区政府依申〔2025〕1号/);
      assert.match(html, /补正告知书/);
      assert.match(html, /答复告知书（予以公开）/);
      assert.match(html, new RegExp(`${base}/templates/reply\\.withheld\\.state_secret`));
      assert.match(await (await admin.get(`/admin/orgs/${staff.rootId}`)).text(), new RegExp(`href="${base}"`));
    });

    test('should number the next notice with a changed pattern', async () => {
      const res = await admin.post(base, { ...general('{orgShort}依申{kind}〔{yyyy}〕{serial:3}号'), intent: 'save' });
      assert.equal(res.status, 303);
      const [ack] = await newCase();
      assert.match(ack?.docNo ?? '', /^区政府依申收〔2025〕\d{3}号$/);
      assert.equal((await settings()).reconsiderationBody, '示例区人民政府');
    });

    test('should refuse a pattern without serial, keeping what was typed (422)', async () => {
      const res = await admin.post(base, { ...general('{orgShort}函〔{yyyy}〕号'), intent: 'save' });
      await refusedPage(res, [/value="\{orgShort\}函〔\{yyyy\}〕号"/, /\{serial\}/, /文号格式有误，无法预览/]);
      assert.equal((await settings()).docNoPattern, '{orgShort}依申{kind}〔{yyyy}〕{serial:3}号');
    });

    test('should set the review route of the groups the law leaves open, never of the refusals', async () => {
      const page = await (await admin.get(base)).text();
      assert.match(page, /不予公开：应先申请行政复议（复议前置）（法定，不可更改）/);
      assert.match(page, /<select[^>]*name="route\.unavailable"/);
      assert.doesNotMatch(page, /name="route\.withheld"/);
      const saved = await admin.post(`${base}/routes`, {
        'route.disclosed': 'either',
        'route.unavailable': 'reconsideration_first',
        'route.not_processed': 'either',
        'route.other': 'either',
        'route.withheld': 'either',
      });
      assert.equal(saved.status, 303);
      const routes = (await settings()).reviewRoutes;
      assert.deepEqual(routes, {
        disclosed: 'either',
        unavailable: 'reconsideration_first',
        not_processed: 'either',
        other: 'either',
      });
      assert.match(await (await admin.get(base)).text(), /<option value="reconsideration_first" selected/);
      await refusedPage(await admin.post(`${base}/routes`, { 'route.disclosed': 'sometimes' }), ['请选择救济途径']);
      assert.deepEqual((await settings()).reviewRoutes, routes, 'nothing saved from a refused form');
      const handlerTry = await handler.post(`${base}/routes`, { 'route.disclosed': 'reconsideration_first' });
      assert.equal(handlerTry.status, 403);
      // Back to the defaults for the other tests (the sample reply is in the unavailable group).
      const reset = { 'route.disclosed': 'either', 'route.unavailable': 'either' };
      assert.equal(
        (await admin.post(`${base}/routes`, { ...reset, 'route.not_processed': 'either', 'route.other': 'either' }))
          .status,
        303,
      );
    });

    test('should preview a typed pattern without saving it', async () => {
      const res = await admin.post(base, { ...general('{orgShort}告〔{yy}〕{serial}号'), intent: 'preview' });
      assert.equal(res.status, 200);
      assert.match(await res.text(), /区政府告〔25〕1号/);
      assert.equal((await settings()).docNoPattern, '{orgShort}依申{kind}〔{yyyy}〕{serial:3}号');
    });

    test('should store an uploaded seal, serve it and put it in the DOCX and the print view', async () => {
      const seal = png();
      assert.equal((await upload(admin, seal)).status, 303);
      const img = await admin.get(`${base}/seal`);
      assert.equal(img.status, 200);
      assert.equal(img.headers.get('content-type'), 'image/png');
      assert.deepEqual(new Uint8Array(await img.arrayBuffer()), new Uint8Array(seal));
      assert.match(await (await admin.get(base)).text(), new RegExp(`<img src="${base}/seal"`));
      const [ack] = await newCase();
      const docx = await handler.get(`/admin/notices/${ack?.id}/docx`);
      assert.equal(docx.status, 200);
      assert.ok(Buffer.from(await docx.arrayBuffer()).includes('word/media/'), 'the DOCX has an image part');
      const page = await handler.get(`/admin/notices/${ack?.id}`);
      assert.match(await page.text(), new RegExp(`src="${base}/seal"`));
      assert.equal((await handler.get(`${base}/seal`)).status, 200, 'staff printing the notices load the seal');
    });

    test('should refuse a file that is not a PNG, or one over 1 MB', async () => {
      const fake = await upload(admin, new TextEncoder().encode('GIF89a not a png'));
      assert.equal(fake.status, 422);
      assert.match(await fake.text(), /不是 PNG/);
      const big = Buffer.concat([png(), Buffer.alloc(1024 * 1024)]);
      const tooBig = await upload(admin, big);
      assert.equal(tooBig.status, 422);
      assert.match(await tooBig.text(), /1 MB/);
    });

    test('should remove the seal', async () => {
      assert.equal((await admin.post(`${base}/seal/remove`, {})).status, 303);
      assert.equal((await settings()).sealFileId, null);
      assert.equal((await admin.get(`${base}/seal`)).status, 404);
      assert.match(await (await admin.get(base)).text(), /尚未上传印章/);
    });

    test('should show the template editor with placeholders, required ones and a preview', async () => {
      const res = await admin.get(`${base}/templates/correction`);
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /政府信息公开申请补正告知书/);
      assert.match(html, /\{\{correctionItems\}\}/);
      assert.match(html, /补正事项（必须）/);
      assert.match(html, /本机构正在使用默认模板/);
      assert.match(html, /class="notice-doc"/);
      assert.match(html, /王小明（示例）/);
      assert.equal((await admin.get(`${base}/templates/no_such_kind`)).status, 404);
    });

    test('should preview every default template with the sample data', async () => {
      for (const key of EDITOR_KEYS) {
        const res = await admin.get(`${base}/templates/${key}`);
        assert.equal(res.status, 200, key);
        const html = await res.text();
        assert.match(html, /class="notice-doc"/, key);
        assert.doesNotMatch(html, /无法生成告知书/, key);
      }
    });

    test('should put an edited correction template into the next correction notice', async () => {
      const t = templateToText(defaultTemplate('correction'));
      const body = `${t.body}\n\n[如有 orgPhone]\n如对补正事项有疑问，请致电{{orgPhone}}咨询。\n\n补正时请注明查询码。`;
      const res = await admin.post(`${base}/templates/correction`, {
        title: t.title,
        addressee: t.addressee,
        body,
        intent: 'save',
      });
      assert.equal(res.status, 303);
      const saved = (await settings()).templates.notices?.correction;
      assert.deepEqual(saved?.paragraphs.at(-1), '补正时请注明查询码。');
      const notices = await newCase('request_correction');
      const correction = notices.find((n) => n.kind === 'correction');
      assert.ok((correction?.body as NoticeDocument).paragraphs.includes('补正时请注明查询码。'));
      assert.match(await (await admin.get(`${base}/templates/correction`)).text(), /本机构正在使用修改后的模板/);
    });

    test('should refuse a template without a required placeholder, listing it and keeping the text (422)', async () => {
      const t = templateToText(defaultTemplate('correction'));
      const body = t.body.replace('{{correctionItems}}', '请补充说明。');
      const res = await admin.post(`${base}/templates/correction`, {
        title: t.title,
        addressee: t.addressee,
        body,
        intent: 'save',
      });
      await refusedPage(res, [/模板必须包含占位符 \{\{correctionItems\}\}/, /请补充说明。/]);
      const bad = await admin.post(`${base}/templates/correction`, {
        title: t.title,
        addressee: t.addressee,
        body: `${t.body}\n\n[如有 法律]\n文字`,
        intent: 'save',
      });
      assert.equal(bad.status, 422);
      assert.match(await bad.text(), /正文第\d+行：条件行/);
      assert.deepEqual((await settings()).templates.notices?.correction?.paragraphs.at(-1), '补正时请注明查询码。');
    });

    test('should restore the default template', async () => {
      const res = await admin.post(`${base}/templates/correction`, { intent: 'reset' });
      assert.equal(res.status, 303);
      assert.equal((await settings()).templates.notices?.correction, undefined);
      const correction = (await newCase('request_correction')).find((n) => n.kind === 'correction');
      assert.deepEqual((correction?.body as NoticeDocument).paragraphs.at(-1), '特此告知。');
    });

    test('should edit a remedy clause, refusing one without the reconsideration body', async () => {
      const path = `${base}/templates/remedies.either`;
      const bad = await admin.post(path, { body: '如不服，可申请行政复议或提起行政诉讼。', intent: 'save' });
      assert.equal(bad.status, 422);
      assert.match(await bad.text(), /reconsiderationBody/);
      const ok = await admin.post(path, {
        body: '如不服，可于60日内向{{reconsiderationBody}}申请行政复议，或于6个月内向{{court}}提起行政诉讼。',
        intent: 'save',
      });
      assert.equal(ok.status, 303);
      assert.match((await settings()).templates.remedies?.either ?? '', /^如不服/);
      assert.match(await (await admin.get(path)).text(), /如不服，可于60日内向示例区人民政府申请行政复议/);
    });

    test('should let the office head in, and keep a handler out (403)', async () => {
      const head = new TestAgent(rt);
      assert.equal((await head.login('wang.office', STAFF_PASSWORD)).status, 303);
      assert.equal((await head.get(base)).status, 200);
      assert.equal((await head.get(`${base}/templates/fee`)).status, 200);
      for (const res of [
        await handler.get(base),
        await handler.get(`${base}/templates/correction`),
        await handler.post(base, { ...general('{orgShort}〔{yyyy}〕{serial}号'), intent: 'save' }),
        await handler.post(`${base}/templates/correction`, { intent: 'reset' }),
        await upload(handler, png()),
      ]) {
        assert.equal(res.status, 403);
        assert.match(await res.text(), /没有权限/);
      }
      assert.equal((await settings()).docNoPattern, '{orgShort}依申{kind}〔{yyyy}〕{serial:3}号');
    });
  });
}
