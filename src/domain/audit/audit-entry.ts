// Audit trail entries and the pure part of the hash chain.

/** What a use case records about one change of state. */
export type AuditInput = {
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  orgId: string | null;
  before: unknown;
  after: unknown;
};

/** A stored entry, linked to the previous one by its hash: the input with its states as canonical JSON. */
export type AuditEntry = Omit<AuditInput, 'before' | 'after'> & {
  seq: number;
  at: string;
  beforeJson: string | null;
  afterJson: string | null;
  prevHash: string;
  hash: string;
};

/** The hash the first entry links to. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Serialises a value as JSON with object keys sorted, so equal values give equal text.
 * @returns canonical JSON, or null for undefined/null
 */
export function canonicalJson(value: unknown): string | null {
  if (value === undefined || value === null) {
    return null;
  }
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(obj)
        .filter((k) => obj[k] !== undefined)
        .sort()
        .map((k) => [k, sortKeys(obj[k])]),
    );
  }
  return value;
}

/**
 * The exact text that an entry's hash covers: every field but the hash itself, in a fixed order.
 */
export function hashPayload(e: Omit<AuditEntry, 'hash'>): string {
  return JSON.stringify([
    e.seq,
    e.at,
    e.actorId,
    e.actorLabel,
    e.action,
    e.entityType,
    e.entityId,
    e.orgId,
    e.beforeJson,
    e.afterJson,
    e.prevHash,
  ]);
}

/** The outcome of checking a chain. */
export type ChainCheck = { ok: true; count: number } | { ok: false; count: number; brokenSeq: number; reason: string };

/**
 * Checks one entry against the one before it.
 * @param prevHash the previous entry's hash (GENESIS_HASH for the first)
 * @param expectedSeq the sequence number this entry must carry
 * @param sha256 hex digest function (injected: the domain does no crypto I/O)
 * @returns a Chinese reason when the entry breaks the chain, else null
 */
export function entryBreak(
  e: AuditEntry,
  prevHash: string,
  expectedSeq: number,
  sha256: (text: string) => string,
): string | null {
  if (e.seq !== expectedSeq) {
    return `序号不连续：应为 ${expectedSeq}，实为 ${e.seq}（记录缺失）`;
  }
  if (e.prevHash !== prevHash) {
    return '与前一条记录的哈希不一致';
  }
  if (sha256(hashPayload(e)) !== e.hash) {
    return '记录内容与哈希不符（已被篡改）';
  }
  return null;
}

/**
 * Walks entries in sequence order and finds the first that breaks the chain.
 * @param entries entries sorted by seq
 * @param sha256 hex digest function
 */
export function verifyChain(entries: Iterable<AuditEntry>, sha256: (text: string) => string): ChainCheck {
  let prev = GENESIS_HASH;
  let count = 0;
  for (const e of entries) {
    const reason = entryBreak(e, prev, count + 1, sha256);
    if (reason !== null) {
      return { ok: false, count, brokenSeq: e.seq, reason };
    }
    prev = e.hash;
    count += 1;
  }
  return { ok: true, count };
}
