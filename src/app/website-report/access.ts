// Who may act on the 政府网站工作年度报表 of a site: the domain's policy (mayManageReport) bound to the tree.
import type { Actor } from '../../domain/policies/actor.js';
import { ancestry, type Organization } from '../../domain/orgs/organization.js';
import type { MonitoredSite } from '../../domain/monitoring-registry/registry.js';
import { mayManageReport } from '../../domain/website-report/report.js';
import type { WebsiteReport } from '../../domain/website-report/report.js';
import type { AppContext } from '../context.js';
import { notFound } from '../errors.js';

/** The tree, and the test of a site's organization for the actor. */
export type ReportAccess = { orgs: Organization[]; may: (orgId: string) => boolean };

/** Loads the tree and binds the policy to the actor. */
export async function reportAccess(ctx: Pick<AppContext, 'repos'>, actor: Actor | null): Promise<ReportAccess> {
  const orgs = await ctx.repos.orgs.list({ includeRetired: true });
  return { orgs, may: (orgId) => orgs.some((o) => o.id === orgId) && mayManageReport(actor, ancestry(orgs, orgId)) };
}

/**
 * The site when the actor may act on its report; a site the actor may not see is "not found" (deny by default,
 * without telling that it exists).
 * @throws AppError 'not_found'
 */
export async function siteOfActor(
  ctx: Pick<AppContext, 'repos'>,
  actor: Actor | null,
  siteId: string,
): Promise<{ site: MonitoredSite; access: ReportAccess }> {
  const site = await ctx.repos.monitoring.siteById(siteId);
  const access = await reportAccess(ctx, actor);
  if (!site || !access.may(site.orgId)) throw notFound('网站');
  return { site, access };
}

/**
 * A report with its site, when the actor may act on it.
 * @throws AppError 'not_found'
 */
export async function reportOfActor(
  ctx: Pick<AppContext, 'repos'>,
  actor: Actor | null,
  id: string,
): Promise<{ report: WebsiteReport; site: MonitoredSite; access: ReportAccess }> {
  const report = await ctx.repos.websiteReports.byId(id);
  if (!report) throw notFound('网站年度报表');
  const { site, access } = await siteOfActor(ctx, actor, report.siteId).catch(() => {
    throw notFound('网站年度报表');
  });
  return { report, site, access };
}
