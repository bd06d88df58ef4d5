// Staff case lists (依申请公开): filters as staff and API clients give them (state, organization,
// handler, open/closed, overdue/due soon, received dates, text), each row's deadline status, and the
// organizations and handlers the back office offers in its selects.
import { personLabel } from '../users/display-names.js';
import type { ApplicationContext, ApplicationFilter } from './ports.js';
import type { Actor } from '../../domain/policies/actor.js';
import type { ApplicationState } from '../../domain/applications/application.js';
import type { HolidayCalendar } from '../../domain/calendar/holiday-calendar.js';
import { addDays, type LocalDate } from '../../domain/core/local-date.js';
import { addWorkingDays, workingDaysBetween } from '../../domain/calendar/working-days.js';
import { status, type DeadlineStatus } from '../../domain/applications/deadlines.js';
import { rulesFor } from '../../domain/applications/rules.js';
import { QUEUE_RULES, QUEUES, type Queue } from '../../domain/applications/queues.js';
import { CLOSED_STATES, OPEN_STATES } from '../../domain/applications/transition-table.js';
import { ancestry, type Organization } from '../../domain/orgs/organization.js';
import { canEnterApplication, canViewCase } from '../../domain/policies/application-policy.js';
import { actorOf } from '../actors.js';
import { holdsAnywhere, holdsAt, holdsOver } from '../../domain/policies/actor.js';
import type { Role } from '../../domain/users/roles.js';
import { loadHolidayCalendar } from '../calendar/calendar.js';
import { listApplications, type CaseRow } from './application-queries.js';
import { today } from './case-context.js';

/**
 * A list row with its display status on today's date and the working days left until its due date (剩余N个工作日;
 * negative: overdue by that many; null while the clock is stopped or the case is closed).
 */
export type StatusRow = CaseRow & { status: DeadlineStatus; workingDaysLeft: number | null };

/** The deadline lists: open cases past their due date, or due within the due-soon window. */
export type DeadlineFilter = 'overdue' | 'due_soon';

/** List options; every one optional. Unknown organizations or handlers match nothing. */
export type CaseListOptions = {
  /** A work queue (QUEUE_RULES): narrows the other options to the cases waiting for the actor. */
  queue?: Queue;
  state?: ApplicationState;
  orgId?: string;
  orgCreditCode?: string;
  handlerId?: string;
  handlerUsername?: string;
  /** true: not replied, archived or withdrawn; false: those. */
  open?: boolean;
  /** Due soon includes the overdue cases: the repository filter has no lower bound on the due date. */
  deadline?: DeadlineFilter;
  receivedFrom?: string;
  receivedTo?: string;
  query?: string;
};

/** A list row with its handler, by username (API) and as shown (page: '未分配' without one). */
export type CaseListRow = StatusRow & { handlerUsername: string | null; handlerLabel: string };

/**
 * Lists the cases the actor may see, newest first, with each row's deadline status and handler.
 * @param ctx the use-case context
 * @param actor the signed-in user (a handler sees every case of its organization, assigned or not)
 * @param opts the filters
 * @param page limit and offset
 */
export async function listCases(
  ctx: ApplicationContext,
  actor: Actor,
  opts: CaseListOptions,
  page: { limit: number; offset: number },
): Promise<{ items: CaseListRow[]; total: number }> {
  const filter = await toFilter(ctx, actor, opts);
  if (filter === undefined) return { items: [], total: 0 };
  const [{ items, total }, names] = await Promise.all([listApplications(ctx, actor, filter, page), staffNames(ctx)]);
  const rows = await withDeadlineStatus(ctx, items);
  return {
    total,
    items: rows.map((r) => {
      const h = r.handlerId === null ? { username: null, label: '未分配' } : names.get(r.handlerId);
      return { ...r, handlerUsername: h?.username ?? null, handlerLabel: h?.label ?? '（未知账号）' };
    }),
  };
}

/**
 * Adds each row's deadline status (on_time, due_soon, overdue, closed, paused) for today.
 * @param ctx the use-case context
 * @param rows rows from listApplications
 */
export async function withDeadlineStatus(ctx: ApplicationContext, rows: readonly CaseRow[]): Promise<StatusRow[]> {
  const calendar = await loadHolidayCalendar(ctx.repos);
  const day = today(ctx);
  return rows.map((r) => {
    const due = r.dueOn as LocalDate | null;
    const shown = status({ state: r.state, dueOn: due }, day, rulesFor(r.receivedOn as LocalDate), calendar);
    const running = due !== null && shown !== 'closed' && shown !== 'paused';
    return { ...r, status: shown, workingDaysLeft: running ? workingDaysBetween(day, due, calendar) : null };
  });
}

/** The queues the actor works: those whose roles it holds at some organization (menus and cards show only these). */
export function queuesFor(actor: Actor): Queue[] {
  return QUEUES.filter((q) => QUEUE_RULES[q].roles.some((role) => holdsAnywhere(actor, role)));
}

/**
 * The last day of the due-soon window: `dueSoonWorkingDays` working days after today, the bound
 * `status` (deadlines.ts) uses.
 */
export function dueSoonHorizon(day: LocalDate, calendar: HolidayCalendar): LocalDate {
  return addWorkingDays(day, rulesFor(day).dueSoonWorkingDays, calendar);
}

/**
 * Organizations for the back office's selects.
 * @returns `visible`: whose cases the actor may see; `enterable`: where the actor may enter applications (handler)
 */
export async function caseOrganizations(
  ctx: ApplicationContext,
  actor: Actor,
): Promise<{ visible: Organization[]; enterable: Organization[] }> {
  const all = await ctx.repos.orgs.list({ includeRetired: true });
  const visible = all.filter((o) => canViewCase(actor, ancestry(all, o.id)));
  const enterable = visible.filter((o) => o.retiredAt === null && canEnterApplication(actor, ancestry(all, o.id)));
  return { visible, enterable };
}

/**
 * Active users who may handle a case of the organization (the `assign` move's choices).
 * @param ctx the use-case context
 * @param orgId the case's organization
 */
export async function caseHandlers(
  ctx: ApplicationContext,
  orgId: string,
): Promise<{ id: string; username: string; displayName: string }[]> {
  const orgs = await ctx.repos.orgs.list({ includeRetired: true });
  const line = ancestry(orgs, orgId);
  const users = await ctx.repos.users.list({ status: 'active' });
  return users
    .filter((u) => holdsOver(actorOf(u), 'handler', line))
    .map((u) => ({ id: u.id, username: u.username, displayName: u.displayName }));
}

/**
 * Names of accounts by id, for handler columns and the ledger.
 * @returns id → "display name (username)"
 */
export async function staffNames(
  ctx: Pick<ApplicationContext, 'repos'>,
): Promise<Map<string, { username: string; label: string }>> {
  const users = await ctx.repos.users.list();
  return new Map(
    users.map((u) => [
      u.id,
      {
        username: u.username,
        label: personLabel(u),
      },
    ]),
  );
}

/** The repository filter, or undefined when the options cannot match anything. */
async function toFilter(
  ctx: ApplicationContext,
  actor: Actor,
  o: CaseListOptions,
): Promise<(Omit<ApplicationFilter, 'orgIds'> & { orgIds?: string[] }) | undefined> {
  const rule = o.queue ? QUEUE_RULES[o.queue] : undefined;
  let states: readonly ApplicationState[] | undefined = o.state ? [o.state] : undefined;
  const narrow = (allowed: readonly ApplicationState[]) =>
    (states = states ? states.filter((s) => allowed.includes(s)) : allowed);
  if (o.open !== undefined) narrow(o.open ? OPEN_STATES : CLOSED_STATES);
  if (rule) narrow(rule.states ?? OPEN_STATES);
  let dueOnOrBefore: string | undefined;
  let dueOnOrAfter: string | undefined;
  const day = today(ctx);
  for (const deadline of [o.deadline, rule?.deadline]) {
    if (!deadline) continue;
    narrow(OPEN_STATES);
    const bound = deadline === 'overdue' ? addDays(day, -1) : dueSoonHorizon(day, await loadHolidayCalendar(ctx.repos));
    dueOnOrBefore = dueOnOrBefore !== undefined && dueOnOrBefore < bound ? dueOnOrBefore : bound;
  }
  // The due-soon queue leaves the overdue cases to their own queue (the `deadline` filter keeps them).
  if (rule?.deadline === 'due_soon') dueOnOrAfter = day;
  if (states !== undefined && states.length === 0) return undefined;
  const org =
    o.orgCreditCode !== undefined ? await ctx.repos.orgs.byCreditCode(o.orgCreditCode.trim().toUpperCase()) : undefined;
  if (o.orgCreditCode !== undefined && !org) return undefined;
  const handler = o.handlerUsername !== undefined ? await ctx.repos.users.byUsername(o.handlerUsername) : undefined;
  if (o.handlerUsername !== undefined && !handler) return undefined;
  const chosen = [o.orgId, org?.id].filter((x): x is string => x !== undefined);
  if (chosen.length === 2 && chosen[0] !== chosen[1]) return undefined;
  const mine = rule?.mine ? actor.userId : undefined;
  const handlerIds = [o.handlerId, handler?.id, mine].filter((x): x is string => x !== undefined);
  if (handlerIds.some((id) => id !== handlerIds[0])) return undefined;
  let orgIds = chosen.slice(0, 1);
  if (rule && !rule.mine) {
    // A queue lists the organizations where the actor holds one of its roles (itself or through an ancestor);
    // the actor's own cases are theirs wherever they are (协办 included).
    const all = await ctx.repos.orgs.list({ includeRetired: true });
    const holds = (role: Role, orgId: string) =>
      rule.ownOrganization ? holdsAt(actor, role, orgId) : holdsOver(actor, role, ancestry(all, orgId));
    const worked = all.filter((x) => rule.roles.some((role) => holds(role, x.id))).map((x) => x.id);
    orgIds = chosen.length > 0 ? worked.filter((id) => id === chosen[0]) : worked;
    if (orgIds.length === 0) return undefined;
  }
  return {
    ...(states ? { states } : {}),
    ...(orgIds.length > 0 ? { orgIds } : {}),
    handlerId: handlerIds[0],
    dueOnOrBefore,
    dueOnOrAfter,
    extensionRequested: rule?.extensionRequested,
    waitingEndedBefore: rule?.periodEnded ? day : undefined,
    query: o.query || undefined,
    receivedFrom: o.receivedFrom || undefined,
    receivedTo: o.receivedTo || undefined,
  };
}
