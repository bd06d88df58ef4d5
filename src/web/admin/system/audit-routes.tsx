/** @jsxImportSource hono/jsx */
// Back-office audit trail: filtered browsing, paged by sequence number, and the hash-chain check. Typed dates
// are days in the office's time zone (GONGKAI_TZ); entries store UTC instants.
import type { Hono } from 'hono';
import type { AuditFilter } from '../../../app/ports.js';
import { auditPage, checkAuditChain } from '../../../app/audit/browse-audit.js';
import { addDays } from '../../../domain/core/local-date.js';
import { zonedInstant } from '../../../domain/core/zoned-time.js';
import { type StaffEnv, staffPage } from '../../common/env.js';
import { readQuery, valueOf } from '../../common/pipeline.js';
import { officeTimeZone } from '../../common/time.js';
import { integer, optionalLocalDate, parseQuery, text, z } from '../../common/validation.js';
import { AuditPage, VerifyPage } from './audit-views.js';

/** Entries per page. */
const PAGE_SIZE = 50;
const TEXT_FIELDS = ['actor', 'action', 'entityType', 'entityId'] as const;
const BAD_DATE = '请填写正确的日期（YYYY-MM-DD）';

/** The filter and the page: a malformed field is reported and ignored. */
const listQuery = {
  actor: text(200),
  action: text(200),
  entityType: text(200),
  entityId: text(200),
  from: optionalLocalDate(BAD_DATE),
  to: optionalLocalDate(BAD_DATE),
  beforeSeq: z.preprocess((v) => (v === '' ? undefined : v), integer('页码有误', 1).optional()),
};

/** A link to the list with the filter as typed, from its newest entry or before a sequence number. */
function pageHref(typed: Record<string, string>, beforeSeq?: number): string {
  const q = new URLSearchParams(Object.entries(typed).filter(([, v]) => v !== ''));
  if (beforeSeq !== undefined) q.set('beforeSeq', String(beforeSeq));
  const s = q.toString();
  return s ? `/admin/audit?${s}` : '/admin/audit';
}

/** Registers /admin/audit and /admin/audit/verify. */
export function registerAuditRoutes(admin: Hono<StaffEnv>): void {
  admin.get('/admin/audit', async (c) => {
    const raw = readQuery(c);
    const { value: q, errors } = parseQuery(listQuery, raw);
    const tz = officeTimeZone();
    // `to` is inclusive: entries before the start of the next day in the office's time zone.
    const filter: AuditFilter = {
      ...Object.fromEntries(TEXT_FIELDS.flatMap((k) => (q[k] ? [[k, q[k]]] : []))),
      ...(q.from ? { from: zonedInstant(q.from, tz) } : {}),
      ...(q.to ? { to: zonedInstant(addDays(q.to, 1), tz) } : {}),
    };
    const page = await auditPage(c.get('ctx'), c.get('actor'), filter, { size: PAGE_SIZE, beforeSeq: q.beforeSeq });
    const typed = Object.fromEntries([...TEXT_FIELDS, 'from', 'to'].map((k) => [k, valueOf(raw, k).trim()]));
    return c.html(
      <AuditPage
        {...staffPage(c)}
        filter={typed}
        errors={errors}
        entries={page.entries}
        olderHref={page.olderBefore !== undefined ? pageHref(typed, page.olderBefore) : undefined}
        firstPageHref={q.beforeSeq !== undefined ? pageHref(typed) : undefined}
      />,
    );
  });

  admin.post('/admin/audit/verify', async (c) => {
    const check = await checkAuditChain(c.get('ctx'), c.get('actor'));
    return c.html(<VerifyPage {...staffPage(c)} check={check} />);
  });
}
