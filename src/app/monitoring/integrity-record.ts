// Recording, at publication, the content digests of each version made live (docs/monitoring-integrity.md): the
// canonical record of the version (domain/monitoring/integrity.ts) hashed part by part into the audit trail, in
// the transaction that makes the version live, so the record exists exactly when the version does.
import type { AuditInput } from '../../domain/audit/audit-entry.js';
import {
  INTEGRITY_AUDIT_ACTION,
  publishedRecord,
  recordDigests,
  type IntegrityDigests,
} from '../../domain/monitoring/integrity.js';
import { publicMetadata } from '../../domain/publications/publication.js';
import type { LiveVersion } from '../publications/ports.js';

/**
 * The digests of a live version as the portal will serve it, or undefined when the portal never serves it
 * (依申请公开 and 不予公开 items, or a version without a 发布日期). An attachment's digest is its stored file's id:
 * files are stored by the SHA-256 of their bytes (FileStore.put), so the id is the digest of the bytes uploaded
 * and approved, and a file replaced in storage since no longer matches it.
 * @param sha256 SHA-256 of UTF-8 text (Crypto.sha256)
 */
export function liveDigests(
  item: string,
  live: LiveVersion,
  sha256: (text: string) => string,
): IntegrityDigests | undefined {
  const f = live.fields;
  if (f.disclosure !== 'proactive' || !f.publishedOn) return undefined;
  const attachments = (f.attachments ?? []).map((a) => ({ name: a.name, sha256: a.fileId }));
  return recordDigests(
    publishedRecord(item, live.version, publicMetadata(f, f.publishedOn), f.bodyHtml, attachments),
    sha256,
  );
}

/**
 * The audit entry recording a published version's digests (`publication.integrity`), or undefined when the
 * portal never serves the version.
 */
export function integrityAuditInput(
  item: { id: string; orgId: string },
  live: LiveVersion,
  sha256: (text: string) => string,
): Omit<AuditInput, 'actorId' | 'actorLabel'> | undefined {
  const digests = liveDigests(item.id, live, sha256);
  if (!digests) return undefined;
  return {
    action: INTEGRITY_AUDIT_ACTION,
    entityType: 'publication',
    entityId: item.id,
    orgId: item.orgId,
    before: null,
    after: digests,
  };
}

/**
 * The digests of a batch of imported items (already published elsewhere, made live here at once), by item id, for
 * one `publication.integrity` entry of the batch (`after.items`); undefined when none of them is served.
 */
export function integrityBatch(
  items: readonly { record: { id: string }; live: LiveVersion }[],
  sha256: (text: string) => string,
): Record<string, IntegrityDigests> | undefined {
  const out: Record<string, IntegrityDigests> = {};
  for (const i of items) {
    const d = liveDigests(i.record.id, i.live, sha256);
    if (d) out[i.record.id] = d;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
