// Making a move in the review chain: pre-publication checks → decide (pure) → store the state,
// the ledger row with the findings, the frozen live version and the audit entry in one transaction.
import type { AppContext } from '../context.js';
import { syncSearch } from './search-sync.js';
import { nextSeq } from './drafts.js';
import type { Actor } from '../../domain/policies/actor.js';
import { decide } from '../../domain/publications/transitions.js';
import type { PublicationAction } from '../../domain/publications/transition-table.js';
import {
  classifyLinks,
  prePublicationChecks,
  SENSITIVE_WORDS_KEY,
  wordListFrom,
  type CheckFinding,
} from '../../domain/publications/checks.js';
import type { PublicationState } from '../../domain/publications/publication.js';
import { canViewPublications } from '../../domain/policies/publication-policy.js';
import { ancestry } from '../../domain/orgs/organization.js';
import { localDate } from '../../domain/core/local-date.js';
import { auditBy } from '../actors.js';
import { AppError, conflict, fromDomainError, notFound } from '../errors.js';
import { loadPublicationConfig } from './catalogue.js';
import type { LiveVersion, PublicationRecord } from './ports.js';

/** What a move uses: the repositories, a transaction and the clock. */
export type MoveContext = Pick<AppContext, 'repos' | 'uow' | 'clock' | 'htmlReader' | 'portalUrls'>;

/** The result of a move. */
export type PublicationActResult = { state: PublicationState; reviewLevel: number | null; findings: CheckFinding[] };

/** Moves that run the pre-publication checks: at submission, and again at each level. */
const CHECKED: ReadonlySet<PublicationAction> = new Set<PublicationAction>(['submit', 'approve', 'reject']);

/** Paths this portal serves that the checker can judge without the web layer: item pages and files. */
async function resolveInternal(ctx: CheckContext, path: string): Promise<boolean> {
  const page = ctx.portalUrls.pageOf(path);
  if (page?.kind === 'publication') return (await ctx.repos.publications.liveVersion(page.id)) !== undefined;
  if (page?.kind === 'file') return (await ctx.repos.files.get(page.fileId)) !== undefined;
  return true; // other routes belong to the web layer, which passes its own resolver
}

/** What the checks read: the word list and links (repositories), the body (HTML reader), addresses. */
type CheckContext = Pick<AppContext, 'repos' | 'htmlReader' | 'portalUrls'>;

/**
 * Runs the pre-publication checks on an item's current fields.
 * @param resolve whether an internal path resolves (default: item pages and stored files)
 */
export async function checkPublication(
  ctx: CheckContext,
  pub: PublicationRecord,
  resolve?: (path: string) => Promise<boolean>,
): Promise<CheckFinding[]> {
  const words = wordListFrom(await ctx.repos.settings.get(SENSITIVE_WORDS_KEY));
  const body = ctx.htmlReader.read(pub.bodyHtml);
  const ok = new Set<string>();
  for (const p of classifyLinks(body.links).internal) {
    if (await (resolve ?? ((x: string) => resolveInternal(ctx, x)))(p)) ok.add(p);
  }
  const input = { title: pub.title, summary: pub.summary, bodyText: body.text, links: body.links };
  return prePublicationChecks(input, { words, resolveLink: (p) => ok.has(p) });
}

function liveCopy(pub: PublicationRecord, version: number, at: string): LiveVersion {
  const {
    id: _id,
    orgId: _o,
    state: _s,
    reviewLevel: _r,
    scheduledAt: _sa,
    currentVersion: _c,
    reassessOn: _ra,
    createdBy: _cb,
    createdAt: _ca,
    updatedAt: _u,
    withdrawnAt: _w,
    withdrawReason: _wr,
    reviews: _rv,
    ...fields
  } = pub;
  return { version, publishedAt: at, fields };
}

/**
 * Makes one move. Role first (403 whatever the state), then the table (409), then the level role
 * and 编审分离 (403), then the parameters (422); nothing changes on any error.
 * @param actor null for the scheduler's `release`
 * @throws AppError 'not_found', 'forbidden', 'conflict', 'invalid'
 */
export async function actOnPublication(
  ctx: MoveContext,
  actor: Actor | null,
  id: string,
  action: PublicationAction,
  params: Record<string, unknown> = {},
): Promise<PublicationActResult> {
  const pub = await ctx.repos.publications.byId(id);
  if (!pub) throw notFound('信息');
  const orgIds = ancestry(await ctx.repos.orgs.list({ includeRetired: true }), pub.orgId);
  if (actor !== null && !canViewPublications(actor, orgIds)) throw notFound('信息');
  const config = await loadPublicationConfig(ctx.repos, pub.orgId);
  const findings = CHECKED.has(action) ? await checkPublication(ctx, pub) : [];
  const now = ctx.clock.nowIso();
  const decision = decide(
    pub,
    { action, params },
    { actor, orgIds, today: localDate(ctx.clock.today()), now, levels: config.levels, findings },
  );
  if (!decision.ok) throw fromDomainError(decision.error);
  const { patch, entry, newVersion } = decision.value;
  const seq = nextSeq(pub);
  try {
    await ctx.uow.run(async (r) => {
      await r.publications.appendReview(id, {
        ...entry,
        seq,
        actorId: actor?.userId ?? null,
        actorLabel: actor?.username ?? '系统',
        at: now,
        findings,
      });
      await r.publications.updateState(id, patch, now);
      await syncSearch(r, ctx.htmlReader, pub, patch.state, patch.publishedOn ?? pub.publishedOn, now);
      if (newVersion !== null) {
        await r.publications.insertVersion(
          id,
          liveCopy({ ...pub, publishedOn: patch.publishedOn ?? pub.publishedOn }, newVersion, now),
          actor?.userId ?? null,
        );
      }
      await r.audit.append(
        auditBy(actor, {
          action: `publication.${action}`,
          entityType: 'publication',
          entityId: id,
          orgId: pub.orgId,
          before: { state: pub.state, reviewLevel: pub.reviewLevel },
          after: { ...patch, seq, level: entry.level, findings: findings.length },
        }),
        now,
      );
    });
  } catch (e) {
    if ((await ctx.repos.publications.byId(id))?.reviews.some((x) => x.seq === seq)) {
      throw conflict('该信息刚刚已被他人处理，请刷新页面后重试');
    }
    throw e;
  }
  return { state: patch.state, reviewLevel: patch.reviewLevel ?? null, findings };
}

/**
 * Releases scheduled items whose time has come (the background job).
 * @param now ISO instant (default: the clock's)
 * @returns the ids released
 */
export async function publishScheduled(ctx: MoveContext, now = ctx.clock.nowIso()): Promise<string[]> {
  const released: string[] = [];
  for (const id of await ctx.repos.publications.dueForRelease(now)) {
    try {
      await actOnPublication(ctx, null, id, 'release');
      released.push(id);
    } catch (e) {
      // Rejected or released by someone else meanwhile: nothing to do for this item.
      if (!(e instanceof AppError)) throw e;
    }
  }
  return released;
}
