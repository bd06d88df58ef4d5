// Verifying the audit trail's hash chain (`npx gongkai audit verify`).
import type { AuditRepos, Crypto } from '../ports.js';
import { GENESIS_HASH, entryBreak, type ChainCheck } from '../../domain/audit/audit-entry.js';

/**
 * Walks the whole chain in batches and reports the first broken entry. Also checks that the
 * head row matches the last entry, which catches entries deleted from the end.
 * @param onProgress called after each batch with (checked, total)
 */
export async function verifyAuditChain(
  ctx: { repos: AuditRepos; crypto: Crypto },
  onProgress?: (done: number, total: number) => void,
): Promise<ChainCheck> {
  const head = await ctx.repos.audit.head();
  let prev = GENESIS_HASH;
  let count = 0;
  for (;;) {
    const batch = await ctx.repos.audit.batch(count, 1000);
    if (batch.length === 0) {
      break;
    }
    for (const e of batch) {
      const reason = entryBreak(e, prev, count + 1, ctx.crypto.sha256);
      if (reason !== null) {
        return { ok: false, count, brokenSeq: e.seq, reason };
      }
      prev = e.hash;
      count += 1;
    }
    onProgress?.(count, head.lastSeq);
  }
  if (head.lastSeq !== count || head.lastHash !== prev) {
    return {
      ok: false,
      count,
      brokenSeq: count + 1,
      reason: `链尾不一致：应有 ${head.lastSeq} 条记录，实有 ${count} 条（记录被删除）`,
    };
  }
  return { ok: true, count };
}
