// The report dates that are configuration, not law (SPEC §1.8): internal deadlines set by a
// supervising office for the units below it (e.g. 怀化: departments submit by 26 January), and the
// date for townships, streets and other bodies, for which the Regulation sets none [U].
import type { AppContext } from '../context.js';
import type { Actor } from '../../domain/policies/actor.js';
import { holdsOver } from '../../domain/policies/actor.js';
import { ancestry } from '../../domain/orgs/organization.js';
import { isLocalDate } from '../../domain/core/local-date.js';
import { REPORT_OVERSIGHT_ROLES } from '../../domain/reports/report-policy.js';
import { auditBy } from '../actors.js';
import { forbidden, invalid, notFound } from '../errors.js';
import { UNREGULATED_DUE_KEY, unregulatedDue } from './report-context.js';

/** Checks a typed 'MM-DD' (a day that exists in a leap year; 29 February falls back to the 28th in other years). */
function monthDay(text: string, field: string): string {
  const v = text
    .trim()
    .replace(/^(\d)-/, '0$1-')
    .replace(/-(\d)$/, '-0$1');
  if (!/^\d{2}-\d{2}$/.test(v) || !isLocalDate(`2024-${v}`)) {
    throw invalid('日期格式有误', { [field]: '应为“月-日”格式，如 01-20（指报告年度的次年）' });
  }
  return v;
}

/**
 * Sets (or clears, with null or '') the internal report date of an organization, which also
 * applies to every unit below it that has none of its own.
 * @throws AppError 'forbidden' unless a supervisor or administrator of the organization or above it; 'invalid' for a
 *   bad date
 */
export async function setInternalReportDue(
  ctx: AppContext,
  actor: Actor | null,
  orgId: string,
  value: string | null,
): Promise<string | null> {
  const orgs = await ctx.repos.orgs.list({ includeRetired: true });
  if (!orgs.some((o) => o.id === orgId)) throw notFound('机构');
  const path = ancestry(orgs, orgId);
  if (actor && !REPORT_OVERSIGHT_ROLES.some((r) => holdsOver(actor, r, path))) throw forbidden();
  const md = value === null || value.trim() === '' ? null : monthDay(value, 'internalDue');
  const now = ctx.clock.nowIso();
  await ctx.uow.run(async (repos) => {
    const before = (await repos.annualReports.internalDues()).get(orgId) ?? null;
    await repos.annualReports.setInternalDue(orgId, md, now);
    await repos.audit.append(
      auditBy(actor, {
        action: 'report.deadline_set',
        entityType: 'organization',
        entityId: orgId,
        orgId,
        before: { internalDue: before },
        after: { internalDue: md },
      }),
      now,
    );
  });
  return md;
}

/** The configured date of bodies without a statutory one ('MM-DD' of the following year). */
export async function getUnregulatedReportDue(ctx: AppContext): Promise<string> {
  return unregulatedDue(ctx.repos);
}

/**
 * Sets the date of townships, streets and other bodies [U: local rules decide; default 31 January].
 * @throws AppError 'forbidden' unless an administrator of a root organization; 'invalid' for a bad date
 */
export async function setUnregulatedReportDue(ctx: AppContext, actor: Actor | null, value: string): Promise<string> {
  const orgs = await ctx.repos.orgs.list();
  if (actor && !orgs.some((o) => o.parentId === null && holdsOver(actor, 'admin', [o.id]))) throw forbidden();
  const md = monthDay(value, 'unregulatedDue');
  const now = ctx.clock.nowIso();
  await ctx.uow.run(async (repos) => {
    const before = await unregulatedDue(repos);
    await repos.settings.set(UNREGULATED_DUE_KEY, md, now);
    await repos.audit.append(
      auditBy(actor, {
        action: 'settings.updated',
        entityType: 'setting',
        entityId: UNREGULATED_DUE_KEY,
        orgId: null,
        before,
        after: md,
      }),
      now,
    );
  });
  return md;
}
