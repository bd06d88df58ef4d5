// Anchoring the audit chain's head outside the database (`npx gongkai audit anchor`, `audit verify --against`,
// and the daily anchor file in GONGKAI_AUDIT_ANCHOR_DIR): docs/security/hardening.md.
import type { AuditRepos, Clock } from '../ports.js';
import type { TextFileWriter } from './ports.js';
import {
  anchorBreak,
  anchorFileName,
  anchorJson,
  buildAuditAnchor,
  type AuditAnchor,
} from '../../domain/audit/audit-anchor.js';

/** What anchoring reads. */
export type AnchorContext = { repos: AuditRepos; clock: Clock };

/** The anchor of the chain's head now. */
export async function auditAnchor(ctx: AnchorContext): Promise<AuditAnchor> {
  return buildAuditAnchor(await ctx.repos.audit.head(), ctx.clock.nowIso());
}

/**
 * Writes the head's anchor to `audit-anchor-<office date>.json` in `dir` (the day's file is replaced when the
 * job runs again that day). Meant for storage the database's users cannot write.
 * @returns the file written and the anchor
 */
export async function writeAuditAnchor(
  ctx: AnchorContext & { textFiles: TextFileWriter },
  dir: string,
): Promise<{ file: string; anchor: AuditAnchor }> {
  const anchor = await auditAnchor(ctx);
  const file = await ctx.textFiles.write(dir, anchorFileName(ctx.clock.today()), anchorJson(anchor));
  return { file, anchor };
}

/**
 * Checks that the chain still holds the anchored entry with its hash (run with the full verification).
 * @returns ok, or a Chinese reason: the entry is gone (the newest entries deleted) or has another hash
 */
export async function checkAuditAnchor(
  ctx: { repos: AuditRepos },
  anchor: AuditAnchor,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  const [entry] = anchor.seq > 0 ? await ctx.repos.audit.batch(anchor.seq - 1, 1) : [];
  const reason = anchorBreak(anchor, entry, (await ctx.repos.audit.head()).lastSeq);
  return reason === null ? { ok: true } : { ok: false, reason };
}
