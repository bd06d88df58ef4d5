// HTTP: the email outbox page — queued and failed messages with the recipient masked, the retry of a failed one
// (CSRF form, audited), sending it through a real SMTP server afterwards, and root admins only; on both dialects.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import type { TestAgent } from '../../support/http.js';
import { adminAgent, staffAgent } from '../../support/admin.js';
import { enqueueMail, flushOutbox } from '../../../src/app/mail/outbox.js';
import { smtpMailer } from '../../../src/adapters/mail/smtp-mailer.js';
import { startSmtp, type Received } from '../../support/smtp.js';

const PAGE = '/admin/system/mail';
const FROM = '示例区政务公开办 <gk@example.gov.cn>';

/** A loopback port nothing listens on (taken, then released): connecting to it is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 1;
}

/** The table row of one message ('' when not listed). */
const rowOf = (html: string, id: string): string =>
  new RegExp(`<tr data-mail="${id}"[\\s\\S]*?</tr>`).exec(html)?.[0] ?? '';

for (const dialect of DIALECTS) {
  describe(`email outbox page (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    let admin: TestAgent;
    const ids = { failed: '', queued: '' };
    const queue = async (id: string, to: string, subject: string) =>
      rt.ctx.uow.run((r) => enqueueMail(r, () => id, { to, subject, text: '正文', kind: 'test' }, rt.clock.nowIso()));

    before(async () => {
      rt = await openTestRuntime(dialect);
      admin = await adminAgent(rt);
      ids.failed = `m-fail-${dialect}`;
      ids.queued = `m-queue-${dialect}`;
      await queue(ids.failed, 'zhangsan@example.com', '受理回执');
      // The mail server refuses the connection: the attempt fails and the error is kept.
      rt.ctx.mailer = smtpMailer(`smtp://127.0.0.1:${await closedPort()}`, FROM);
      assert.deepEqual(await flushOutbox(rt.ctx), { sent: 0, failed: 1 });
      await queue(ids.queued, 'lisi@example.org', '补正告知');
    });
    after(() => rt.close());

    test('should list queued and failed messages with masked recipients, attempts, error and next try', async () => {
      const res = await admin.get(PAGE);
      assert.equal(res.status, 200);
      const html = await res.text();
      const failed = rowOf(html, ids.failed);
      assert.match(failed, /<td>z\*\*\*@example\.com<\/td>/);
      assert.match(failed, /受理回执/);
      assert.match(failed, /发送失败/);
      assert.match(failed, /<td class="num">1<\/td>/);
      assert.match(failed, /ECONNREFUSED|connect/i);
      assert.match(failed, /name="_csrf"/);
      assert.match(failed, new RegExp(`action="${PAGE}/${ids.failed}/retry"`));
      const queued = rowOf(html, ids.queued);
      assert.match(queued, /<td>l\*\*\*@example\.org<\/td>/);
      assert.match(queued, /待发送/);
      assert.doesNotMatch(queued, /立即重试/);
      assert.doesNotMatch(html, /zhangsan@|lisi@/);
      const onlyFailed = await (await admin.get(`${PAGE}?state=failed`)).text();
      assert.ok(rowOf(onlyFailed, ids.failed));
      assert.equal(rowOf(onlyFailed, ids.queued), '');
      assert.match(await (await admin.get(`${PAGE}?state=bogus`)).text(), /状态有误/);
    });

    test('should refuse anyone but a root admin, a retry without the CSRF token, and an unknown message', async () => {
      const root = (await rt.ctx.repos.orgs.list()).find((o) => o.parentId === null);
      const dept = (await rt.ctx.repos.orgs.list()).find((o) => o.parentId !== null);
      assert.ok(root && dept);
      const deptAdmin = await staffAgent(rt, 'dept.admin', ['admin'], dept.id);
      const handler = await staffAgent(rt, 'mail.handler', ['handler'], root.id);
      for (const a of [deptAdmin, handler]) {
        assert.equal((await a.get(PAGE)).status, 403);
        assert.equal((await a.post(`${PAGE}/${ids.failed}/retry`, {})).status, 403);
      }
      assert.equal((await admin.post(`${PAGE}/${ids.failed}/retry`, {}, { csrf: false })).status, 403);
      assert.equal((await admin.post(`${PAGE}/${ids.queued}/retry`, {})).status, 404, 'only a failed message');
      assert.equal((await admin.post(`${PAGE}/no-such-mail/retry`, {})).status, 404);
      const head = await rt.ctx.repos.audit.head();
      assert.equal((await rt.ctx.repos.audit.list({ action: 'mail.retried' }, { limit: 5 })).length, 0);
      assert.equal((await rt.ctx.repos.audit.head()).lastSeq, head.lastSeq);
    });

    test('should make a failed message due now, audit it, and send it on the next run', async () => {
      const res = await admin.post(`${PAGE}/${ids.failed}/retry`, {});
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), `${PAGE}?flash=retried`);
      const page = await (await admin.get(`${PAGE}?flash=retried`)).text();
      assert.match(page, /已安排重新发送/);
      const [entry] = await rt.ctx.repos.audit.list({ action: 'mail.retried' }, { limit: 5 });
      assert.equal(entry?.entityId, ids.failed);
      assert.match(entry?.actorLabel ?? '', /^admin/);
      const audit = await (await admin.get('/admin/audit?action=mail.retried')).text();
      assert.match(audit, /重新发送邮件/);
      const inbox: Received[] = [];
      const smtp = await startSmtp(inbox);
      try {
        rt.ctx.mailer = smtpMailer(smtp.url, FROM);
        const sent = await flushOutbox(rt.ctx);
        assert.equal(sent.failed, 0);
        assert.ok(
          inbox.some((m) => m.to.includes('zhangsan@example.com')),
          'the retried message is delivered',
        );
      } finally {
        await smtp.close();
      }
      assert.equal(rowOf(await (await admin.get(PAGE)).text(), ids.failed), '', 'a sent message leaves the page');
    });
  });
}
