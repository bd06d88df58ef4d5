// Filling the 政府网站工作年度报表 (国办函〔2018〕12号) of a site and year from gongkai's records: the header from the
// site registry, 信息发布 and 解读回应 from the publications of the year, 互动交流 from the messages of the site's
// interaction columns and the information requests, 安全防护 from the monitoring runs and findings, 移动新媒体 from the
// account registry. Filling again refreshes the filled values and keeps what was entered.
import type { Actor } from '../../domain/policies/actor.js';
import { fillReport, type ReportFacts } from '../../domain/website-report/fill-rules.js';
import { refusalOf, type WebsiteReport } from '../../domain/website-report/report.js';
import { SITE_KIND_LABELS, type MonitoredSite } from '../../domain/monitoring-registry/registry.js';
import type { AppContext } from '../context.js';
import { auditBy, actorLabel } from '../actors.js';
import { conflict, invalid } from '../errors.js';
import { siteOfActor } from './access.js';
import { reportFields } from './settings.js';
import type { Organization } from '../../domain/orgs/organization.js';

/** What filling uses. */
export type FillContext = Pick<AppContext, 'repos' | 'uow' | 'clock' | 'crypto'>;

/**
 * The organizations whose records count for a site: every organization for gongkai's own portal (it publishes the
 * whole tree), else the site's 主办单位.
 */
export function scopeOf(site: MonitoredSite, orgs: readonly Organization[]): { orgIds: string[]; label: string } {
  if (site.ownPortal) return { orgIds: orgs.map((o) => o.id), label: '本门户全部机构' };
  return { orgIds: [site.orgId], label: orgs.find((o) => o.id === site.orgId)?.name ?? '主办单位' };
}

/** The records of a site's year, as the filling reads them. */
export async function factsOf(
  ctx: Pick<AppContext, 'repos' | 'clock'>,
  site: MonitoredSite,
  orgs: readonly Organization[],
  year: number,
): Promise<ReportFacts> {
  const r = ctx.repos.websiteReports;
  const scope = scopeOf(site, orgs);
  const previous = await r.bySiteYear(site.id, year - 1);
  const publications = await r.publicationsOfYear(scope.orgIds, year);
  return {
    year,
    site: {
      name: site.name,
      homeUrl: site.homeUrl,
      sponsor: orgs.find((o) => o.id === site.orgId)?.name ?? '',
      kindLabel: SITE_KIND_LABELS[site.kind],
      siteCode: site.siteCode,
    },
    scopeLabel: scope.label,
    previous: previous
      ? { year: year - 1, icpNo: previous.values.icp_no ?? '', policeNo: previous.values.police_no ?? '' }
      : null,
    publications,
    interpretations: publications.filter((p) => p.kind === 'interpretation').length,
    hasInteractionColumns: site.columns.some((c) => c.kind === 'interaction'),
    messages: await r.messagesOfYear(site.id, year),
    applications: await r.applicationsOfYear(scope.orgIds, year),
    security: await r.securityOfYear(site.id, year),
    accounts: await r.accountsOfYear(scope.orgIds, year),
    today: ctx.clock.today(),
  };
}

/** Checks a report year: a whole year from 2000 up to this year. */
export function checkYear(year: number, thisYear: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > thisYear) {
    throw invalid('年度有误', { year: `年度应在2000年至${thisYear}年之间` });
  }
}

/**
 * Fills (or fills again) the report of a site and year. A new report starts as a draft; a draft filled again gets
 * fresh filled values and keeps its entered ones (a value entered for a field gongkai now fills is replaced).
 * Admins and supervisors of the site's 主办单位 or above.
 * @returns the report's id
 * @throws AppError 'not_found' (site), 'invalid' (year), 'conflict' (reviewed or published)
 */
export async function fillWebsiteReport(
  ctx: FillContext,
  actor: Actor | null,
  siteId: string,
  year: number,
): Promise<string> {
  const { site, access } = await siteOfActor(ctx, actor, siteId);
  checkYear(year, Number(ctx.clock.today().slice(0, 4)));
  const { fields } = await reportFields(ctx);
  const filled = fillReport(await factsOf(ctx, site, access.orgs, year));
  const known = new Set(fields.map((f) => f.id));
  const values: Record<string, string> = {};
  const sources: Record<string, string> = {};
  for (const [id, v] of Object.entries(filled.values)) {
    if (!known.has(id)) continue;
    values[id] = v;
    sources[id] = filled.sources[id] ?? '';
  }
  const now = ctx.clock.nowIso();
  return ctx.uow.run(async (r) => {
    const before = await r.websiteReports.bySiteYear(siteId, year);
    if (before) {
      const refusal = refusalOf(before.state, 'fill');
      if (refusal) throw conflict(refusal);
    }
    const entered = Object.fromEntries(Object.entries(before?.values ?? {}).filter(([id]) => !(id in sources)));
    const report: WebsiteReport = {
      id: before?.id ?? ctx.crypto.newId(),
      siteId,
      year,
      state: 'draft',
      values: { ...entered, ...values },
      filled: sources,
      filledAt: now,
      editedBy: actor?.userId ?? null,
      editedLabel: actorLabel(actor),
      reviewedBy: null,
      reviewedLabel: '',
      reviewedAt: null,
      filedAt: null,
      publicationUrl: '',
      publicationId: before?.publicationId ?? null,
      actorId: actor?.userId ?? null,
      actorLabel: actorLabel(actor),
      createdAt: before?.createdAt ?? now,
      updatedAt: now,
    };
    if (before) await r.websiteReports.update(report.id, { ...report });
    else await r.websiteReports.insert(report);
    await r.audit.append(
      auditBy(actor, {
        action: 'website_report.filled',
        entityType: 'website_report',
        entityId: report.id,
        orgId: site.orgId,
        before: before ? { values: before.values } : null,
        after: { site: site.name, year, filled: Object.keys(sources).length },
      }),
      now,
    );
    return report.id;
  });
}
