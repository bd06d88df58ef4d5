// Reading publications in the back office: lists, one item with its moves and clocks, the art. 18
// re-assessment list and the annual-report counts.
import type { AppContext } from '../context.js';
import type { Actor } from '../../domain/policies/actor.js';
import {
  availableTransitions,
  separationBlock,
  type AvailableTransition,
} from '../../domain/publications/transitions.js';
import { annualPublicationCounts, type AnnualPublicationCounts } from '../../domain/publications/annual-counts.js';
import {
  clockStart,
  publicationClock,
  type ClockStart,
  type PublicationClock,
} from '../../domain/publications/deadlines.js';
import { versionHistory, type VersionHistoryRow } from '../../domain/publications/version-history.js';
import type { Disclosure, PublicationState, Validity } from '../../domain/publications/publication.js';
import type { HolidayCalendar } from '../../domain/calendar/holiday-calendar.js';
import { canViewPublications } from '../../domain/policies/publication-policy.js';
import { ancestry } from '../../domain/orgs/organization.js';
import { localDate, type LocalDate } from '../../domain/core/local-date.js';
import { loadHolidayCalendar } from '../calendar/calendar.js';
import { notFound } from '../errors.js';
import { loadPublicationConfig } from './catalogue.js';
import type { LiveVersion, PublicationFilter, PublicationRecord, PublicationSummary, VersionRecord } from './ports.js';

/** What the back office's reads use: the repositories and the clock. */
export type ReadContext = Pick<AppContext, 'repos' | 'clock'>;

/** Organizations whose items the actor may see in the back office (the subtrees of their grants). */
async function visibleOrgIds(ctx: Pick<AppContext, 'repos'>, actor: Actor): Promise<string[]> {
  const orgs = await ctx.repos.orgs.list({ includeRetired: true });
  return orgs.filter((o) => canViewPublications(actor, ancestry(orgs, o.id))).map((o) => o.id);
}

/**
 * The back-office list, newest change first.
 * @param filter `orgIds` narrows to these organizations (within what the actor may see)
 */
export async function listPublications(
  ctx: Pick<AppContext, 'repos'>,
  actor: Actor,
  filter: Partial<PublicationFilter> = {},
  page = { limit: 50, offset: 0 },
): Promise<{ items: PublicationSummary[]; total: number }> {
  const visible = await visibleOrgIds(ctx, actor);
  const orgIds = filter.orgIds ? filter.orgIds.filter((id) => visible.includes(id)) : visible;
  return ctx.repos.publications.list({ ...filter, orgIds }, page);
}

/** One item as the back office shows it. */
export type PublicationView = {
  pub: PublicationRecord;
  /** The version the portal shows (also while a revision runs), or undefined. */
  live: LiveVersion | undefined;
  available: AvailableTransition[];
  /** Why 编审分离 keeps the actor from approving the awaited level they hold the role of, if it does. */
  separation: string | null;
  /** Art. 26: due date, status and what it counts from (null for 依申请公开 and 不予公开 items). */
  clock: PublicationClock | null;
  /** The published versions, oldest first, with how each ended. */
  versions: VersionHistoryRow[];
};

/** What the art. 26 clock reads of an item (a list row or the whole item). */
type Clocked = {
  id: string;
  state: PublicationState;
  disclosure: Disclosure;
  writtenOn: LocalDate;
  publishedOn: LocalDate | null;
  validity: Validity;
  validityOn: LocalDate | null;
};

/**
 * Where an item's art. 26 clock starts, from its recorded revisions and versions (deadlines.ts `clockStart`). A
 * withdrawn item keeps the clock of its formation: a revision dropped by the withdrawal has nothing left to time.
 */
function startOf(
  ctx: Pick<AppContext, 'clock'>,
  item: Clocked,
  changes: readonly { at: string; kind: 'revision' | 'disclosure' }[],
  versions: readonly VersionRecord[],
): ClockStart | undefined {
  if (item.state === 'withdrawn') return undefined;
  const day = (at: string) => ({ at, on: ctx.clock.dateOf(at) });
  return clockStart(item, {
    revisions: changes.map((c) => ({ ...day(c.at), kind: c.kind })),
    versions: versions.map((v) => ({ ...day(v.publishedAt), version: v.version, validity: v.validity })),
  });
}

/**
 * The art. 26 clocks of items (null for items that have none), each from its formation or its latest change:
 * two queries for all the items.
 */
export async function publicationClocks(
  ctx: ReadContext,
  items: readonly Clocked[],
  cal: HolidayCalendar,
): Promise<Map<string, PublicationClock | null>> {
  const today = localDate(ctx.clock.today());
  const timed = items.filter((i) => i.disclosure === 'proactive' && i.state !== 'withdrawn').map((i) => i.id);
  const revised = await ctx.repos.publications.changeInstants(timed);
  const versions = await ctx.repos.publications.versions([...revised.keys()]);
  return new Map(
    items.map((i) => {
      const start = startOf(ctx, i, revised.get(i.id) ?? [], versions.get(i.id) ?? []);
      return [i.id, publicationClock(i, today, cal, start)];
    }),
  );
}

/**
 * One item with the moves the actor may make and its art. 26 clock.
 * @throws AppError 'not_found' (also for items the actor may not see)
 */
export async function getPublication(ctx: ReadContext, actor: Actor, id: string): Promise<PublicationView> {
  const pub = await ctx.repos.publications.byId(id);
  if (!pub) throw notFound('信息');
  const orgIds = ancestry(await ctx.repos.orgs.list({ includeRetired: true }), pub.orgId);
  if (!canViewPublications(actor, orgIds)) throw notFound('信息');
  const config = await loadPublicationConfig(ctx.repos, pub.orgId);
  const cal = await loadHolidayCalendar(ctx.repos);
  const today = localDate(ctx.clock.today());
  const versions = (await ctx.repos.publications.versions([id])).get(id) ?? [];
  const changes = (await ctx.repos.publications.changeInstants([id])).get(id) ?? [];
  const live = await ctx.repos.publications.liveVersion(id);
  const withdrawals = pub.reviews.filter((r) => r.action === 'withdraw').map((r) => r.at);
  return {
    pub,
    live,
    available: availableTransitions(pub, actor, config.levels, { now: ctx.clock.nowIso(), orgIds }),
    separation: separationBlock(pub, actor, config.levels, orgIds),
    clock: publicationClock(pub, today, cal, startOf(ctx, pub, changes, versions)),
    versions: versionHistory(versions, withdrawals, live?.version ?? null),
  };
}

/**
 * 不予公开 items due for their periodic re-assessment (art. 18) in the actor's organizations.
 * @param today default: the clock's date
 */
export async function reassessmentDue(
  ctx: ReadContext,
  actor: Actor,
  today?: LocalDate,
): Promise<PublicationSummary[]> {
  return ctx.repos.publications.reassessmentDue(await visibleOrgIds(ctx, actor), today ?? localDate(ctx.clock.today()));
}

/**
 * The annual-report counts of one organization and year (art. 50).
 * @throws AppError 'not_found' for an organization the actor may not see
 */
export async function annualPublicationReport(
  ctx: Pick<AppContext, 'repos'>,
  actor: Actor | null,
  orgId: string,
  year: number,
): Promise<AnnualPublicationCounts> {
  const orgs = await ctx.repos.orgs.list({ includeRetired: true });
  if (!orgs.some((o) => o.id === orgId) || (actor !== null && !canViewPublications(actor, ancestry(orgs, orgId)))) {
    throw notFound('机构');
  }
  return annualPublicationCounts(await ctx.repos.publications.facts(orgId, year), year);
}
