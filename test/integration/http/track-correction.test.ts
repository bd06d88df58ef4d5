// HTTP: the correction sent online from the applicant's page (补正, 《政府信息公开条例》第三十条) — while the case
// waits for a correction, /track/case shows what to correct, the due date and a form (multipart, CSRF, files checked
// by content); a correction sent is a proposal to the handler that changes nothing by itself, received on the day it
// was sent (第三十一条第三项); the handler sees it on the case page and in the API and confirms it with
// `receive_correction`, which restarts the 20 working days from that day. Real dates around the National Day holiday.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { TestAgent, callApi } from '../../support/http.js';
import { createStaff, sampleForm, STAFF_PASSWORD } from '../../support/staff.js';
import { submitApplication } from '../../../src/app/applications/submit-application.js';
import { actOnApplication } from '../../../src/app/applications/act-on-application.js';
import { proposeLapses } from '../../../src/app/applications/daily-jobs.js';
import { issueApiToken } from '../../../src/app/auth/api-token.js';
import { PASS_MESSAGES } from '../../../src/web/public/applications/track-routes.js';

const PERSONAL = /张三|13812345678|11010519491231002X|zhangsan@example\.com|人民路100号/;
const PDF = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const FORM = 'action="/track/case/correction"';
const CORRECTED = '2024年示例区人民路片区老旧小区改造项目的立项批复（区发改委2024年第12号文）';

type Json = Record<string, unknown> & { proposedCorrection?: Record<string, unknown> | null };

/** Online corrections per client address per 10 minutes in this suite. */
const SENDS = 5;

for (const dialect of DIALECTS) {
  describe(`correction sent online from the applicant's page (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    let staff: Awaited<ReturnType<typeof createStaff>>;
    let token: string;
    before(async () => {
      rt = await openTestRuntime(dialect, { limits: { correctionsPerAddress: SENDS } });
      staff = await createStaff(rt);
      token = await issueApiToken(rt.ctx, 'li.handler');
    });
    after(() => rt.close());

    /** A new case, received and registered on Sunday 28 Sep 2025 (a make-up working day). */
    const registeredCase = async () => {
      rt.clock.set('2025-09-28T02:00:00Z');
      const c = await submitApplication(rt.ctx, null, {
        orgCreditCode: staff.rootCode,
        channel: 'online',
        form: sampleForm(),
      });
      await actOnApplication(rt.ctx, staff.handler, c.id, 'register', {});
      return c;
    };
    /** The 补正 notice of a case, served on the clock's day. */
    const askToCorrect = (id: string) =>
      actOnApplication(rt.ctx, staff.handler, id, 'request_correction', {
        dueOn: '2025-10-20',
        items: '请写明所需文件的名称和文号\n请写明文件的发文机关',
      });
    /** A registered case asked on the day to correct. */
    const waitingCase = async () => {
      const c = await registeredCase();
      await askToCorrect(c.id);
      return c;
    };
    let clients = 0;
    /** A browser holding the pass of the case, from an address of its own (the rate limits count per address). */
    const applicant = async (code: string): Promise<TestAgent> => {
      const a = new TestAgent(rt, { ip: `192.0.2.${++clients}` });
      assert.equal((await a.post('/track', { code, contact: '13812345678' })).status, 303);
      return a;
    };
    const send = (a: TestAgent, text: string, files: File[] = [], opts: { csrf?: boolean } = {}) =>
      a.postMultipart('/track/case/correction', { correctedRequest: text }, { files }, opts);
    /** The handler, signed in on the clock's day (sessions lapse when the clock jumps days). */
    const handlerWeb = async (): Promise<TestAgent> => {
      const a = new TestAgent(rt);
      assert.equal((await a.login('li.handler', STAFF_PASSWORD)).status, 303);
      return a;
    };
    const casePage = async (id: string, a?: TestAgent) => {
      const res = await (a ?? (await handlerWeb())).get(`/admin/applications/${id}`);
      assert.equal(res.status, 200);
      return res.text();
    };

    test('should show what to correct, until when, and the form only while the case waits for a correction', async () => {
      const c = await registeredCase();
      const registered = await (await (await applicant(c.trackingCode)).get('/track/case')).text();
      assert.ok(!registered.includes(FORM) && !registered.includes('补正申请'), 'no form before the 补正 notice');
      await askToCorrect(c.id);
      const html = await (await (await applicant(c.trackingCode)).get('/track/case')).text();
      assert.match(html, /<h2 id="correction">补正申请<\/h2>/);
      assert.match(html, /<li>请写明所需文件的名称和文号<\/li><li>请写明文件的发文机关<\/li>/);
      assert.match(html, /请于<strong>2025-10-20<\/strong>前提交补正/);
      assert.match(html, new RegExp(`<form method="post" ${FORM} enctype="multipart/form-data"`));
      assert.match(html, /name="_csrf"/);
      assert.match(html, /<textarea id="f-correctedRequest" name="correctedRequest" required=""/);
      assert.match(html, /<input id="f-files" name="files" type="file" multiple=""/);
      assert.doesNotMatch(html, PERSONAL);
    });

    test('should keep a correction sent online as a proposal, the case still waiting, and tell the applicant', async () => {
      const c = await waitingCase();
      // Friday 10 Oct 2025, the second working day after the National Day holiday.
      rt.clock.set('2025-10-10T02:00:00Z');
      const browser = await applicant(c.trackingCode);
      const sent = await send(browser, `  ${CORRECTED}  `, [
        new File([PDF], '立项批复线索.pdf', { type: 'application/pdf' }),
        new File([PNG], '截图.png', { type: 'image/png' }),
      ]);
      assert.equal(sent.status, 303);
      assert.equal(sent.headers.get('location'), '/track/case#correction');
      const app = await rt.ctx.repos.applications.byId(c.id);
      assert.equal(app?.state, 'awaiting_correction');
      assert.equal(app?.events.at(-1)?.action, 'request_correction');
      const [proposal] = await rt.ctx.repos.corrections.forApplication(c.id);
      assert.equal(proposal?.state, 'pending');
      assert.equal(proposal?.receivedOn, '2025-10-10');
      assert.equal(proposal?.correctedRequest, CORRECTED);
      assert.deepEqual(
        proposal?.files.map((f) => [f.name, f.mime, f.size]),
        [
          ['立项批复线索.pdf', 'application/pdf', PDF.byteLength],
          ['截图.png', 'image/png', PNG.byteLength],
        ],
      );
      const html = await (await browser.get('/track/case')).text();
      assert.ok(html.includes('您已于2025-10-10在网上提交补正，正在等待办理人员确认。'));
      assert.ok(html.includes(CORRECTED) && html.includes('立项批复线索.pdf、截图.png'));
      assert.ok(html.includes('重新提交补正') && html.includes(FORM));
      assert.doesNotMatch(html, PERSONAL);
      assert.doesNotMatch(html, /li\.handler/);
    });

    test('should show the proposal to the handler, and confirming it restarts 20 working days from the day it was sent', async () => {
      const c = await waitingCase();
      rt.clock.set('2025-10-10T02:00:00Z');
      const browser = await applicant(c.trackingCode);
      assert.equal((await send(browser, CORRECTED, [new File([PDF], '线索.pdf')])).status, 303);
      const [proposal] = await rt.ctx.repos.corrections.forApplication(c.id);
      assert.ok(proposal);
      // The handler reads it on Monday 13 Oct.
      rt.clock.set('2025-10-13T02:00:00Z');
      const handler = await handlerWeb();
      const page = await casePage(c.id, handler);
      assert.match(page, /<h2 id="proposals-h">申请人网上提交的补正<\/h2>/);
      assert.match(page, /收到补正日期<\/dt><dd>2025-10-10/);
      assert.match(page, /状态<\/dt><dd>待确认/);
      const accept = `/admin/applications/${c.id}/corrections/${proposal.id}/accept`;
      assert.ok(page.includes(`action="${accept}"`));
      assert.ok(page.includes(`>${CORRECTED}</textarea>`), 'the corrected request prefilled');
      const fileHref = `/admin/applications/${c.id}/corrections/${proposal.id}/files/0`;
      assert.ok(page.includes(`href="${fileHref}"`));
      const file = await handler.get(fileHref);
      assert.equal(file.status, 200);
      assert.equal(file.headers.get('content-type'), 'application/pdf');
      assert.deepEqual(new Uint8Array(await file.arrayBuffer()), PDF);
      assert.equal((await new TestAgent(rt).get(fileHref)).status, 303, 'no file without signing in');
      const api = await callApi<Json>(handler, 'GET', `/api/v1/applications/${c.id}`, token);
      assert.equal(api.status, 200);
      assert.deepEqual(api.json.proposedCorrection, {
        id: proposal.id,
        receivedOn: '2025-10-10',
        correctedRequest: CORRECTED,
        files: [{ name: '线索.pdf', mime: 'application/pdf', size: PDF.byteLength }],
      });

      // Confirmed on the 13th, received on the 10th: Sat 11 (a make-up working day), 13–17, 20–24, 27–31 Oct and
      // 3–6 Nov are the 20 working days, so the reply is due Thursday 6 Nov.
      const done = await handler.post(accept, { proposalId: proposal.id, correctedRequest: CORRECTED, note: '' });
      assert.equal(done.status, 303);
      assert.equal(done.headers.get('location'), `/admin/applications/${c.id}?flash=receive_correction`);
      const app = await rt.ctx.repos.applications.byId(c.id);
      assert.equal(app?.state, 'registered');
      assert.equal(app?.dueOn, '2025-11-06');
      const event = app?.events.at(-1);
      assert.equal(event?.action, 'receive_correction');
      assert.equal(event?.on, '2025-10-10');
      assert.equal(event?.params.correctedRequest, CORRECTED);
      const after = await rt.ctx.repos.corrections.byId(proposal.id);
      assert.equal(after?.state, 'accepted');
      assert.equal(after?.eventSeq, event?.seq);
      const confirmed = await casePage(c.id, handler);
      assert.match(confirmed, new RegExp(`状态</dt><dd>已确认（期限台账第${event?.seq}项）`));
      assert.ok(!confirmed.includes(`action="${accept}"`));
      assert.equal(
        (await callApi<Json>(handler, 'GET', `/api/v1/applications/${c.id}`, token)).json.proposedCorrection,
        null,
      );
      // Confirming twice is refused; the applicant's page shows the corrected request, and no form.
      const again = await handler.post(accept, { proposalId: proposal.id, correctedRequest: CORRECTED, note: '' });
      assert.equal(again.status, 409);
      const track = await (await (await applicant(c.trackingCode)).get('/track/case')).text();
      assert.ok(track.includes(CORRECTED));
      assert.match(track, /当前答复期限<\/dt><dd>2025-11-06（剩余18个工作日）/);
      assert.ok(!track.includes(FORM));
    });

    test('should refuse without the CSRF field or a pass, and keep the text with a Chinese error for a bad file', async () => {
      const c = await waitingCase();
      rt.clock.set('2025-10-10T02:00:00Z');
      const browser = await applicant(c.trackingCode);
      assert.equal((await send(browser, CORRECTED, [], { csrf: false })).status, 403);
      const stranger = new TestAgent(rt);
      await stranger.get('/track');
      const noPass = await send(stranger, CORRECTED);
      assert.equal(noPass.status, 401);
      assert.ok((await noPass.text()).includes(PASS_MESSAGES.missing));
      const bad = await send(browser, CORRECTED, [new File([new TextEncoder().encode('MZ\x90\x00')], '材料.pdf')]);
      assert.equal(bad.status, 422);
      const html = await bad.text();
      assert.ok(html.includes('补正未提交，请按提示更正'));
      assert.ok(html.includes('文件“材料.pdf”的类型不支持，可上传PDF、DOCX、XLSX文件或图片'));
      assert.ok(html.includes(`>${CORRECTED}</textarea>`), 'the text as typed');
      const empty = await send(browser, '   ');
      assert.equal(empty.status, 422);
      assert.ok((await empty.text()).includes('请填写补正后的申请内容'));
      assert.deepEqual(await rt.ctx.repos.corrections.forApplication(c.id), []);
    });

    test('should show no form and refuse a post when the case does not wait for a correction', async () => {
      const c = await registeredCase();
      rt.clock.set('2025-10-10T02:00:00Z');
      const browser = await applicant(c.trackingCode);
      assert.ok(!(await (await browser.get('/track/case')).text()).includes(FORM));
      const res = await send(browser, CORRECTED);
      assert.equal(res.status, 409);
      assert.ok((await res.text()).includes('本申请当前不需要补正，不能提交补正'));
      assert.deepEqual(await rt.ctx.repos.corrections.forApplication(c.id), []);
    });

    test('should let a second correction replace the one waiting, and refuse to confirm the replaced one', async () => {
      const c = await waitingCase();
      rt.clock.set('2025-10-10T02:00:00Z');
      const browser = await applicant(c.trackingCode);
      assert.equal((await send(browser, '第一次提交的补正内容')).status, 303);
      rt.clock.set('2025-10-14T02:00:00Z');
      const later = await applicant(c.trackingCode);
      assert.equal((await send(later, CORRECTED)).status, 303);
      const [second, first] = await rt.ctx.repos.corrections.forApplication(c.id);
      assert.deepEqual(
        [second?.state, second?.receivedOn, first?.state, first?.receivedOn],
        ['pending', '2025-10-14', 'superseded', '2025-10-10'],
      );
      const track = await (await later.get('/track/case')).text();
      assert.ok(track.includes('您已于2025-10-14在网上提交补正') && !track.includes('第一次提交的补正内容'));
      const page = await casePage(c.id);
      assert.ok(page.includes('已被申请人重新提交的补正替换'));
      const stale = await (
        await handlerWeb()
      ).post(`/admin/applications/${c.id}/corrections/${first?.id}/accept`, {
        proposalId: first?.id ?? '',
        correctedRequest: '第一次提交的补正内容',
        note: '',
      });
      assert.equal(stale.status, 409);
      assert.ok((await stale.text()).includes('申请人已重新提交补正或该补正已确认'));
      assert.equal((await rt.ctx.repos.applications.byId(c.id))?.state, 'awaiting_correction');
    });

    test('should limit the posts per client address, keeping the text typed', async () => {
      const c = await waitingCase();
      rt.clock.set('2025-10-10T02:00:00Z');
      const browser = await applicant(c.trackingCode);
      for (let i = 0; i < SENDS; i++) {
        assert.equal((await send(browser, `${CORRECTED}${i}`)).status, 303);
      }
      const limited = await send(browser, `${CORRECTED}！`);
      assert.equal(limited.status, 429);
      assert.ok(Number(limited.headers.get('retry-after')) > 0);
      const html = await limited.text();
      assert.ok(html.includes('提交过于频繁') && html.includes(`>${CORRECTED}！</textarea>`));
      rt.clock.set(new Date(Date.parse('2025-10-10T02:00:00Z') + 600_000 + 1000).toISOString());
      assert.equal((await send(browser, CORRECTED)).status, 303);
    });

    test('should not propose ending a case whose correction, sent online in time, waits for the handler', async () => {
      const sentInTime = await waitingCase();
      const silent = await waitingCase();
      rt.clock.set('2025-10-20T02:00:00Z');
      assert.equal((await send(await applicant(sentInTime.trackingCode), CORRECTED)).status, 303);
      // Tuesday 21 Oct: the period ended on the 20th.
      rt.clock.set('2025-10-21T02:00:00Z');
      const proposed = await proposeLapses(rt.ctx);
      assert.ok(proposed.includes(silent.id) && !proposed.includes(sentInTime.id));
      const events = async (id: string) => (await rt.ctx.repos.applications.byId(id))?.events.map((e) => e.action);
      assert.ok(!(await events(sentInTime.id))?.includes('propose_lapse'));
      assert.equal((await events(silent.id))?.at(-1), 'propose_lapse');
    });
  });
}
