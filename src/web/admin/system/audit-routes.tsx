/** @jsxImportSource hono/jsx */
// Back-office audit trail: filtered, paginated browsing and the hash-chain check.
import type { Context, Hono } from 'hono';
import type { AuditFilter } from '../../../app/ports.js';
import { browseAudit } from '../../../app/audit/browse-audit.js';
import { verifyAuditChain } from '../../../app/audit/verify-audit.js';
import { AppError } from '../../../app/errors.js';
import type { Actor } from '../../../domain/policies/actor.js';
import { canAdmin } from '../../../domain/policies/admin-policy.js';
import { addDays, parseLocalDate } from '../../../domain/core/local-date.js';
import { requireActor, statusOf } from '../../common/respond.js';
import type { WebEnv } from '../../common/env.js';
import { AuditPage, VerifyPage } from './audit-views.js';

/** Entries per page. */
const PAGE_SIZE = 50;
/** Dates in the filter are Beijing dates; entries store UTC instants. */
const OFFSET = '+08:00';
const FIELDS = ['actor', 'action', 'entityType', 'entityId', 'from', 'to'] as const;

/** Registers /admin/audit and /admin/audit/verify. */
export function registerAuditRoutes(app: Hono<WebEnv>): void {
  app.get('/admin/audit', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const typed = Object.fromEntries(FIELDS.map((k) => [k, (c.req.query(k) ?? '').trim()]));
    const { filter, errors } = parseFilter(typed);
    const beforeSeq = /^[1-9]\d{0,15}$/.test(c.req.query('beforeSeq') ?? '')
      ? Number(c.req.query('beforeSeq'))
      : undefined;
    const base = { actor, csrf: c.get('csrf'), filter: typed, errors };
    try {
      const found = await browseAudit(c.get('ctx'), actor, filter, { limit: PAGE_SIZE + 1, beforeSeq });
      const entries = found.slice(0, PAGE_SIZE);
      const last = entries.at(-1);
      const olderHref = found.length > PAGE_SIZE && last ? pageHref(typed, last.seq) : undefined;
      const firstPageHref = beforeSeq !== undefined ? pageHref(typed) : undefined;
      return c.html(<AuditPage {...base} entries={entries} olderHref={olderHref} firstPageHref={firstPageHref} />);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return c.html(<AuditPage {...base} entries={[]} message={e.message} />, statusOf(e));
    }
  });

  app.post('/admin/audit/verify', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    if (!(await mayReadAudit(c, actor))) {
      return c.html(
        <AuditPage
          actor={actor}
          csrf={c.get('csrf')}
          filter={{}}
          errors={{}}
          entries={[]}
          message="没有权限执行此操作"
        />,
        403,
      );
    }
    const check = await verifyAuditChain(c.get('ctx'));
    return c.html(<VerifyPage actor={actor} csrf={c.get('csrf')} check={check} />);
  });
}

/** Turns the typed filter into the use case's filter; a malformed date is reported and ignored. */
function parseFilter(typed: Record<string, string>): { filter: AuditFilter; errors: Record<string, string> } {
  const filter: AuditFilter = {};
  const errors: Record<string, string> = {};
  for (const k of ['actor', 'action', 'entityType', 'entityId'] as const) {
    if (typed[k]) filter[k] = typed[k];
  }
  for (const k of ['from', 'to'] as const) {
    const raw = typed[k] ?? '';
    if (raw === '') continue;
    const d = parseLocalDate(raw);
    if (!d.ok) {
      errors[k] = '请填写正确的日期（YYYY-MM-DD）';
      continue;
    }
    // `to` is inclusive: entries before the start of the next Beijing day.
    const day = k === 'to' ? addDays(d.value, 1) : d.value;
    filter[k] = new Date(`${day}T00:00:00${OFFSET}`).toISOString();
  }
  return { filter, errors };
}

function pageHref(typed: Record<string, string>, beforeSeq?: number): string {
  const q = new URLSearchParams(Object.entries(typed).filter(([, v]) => v !== ''));
  if (beforeSeq !== undefined) q.set('beforeSeq', String(beforeSeq));
  const s = q.toString();
  return s ? `/admin/audit?${s}` : '/admin/audit';
}

/** The chain check reveals only counts, but still only to those who may read the audit trail. */
async function mayReadAudit(c: Context<WebEnv>, actor: Actor): Promise<boolean> {
  const orgs = await c.get('ctx').repos.orgs.list({ includeRetired: true });
  return canAdmin(
    actor,
    'audit.read',
    null,
    orgs.filter((o) => o.parentId === null).map((o) => o.id),
  );
}
