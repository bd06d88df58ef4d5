// SQL for the hash-chained audit trail. The single audit_head row serialises appenders:
// its UPDATE takes a row lock on PostgreSQL, and SQLite has one writer anyway.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { AuditLog } from '../../app/ports.js';
import { GENESIS_HASH, canonicalJson, hashPayload, type AuditEntry } from '../../domain/audit/audit-entry.js';
import { AUDIT_ENTRY, snakeColumns, toAuditEntry } from '../mappers.js';
import { containsText, startsWithText } from '../portable.js';
import { auditNames } from './audit-names.js';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** Builds the audit log over a transaction (append must run inside the change's transaction). */
export function auditLog(db: Kysely<Database>): AuditLog {
  return {
    async append(input, at) {
      // Claim the next sequence number first: on PostgreSQL this UPDATE locks the head row until
      // commit, so two transactions can never link to the same previous entry.
      await db
        .updateTable('audit_head')
        .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
        .where('id', '=', 1)
        .execute();
      const head = await db
        .selectFrom('audit_head')
        .select(['last_seq', 'last_hash'])
        .where('id', '=', 1)
        .executeTakeFirst();
      if (!head) {
        throw new Error('audit_head row missing: run migrations and bootstrap');
      }
      const draft: Omit<AuditEntry, 'hash'> = {
        seq: Number(head.last_seq),
        at,
        actorId: input.actorId,
        actorLabel: input.actorLabel,
        action: input.action,
        entityType: input.entityType,
        entityId: input.entityId,
        orgId: input.orgId,
        beforeJson: canonicalJson(input.before),
        afterJson: canonicalJson(input.after),
        prevHash: head.last_hash,
      };
      const entry: AuditEntry = { ...draft, hash: sha256(hashPayload(draft)) };
      await db.insertInto('audit_entry').values(snakeColumns(entry, AUDIT_ENTRY)).execute();
      await db.updateTable('audit_head').set({ last_hash: entry.hash }).where('id', '=', 1).execute();
      return entry;
    },
    async list(f, page) {
      let q = db.selectFrom('audit_entry').selectAll();
      if (f.actor) {
        q = q.where(containsText('actor_label', f.actor));
      }
      if (f.entityType) {
        q = q.where('entity_type', '=', f.entityType);
      }
      if (f.entityId) {
        q = q.where('entity_id', '=', f.entityId);
      }
      if (f.action) {
        // A group ('user.') matches by prefix, an action code exactly (so 'publication.edit' is not 'edited').
        q = f.action.endsWith('.') ? q.where(startsWithText('action', f.action)) : q.where('action', '=', f.action);
      }
      if (f.orgIds) {
        q = q.where('org_id', 'in', f.orgIds.length > 0 ? [...f.orgIds] : ['']);
      }
      if (f.from) {
        q = q.where('at', '>=', f.from);
      }
      if (f.to) {
        q = q.where('at', '<', f.to);
      }
      if (page.beforeSeq !== undefined) {
        q = q.where('seq', '<', page.beforeSeq);
      }
      const rows = await q.orderBy('seq', 'desc').limit(page.limit).execute();
      return rows.map(toAuditEntry);
    },
    async batch(afterSeq, limit) {
      const rows = await db
        .selectFrom('audit_entry')
        .selectAll()
        .where('seq', '>', afterSeq)
        .orderBy('seq')
        .limit(limit)
        .execute();
      return rows.map(toAuditEntry);
    },
    async head() {
      const h = await db
        .selectFrom('audit_head')
        .select(['last_seq', 'last_hash'])
        .where('id', '=', 1)
        .executeTakeFirst();
      return h ? { lastSeq: Number(h.last_seq), lastHash: h.last_hash } : { lastSeq: 0, lastHash: GENESIS_HASH };
    },
    names: (refs, userIds) => auditNames(db, refs, userIds),
  };
}

/** The digest used by the chain (exported for the verifier). */
export { sha256 as auditSha256 };
