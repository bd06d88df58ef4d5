// Every limit against abuse holds across processes (docs/security/abuse.md, docs/deploy.md): two runtimes opened
// on one database with the same GONGKAI_SECRET, as two servers of one site are, share the status-lookup budget,
// the intake limits, the login counters, the form tokens and the proof of work's once-only challenges; a runtime
// with another key neither accepts the others' form tokens nor counts under their keys.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openRuntime, type Runtime } from '../../../src/main.js';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { runtimeSettings } from '../../support/db-template.js';
import { limitedLookup } from '../../../src/app/throttle/lookup-limits.js';
import { chargeIntake } from '../../../src/app/throttle/intake-limits.js';
import { checkFormToken, issueFormToken } from '../../../src/app/throttle/form-token.js';
import { checkProofOfWork, issueChallenge, leadingZeroBits } from '../../../src/app/throttle/proof-of-work.js';
import { login } from '../../../src/app/auth/login.js';
import { RateLimitedError } from '../../../src/app/errors.js';
import type { AbuseLimits } from '../../../src/app/throttle/limits.js';

const SECRET = 'one-site-one-key-one-site-one-key-0123456789';
const LIMITS: Partial<AbuseLimits> = {
  lookupFailuresPerAddress: 3,
  intakePerAddressPerHour: 2,
  loginPerAccountAddress: 2,
  powBits: 4,
};

for (const dialect of DIALECTS) {
  describe(`limits shared by two runtimes on one database (${dialect})`, { skip: skipReason(dialect) }, () => {
    let base: TestRuntime;
    let a: Runtime;
    let b: Runtime;
    let other: Runtime;

    before(async () => {
      base = await openTestRuntime(dialect, { limits: LIMITS });
      const open = (secret: string) => openRuntime(base.db, { ...runtimeSettings(base.clock, LIMITS), secret });
      [a, b, other] = await Promise.all([open(SECRET), open(SECRET), open(`${SECRET}-other`)]);
    });

    after(async () => {
      for (const rt of [a, b, other]) await rt?.close();
      await base?.close();
    });

    test('should refuse the fourth failed status lookup from one address, made at either runtime', async () => {
      const miss = async () => undefined;
      const kinds: string[] = [];
      for (const rt of [a, b, a, b]) kinds.push((await limitedLookup(rt.ctx, '203.0.113.7', miss)).kind);
      assert.deepEqual(kinds, ['not_found', 'not_found', 'not_found', 'limited']);
      // Under another key the address is another counter: the shared count is the key's, not the table's.
      assert.equal((await limitedLookup(other.ctx, '203.0.113.7', miss)).kind, 'not_found');
    });

    test('should refuse the third application from one address in an hour, made at either runtime', async () => {
      const who = { address: '203.0.113.8', email: '', phone: '' };
      await chargeIntake(a.ctx, who);
      await chargeIntake(b.ctx, who);
      await assert.rejects(chargeIntake(a.ctx, who), RateLimitedError);
    });

    test('should count failed logins at both runtimes together', async () => {
      const attempt = (rt: Runtime) => login(rt.ctx, 'nobody-here', 'wrong-password', '203.0.113.9');
      await assert.rejects(attempt(a), (e: Error) => !(e instanceof RateLimitedError));
      await assert.rejects(attempt(b), (e: Error) => !(e instanceof RateLimitedError));
      await assert.rejects(attempt(a), RateLimitedError);
    });

    test('should accept a form drawn by one runtime when posted to the other, and not under another key', () => {
      const token = issueFormToken(a.ctx, 'apply:x');
      assert.equal(checkFormToken(b.ctx, 'apply:x', token), null);
      assert.equal(checkFormToken(other.ctx, 'apply:x', token), 'invalid');
    });

    test('should take a solved challenge once across both runtimes', async () => {
      const { challenge } = issueChallenge(a.ctx);
      let n = 0;
      while (leadingZeroBits(a.ctx.crypto.sha256(`${challenge}:${n}`)) < 4) n += 1;
      const header = `${challenge}:${n}`;
      assert.equal(await checkProofOfWork(b.ctx, header), null, 'solved, taken at the other runtime');
      assert.equal(await checkProofOfWork(a.ctx, header), 'reused');
    });
  });
}
