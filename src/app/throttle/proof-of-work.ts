// The optional proof of work of public API intake (docs/decisions/0013-intake-abuse.md; GONGKAI_POW_BITS, 0 = off):
// a client fetches a challenge (GET /api/v1/challenge), finds a number n such that SHA-256 of `<challenge>:<n>` starts
// with `bits` zero bits, and sends `X-Gongkai-PoW: <challenge>:<n>` with its application. The challenge is signed with
// the server's key, lives 10 minutes and is good for one application. It prices a flood in CPU time where the address
// limits cannot see it (many addresses); the web form does not need it (it has its token and honeypot).
import type { Clock, Crypto } from '../ports.js';
import type { AbuseLimits } from './limits.js';
import type { ThrottleContext } from './ports.js';
import { firstInWindow } from './throttle.js';

/** How long a challenge may be used. */
export const CHALLENGE_SECONDS = 600;

/** What the proof of work uses. */
export type PowContext = ThrottleContext & { clock: Clock; crypto: Crypto; settings: { limits: AbuseLimits } };

/** Why a proof was refused. */
export type PowRefusal = 'missing' | 'invalid' | 'expired' | 'reused' | 'too_weak';

/** The Chinese message of a refused proof. */
export const POW_MESSAGE = '缺少或无效的工作量证明（X-Gongkai-PoW），请先获取 /api/v1/challenge';

/** A challenge for a client to solve. */
export function issueChallenge(ctx: PowContext): { challenge: string; bits: number; expiresInSeconds: number } {
  const body = `${ctx.clock.nowMs()}.${ctx.crypto.randomToken(12)}`;
  return {
    challenge: `${body}.${ctx.crypto.sign(`pow\n${body}`)}`,
    bits: ctx.settings.limits.powBits,
    expiresInSeconds: CHALLENGE_SECONDS,
  };
}

/** Leading zero bits of a hexadecimal digest. */
export function leadingZeroBits(hex: string): number {
  let bits = 0;
  for (const ch of hex) {
    const nibble = parseInt(ch, 16);
    if (nibble === 0) {
      bits += 4;
      continue;
    }
    return bits + Math.clz32(nibble) - 28;
  }
  return bits;
}

/**
 * Checks the proof a public application came with (nothing is needed while GONGKAI_POW_BITS is 0).
 * @param header the `X-Gongkai-PoW` header
 * @returns null when it is good (or not needed), else why not
 */
export async function checkProofOfWork(ctx: PowContext, header: string | undefined): Promise<PowRefusal | null> {
  const bits = ctx.settings.limits.powBits;
  if (bits <= 0) return null;
  if (!header) return 'missing';
  const m = /^(\d{1,16})\.([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{43}):(\d{1,20})$/.exec(header.trim());
  if (!m) return 'invalid';
  const [, at = '', nonce = '', signature = '', solution = ''] = m;
  if (signature !== ctx.crypto.sign(`pow\n${at}.${nonce}`)) return 'invalid';
  if (ctx.clock.nowMs() - Number(at) > CHALLENGE_SECONDS * 1000) return 'expired';
  const challenge = `${at}.${nonce}.${signature}`;
  if (leadingZeroBits(ctx.crypto.sha256(`${challenge}:${solution}`)) < bits) return 'too_weak';
  const first = await firstInWindow(ctx, { scope: 'pow.used', windowSeconds: 2 * CHALLENGE_SECONDS }, challenge);
  return first ? null : 'reused';
}
