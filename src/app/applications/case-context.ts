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
import {
  canSeeCase,
  handlesForOwner,
  isCaseHelper,
  personalDataAccess,
  type PersonalDataAccess,
} from '../../domain/policies/application-policy.js';
import { grantOrgIds } from '../users/personal-data-grants.js';
export { auditGrantedView } from '../users/personal-data-grants.js';
import type { UserRepos } from '../users/ports.js';

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

/** What the actor may do with a case: the application policy over the case and the actor's live grants. */
export type CaseAccess = {
  /** The case may be read at all (else it answers 'not found'). */
  visible: boolean;
  /** Why the applicant's personal data is shown, or null: masked. */
  personal: PersonalDataAccess;
  /** The actor is the case's assigned 协办 helper (HELPER_ACTIONS only). */
  helper: boolean;
  /** The actor works the case as a handler: of the handling organization itself, or as its 协办 helper. */
  works: boolean;
  /** The actor is a handler of the handling organization itself (what belongs to the owner). */
  owns: boolean;
};

/** The actor's access to a loaded case (docs/security/privacy.md). */
export async function accessTo(
  repos: Pick<UserRepos, 'personalDataGrants'>,
  actor: Actor,
  c: Pick<CaseContext, 'app' | 'orgAncestry'>,
): Promise<CaseAccess> {
  const subject = { orgAncestry: c.orgAncestry, handlerId: c.app.handlerId };
  const grants = await grantOrgIds(repos, actor);
  const helper = isCaseHelper(actor, subject);
  const owns = handlesForOwner(actor, subject);
  return {
    visible: canSeeCase(actor, subject, grants),
    personal: personalDataAccess(actor, subject, grants),
    helper,
    works: owns || helper,
    owns,
  };
}

/** The legal day today in the office's time zone. */
export function today(ctx: ApplicationContext): ApplicationSnapshot['receivedOn'] {
  return ctx.clock.today() as ApplicationSnapshot['receivedOn'];
}
