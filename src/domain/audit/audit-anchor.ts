// The audit chain's anchor: the head entry's sequence number and hash, kept outside the database (a file on
// other storage, printed, or sent elsewhere). The hash chain alone shows an entry changed in the middle, but
// whoever can write the database can delete the newest entries and rewrite the head row to match; the entry an
// older anchor names is then missing or different (docs/security/hardening.md).
import type { LocalDate } from '../core/local-date.js';
import { err, ok, type Result } from '../core/result.js';
import { GENESIS_HASH, type AuditEntry } from './audit-entry.js';

/** The head of the chain at an instant: entry `seq` had hash `hash` at `at` (ISO-8601 UTC). */
export type AuditAnchor = { seq: number; hash: string; at: string };

/**
 * The anchor of a chain's head.
 * @param head the head row (`lastSeq` 0 and the genesis hash for an empty chain)
 * @param at when the anchor is taken
 */
export function buildAuditAnchor(head: { lastSeq: number; lastHash: string }, at: string): AuditAnchor {
  return { seq: head.lastSeq, hash: head.lastHash, at };
}

/** The anchor as the file holds it: JSON with its three keys, one line, ending in a newline. */
export const anchorJson = (a: AuditAnchor): string => `${JSON.stringify({ seq: a.seq, hash: a.hash, at: a.at })}\n`;

/** The file name of the day's anchor: `audit-anchor-2026-03-02.json` (the office's date). */
export const anchorFileName = (day: LocalDate): string => `audit-anchor-${day}.json`;

/**
 * Reads an anchor file's text.
 * @returns the anchor, or a Chinese message saying what is wrong with it
 */
export function parseAuditAnchor(text: string): Result<AuditAnchor, string> {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return err('锚点文件不是有效的 JSON');
  }
  const o = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
  const { seq, hash, at } = o;
  if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 0) return err('锚点文件的 seq 应为非负整数');
  if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) return err('锚点文件的 hash 应为64位十六进制摘要');
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at))) return err('锚点文件的 at 应为时间（ISO 8601）');
  return ok({ seq, hash, at });
}

/**
 * Whether the chain still holds the anchored entry with the anchored hash.
 * @param entry the chain's entry with the anchor's sequence number, if there is one
 * @param count how many entries the chain holds now
 * @returns a Chinese reason when it does not, else null
 */
export function anchorBreak(anchor: AuditAnchor, entry: AuditEntry | undefined, count: number): string | null {
  if (anchor.seq === 0) {
    return anchor.hash === GENESIS_HASH ? null : '锚点文件的 hash 与空日志不符';
  }
  if (!entry || entry.seq !== anchor.seq) {
    return `锚点记录 #${anchor.seq}（${anchor.at}）已不在审计日志中，现仅有 ${count} 条记录：日志末尾的记录被删除`;
  }
  if (entry.hash !== anchor.hash) {
    return `锚点记录 #${anchor.seq} 的哈希与锚点文件不符（${anchor.at} 之后记录被删除或改写）`;
  }
  return null;
}
