// The online form's signed, time-stamped token (docs/decisions/0013-intake-abuse.md): the form page carries the
// instant it was drawn, signed with the server's key; a post is refused when the token is missing or forged,
// sooner than GONGKAI_FORM_MIN_SECONDS after the page was drawn (no person fills in an application that fast), or
// later than GONGKAI_FORM_MAX_HOURS (an old page scraped once and replayed). Works without JavaScript.
import type { Clock, Crypto } from '../ports.js';
import type { AbuseLimits } from './limits.js';

/** What the form token uses. */
export type FormTokenContext = { clock: Clock; crypto: Crypto; settings: { limits: AbuseLimits } };

/** Why a post's token was refused. */
export type FormTokenRefusal = 'invalid' | 'too_fast' | 'expired';

/** What the applicant is told; the form is shown again with a fresh token and what was typed. */
export const FORM_TOKEN_MESSAGES: Readonly<Record<FormTokenRefusal | 'honeypot', string>> = {
  invalid: '表单已失效，请核对内容后重新提交。',
  too_fast: '提交过快，请核对内容后重新提交。',
  expired: '表单打开时间过长，已经失效，请核对内容后重新提交。',
  honeypot: '申请未提交，请核对内容后重新提交。',
};

const signed = (ctx: FormTokenContext, purpose: string, at: string) => ctx.crypto.sign(`form\n${purpose}\n${at}`);

/**
 * A token for a form drawn now.
 * @param purpose what the form is for (e.g. `apply:<credit code>`): a token for one form is no good for another
 */
export function issueFormToken(ctx: FormTokenContext, purpose: string): string {
  const at = String(ctx.clock.nowMs());
  return `${at}.${signed(ctx, purpose, at)}`;
}

/** Checks a posted token; @returns null when it is good */
export function checkFormToken(ctx: FormTokenContext, purpose: string, token: string): FormTokenRefusal | null {
  const [at = '', signature = ''] = token.split('.');
  if (!/^\d{1,16}$/.test(at) || signature !== signed(ctx, purpose, at)) return 'invalid';
  const ageMs = ctx.clock.nowMs() - Number(at);
  const { formMinSeconds, formMaxHours } = ctx.settings.limits;
  if (ageMs < formMinSeconds * 1000) return 'too_fast';
  if (formMaxHours > 0 && ageMs > formMaxHours * 3_600_000) return 'expired';
  return null;
}
