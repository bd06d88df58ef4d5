// The back office's dashboard (工作台): the system's counts, and each module's card read through that module's
// own query (applications, publications, the standard catalogue, the annual report). Each card says only what
// the actor may see.
import type { Actor } from '../../domain/policies/actor.js';
import type { AppContext } from '../context.js';
import { loadApplicationDashboard, type ApplicationDashboard } from '../applications/dashboard.js';
import { loadPublicationDashboard, type PublicationDashboard } from '../publications/back-office.js';
import { loadPublicationWarnings, type PublicationWarnings } from '../publications/publication-warnings.js';
import { catalogueDashboard, type CatalogueDashboardLine } from '../standard-catalogue/catalogue-dashboard.js';
import { reportDashboardCard, type ReportDashboardCard } from '../reports/report-pages.js';

/** The system's counts: organizations, active accounts, audit entries, and how far the holiday schedule reaches. */
export type SystemCounts = {
  orgs: number;
  activeUsers: number;
  auditEntries: number;
  /** The last year whose official holiday schedule is loaded, if any. */
  calendarLoadedTo?: number;
  /** Next year, when its schedule is not loaded yet (its deadlines are provisional). */
  missingYear?: number;
};

/** Everything the dashboard shows. */
export type Dashboard = {
  system: SystemCounts;
  applications: ApplicationDashboard;
  publications: PublicationDashboard;
  publicationWarnings: PublicationWarnings;
  standardCatalogue: CatalogueDashboardLine[];
  annualReport: ReportDashboardCard | null;
};

/** The system's counts. */
async function systemCounts(ctx: Pick<AppContext, 'repos' | 'clock'>): Promise<SystemCounts> {
  const [orgs, users, head, years] = await Promise.all([
    ctx.repos.orgs.list(),
    ctx.repos.users.list({ status: 'active' }),
    ctx.repos.audit.head(),
    ctx.repos.calendar.years(),
  ]);
  const lastYear = years.at(-1)?.year;
  const thisYear = Number(ctx.clock.today().slice(0, 4));
  return {
    orgs: orgs.length,
    activeUsers: users.length,
    auditEntries: head.lastSeq,
    calendarLoadedTo: lastYear,
    missingYear: lastYear === undefined || lastYear <= thisYear ? thisYear + 1 : undefined,
  };
}

/** The dashboard of the signed-in actor. */
export async function dashboardPage(ctx: AppContext, actor: Actor): Promise<Dashboard> {
  const [system, applications, publications, publicationWarnings, standardCatalogue, annualReport] = await Promise.all([
    systemCounts(ctx),
    loadApplicationDashboard(ctx, actor),
    loadPublicationDashboard(ctx, actor),
    loadPublicationWarnings(ctx, actor),
    catalogueDashboard(ctx, actor),
    reportDashboardCard(ctx, actor, ctx.clock.today()),
  ]);
  return { system, applications, publications, publicationWarnings, standardCatalogue, annualReport };
}
