// Abuse of the public surfaces (docs/security/abuse.md), on both dialects: the public intake
// as a spam cannon (limits per client address, email and phone; receipts; staff tokens exempt; X-Forwarded-For only
// from trusted proxies; the form's token and honeypot; the proof of work), the login throttle (one body for every
// username, Retry-After, concurrent guesses), the status lookup throttled per address and never per code, and
// release to all without the tracking code. Each test sets the limits it exercises.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../support/runtime.js';
import { TestAgent } from '../support/http.js';
import { createStaff, sampleForm } from '../support/staff.js';
import { issueApiToken } from '../../src/app/auth/api-token.js';
import { submitApplication } from '../../src/app/applications/submit-application.js';
import { actOnApplication } from '../../src/app/applications/act-on-application.js';
import { releaseToAll } from '../../src/app/applications/release-to-all.js';
import { leadingZeroBits } from '../../src/app/throttle/proof-of-work.js';
import type { AbuseLimits } from '../../src/app/throttle/limits.js';

const LIMITS: Partial<AbuseLimits> = {
  intakePerAddressPerHour: 10,
  intakePerEmailPerDay: 5,
  intakePerPhonePerDay: 5,
  receiptsPerRecipientPerDay: 3,
  formMinSeconds: 3,
  formMaxHours: 24,
  loginPerAccountAddress: 5,
  loginPerAddress: 20,
  loginPerAccount: 30,
  lookupFailuresPerAddress: 10,
};
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

/** A valid mobile number for a test series and a serial. */
const phone = (series: number, i: number) => `13${series}${String(i).padStart(8, '0')}`;

for (const dialect of DIALECTS) {
  describe(`abuse of the public surfaces (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    let staff: Awaited<ReturnType<typeof createStaff>>;
    let handlerToken: string;
    before(async () => {
      rt = await openTestRuntime(dialect, { limits: LIMITS });
      staff = await createStaff(rt);
      handlerToken = await issueApiToken(rt.ctx, 'li.handler');
    });
    after(() => rt.close());

    const applicant = (email: string, tel: string) => {
      const form = sampleForm();
      return { ...form, applicant: { ...form.applicant, email, phone: tel } };
    };
    const post = (agent: TestAgent, payload: unknown, headers: Record<string, string> = {}) =>
      agent.request('POST', '/api/v1/applications', {
        body: JSON.stringify(payload),
        headers: { 'content-type': 'application/json', ...headers },
      });
    const body = (email: string, tel: string) => ({ org: staff.rootCode, ...applicant(email, tel) });
    /** An application handed in at the office, entered by its handler with a token. */
    const staffBody = (email: string, tel: string) => ({
      ...body(email, tel),
      channel: 'in_person',
      submittedOn: '2025-09-28',
    });
    const receiptsTo = async (pattern: RegExp) =>
      (await rt.ctx.repos.outbox.due('9999-01-01T00:00:00Z', 100_000)).filter(
        (m) => m.kind === 'application.receipt' && pattern.test(m.to),
      );

    test('should stop a flood of 150 API submissions in a minute from one address at the limit, receipts too', async () => {
      const flood = new TestAgent(rt, { ip: '198.51.100.1' });
      const statuses: number[] = [];
      for (let i = 0; i < 150; i++) {
        if (i % 3 === 0) rt.clock.advance(1000); // 150 submissions over 50 seconds
        const res = await post(flood, body(`flood${i}@example.com`, phone(5, i)));
        statuses.push(res.status);
        if (res.status === 429) assert.ok(Number(res.headers.get('retry-after')) > 0);
      }
      const accepted = statuses.filter((s) => s === 201).length;
      assert.equal(accepted, 10, `accepted ${accepted} of 150`);
      assert.equal(statuses.filter((s) => s === 429).length, 140);
      assert.equal((await receiptsTo(/^flood\d+@/)).length, 10, 'no receipt queued past the limit');
    });

    test('should limit per email and per phone across addresses, and leave staff-token intake unlimited', async () => {
      const viaEmail: number[] = [];
      for (let i = 0; i < 7; i++) {
        const res = await post(
          new TestAgent(rt, { ip: `198.51.100.${20 + i}` }),
          body('same@example.com', phone(6, i)),
        );
        viaEmail.push(res.status);
      }
      assert.deepEqual(viaEmail, [201, 201, 201, 201, 201, 429, 429]);
      const viaPhone: number[] = [];
      for (let i = 0; i < 7; i++) {
        const res = await post(
          new TestAgent(rt, { ip: `198.51.100.${40 + i}` }),
          body(`p${i}@example.com`, phone(7, 1)),
        );
        viaPhone.push(res.status);
      }
      assert.deepEqual(viaPhone, [201, 201, 201, 201, 201, 429, 429]);
      const office = new TestAgent(rt, { ip: '198.51.100.60' });
      const entered: number[] = [];
      for (let i = 0; i < 15; i++) {
        const res = await post(office, staffBody('walkin@example.com', phone(8, 1)), {
          authorization: `Bearer ${handlerToken}`,
        });
        entered.push(res.status);
      }
      assert.ok(
        entered.every((s) => s === 201),
        JSON.stringify(entered),
      );
      // The receipts to one recipient are limited even for staff-entered cases.
      assert.equal((await receiptsTo(/^walkin@/)).length, 3);
    });

    test('should read X-Forwarded-For only from a trusted proxy', async () => {
      const spoofer = new TestAgent(rt, { ip: '198.51.100.70' });
      const spoofed: number[] = [];
      for (let i = 0; i < 12; i++) {
        const res = await post(spoofer, body(`s${i}@example.com`, phone(9, i)), {
          'x-forwarded-for': `203.0.113.${i}`,
        });
        spoofed.push(res.status);
      }
      assert.equal(spoofed.filter((s) => s === 201).length, 10, 'an untrusted header changes nothing');
      const proxy = new TestAgent(rt, { ip: '10.0.0.5', trustedProxies: ['10.0.0.5'] });
      const forwarded: number[] = [];
      for (let i = 0; i < 12; i++) {
        const res = await post(proxy, body(`f${i}@example.com`, phone(5, 500 + i)), {
          'x-forwarded-for': `192.0.2.${100 + i}, 10.0.0.5`,
        });
        forwarded.push(res.status);
      }
      assert.ok(
        forwarded.every((s) => s === 201),
        'each client behind the proxy has its own budget',
      );
      const one: number[] = [];
      for (let i = 0; i < 12; i++) {
        const res = await post(proxy, body(`o${i}@example.com`, phone(5, 600 + i)), {
          'x-forwarded-for': '192.0.2.250',
        });
        one.push(res.status);
      }
      assert.equal(one.filter((s) => s === 201).length, 10, 'one client behind the proxy is limited');
    });

    test('should refuse names with web addresses or line breaks and greet 申请人 in the receipt', async () => {
      const agent = new TestAgent(rt, { ip: '198.51.100.80' });
      const spam = body('victim@example.com', phone(6, 900));
      const res = await post(agent, {
        ...spam,
        applicant: { ...spam.applicant, name: '恭喜中奖 https://spam.example' },
      });
      assert.equal(res.status, 422);
      assert.match(JSON.stringify(await res.json()), /网址/);
      assert.equal((await post(agent, body('greet@example.com', phone(6, 901)))).status, 201);
      const [receipt] = await receiptsTo(/^greet@/);
      assert.ok(receipt);
      assert.match(receipt.text, /^申请人：/);
      assert.doesNotMatch(receipt.text + receipt.subject, /张三|老旧小区|人民路/);
    });

    test('should refuse the form posted too fast, too late, with a forged token or a filled honeypot', async () => {
      const agent = new TestAgent(rt, { ip: '198.51.100.90' });
      const path = `/org/${staff.rootCode}/apply`;
      const open = async () => {
        const html = await (await agent.get(path)).text();
        return {
          token: /name="formToken" value="([^"]+)"/.exec(html)?.[1] ?? '',
          key: /name="submissionKey" value="([^"]+)"/.exec(html)?.[1] ?? '',
        };
      };
      const form = sampleForm();
      const fields = (extra: Record<string, string>) => ({
        'applicant.type': 'natural_person',
        'applicant.name': form.applicant.name,
        'applicant.idType': 'resident_id',
        'applicant.idNumber': '11010519491231002X',
        'applicant.phone': phone(7, 900),
        'applicant.email': 'form@example.com',
        description: '2024年示例区老旧小区改造项目的立项批复文件',
        carrier: 'electronic',
        delivery: 'email',
        ...extra,
      });
      const send = (extra: Record<string, string>) =>
        agent.postMultipart(path, fields(extra), { proof: [new File([PNG], 'id.png', { type: 'image/png' })] });
      const count = async () =>
        (await rt.ctx.repos.applications.list({ orgIds: [staff.rootId] }, { limit: 1, offset: 0 })).total;
      const before = await count();
      const first = await open();
      const fast = await send({ formToken: first.token, submissionKey: first.key });
      assert.equal(fast.status, 422);
      assert.match(await fast.text(), /提交过快/);
      rt.clock.advance(5000);
      const forged = await send({ formToken: `${first.token.split('.')[0]}.forged`, submissionKey: first.key });
      assert.equal(forged.status, 422);
      const honey = await send({ formToken: first.token, submissionKey: first.key, website: 'http://spam.example' });
      assert.equal(honey.status, 422);
      const late = await open();
      rt.clock.advance(25 * 3600_000);
      assert.match(await (await send({ formToken: late.token, submissionKey: late.key })).text(), /已经失效/);
      assert.equal(await count(), before, 'nothing stored');
      const fresh = await open();
      rt.clock.advance(5000);
      const ok = await send({ formToken: fresh.token, submissionKey: fresh.key });
      assert.equal(ok.status, 200);
      assert.equal(await count(), before + 1);
    });

    test('should need a proof of work on public API intake when GONGKAI_POW_BITS > 0', async () => {
      const agent = new TestAgent(rt, { ip: '198.51.100.100' });
      rt.ctx.settings.limits.powBits = 8;
      try {
        const none = await post(agent, body('pow@example.com', phone(8, 100)));
        assert.equal(none.status, 403);
        assert.equal(((await none.json()) as { reason: string }).reason, 'pow_required');
        const { challenge, bits } = (await (await agent.get('/api/v1/challenge')).json()) as {
          challenge: string;
          bits: number;
        };
        assert.equal(bits, 8);
        let n = 0;
        while (leadingZeroBits(createHash('sha256').update(`${challenge}:${n}`).digest('hex')) < bits) n++;
        const headers = { 'x-gongkai-pow': `${challenge}:${n}` };
        assert.equal((await post(agent, body('pow@example.com', phone(8, 101)), headers)).status, 201);
        assert.equal((await post(agent, body('pow2@example.com', phone(8, 102)), headers)).status, 403, 'used once');
        const staffEntry = await post(agent, staffBody('pow3@example.com', phone(8, 103)), {
          authorization: `Bearer ${handlerToken}`,
        });
        assert.equal(staffEntry.status, 201, 'staff tokens need no proof');
      } finally {
        rt.ctx.settings.limits.powBits = 0;
      }
    });

    test('should throttle logins with one body for existing and unknown usernames, and Retry-After', async () => {
      const agent = new TestAgent(rt, { ip: '198.51.100.110' });
      const bodies: string[] = [];
      for (const username of ['admin', 'no.such.user']) {
        for (let i = 0; i < 5; i++) assert.equal((await agent.login(username, `wrong-${i}-password`)).status, 401);
        const limited = await agent.login(username, 'wrong-again-password');
        assert.equal(limited.status, 429);
        assert.ok(Number(limited.headers.get('retry-after')) > 0);
        bodies.push(await limited.text());
      }
      assert.equal(bodies[0], bodies[1]);
      assert.doesNotMatch(bodies[0] ?? '', /锁定|423/);
    });

    test('should evaluate at most the limit of 40 concurrent wrong passwords', async () => {
      let evaluated = 0;
      const hasher = rt.ctx.hasher;
      const counting = {
        ...rt,
        ctx: {
          ...rt.ctx,
          hasher: { ...hasher, verify: (h: string, p: string) => ((evaluated += 1), hasher.verify(h, p)) },
        },
      };
      const agent = new TestAgent(counting, { ip: '198.51.100.120' });
      await agent.get('/admin/login');
      const statuses = await Promise.all(
        Array.from({ length: 40 }, (_, i) => agent.login('li.handler', `concurrent-wrong-${i}`).then((r) => r.status)),
      );
      assert.ok(evaluated <= 5, `evaluated ${evaluated}`);
      assert.equal(statuses.filter((s) => s === 401).length, evaluated);
      assert.equal(statuses.filter((s) => s === 429).length, 40 - evaluated);
    });

    test('should alert the administrators once when one address sprays many accounts', async () => {
      const agent = new TestAgent(rt, { ip: '198.51.100.130' });
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) statuses.push((await agent.login(`user${i}`, 'spray-password-1')).status);
      assert.equal(statuses.filter((s) => s === 401).length, 20);
      const alerts = await rt.ctx.repos.audit.list({ action: 'user.login_attack' }, { limit: 100 });
      assert.equal(alerts.filter((a) => a.afterJson?.includes('198.51.100.130')).length, 1);
    });

    test('should throttle status lookups per address, never lock the applicant out of a code', async () => {
      const { trackingCode } = await submitApplication(rt.ctx, null, {
        orgCreditCode: staff.rootCode,
        channel: 'online',
        form: applicant('track@example.com', '13812345678'),
      });
      const lookup = (agent: TestAgent, contact: string) =>
        agent.request('GET', `/api/v1/track?code=${encodeURIComponent(trackingCode)}&contact=${contact}`);
      for (let i = 0; i < 30; i++) {
        assert.equal((await lookup(new TestAgent(rt, { ip: `192.0.2.${i + 1}` }), phone(9, 700 + i))).status, 404);
      }
      const owner = new TestAgent(rt, { ip: '203.0.113.200' });
      assert.equal((await lookup(owner, '13812345678')).status, 200, 'the applicant is not locked out');
      const guesser = new TestAgent(rt, { ip: '198.51.100.140' });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await lookup(guesser, phone(9, 800 + i))).status);
      assert.deepEqual(statuses, [...Array<number>(10).fill(404), 429, 429]);
    });

    test('should publish no tracking code when a reply is released to all', async () => {
      const { id, trackingCode } = await submitApplication(rt.ctx, null, {
        orgCreditCode: staff.rootCode,
        channel: 'online',
        form: sampleForm(),
      });
      await actOnApplication(rt.ctx, staff.handler, id, 'register', {});
      await actOnApplication(rt.ctx, staff.handler, id, 'draft_reply', { outcome: 'disclosed' });
      await actOnApplication(rt.ctx, staff.legal, id, 'pass_legal_review', { confidentialityReviewed: true });
      await actOnApplication(rt.ctx, staff.signer, id, 'approve_reply', {});
      await actOnApplication(rt.ctx, staff.handler, id, 'send_reply', { method: 'email' });
      const draft = await releaseToAll(rt.ctx, staff.handler, id);
      const pub = await rt.ctx.repos.publications.byId(draft.id);
      assert.ok(pub);
      assert.ok(!JSON.stringify(pub).includes(trackingCode));
      assert.doesNotMatch(JSON.stringify(pub), /查询码/);
    });
  });
}
