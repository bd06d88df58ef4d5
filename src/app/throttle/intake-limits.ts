// The limits of public intake and of receipt emails (docs/decisions/0013-intake-abuse.md): a public application
// is charged per client address, per email address and per phone number before it is stored; a receipt email is
// charged per recipient and against an hourly cap for all recipients, in the application's own transaction.
// Staff entering an application with their token are not limited (their receipts are).
import { RateLimitedError } from '../errors.js';
import type { AbuseLimits } from './limits.js';
import type { ThrottleContext } from './ports.js';
import { spend, type Charge, type Spent } from './throttle.js';

const HOUR = 3600;
const DAY = 24 * HOUR;

/** What the intake limits use: the counters and the limits set. */
export type IntakeLimitContext = ThrottleContext & { settings: { limits: AbuseLimits } };

/** The message of a refused public application. */
export const TOO_MANY_APPLICATIONS = '提交申请过于频繁，请稍后再试。如需一次提交多份申请，请与受理机关联系。';

/**
 * Charges one public application to its client address, email and phone (each normalized by intake).
 * @returns ok with `refund` (an application that is not stored after all gives its counts back)
 * @throws RateLimitedError when any of them has used up its budget
 */
export async function chargeIntake(
  ctx: IntakeLimitContext,
  who: { address?: string; email: string; phone: string },
): Promise<Extract<Spent, { ok: true }>> {
  const l = ctx.settings.limits;
  const charges: Charge[] = [];
  if (who.address) {
    charges.push({
      budget: { scope: 'intake.address', limit: l.intakePerAddressPerHour, windowSeconds: HOUR },
      key: who.address,
    });
  }
  if (who.email) {
    charges.push({
      budget: { scope: 'intake.email', limit: l.intakePerEmailPerDay, windowSeconds: DAY },
      key: who.email.toLowerCase(),
    });
  }
  if (who.phone) {
    charges.push({
      budget: { scope: 'intake.phone', limit: l.intakePerPhonePerDay, windowSeconds: DAY },
      key: who.phone,
    });
  }
  const spent = await spend(ctx, charges);
  if (!spent.ok) throw new RateLimitedError(TOO_MANY_APPLICATIONS, spent.retryAfterSeconds);
  return spent;
}

/**
 * Charges one receipt email (inside the transaction that queues it).
 * @returns whether it may be sent
 */
export async function chargeReceipt(ctx: IntakeLimitContext, to: string): Promise<boolean> {
  const l = ctx.settings.limits;
  const spent = await spend(ctx, [
    { budget: { scope: 'receipt.to', limit: l.receiptsPerRecipientPerDay, windowSeconds: DAY }, key: to.toLowerCase() },
    { budget: { scope: 'receipt.all', limit: l.receiptsPerHour, windowSeconds: HOUR }, key: '*' },
  ]);
  return spent.ok;
}
