// HTTP: the applicant's page (/track) — a lookup grants a 30-minute pass to that one case (303 to /track/case);
// the page shows state, dates, the request, the notices served to the applicant and the working days left,
// without personal data; one neutral 404 for a wrong code or contact, and the rate limits against guessing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { TestAgent } from '../../support/http.js';
import { createStaff, sampleForm } from '../../support/staff.js';
import { demoOrgs } from '../../factories/orgs.js';
import { submitApplication } from '../../../src/app/applications/submit-application.js';
import { actOnApplication } from '../../../src/app/applications/act-on-application.js';
import { TRACK_NOT_FOUND } from '../../../src/web/common/rate-limit.js';
import { PASS_MESSAGES, TRACK_COOKIE } from '../../../src/web/public/applications/track-routes.js';
import { pdfText } from '../../support/libreoffice.js';

const PERSONAL = /张三|13812345678|11010519491231002X|zhangsan@example\.com|人民路100号/;
/** Failed lookups per client address per 10 minutes in this suite; a step of the clock into the next window. */
const LIMIT = 10;
const WINDOW = 600_000 + 1000;

for (const dialect of DIALECTS) {
  describe(`status lookup (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    let staff: Awaited<ReturnType<typeof createStaff>>;
    let agent: TestAgent;
    let open: { id: string; trackingCode: string };
    before(async () => {
      rt = await openTestRuntime(dialect, { limits: { lookupFailuresPerAddress: LIMIT } });
      staff = await createStaff(rt);
      agent = new TestAgent(rt);
      await agent.get('/track');
      open = await submit();
    });
    after(() => rt.close());

    const submit = () =>
      submitApplication(rt.ctx, null, { orgCreditCode: staff.rootCode, channel: 'online', form: sampleForm() });
    const lookup = (code: string, contact: string) => agent.post('/track', { code, contact });
    /** Looks a case up as a browser does: the POST answers 303, the case page is the GET after it. */
    const page = async (code: string, contact = '13812345678', a = agent): Promise<string> => {
      const res = await a.post('/track', { code, contact });
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/track/case');
      const got = await a.get('/track/case');
      assert.equal(got.status, 200);
      return got.text();
    };

    test('should show the lookup form with labelled fields, posting so the contact stays out of the URL', async () => {
      const html = await (await new TestAgent(rt).get('/track')).text();
      assert.match(html, /<form method="post" action="\/track"/);
      assert.match(html, /<label for="f-code">查询码/);
      assert.match(html, /<label for="f-contact">手机号码或证件号码/);
      assert.match(html, /name="_csrf"/);
    });

    test('should show the state, the dates and the first step, and no personal data', async () => {
      const res = await lookup(open.trackingCode, '13812345678');
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      assert.doesNotMatch(res.headers.get('location') ?? '', /1381|track\/case\?/);
      const got = await agent.get('/track/case');
      assert.equal(got.status, 200);
      const html = await got.text();
      assert.match(html, /办理状态<\/dt><dd><strong>已收到，待登记/);
      assert.match(html, /收到申请日期<\/dt><dd>2025-09-28/);
      assert.match(html, /当前答复期限<\/dt><dd>2025-10-31/);
      assert.match(html, /<td>2025-09-28<\/td><td>收到申请<\/td><td>2025-10-31<\/td>/);
      assert.match(html, /示例区人民政府/);
      assert.doesNotMatch(html, PERSONAL);
      assert.equal(got.headers.get('cache-control'), 'no-store');
    });

    test('should accept the document number and a code typed in lower case without hyphens', async () => {
      const html = await page(open.trackingCode.replace(/-/g, '').toLowerCase(), '11010519491231002x');
      assert.ok(html.includes(open.trackingCode));
      assert.doesNotMatch(html, PERSONAL);
    });

    test('should list each step with the due date after it as the case moves', async () => {
      const c = await submit();
      await actOnApplication(rt.ctx, staff.handler, c.id, 'register', {});
      await actOnApplication(rt.ctx, staff.handler, c.id, 'request_correction', { dueOn: '2025-10-20' });
      const waiting = await page(c.trackingCode);
      assert.match(waiting, /待申请人补正/);
      assert.match(waiting, /<td>登记<\/td>/);
      assert.match(waiting, /<td>发出补正告知<\/td><td>—<\/td>/);
      assert.match(waiting, /暂停计算/);
      await actOnApplication(rt.ctx, staff.handler, c.id, 'receive_correction', { receivedOn: '2025-09-28' });
      await actOnApplication(rt.ctx, staff.handler, c.id, 'draft_reply', { outcome: 'disclosed' });
      await actOnApplication(rt.ctx, staff.legal, c.id, 'pass_legal_review', { confidentialityReviewed: true });
      await actOnApplication(rt.ctx, staff.signer, c.id, 'approve_reply', {});
      await actOnApplication(rt.ctx, staff.handler, c.id, 'send_reply', { method: 'email' });
      const done = await page(c.trackingCode);
      assert.match(done, /办理状态<\/dt><dd><strong>已答复/);
      assert.match(done, /办结日期<\/dt><dd>2025-09-28/);
      assert.match(done, /办理结果<\/dt><dd>予以公开/);
      for (const label of ['收到申请', '登记', '发出补正告知', '收到补正后的申请', '审核办理', '送达答复']) {
        assert.ok(done.includes(`<td>${label}</td>`), `missing step ${label}`);
      }
      // Internal review steps show as one 审核办理 step, without the draft's outcome.
      for (const label of ['起草答复', '合法性审查通过', '审批答复']) {
        assert.ok(!done.includes(`<td>${label}</td>`), `internal step shown: ${label}`);
      }
      assert.doesNotMatch(done, PERSONAL);
      assert.doesNotMatch(done, /li\.handler|sun\.signer|chen\.legal/);
    });

    test('should answer a wrong contact and a wrong code alike with 404 and nothing more', async () => {
      const wrongContact = await lookup(open.trackingCode, '13900000000');
      assert.equal(wrongContact.status, 404);
      const a = await wrongContact.text();
      const wrongCode = await lookup('2222-2222-2222', '13812345678');
      assert.equal(wrongCode.status, 404);
      const b = await wrongCode.text();
      for (const html of [a, b]) {
        assert.ok(html.includes(TRACK_NOT_FOUND));
        assert.doesNotMatch(html, PERSONAL);
        assert.doesNotMatch(html, /已收到，待登记|2025-10-31|示例区人民政府<\/dd>/);
      }
      // The pages differ only in the code echoed back into the form.
      assert.equal(a.replace(/name="code"[^>]*value="[^"]*"/, ''), b.replace(/name="code"[^>]*value="[^"]*"/, ''));
    });

    test('should refuse a lookup without the CSRF field', async () => {
      const res = await agent.post('/track', { code: open.trackingCode, contact: '13812345678' }, { csrf: false });
      assert.equal(res.status, 403);
    });

    // A code is never locked (that let anyone lock its applicant out): guesses from many addresses leave it open.
    test('should never lock a code: the applicant looks up after many failures on it from elsewhere', async () => {
      rt.clock.advance(WINDOW);
      for (let i = 0; i < 3 * LIMIT; i++) {
        const guesser = new TestAgent(rt, { ip: `192.0.2.${i + 1}` });
        assert.equal(
          (await guesser.post('/track', { code: open.trackingCode, contact: `1390000${1000 + i}` })).status,
          404,
        );
      }
      assert.equal((await lookup(open.trackingCode, '13812345678')).status, 303);
    });

    test('should limit failed lookups per client address, not successful ones', async () => {
      rt.clock.advance(WINDOW);
      for (let i = 0; i < LIMIT + 5; i++) {
        assert.equal((await lookup(open.trackingCode, '13812345678')).status, 303);
      }
      for (let i = 0; i < LIMIT; i++) {
        assert.equal((await lookup(open.trackingCode, `1390000000${i}`)).status, 404);
      }
      const limited = await lookup(open.trackingCode, '13812345678');
      assert.equal(limited.status, 429);
      assert.ok(Number(limited.headers.get('retry-after')) > 0);
      const html = await limited.text();
      assert.match(html, /查询过于频繁/);
      assert.doesNotMatch(html, /已收到，待登记/);
      const elsewhere = new TestAgent(rt, { ip: '203.0.113.50' });
      assert.equal((await elsewhere.post('/track', { code: open.trackingCode, contact: '13812345678' })).status, 303);
      rt.clock.advance(WINDOW);
      assert.equal((await lookup(open.trackingCode, '13812345678')).status, 303);
    });

    test('should keep the pass in an HttpOnly, SameSite=Strict cookie on /track that lives 30 minutes', async () => {
      rt.clock.advance(WINDOW);
      const res = await new TestAgent(rt).post('/track', { code: open.trackingCode, contact: '13812345678' });
      assert.equal(res.status, 303);
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${TRACK_COOKIE}=`)) ?? '';
      assert.match(cookie, /Max-Age=1800/);
      assert.match(cookie, /Path=\/track/);
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /SameSite=Strict/);
      assert.ok(!cookie.includes(open.trackingCode) && !cookie.includes('1381'));
    });

    test('should open the page of the looked-up case only, never another case’s notice, nor without a pass', async () => {
      rt.clock.advance(WINDOW);
      const other = await submit();
      await actOnApplication(rt.ctx, staff.handler, other.id, 'register', {});
      const [ack] = await rt.ctx.repos.notices.forApplication(other.id);
      assert.ok(ack);
      const browser = new TestAgent(rt);
      const none = await browser.get('/track/case');
      assert.equal(none.status, 401);
      assert.ok((await none.text()).includes(PASS_MESSAGES.missing));
      assert.equal((await browser.get(`/track/notices/${ack.id}`)).status, 401);
      const html = await page(open.trackingCode, '13812345678', browser);
      assert.ok(html.includes(open.trackingCode));
      assert.ok(!html.includes(other.trackingCode) && !html.includes(ack.docNo));
      assert.equal((await browser.get(`/track/notices/${ack.id}`)).status, 404);
      // Looking the other case up replaces the pass: now its notice opens, and only its page shows.
      const second = await page(other.trackingCode, '13812345678', browser);
      assert.ok(second.includes(other.trackingCode) && second.includes(ack.docNo));
      assert.equal((await browser.get(`/track/notices/${ack.id}`)).status, 200);
    });

    test('should let the pass lapse 30 minutes after the lookup, showing the form again with a Chinese message', async () => {
      rt.clock.advance(WINDOW);
      const browser = new TestAgent(rt);
      await page(open.trackingCode, '13812345678', browser);
      rt.clock.advance(29 * 60_000);
      assert.equal((await browser.get('/track/case')).status, 200);
      rt.clock.advance(60_000);
      const res = await browser.get('/track/case');
      assert.equal(res.status, 401);
      const html = await res.text();
      assert.ok(html.includes(PASS_MESSAGES.expired));
      assert.match(html, /<form method="post" action="\/track"/);
      assert.ok(!html.includes(open.trackingCode) && !html.includes('已收到，待登记'));
      // The lapsed pass is dropped; a new lookup opens the page again.
      assert.equal(browser.cookies.has(TRACK_COOKIE), false);
      assert.ok((await page(open.trackingCode, '13812345678', browser)).includes(open.trackingCode));
    });

    test('should refuse a tampered or forged pass with the lookup form and a Chinese message', async () => {
      rt.clock.advance(WINDOW);
      const other = await submit();
      const browser = new TestAgent(rt);
      await page(open.trackingCode, '13812345678', browser);
      const token = browser.cookies.get(TRACK_COOKIE) ?? '';
      const [v = '', id = '', exp = '', mac = ''] = token.split('.');
      assert.equal(id, open.id);
      const flipped = `${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`;
      for (const forged of [
        [v, other.id, exp, mac].join('.'), // another case under this case's signature
        [v, id, String(Number(exp) + 3_600_000), mac].join('.'), // a longer life
        [v, id, exp, flipped].join('.'),
        [v, id, exp].join('.'),
        open.trackingCode, // the tracking code alone is no pass
        'garbage',
      ]) {
        browser.cookies.set(TRACK_COOKIE, forged);
        const res = await browser.get('/track/case');
        assert.equal(res.status, 401, forged);
        const html = await res.text();
        assert.ok(html.includes(PASS_MESSAGES.invalid), forged);
        assert.match(html, /<form method="post" action="\/track"/);
        assert.ok(!html.includes('已收到，待登记') && !html.includes(other.trackingCode));
      }
      browser.cookies.set(TRACK_COOKIE, token);
      assert.equal((await browser.get('/track/case')).status, 200);
    });

    test('should list the notices served to the applicant with a view of each, and no letter to a third party', async () => {
      rt.clock.advance(WINDOW);
      const c = await submit();
      await actOnApplication(rt.ctx, staff.handler, c.id, 'register', {});
      await actOnApplication(rt.ctx, staff.handler, c.id, 'start_consultation', {
        kind: 'third_party',
        party: '示例建设有限公司',
      });
      await actOnApplication(rt.ctx, staff.handler, c.id, 'end_consultation', {
        opinion: '工程价款属于商业秘密，不同意公开。',
        objection: true,
      });
      await actOnApplication(rt.ctx, staff.handler, c.id, 'draft_reply', {
        outcome: 'disclosed',
        disclosureReasons: '工程使用财政资金，价款关系公共利益。',
      });
      await actOnApplication(rt.ctx, staff.legal, c.id, 'pass_legal_review', { confidentialityReviewed: true });
      await actOnApplication(rt.ctx, staff.signer, c.id, 'approve_reply', {});
      await actOnApplication(rt.ctx, staff.handler, c.id, 'send_reply', { method: 'email' });
      const notices = await rt.ctx.repos.notices.forApplication(c.id);
      assert.deepEqual(
        notices.map((n) => n.kind),
        ['acknowledgement', 'consultation_third_party', 'reply', 'disclosure_third_party'],
      );
      const html = await page(c.trackingCode);
      for (const n of notices) {
        const listed = html.includes(`href="/track/notices/${n.id}"`);
        const served = n.kind === 'acknowledgement' || n.kind === 'reply';
        assert.equal(listed, served, n.kind);
        assert.equal(html.includes(`<td>${n.docNo}</td><td>${n.issuedOn}</td>`), served, n.kind);
        if (!served) assert.equal((await agent.get(`/track/notices/${n.id}`)).status, 404, n.kind);
      }
      assert.match(html, /<td>政府信息公开申请接收回执<\/td>/);
      assert.doesNotMatch(html, /示例建设有限公司|商业秘密|征求第三方意见书|决定公开告知书/);
      assert.match(html, /当前答复期限<\/dt><dd>已办结/);
      // The request as filed, as the applicant typed it.
      assert.ok(html.includes(sampleForm().description));
      assert.doesNotMatch(html, PERSONAL);
      assert.doesNotMatch(html, /li\.handler|sun\.signer|chen\.legal|起草答复|合法性审查/);
      const reply = notices.find((n) => n.kind === 'reply');
      assert.ok(reply);
      const view = await agent.get(`/track/notices/${reply.id}`);
      assert.equal(view.status, 200);
      assert.equal(view.headers.get('cache-control'), 'no-store');
      const sheet = await view.text();
      assert.ok(sheet.includes(reply.docNo));
      assert.match(sheet, /<p class="notice-doc-addressee">张\*：<\/p>/);
      assert.doesNotMatch(sheet, PERSONAL);
    });

    test('should serve a notice as PDF to its case’s pass only, the text layer holding the number and the body', async () => {
      rt.clock.advance(WINDOW);
      const c = await submit();
      const other = await submit();
      await actOnApplication(rt.ctx, staff.handler, c.id, 'register', {});
      await actOnApplication(rt.ctx, staff.handler, other.id, 'register', {});
      await actOnApplication(rt.ctx, staff.handler, c.id, 'request_correction', {
        dueOn: '2025-10-20',
        items: '请写明所需文件的名称、文号或者发文机关。',
      });
      const correction = (await rt.ctx.repos.notices.forApplication(c.id)).find((n) => n.kind === 'correction');
      const [otherAck] = await rt.ctx.repos.notices.forApplication(other.id);
      assert.ok(correction && otherAck);
      const pdfPath = `/track/notices/${correction.id}/pdf`;
      const browser = new TestAgent(rt);
      assert.equal((await browser.get(pdfPath)).status, 401);
      const html = await page(c.trackingCode, '13812345678', browser);
      assert.ok(html.includes(`href="${pdfPath}"`), 'the case page links the PDF');
      assert.ok((await (await browser.get(`/track/notices/${correction.id}`)).text()).includes(`href="${pdfPath}"`));
      const res = await browser.get(pdfPath);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/pdf');
      assert.equal(res.headers.get('cache-control'), 'private, no-store');
      assert.match(res.headers.get('content-disposition') ?? '', /^inline; .*filename\*=UTF-8''/);
      const bytes = new Uint8Array(await res.arrayBuffer());
      assert.equal(new TextDecoder().decode(bytes.subarray(0, 5)), '%PDF-');
      const file = join(mkdtempSync(join(tmpdir(), 'gongkai-track-')), 'notice.pdf');
      writeFileSync(file, bytes);
      const text = (await pdfText(file)).replace(/\s+/g, '');
      assert.ok(text.includes(correction.docNo.replace(/\s+/g, '')), 'document number');
      assert.ok(text.includes('补正告知书'), 'title');
      assert.ok(text.includes('请写明所需文件的名称、文号或者发文机关。'), 'what to correct');
      assert.ok(text.includes('张*'), 'the addressee, masked');
      assert.doesNotMatch(text, PERSONAL);
      // Another case's notice with this pass: refused as the HTML route refuses it.
      assert.equal((await browser.get(`/track/notices/${otherAck.id}/pdf`)).status, 404);
      assert.equal((await browser.get(`/track/notices/${otherAck.id}`)).status, 404);
    });

    test('should link the form and the applicant’s page from the portal home, and redirect /apply', async () => {
      const visitor = new TestAgent(rt);
      const html = await (await visitor.get('/')).text();
      assert.match(html, /<a href="\/track">申请查询<\/a>/);
      const { root } = await demoOrgs(rt);
      assert.ok(html.includes(`<a href="/org/${root.creditCode}/apply">在线申请</a>`));
      assert.ok(html.includes(`<a href="/org/${root.creditCode}/standard-catalogue">基层政务公开标准目录</a>`));
      const apply = await visitor.get('/apply');
      assert.equal(apply.status, 302);
      assert.equal(apply.headers.get('location'), `/org/${root.creditCode}/apply`);
    });

    // Last: moves the clock to real dates around the National Day holiday.
    test('should show the due date with the working days left on the Chinese calendar, and say so while paused', async () => {
      rt.clock.set('2025-09-28T05:00:00Z');
      const c = await submit();
      const paused = await submit();
      await actOnApplication(rt.ctx, staff.handler, paused.id, 'register', {});
      await actOnApplication(rt.ctx, staff.handler, paused.id, 'request_correction', { dueOn: '2025-10-20' });
      // Received Sunday 28 Sep (a make-up working day): 29, 30 Sep; 9, 10, 11 (a make-up Saturday) Oct; then
      // three full weeks — the 20th working day is Friday 31 Oct, and 20 are left.
      assert.match(await page(c.trackingCode), /当前答复期限<\/dt><dd>2025-10-31（剩余20个工作日）/);
      assert.match(await page(paused.trackingCode), /当前答复期限<\/dt><dd>暂停计算/);
      // After the holiday of 1–8 Oct: 10, 11 Oct and three weeks.
      rt.clock.set('2025-10-09T02:00:00Z');
      assert.match(await page(c.trackingCode), /当前答复期限<\/dt><dd>2025-10-31（剩余17个工作日）/);
      // Monday 3 Nov: one working day past the due date.
      rt.clock.set('2025-11-03T02:00:00Z');
      assert.match(await page(c.trackingCode), /当前答复期限<\/dt><dd>2025-10-31（已超期1个工作日）/);
    });
  });
}
