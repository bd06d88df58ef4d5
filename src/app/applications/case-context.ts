// Loading what every application use case needs: the case, its organization's ancestry, the calendar and rules.
import type { ApplicationContext, ApplicationUseCaseRepos } from './ports.js';
import type { ApplicationSnapshot } from '../../domain/applications/application.js';
import type { HolidayCalendar } from '../../domain/calendar/holiday-calendar.js';
import { rulesFor, type DisclosureRules } from '../../domain/applications/rules.js';
import { ancestry, type Organization } from '../../domain/orgs/organization.js';
import { loadHolidayCalendar } from '../calendar/calendar.js';
import { notFound } from '../errors.js';
import { procedureSettings } from './procedure-settings.js';
import type { Actor } from '../../domain/policies/actor.js';

/** A case with what deciding on it requires. */
export type CaseContext = {
  app: ApplicationSnapshot & { proofFileId: string | null };
  org: Organization;
  orgAncestry: string[];
  rules: DisclosureRules;
  calendar: HolidayCalendar;
};

/**
 * Loads a case for a use case.
 * @throws AppError 'not_found'
 */
export async function loadCase(repos: ApplicationUseCaseRepos, id: string): Promise<CaseContext> {
  const app = await repos.applications.byId(id);
  if (!app) {
    throw notFound('申请');
  }
  const orgs = await repos.orgs.list({ includeRetired: true });
  const org = orgs.find((o) => o.id === app.orgId);
  if (!org) {
    throw notFound('机构');
  }
  return {
    app,
    org,
    orgAncestry: ancestry(orgs, org.id),
    // The office's choices where the Regulation leaves one (procedure-settings.ts); recorded on the events they shape.
    rules: rulesFor(app.receivedOn, await procedureSettings(repos)),
    calendar: await loadHolidayCalendar(repos),
  };
}

/**
 * The organizations whose role grants count for an actor on this case: the case's organization
 * and its ancestors, plus — for the assigned handler from another organization (协办) — the
 * organizations where that handler holds the handler role.
 */
export function caseOrgIds(actor: Actor | null, c: Pick<CaseContext, 'app' | 'orgAncestry'>): string[] {
  if (actor === null || c.app.handlerId !== actor.userId) return c.orgAncestry;
  return [...c.orgAncestry, ...actor.roles.filter((g) => g.role === 'handler').map((g) => g.orgId)];
}

/** The legal day today in the office's time zone. */
export function today(ctx: ApplicationContext): ApplicationSnapshot['receivedOn'] {
  return ctx.clock.today() as ApplicationSnapshot['receivedOn'];
}
