// HTTP: approvals that see what they approve (docs/decisions/0012-reply-approval.md) — the reply's attachments
// (multipart upload in the back office, base64 in the staff API, checked by content and size), the draft 答复告知书
// seen by the legal reviewer and the signer, review comments and the signer's return in the history, the approval
// hash recorded and checked at sending, filing with a 档号, and the applicant's downloads on /track with the pass.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestRuntime, skipReason } from '../../support/runtime.js';
import { TestAgent, callApi } from '../../support/http.js';
import { forSuite, beforeSuite } from '../../support/suite.js';
import { createStaff, sampleForm, STAFF_PASSWORD } from '../../support/staff.js';
import { submitApplication } from '../../../src/app/applications/submit-application.js';
import { issueApiToken } from '../../../src/app/auth/api-token.js';
import { REPLY_SETTINGS_KEY } from '../../../src/app/applications/reply-settings.js';

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04]);
const TEXT = new TextEncoder().encode('这不是PDF文件，只是改了扩展名的文字');

type Json = Record<string, unknown>;

for (const dialect of DIALECTS) {
  describe(`reply approval over HTTP (${dialect})`, { skip: skipReason(dialect) }, () => {
    const rt = forSuite(() => openTestRuntime(dialect));
    const as = beforeSuite(async () => {
      const staff = await createStaff(rt);
      const agents: Record<'handler' | 'legal' | 'signer', TestAgent> = {} as never;
      for (const [key, username] of [
        ['handler', 'li.handler'],
        ['legal', 'chen.legal'],
        ['signer', 'sun.signer'],
      ] as const) {
        agents[key] = new TestAgent(rt);
        assert.equal((await agents[key].login(username, STAFF_PASSWORD)).status, 303);
      }
      return { ...agents, staff, handlerToken: await issueApiToken(rt.ctx, 'li.handler') };
    });

    /** A registered case whose applicant asked to obtain the reply online (网上获取). */
    const registeredCase = async () => {
      const { id, trackingCode } = await submitApplication(rt.ctx, null, {
        orgCreditCode: as.staff.rootCode,
        channel: 'online',
        form: sampleForm({ delivery: 'online' }),
      });
      await move(as.handler, id, 'register');
      return { id, trackingCode };
    };
    const move = async (agent: TestAgent, id: string, action: string, params: Record<string, string> = {}) => {
      const res = await agent.post(`/admin/applications/${id}/actions`, { action, ...params });
      assert.equal(res.status, 303, `${action}: ${res.status === 303 ? '' : await res.text()}`);
    };
    const upload = (agent: TestAgent, id: string, name: string, bytes: Uint8Array, type = 'application/pdf') => {
      const fd = new FormData();
      fd.append('attachment', new File([bytes], name, { type }));
      fd.set('_csrf', agent.cookies.get('gk_csrf') ?? '');
      return agent.request('POST', `/admin/applications/${id}/reply-files`, {
        body: fd,
        headers: { origin: 'http://localhost' },
      });
    };
    const page = async (agent: TestAgent, path: string) => {
      const res = await agent.get(path);
      assert.equal(res.status, 200, path);
      return res.text();
    };
    const draft = (id: string) =>
      move(as.handler, id, 'draft_reply', {
        outcome: 'partially_disclosed',
        reasons: '其中涉及个人隐私的内容依照第十五条不予公开',
        provision: '网上获取',
      });
    const events = async (id: string) => (await rt.ctx.repos.applications.byId(id))?.events ?? [];

    test('should accept a PDF and refuse a renamed program, text named .pdf and an oversized file', async () => {
      const { id } = await registeredCase();
      assert.equal((await upload(as.handler, id, '批复（遮盖后）.pdf', PDF)).status, 303);
      const exe = await upload(as.handler, id, '批复.pdf', EXE);
      assert.equal(exe.status, 422);
      const refused = await exe.text();
      assert.match(refused, /“答复附件”未完成/);
      assert.match(refused, /不是PDF、DOCX、XLSX或图片/);
      assert.match(refused, /批复（遮盖后）\.pdf/, 'the page keeps the attachment already uploaded');
      assert.equal((await upload(as.handler, id, '说明.pdf', TEXT)).status, 422);
      await rt.ctx.repos.settings.set(REPLY_SETTINGS_KEY, { maxFileBytes: 20 }, rt.ctx.clock.nowIso());
      try {
        const big = await upload(as.handler, id, '大文件.pdf', PDF);
        assert.equal(big.status, 422);
        assert.match(await big.text(), /超过1KB/);
      } finally {
        await rt.ctx.repos.settings.set(REPLY_SETTINGS_KEY, {}, rt.ctx.clock.nowIso());
      }
      const files = await rt.ctx.repos.replyFiles.forApplication(id);
      assert.deepEqual(
        files.map((f) => [f.name, f.mime, f.size]),
        [['批复（遮盖后）.pdf', 'application/pdf', PDF.byteLength]],
      );
    });

    test('should take attachments through the staff API in base64, refusing them once the draft went to review', async () => {
      const { id } = await registeredCase();
      const path = `/api/v1/applications/${id}/reply-attachments`;
      const body = (bytes: Uint8Array, name: string) => ({ name, content: Buffer.from(bytes).toString('base64') });
      const saved = await callApi<Json>(as.handler, 'POST', path, as.handlerToken, body(PDF, '批复.pdf'));
      assert.equal(saved.status, 201);
      assert.equal(saved.json.mime, 'application/pdf');
      const bad = await callApi<Json>(as.handler, 'POST', path, as.handlerToken, body(EXE, 'setup.pdf'));
      assert.equal(bad.status, 422);
      assert.equal(bad.json.reason, 'invalid_reply_file');
      await draft(id);
      const late = await callApi<Json>(as.handler, 'POST', path, as.handlerToken, body(PDF, '补充.pdf'));
      assert.equal(late.status, 409);
      assert.equal(late.json.reason, 'not_drafting');
      const reply = await callApi<Json>(as.handler, 'GET', `/api/v1/applications/${id}/reply`, as.handlerToken);
      assert.equal(reply.status, 200);
      assert.equal((reply.json.draftNotice as Json).docNo, '（草稿）');
      assert.equal((reply.json.attachments as Json[]).length, 1);
    });

    test('should run the whole approval: review sees the draft and returns it, the handler redrafts, the signer returns and approves, the sent reply is the approved one, and the applicant downloads it', async () => {
      const { id, trackingCode } = await registeredCase();
      assert.equal((await upload(as.handler, id, '批复（遮盖后）.pdf', PDF)).status, 303);
      await draft(id);

      // The legal reviewer sees the draft notice and the attachment, and returns the draft with a comment.
      const casePage = await page(as.legal, `/admin/applications/${id}`);
      assert.match(casePage, /答复告知书草稿与答复附件/);
      assert.match(casePage, new RegExp(`/admin/applications/${id}/reply-draft`));
      const fileId = (await rt.ctx.repos.replyFiles.forApplication(id))[0]?.id ?? '';
      assert.match(casePage, new RegExp(`/admin/applications/${id}/reply-files/${fileId}`));
      const draftView = await page(as.legal, `/admin/applications/${id}/reply-draft`);
      assert.match(draftView, /（草稿）/);
      assert.match(draftView, /涉及个人隐私的内容/);
      const docx = await as.legal.get(`/admin/applications/${id}/reply-draft/docx`);
      assert.equal(docx.status, 200);
      assert.deepEqual([...new Uint8Array(await docx.arrayBuffer()).slice(0, 2)], [0x50, 0x4b]);
      const got = await as.legal.get(`/admin/applications/${id}/reply-files/${fileId}`);
      assert.deepEqual(new Uint8Array(await got.arrayBuffer()), PDF);
      await move(as.legal, id, 'return_from_legal_review', { comments: '请补充不予公开部分的法律依据' });

      // The handler sees the comment and drafts again.
      assert.match(
        await page(as.handler, `/admin/applications/${id}`),
        /合法性审查退回意见：请补充不予公开部分的法律依据/,
      );
      await move(as.handler, id, 'draft_reply', {
        outcome: 'partially_disclosed',
        reasons: '其中涉及个人隐私的内容依照第十五条不予公开',
        legalBasis: '《中华人民共和国政府信息公开条例》第十五条、第三十七条',
        provision: '网上获取',
      });
      await move(as.legal, id, 'pass_legal_review', { confidentialityReviewed: 'true', comments: '已核对遮盖' });

      // The signer returns it once with a reason, shown to the handler; drafted, reviewed and approved again.
      const noReason = await as.signer.post(`/admin/applications/${id}/actions`, { action: 'return_from_approval' });
      assert.equal(noReason.status, 422);
      await move(as.signer, id, 'return_from_approval', { reason: '附件页码与告知书不一致，请核对' });
      assert.equal((await rt.ctx.repos.applications.byId(id))?.state, 'registered');
      assert.match(await page(as.handler, `/admin/applications/${id}`), /审批退回理由：附件页码与告知书不一致，请核对/);
      await move(as.handler, id, 'draft_reply', {
        outcome: 'partially_disclosed',
        reasons: '其中涉及个人隐私的内容依照第十五条不予公开（已核对页码）',
        provision: '网上获取',
      });
      await move(as.legal, id, 'pass_legal_review', { confidentialityReviewed: 'true' });
      assert.match(await page(as.signer, `/admin/applications/${id}/reply-draft`), /已核对页码/);
      await move(as.signer, id, 'approve_reply', { comments: '同意' });

      // The approval hash is recorded in the ledger, and the reply sent is the approved draft, numbered.
      const approvedHash = (await events(id)).findLast((e) => e.action === 'approve_reply')?.params.approvedHash;
      assert.match(String(approvedHash), /^[0-9a-f]{64}$/);
      const approvedDraft = await rt.ctx.repos.replyDrafts.latest(id);
      await move(as.handler, id, 'send_reply', { method: 'online' });
      assert.equal((await events(id)).at(-1)?.params.sentHash, approvedHash);
      const reply = (await rt.ctx.repos.notices.forApplication(id)).find((n) => n.kind === 'reply');
      const sent = reply?.body as { docNo: string; paragraphs: string[] };
      assert.deepEqual(sent.paragraphs, (approvedDraft?.body as { paragraphs: string[] }).paragraphs);
      assert.notEqual(sent.docNo, '（草稿）');
      assert.match(await page(as.handler, `/admin/applications/${id}`), /审批答复意见：同意/);

      // The applicant downloads the reply and the file on /track, only with the pass.
      const applicant = new TestAgent(rt);
      await applicant.get('/track');
      assert.equal((await applicant.get(`/track/files/${fileId}`)).status, 401, 'no pass, no file');
      assert.equal((await applicant.post('/track', { code: trackingCode, contact: '13812345678' })).status, 303);
      const track = await page(applicant, '/track/case');
      assert.match(track, /网上获取答复/);
      assert.match(track, new RegExp(`/track/notices/${reply?.id ?? 'x'}`));
      assert.match(track, new RegExp(`/track/files/${fileId}`));
      const file = await applicant.get(`/track/files/${fileId}`);
      assert.equal(file.status, 200);
      assert.deepEqual(new Uint8Array(await file.arrayBuffer()), PDF);
      assert.equal((await applicant.get(`/track/notices/${reply?.id ?? ''}`)).status, 200);

      // Filing asks for confirmation, then assigns the 档号 and the retention period shown on the case page.
      const unconfirmed = await as.handler.post(`/admin/applications/${id}/actions`, { action: 'archive' });
      assert.equal(unconfirmed.status, 422);
      assert.match(await unconfirmed.text(), /确认归档/);
      await move(as.handler, id, 'archive', { confirm: 'true', retention: '30y' });
      const filed = (await events(id)).at(-1)?.params;
      const year = rt.ctx.clock.today().slice(0, 4);
      assert.match(String(filed?.archiveNo), new RegExp(`^.+-${year}-D30-\\d{4}$`));
      const summary = await page(as.handler, `/admin/applications/${id}`);
      assert.ok(summary.includes(String(filed?.archiveNo)));
      assert.match(summary, /保管期限<\/dt>\s*<dd>30年/);
    });

    test('should refuse to send a reply whose attachments changed after approval (changed_since_approval)', async () => {
      const { id } = await registeredCase();
      assert.equal((await upload(as.handler, id, '批复.pdf', PDF)).status, 303);
      await draft(id);
      await move(as.legal, id, 'pass_legal_review', { confidentialityReviewed: 'true' });
      await move(as.signer, id, 'approve_reply');
      // A change no form allows after approval, made underneath: another file is added to the reply.
      const [first] = await rt.ctx.repos.replyFiles.forApplication(id);
      assert.ok(first);
      await rt.ctx.repos.replyFiles.insert({ ...first, id: `${first.id}-x`, name: '多出的文件.pdf' });
      const res = await callApi<Json>(as.handler, 'POST', `/api/v1/applications/${id}/actions`, as.handlerToken, {
        action: 'send_reply',
        method: 'online',
      });
      assert.equal(res.status, 409);
      assert.equal(res.json.reason, 'changed_since_approval');
      assert.equal((await rt.ctx.repos.applications.byId(id))?.state, 'approved');
      assert.equal((await rt.ctx.repos.notices.forApplication(id)).filter((n) => n.kind === 'reply').length, 0);
    });

    test('should keep the draft and the attachments from the signed-out and from API calls without a token', async () => {
      const { id } = await registeredCase();
      const outsider = new TestAgent(rt);
      assert.equal((await outsider.get(`/admin/applications/${id}/reply-draft`)).status, 303, 'sign in first');
      const other = await callApi<Json>(as.handler, 'GET', `/api/v1/applications/${id}/reply`);
      assert.equal(other.status, 401);
    });
  });
}
