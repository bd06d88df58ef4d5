// The report dates that are configuration, not law: internal deadlines set by a supervising office for
// the units below it (e.g. departments submit by 26 January), and the date for townships, streets and
// other bodies, for which 《政府信息公开条例》第四十九条 sets none.
import type { Actor } from '../../domain/policies/actor.js';
import { ancestry } from '../../domain/orgs/organization.js';
import { isLocalDate } from '../../domain/core/local-date.js';
import type { AuditInput } from '../../domain/audit/audit-entry.js';
import { maySetReportDeadline, maySetUnregulatedDue } from '../../domain/reports/report-policy.js';
import { auditBy } from '../actors.js';
import { forbidden, invalid, notFound } from '../errors.js';
import { isReviewCountingRule, type ReviewCountingRule } from '../../domain/reviews/review-case.js';
import { REVIEW_COUNTING_KEY, reviewCountingRule } from '../reviews/review-counting.js';
import { UNREGULATED_DUE_KEY, unregulatedDue, type ReportContext, type ReportData } from './report-context.js';

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

/** Changes one setting in a transaction, auditing the value before and after. */
async function auditedChange<T>(
  ctx: Pick<ReportContext, 'uow' | 'clock'>,
  actor: Actor | null,
  entry: Pick<AuditInput, 'action' | 'entityType' | 'entityId' | 'orgId'>,
  change: { read: (repos: ReportData) => Promise<T>; write: (repos: ReportData, now: string) => Promise<void> },
  show: (value: T) => unknown = (v) => v,
): Promise<void> {
  const now = ctx.clock.nowIso();
  await ctx.uow.run(async (repos) => {
    const before = await change.read(repos);
    await change.write(repos, now);
    const after = await change.read(repos);
    await repos.audit.append(auditBy(actor, { ...entry, before: show(before), after: show(after) }), now);
  });
}

/** Changes one site-wide setting to `value`, audited as `settings.updated` with the value before and after. */
function changeSetting<T>(
  ctx: Pick<ReportContext, 'uow' | 'clock'>,
  actor: Actor | null,
  key: string,
  value: T,
  read: (repos: ReportData) => Promise<T>,
  show?: (value: T) => unknown,
): Promise<void> {
  const entry = { action: 'settings.updated', entityType: 'setting', entityId: key, orgId: null };
  return auditedChange(ctx, actor, entry, { read, write: (repos, now) => repos.settings.set(key, value, now) }, show);
}

/** What setting a site-wide value needs. */
type SettingContext = Pick<ReportContext, 'repos' | 'uow' | 'clock'>;

/** Refuses unless the actor administers a top-level organization (no actor: the CLI, which may). */
async function requireRootAdmin(ctx: Pick<ReportContext, 'repos'>, actor: Actor | null, message: string) {
  if (actor && !maySetUnregulatedDue(actor, await rootIds(ctx))) throw forbidden(message);
}

/** The active top-level organizations (whose administrators set the township/street date). */
const rootIds = async (ctx: Pick<ReportContext, 'repos'>): Promise<string[]> =>
  (await ctx.repos.orgs.list()).filter((o) => o.parentId === null).map((o) => o.id);

/**
 * Sets (or clears, with null or '') the internal report date of an organization, which also
 * applies to every unit below it that has none of its own.
 * @throws AppError 'forbidden' unless a supervisor or administrator of the organization or above it; 'invalid' for a
 *   bad date
 */
export async function setInternalReportDue(
  ctx: Pick<ReportContext, 'repos' | 'uow' | 'clock'>,
  actor: Actor | null,
  orgId: string,
  value: string | null,
): Promise<string | null> {
  const orgs = await ctx.repos.orgs.list({ includeRetired: true });
  if (!orgs.some((o) => o.id === orgId)) throw notFound('机构');
  if (actor && !maySetReportDeadline(actor, ancestry(orgs, orgId))) {
    throw forbidden('只有上级政务公开办（监督）或系统管理员可以设置年度报告的报送期限');
  }
  const md = value === null || value.trim() === '' ? null : monthDay(value, 'internalDue');
  await auditedChange(
    ctx,
    actor,
    { action: 'report.deadline_set', entityType: 'organization', entityId: orgId, orgId },
    {
      read: async (repos) => (await repos.annualReports.internalDues()).get(orgId) ?? null,
      write: (repos, now) => repos.annualReports.setInternalDue(orgId, md, now),
    },
    (internalDue) => ({ internalDue }),
  );
  return md;
}

/**
 * Sets the date of townships, streets and other bodies (local rules decide; default 31 January).
 * @throws AppError 'forbidden' unless an administrator of a root organization; 'invalid' for a bad date
 */
export async function setUnregulatedReportDue(
  ctx: SettingContext,
  actor: Actor | null,
  value: string,
): Promise<string> {
  await requireRootAdmin(ctx, actor, '只有本级政府的系统管理员可以设置乡镇、街道等单位的报告期限');
  const md = monthDay(value, 'unregulatedDue');
  await changeSetting(ctx, actor, UNREGULATED_DUE_KEY, md, unregulatedDue);
  return md;
}

/**
 * Sets the section 四 counting rule (domain/reviews/review-case.ts, REVIEW_COUNTING_RULES), audited.
 * @throws AppError 'forbidden' unless an administrator of a root organization; 'invalid' (field `reviewCounting`)
 *   for an unknown rule
 */
export async function setReviewCountingRule(
  ctx: SettingContext,
  actor: Actor | null,
  value: string,
): Promise<ReviewCountingRule> {
  await requireRootAdmin(ctx, actor, '只有本级政府的系统管理员可以设置复议、诉讼案件的统计口径');
  if (!isReviewCountingRule(value)) {
    throw invalid('统计口径有误', { reviewCounting: '请选择“按结果年度统计”或“按立案年度统计”' });
  }
  await changeSetting(ctx, actor, REVIEW_COUNTING_KEY, value, reviewCountingRule, (reviewCounting) => ({
    reviewCounting,
  }));
  return value;
}
