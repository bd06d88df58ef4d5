// Making a move in the review chain: pre-publication checks → decide (pure) → store the state,
// the ledger row with the findings, the frozen live version and the audit entry in one transaction.
import type { AppContext, Repos } from '../context.js';
import { syncSearch } from './search-sync.js';
import { nextSeq } from './drafts.js';
import type { Actor } from '../../domain/policies/actor.js';
import { decide, type Decision } from '../../domain/publications/transitions.js';
import type { PublicationAction } from '../../domain/publications/transition-table.js';
import {
  classifyLinks,
  interpretationFinding,
  prePublicationChecks,
  submitRefusals,
  SENSITIVE_WORDS_KEY,
  wordListFrom,
  type CheckFinding,
} from '../../domain/publications/checks.js';
import type { PublicationState } from '../../domain/publications/publication.js';
import { canViewPublications } from '../../domain/policies/publication-policy.js';
import { ancestry } from '../../domain/orgs/organization.js';
import { localDate } from '../../domain/core/local-date.js';
import { auditBy } from '../actors.js';
import { integrityAuditInput } from '../monitoring/integrity-record.js';
import { AppError, conflict, fromDomainError, invalid, notFound } from '../errors.js';
import { loadPublicationConfig } from './catalogue.js';
import type { LiveVersion, PublicationRecord } from './ports.js';

/** What a move uses: the repositories, a transaction and the clock. */
export type MoveContext = Pick<AppContext, 'repos' | 'uow' | 'clock' | 'crypto' | 'htmlReader' | 'portalUrls'>;

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
  const interpreted = (await ctx.repos.publications.interpretationsOf(pub.id)).length > 0;
  const missing = interpretationFinding(pub.kind, interpreted);
  return [...prePublicationChecks(input, { words, resolveLink: (p) => ok.has(p) }), ...(missing ? [missing] : [])];
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

/** A move decided, ready to be stored: the item as read, its checks' findings, the decision and its ledger number. */
type DecidedMove = {
  pub: PublicationRecord;
  action: PublicationAction;
  findings: CheckFinding[];
  decision: Decision;
  seq: number;
  /** Recorded with the audit entry (e.g. the document an interpretation was withdrawn with). */
  note?: Record<string, unknown>;
};

/** Loads an item the actor may see (404 otherwise) with its organization's ancestry. */
async function loadItem(ctx: MoveContext, actor: Actor | null, id: string) {
  const pub = await ctx.repos.publications.byId(id);
  if (!pub) throw notFound('信息');
  const orgIds = ancestry(await ctx.repos.orgs.list({ includeRetired: true }), pub.orgId);
  if (actor !== null && !canViewPublications(actor, orgIds)) throw notFound('信息');
  return { pub, orgIds };
}

/** Runs the checks a move needs and decides it (nothing stored). */
async function decideMove(
  ctx: MoveContext,
  actor: Actor | null,
  item: { pub: PublicationRecord; orgIds: string[] },
  action: PublicationAction,
  params: Record<string, unknown>,
  now: string,
): Promise<DecidedMove> {
  const { pub, orgIds } = item;
  const config = await loadPublicationConfig(ctx.repos, pub.orgId);
  const findings = CHECKED.has(action) ? await checkPublication(ctx, pub) : [];
  const decision = decide(
    pub,
    { action, params },
    { actor, orgIds, today: localDate(ctx.clock.today()), now, levels: config.levels, findings },
  );
  if (!decision.ok) throw fromDomainError(decision.error);
  const refusals = action === 'submit' ? submitRefusals(pub) : {};
  if (Object.keys(refusals).length > 0) throw invalid('信息不全，不能送审', refusals);
  return { pub, action, findings, decision: decision.value, seq: nextSeq(pub) };
}

/** Stores a decided move in the open transaction: the ledger row, the state, search, the live version, the audit. */
async function storeMove(r: Repos, ctx: MoveContext, actor: Actor | null, m: DecidedMove, now: string): Promise<void> {
  const { pub, findings, seq } = m;
  const { patch, entry, newVersion } = m.decision;
  const id = pub.id;
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
    const live = liveCopy({ ...pub, publishedOn: patch.publishedOn ?? pub.publishedOn }, newVersion, now);
    await r.publications.insertVersion(id, live, actor?.userId ?? null);
    // What the portal will serve, fingerprinted where it goes live (docs/monitoring-integrity.md).
    const integrity = integrityAuditInput(pub, live, ctx.crypto.sha256);
    if (integrity) await r.audit.append(auditBy(actor, integrity), now);
  }
  await r.audit.append(
    auditBy(actor, {
      action: `publication.${m.action}`,
      entityType: 'publication',
      entityId: id,
      orgId: pub.orgId,
      before: { state: pub.state, reviewLevel: pub.reviewLevel },
      after: { ...patch, seq, level: entry.level, findings: findings.length, ...m.note },
    }),
    now,
  );
}

/** The ids a move's `interpretations` parameter names (a list or one id). */
function idList(v: unknown): string[] {
  const xs = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  return [...new Set(xs.filter((x): x is string => typeof x === 'string').map((x) => x.trim()))].filter((x) => x);
}

/**
 * The withdrawals of a document's live interpretations asked for with its own (撤稿 "一并撤下"): each one of the
 * document's live interpretations, decided like any withdrawal (the same roles), with the document's reason.
 */
async function interpretationWithdrawals(
  ctx: MoveContext,
  actor: Actor | null,
  doc: PublicationRecord,
  params: Record<string, unknown>,
  now: string,
): Promise<DecidedMove[]> {
  const ids = idList(params.interpretations);
  if (ids.length === 0) return [];
  const live = new Set((await ctx.repos.publications.interpretationsOf(doc.id)).map((i) => i.id));
  const stray = ids.filter((x) => !live.has(x));
  if (stray.length > 0) {
    throw invalid('所选政策解读有误', { interpretations: '只能一并撤下本文件已发布的政策解读' });
  }
  const reason = typeof params.reason === 'string' ? params.reason.trim() : '';
  const out: DecidedMove[] = [];
  for (const x of ids) {
    const move = await decideMove(
      ctx,
      actor,
      await loadItem(ctx, actor, x),
      'withdraw',
      { reason: reason === '' ? '' : `随所解读文件${doc.indexNo}一并撤稿：${reason}` },
      now,
    );
    out.push({ ...move, note: { withdrawnWith: doc.id } });
  }
  return out;
}

/**
 * Makes one move. Role first (403 whatever the state), then the table (409), then the level role
 * and 编审分离 (403), then the parameters (422); nothing changes on any error. A withdrawal may name the
 * document's live interpretations (`interpretations`) to withdraw in the same transaction, each audited.
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
  const item = await loadItem(ctx, actor, id);
  const now = ctx.clock.nowIso();
  const main = await decideMove(ctx, actor, item, action, params, now);
  const moves = [
    main,
    ...(action === 'withdraw' ? await interpretationWithdrawals(ctx, actor, item.pub, params, now) : []),
  ];
  try {
    await ctx.uow.run(async (r) => {
      for (const m of moves) await storeMove(r, ctx, actor, m, now);
    });
  } catch (e) {
    for (const m of moves) {
      if ((await ctx.repos.publications.byId(m.pub.id))?.reviews.some((x) => x.seq === m.seq)) {
        throw conflict('该信息刚刚已被他人处理，请刷新页面后重试');
      }
    }
    throw e;
  }
  const { patch } = main.decision;
  return { state: patch.state, reviewLevel: patch.reviewLevel ?? null, findings: main.findings };
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
