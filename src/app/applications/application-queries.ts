// Reading cases: staff lists and case pages (personal data only for the handling roles), and the public tracking view.
import type { AppContext, ApplicationFilter, ApplicationSummary } from '../ports.js';
import type { Actor } from '../../domain/policies/actor.js';
import type { ApplicationSnapshot } from '../../domain/applications/application.js';
import type { Organization } from '../../domain/orgs/organization.js';
import { ancestry } from '../../domain/orgs/organization.js';
import { canViewCase, canViewPersonalData } from '../../domain/policies/application-policy.js';
import { availableTransitions, type AvailableTransition } from '../../domain/applications/transitions.js';
import { status, type DeadlineStatus } from '../../domain/applications/deadlines.js';
import { maskIdNumber, parseTrackingCode } from '../../domain/applications/tracking-code.js';
import { normalizePhone } from '../../domain/applications/contact-checks.js';
import { notFound } from '../errors.js';
import { loadCase, today } from './case-context.js';

/** Organizations whose cases the actor may see. */
async function visibleOrgIds(ctx: AppContext, actor: Actor): Promise<{ ids: string[]; orgs: Organization[] }> {
  const orgs = await ctx.repos.orgs.list({ includeRetired: true });
  return { ids: orgs.filter((o) => canViewCase(actor, ancestry(orgs, o.id))).map((o) => o.id), orgs };
}

/** A list row as shown to staff: the document number always masked. */
export type CaseRow = ApplicationSummary & { orgName: string; idNumberMasked: string; applicantVisible: boolean };

/**
 * Lists the cases the actor may see, newest first.
 * @param filter without orgIds: every visible organization; with: intersected with them
 */
export async function listApplications(ctx: AppContext, actor: Actor, filter: Omit<ApplicationFilter, 'orgIds'> & { orgIds?: readonly string[] }, page: { limit: number; offset: number }): Promise<{ items: CaseRow[]; total: number }> {
  const { ids, orgs } = await visibleOrgIds(ctx, actor);
  const orgIds = filter.orgIds ? filter.orgIds.filter((id) => ids.includes(id)) : ids;
  const { items, total } = await ctx.repos.applications.list({ ...filter, orgIds }, page);
  const name = new Map(orgs.map((o) => [o.id, o.shortName || o.name]));
  return {
    total,
    items: items.map((i) => {
      const personal = canViewPersonalData(actor, ancestry(orgs, i.orgId));
      return { ...i, orgName: name.get(i.orgId) ?? '', applicantName: personal ? i.applicantName : '（已隐去）', idNumber: '', idNumberMasked: personal ? maskIdNumber(i.idNumber) : '', applicantVisible: personal };
    }),
  };
}

/** A case page's model. */
export type CaseView = {
  app: ApplicationSnapshot & { proofFileId: string | null };
  org: Organization;
  personalVisible: boolean;
  status: DeadlineStatus;
  moves: AvailableTransition[];
};

/**
 * One case for staff. Cases the actor may not see answer 'not_found' (existence is not revealed).
 */
export async function getApplication(ctx: AppContext, actor: Actor, id: string): Promise<CaseView> {
  const c = await loadCase(ctx.repos, id).catch(() => undefined);
  if (!c || !canViewCase(actor, c.orgAncestry)) throw notFound('申请');
  const personal = canViewPersonalData(actor, c.orgAncestry);
  const app = personal ? c.app : { ...c.app, applicant: { ...c.app.applicant, name: '（已隐去）', idNumber: '', phone: '', email: '', address: '', postcode: '', legalRepresentative: '', contactPerson: '' }, proofFileId: null };
  return {
    app,
    org: c.org,
    personalVisible: personal,
    status: status(c.app, today(ctx), c.rules, c.calendar),
    moves: availableTransitions(c.app, actor, c.rules, { today: today(ctx), orgIds: c.orgAncestry }),
  };
}

/** What the public tracking page shows: no personal data at all. */
export type TrackView = {
  trackingCode: string;
  orgName: string;
  receivedOn: string;
  state: ApplicationSnapshot['state'];
  dueOn: string | null;
  closedOn: string | null;
  outcome: ApplicationSnapshot['outcome'];
  steps: { action: string; on: string; dueOn: string | null; explanation: string }[];
};

/**
 * Looks a case up by tracking code plus the applicant's phone number or document number.
 * @returns undefined for a wrong code or contact (the caller answers 404 with nothing more)
 */
export async function trackApplication(ctx: AppContext, code: string, contact: string): Promise<TrackView | undefined> {
  const parsed = parseTrackingCode(code);
  if (!parsed.ok || contact.trim().length < 4) return undefined;
  const id = await ctx.repos.applications.idByTrackingCode(parsed.value);
  const app = id ? await ctx.repos.applications.byId(id) : undefined;
  if (!app || !contactMatches(app, contact)) return undefined;
  const org = await ctx.repos.orgs.byId(app.orgId);
  return {
    trackingCode: app.trackingCode,
    orgName: org?.name ?? '',
    receivedOn: app.receivedOn,
    state: app.state,
    dueOn: app.dueOn,
    closedOn: app.closedOn,
    outcome: app.outcome,
    steps: app.events.map((e) => ({ action: e.action, on: e.on, dueOn: e.dueOn, explanation: e.explanation })),
  };
}

function contactMatches(app: ApplicationSnapshot, contact: string): boolean {
  const c = contact.trim();
  const phone = normalizePhone(c);
  return (phone !== '' && phone === normalizePhone(app.applicant.phone)) || (app.applicant.idNumber !== '' && c.toUpperCase() === app.applicant.idNumber.toUpperCase());
}
