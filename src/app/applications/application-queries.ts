// Reading cases: staff lists and case pages (personal data only for the handling roles), and the public tracking view.
import type { ApplicationContext, ApplicationFilter, ApplicationSummary } from './ports.js';
import type { Actor } from '../../domain/policies/actor.js';
import type { ApplicationSnapshot } from '../../domain/applications/application.js';
import type { Organization } from '../../domain/orgs/organization.js';
import { ancestry } from '../../domain/orgs/organization.js';
import { canSeeCase, canViewPersonalData, personalDataAccess } from '../../domain/policies/application-policy.js';
import { grantOrgIds } from '../users/personal-data-grants.js';
import { availableTransitions, type AvailableTransition } from '../../domain/applications/transitions.js';
import { status, type DeadlineStatus } from '../../domain/applications/deadlines.js';
import { maskIdNumber, maskPersonName, parseTrackingCode } from '../../domain/applications/tracking-code.js';
import { normalizePhone } from '../../domain/applications/contact-checks.js';
import { notFound } from '../errors.js';
import { relatedApplications, type RelatedApplication } from '../../domain/applications/repeat-check.js';
import { addDays } from '../../domain/core/local-date.js';
import { accessTo, auditGrantedView, loadCase, today, type CaseAccess } from './case-context.js';
import { HIDDEN_TEXT, maskApplicant } from '../../domain/applications/masking.js';

/** Organizations whose cases the actor may see (through a role, or a `view_personal_data` grant over them). */
async function visibleOrgIds(ctx: ApplicationContext, actor: Actor): Promise<{ ids: string[]; orgs: Organization[] }> {
  const orgs = await ctx.repos.orgs.list({ includeRetired: true });
  const grants = await grantOrgIds(ctx.repos, actor);
  const sees = (o: Organization) => canSeeCase(actor, { orgAncestry: ancestry(orgs, o.id), handlerId: null }, grants);
  return { ids: orgs.filter(sees).map((o) => o.id), orgs };
}

/** A list row as shown to staff: the document number always masked. */
export type CaseRow = ApplicationSummary & {
  orgName: string;
  idNumberMasked: string;
  applicantVisible: boolean;
  /** The applicant as lists and cards show it: a natural person's name masked (李*), a legal person's in full. */
  applicantMasked: string;
};

/**
 * Lists the cases the actor may see, newest first.
 * @param filter without orgIds: every visible organization; with: intersected with them
 */
export async function listApplications(
  ctx: ApplicationContext,
  actor: Actor,
  filter: Omit<ApplicationFilter, 'orgIds'> & { orgIds?: readonly string[] },
  page: { limit: number; offset: number },
): Promise<{ items: CaseRow[]; total: number }> {
  const { ids, orgs } = await visibleOrgIds(ctx, actor);
  const orgIds = filter.orgIds ? filter.orgIds.filter((id) => ids.includes(id)) : ids;
  // Lists show applicants to the handling organization and the assigned helper only; a grant holder opens the case
  // (each view audited), and a name searched for matches only where the searcher sees names.
  const personalOrgIds = ids.filter((id) => canViewPersonalData(actor, ancestry(orgs, id)));
  const { items, total } = await ctx.repos.applications.list(
    {
      ...filter,
      orgIds,
      ...(filter.orgIds ? {} : { alsoHandlerId: actor.userId }),
      nameSearch: { orgIds: personalOrgIds, handlerId: actor.userId },
    },
    page,
  );
  const name = new Map(orgs.map((o) => [o.id, o.shortName || o.name]));
  return {
    total,
    items: items.map((i) => {
      const personal =
        personalDataAccess(actor, { orgAncestry: ancestry(orgs, i.orgId), handlerId: i.handlerId }) !== null;
      return {
        ...i,
        orgName: name.get(i.orgId) ?? '',
        applicantName: personal ? i.applicantName : HIDDEN_TEXT,
        idNumber: '',
        idNumberMasked: personal ? maskIdNumber(i.idNumber) : '',
        applicantVisible: personal,
        applicantMasked: !personal
          ? HIDDEN_TEXT
          : i.applicantType === 'natural_person'
            ? maskPersonName(i.applicantName)
            : i.applicantName,
      };
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
  /** The applicant's other applications to this organization in the past year (handling roles only). */
  related: RelatedApplication[];
  /**
   * Applications from this applicant to this organization in the receipt month (art. 35; fee measures count per month).
   */
  applicantMonthCount: number;
};

/**
 * One case for staff. Cases the actor may not see answer 'not_found' (existence is not revealed).
 */
export async function getApplication(ctx: ApplicationContext, actor: Actor, id: string): Promise<CaseView> {
  return (await readCase(ctx, actor, id)).view;
}

/**
 * One case for staff, with the actor's access to it; a view of personal data under a grant is audited.
 * @throws AppError 'not_found' (also for a case the actor may not see)
 */
export async function readCase(
  ctx: ApplicationContext,
  actor: Actor,
  id: string,
): Promise<{ view: CaseView; access: CaseAccess }> {
  const c = await loadCase(ctx.repos, id).catch(() => undefined);
  const access = c ? await accessTo(ctx.repos, actor, c) : undefined;
  if (!c || !access?.visible) throw notFound('申请');
  const personal = access.personal !== null;
  const app = personal ? c.app : { ...c.app, applicant: maskApplicant(c.app.applicant), proofFileId: null };
  const view: CaseView = {
    app,
    org: c.org,
    personalVisible: personal,
    status: status(c.app, today(ctx), c.rules, c.calendar),
    moves: availableTransitions(c.app, actor, c.rules, { today: today(ctx) }),
    ...(personal ? await applicantHistory(ctx, c.app) : { related: [], applicantMonthCount: 0 }),
  };
  await auditGrantedView(ctx, actor, access, {
    action: 'application.personal_data_viewed',
    entityType: 'application',
    entityId: c.app.id,
    orgId: c.org.id,
  });
  return { view, access };
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
export async function trackApplication(
  ctx: ApplicationContext,
  code: string,
  contact: string,
): Promise<TrackView | undefined> {
  const app = await findTrackedCase(ctx, code, contact);
  return app ? trackViewOf(ctx, app) : undefined;
}

/**
 * The case a tracking code and a contact (phone or document number) designate together.
 * @returns undefined for a wrong code or contact
 */
export async function findTrackedCase(
  ctx: ApplicationContext,
  code: string,
  contact: string,
): Promise<ApplicationSnapshot | undefined> {
  const parsed = parseTrackingCode(code);
  if (!parsed.ok || contact.trim().length < 4) return undefined;
  const id = await ctx.repos.applications.idByTrackingCode(parsed.value);
  const app = id ? await ctx.repos.applications.byId(id) : undefined;
  return app && contactMatches(app, contact) ? app : undefined;
}

/** The public tracking view of a case: no personal data at all. */
export async function trackViewOf(ctx: ApplicationContext, app: ApplicationSnapshot): Promise<TrackView> {
  const org = await ctx.repos.orgs.byId(app.orgId);
  return {
    trackingCode: app.trackingCode,
    orgName: org?.name ?? '',
    receivedOn: app.receivedOn,
    state: app.state,
    dueOn: app.dueOn,
    closedOn: app.closedOn,
    // The outcome is shown once the reply has gone out: a draft may still change in legal review.
    outcome: ['replied', 'archived', 'withdrawn'].includes(app.state) ? app.outcome : null,
    steps: publicSteps(app),
  };
}

async function applicantHistory(
  ctx: ApplicationContext,
  app: ApplicationSnapshot,
): Promise<{ related: RelatedApplication[]; applicantMonthCount: number }> {
  if (app.applicant.idNumber === '') return { related: [], applicantMonthCount: 1 };
  const from = addDays(app.receivedOn, -365);
  const others = (await ctx.repos.applications.byApplicant(app.orgId, app.applicant.idNumber, from, today(ctx))).filter(
    (o) => o.id !== app.id,
  );
  const month = app.receivedOn.slice(0, 7);
  return {
    related: relatedApplications(app.request.description, others),
    applicantMonthCount: 1 + others.filter((o) => o.receivedOn.startsWith(month)).length,
  };
}

/** Internal review steps the applicant sees only as “in progress”, without the draft outcome. */
const INTERNAL: ReadonlySet<string> = new Set([
  'assign',
  'draft_reply',
  'pass_legal_review',
  'return_from_legal_review',
  'approve_reply',
  'return_from_approval',
]);

function publicSteps(app: ApplicationSnapshot): TrackView['steps'] {
  const steps: TrackView['steps'] = [];
  for (const e of app.events) {
    if (!INTERNAL.has(e.action)) {
      steps.push({ action: e.action, on: e.on, dueOn: e.dueOn, explanation: e.explanation });
    } else if (steps.at(-1)?.action !== 'in_review') {
      steps.push({
        action: 'in_review',
        on: e.on,
        dueOn: e.dueOn,
        explanation: `内部审核办理中；答复期限${e.dueOn ?? '按规定计算'}`,
      });
    }
  }
  return steps;
}

function contactMatches(app: ApplicationSnapshot, contact: string): boolean {
  const c = contact.trim();
  const phone = normalizePhone(c);
  return (
    (phone !== '' && phone === normalizePhone(app.applicant.phone)) ||
    (app.applicant.idNumber !== '' && c.toUpperCase() === app.applicant.idNumber.toUpperCase())
  );
}
