// The pass to the applicant's own page of a case (/track): a successful lookup (tracking code + phone or document
// number) grants an HMAC under the server's key over the case id and an expiry 30 minutes later; the pass, never the
// tracking code alone, opens the case page (track.ts) and what the applicant may do there (online-correction.ts).
import type { ApplicationContext } from './ports.js';
import { findTrackedCase } from './application-queries.js';

/** How long a pass opens the case page. */
export const TRACK_PASS_MINUTES = 30;

/** A signed pass to one case's page. */
export type TrackPass = { token: string; expiresAtMs: number };

/** Why a pass opens nothing: past its expiry, or not signed by this server for that case (tampered, garbled). */
export type PassRefusal = 'expired' | 'invalid';

const VERSION = 'v1';

const signed = (ctx: Pick<ApplicationContext, 'crypto'>, caseId: string, expiresAtMs: number): string =>
  ctx.crypto.sign(`track-pass:${VERSION}:${caseId}:${expiresAtMs}`);

/**
 * Looks the case up by tracking code and contact and grants a pass to its page (the caller rate-limits).
 * @returns undefined for a wrong code or contact
 */
export async function grantTrackPass(
  ctx: ApplicationContext,
  code: string,
  contact: string,
): Promise<TrackPass | undefined> {
  const app = await findTrackedCase(ctx, code, contact);
  if (!app) return undefined;
  const expiresAtMs = ctx.clock.nowMs() + TRACK_PASS_MINUTES * 60_000;
  return { token: `${VERSION}.${app.id}.${expiresAtMs}.${signed(ctx, app.id, expiresAtMs)}`, expiresAtMs };
}

/**
 * The case a pass opens.
 * @returns the case id, or why the pass opens nothing
 */
export function readTrackPass(
  ctx: Pick<ApplicationContext, 'crypto' | 'clock'>,
  token: string,
): { ok: true; caseId: string } | { ok: false; refusal: PassRefusal } {
  const parts = token.split('.');
  const [version, caseId, exp, mac] = parts;
  if (parts.length !== 4 || version !== VERSION || !caseId || !exp || !mac || !/^\d{1,16}$/.test(exp)) {
    return { ok: false, refusal: 'invalid' };
  }
  if (!sameText(mac, signed(ctx, caseId, Number(exp)))) return { ok: false, refusal: 'invalid' };
  if (ctx.clock.nowMs() >= Number(exp)) return { ok: false, refusal: 'expired' };
  return { ok: true, caseId };
}

/** Compares in time independent of where the texts differ (a forger learns nothing from timing). */
function sameText(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}
