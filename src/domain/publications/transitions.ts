// The review chain as pure functions: `decide` checks a move against the
// transition table (transition-table.ts), the chain's levels and 编审分离, and its parameters, and
// returns the fields to store and the ledger row to append; `availableTransitions` offers the
// moves from the same table and checks.
//
// Order of checks: role (forbidden, whatever the state) → table (illegal_transition) → level role
// and 编审分离 (forbidden) → history guards (illegal_transition) → parameters (invalid_params).

import { holdsOver, type Actor } from '../policies/actor.js';
import { DomainError } from '../core/domain-error.js';
import type { LocalDate } from '../core/local-date.js';
import { err, ok, type Result } from '../core/result.js';
import { ROLE_LABELS } from '../users/roles.js';
import type { PublicationSnapshot, PublicationState } from './publication.js';
import { roleForLevel, type ReviewLevel } from './review-chain.js';
import {
  ACTION_LABELS,
  ACTION_ROLES,
  STATE_LABELS,
  SYSTEM_ACTIONS,
  TRANSITIONS,
  findTransition,
  type PublicationAction,
} from './transition-table.js';
import { FORBIDDEN, ILLEGAL_TRANSITION } from '../core/domain-error.js';

export { FORBIDDEN, ILLEGAL_TRANSITION };

/** Error code: the move's parameters are wrong (HTTP 422). */
export const INVALID_PARAMS = 'invalid_params';

/**
 * A requested move with raw parameters: `comment` (reject: required), `reason` (withdraw: required), `at` (publish: ISO
 * instant), `acceptFindings`.
 */
export type Command = { readonly action: PublicationAction; readonly params?: Readonly<Record<string, unknown>> };

/** What `decide` needs besides the item. */
export type DecideContext = {
  readonly actor: Actor | null;
  readonly today: LocalDate;
  /** Now, as ISO-8601 UTC text. */
  readonly now: string;
  readonly levels: readonly ReviewLevel[];
  /** Organizations whose role grants count (default: the item's organization). */
  readonly orgIds?: readonly string[];
  /** Findings of the pre-publication checks run for this move (stored with the ledger row). */
  readonly findings?: readonly { severity: string }[];
};

/** Stored fields a move changes. */
export type PublicationPatch = {
  state: PublicationState;
  reviewLevel?: number | null;
  scheduledAt?: string | null;
  publishedOn?: LocalDate;
  currentVersion?: number | null;
  withdrawnAt?: string | null;
  withdrawReason?: string | null;
};

/** A successful decision; `newVersion` asks the caller to freeze the fields as the live version. */
export type Decision = {
  next: PublicationState;
  patch: PublicationPatch;
  entry: { action: PublicationAction; level: number | null; comment: string };
  newVersion: number | null;
};

/** A move the UI may offer. */
export type AvailableTransition = { action: PublicationAction; to: PublicationState; label: string };

/**
 * Decides a move.
 * @returns the decision, or a DomainError coded `forbidden`, `illegal_transition` or `invalid_params`
 */
export function decide(pub: PublicationSnapshot, cmd: Command, ctx: DecideContext): Result<Decision, DomainError> {
  const roleError = checkRole(pub, cmd.action, ctx.actor, ctx.orgIds);
  if (roleError) return err(roleError);
  const row = findTransition(pub.state, cmd.action);
  if (!row) {
    return err(
      new DomainError(
        ILLEGAL_TRANSITION,
        `信息处于“${STATE_LABELS[pub.state]}”状态，不能“${ACTION_LABELS[cmd.action]}”`,
      ),
    );
  }
  const guard = guardError(pub, cmd.action, ctx);
  if (guard) return err(guard);
  return buildDecision(pub, cmd.action, cmd.params ?? {}, row.to, ctx);
}

/**
 * The moves an actor may make now, from the same table and checks as {@link decide}.
 * @param options.now enables the release-time check
 */
export function availableTransitions(
  pub: PublicationSnapshot,
  actor: Actor | null,
  levels: readonly ReviewLevel[],
  options: { now?: string; orgIds?: readonly string[] } = {},
): AvailableTransition[] {
  const ctx = { actor, levels, orgIds: options.orgIds, now: options.now };
  const signOff = (t: { action: PublicationAction }) => t.action === 'approve' && levelOf(pub, levels) >= levels.length;
  return TRANSITIONS.filter((t) => t.from === pub.state)
    .filter((t) => checkRole(pub, t.action, actor, options.orgIds) === null)
    .filter((t) => guardError(pub, t.action, ctx) === null)
    .map((t) =>
      signOff(t)
        ? { action: t.action, to: 'signed_off', label: SIGN_OFF_LABEL }
        : { action: t.action, to: t.to, label: ACTION_LABELS[t.action] },
    );
}

/** The last level's approval reads 签发 (sign-off). */
export const SIGN_OFF_LABEL = '签发';

/**
 * Why 编审分离 keeps the actor from approving the level the item waits at, although they hold that level's role:
 * the page says so instead of just leaving the button out.
 * @returns the Chinese reason, or null when the actor may approve or the level is not theirs anyway
 */
export function separationBlock(
  pub: PublicationSnapshot,
  actor: Actor | null,
  levels: readonly ReviewLevel[],
  orgIds?: readonly string[],
): string | null {
  if (actor === null || !findTransition(pub.state, 'approve')) return null;
  if (checkRole(pub, 'approve', actor, orgIds) !== null) return null;
  const level = levelOf(pub, levels);
  if (!holdsOver(actor, roleForLevel(levels, level, pub.major), orgIds ?? [pub.orgId])) return null;
  return separationError(pub, actor, level)?.message ?? null;
}

/** Users who edited the item (created, edited, submitted, recalled or revised it), in any round. */
export function editorsOf(pub: PublicationSnapshot): Set<string> {
  const ids = pub.reviews
    .filter((r) => ['create', 'edit', 'submit', 'recall', 'revise', 'reopen'].includes(r.action))
    .map((r) => r.actorId);
  return new Set([pub.createdBy, ...ids].filter((x): x is string => x !== null));
}

function checkRole(
  pub: PublicationSnapshot,
  action: PublicationAction,
  actor: Actor | null,
  orgIds?: readonly string[],
): DomainError | null {
  if (actor === null) {
    return SYSTEM_ACTIONS.has(action) ? null : new DomainError(FORBIDDEN, `“${ACTION_LABELS[action]}”须由工作人员办理`);
  }
  const roles = ACTION_ROLES[action];
  if (roles.some((r) => holdsOver(actor, r, orgIds ?? [pub.orgId]))) return null;
  const names = roles.map((r) => `“${ROLE_LABELS[r]}”`).join('或');
  return new DomainError(
    FORBIDDEN,
    roles.length === 0 ? `“${ACTION_LABELS[action]}”由系统执行` : `需要${names}角色才能“${ACTION_LABELS[action]}”`,
  );
}

type GuardCtx = { actor: Actor | null; levels: readonly ReviewLevel[]; orgIds?: readonly string[]; now?: string };

/** Level role and 编审分离 (forbidden), then history guards (illegal_transition). */
function guardError(pub: PublicationSnapshot, action: PublicationAction, ctx: GuardCtx): DomainError | null {
  switch (action) {
    case 'approve':
    case 'reject':
      return levelError(pub, action, ctx);
    case 'withdraw':
      return pub.currentVersion === null
        ? new DomainError(ILLEGAL_TRANSITION, '该信息尚未发布，不能撤稿；未发布的稿件可退回修改')
        : null;
    case 'reopen':
      return pub.currentVersion === null ? new DomainError(ILLEGAL_TRANSITION, '该信息从未发布，不能撤稿后修订') : null;
    case 'recall':
      return currentRound(pub).some((r) => r.action === 'approve' || r.action === 'reject')
        ? new DomainError(ILLEGAL_TRANSITION, '审核人员已办理，不能撤回送审')
        : null;
    case 'release':
      return ctx.now !== undefined && (pub.scheduledAt === null || pub.scheduledAt > ctx.now)
        ? new DomainError(ILLEGAL_TRANSITION, `定时发布时间${pub.scheduledAt ?? '未设定'}尚未到达`)
        : null;
    case 'submit':
    case 'publish':
    case 'revise':
      return null;
  }
}

/** The level acted on: the awaited one, or the last (sign-off) after sign-off. */
function levelOf(pub: PublicationSnapshot, levels: readonly ReviewLevel[]): number {
  return pub.state === 'submitted' || pub.state === 'in_review'
    ? Math.min(pub.reviewLevel ?? 1, levels.length)
    : levels.length;
}

function levelError(pub: PublicationSnapshot, action: 'approve' | 'reject', ctx: GuardCtx): DomainError | null {
  const actor = ctx.actor;
  if (actor === null) return new DomainError(FORBIDDEN, '审核须由工作人员办理');
  const level = levelOf(pub, ctx.levels);
  const role = roleForLevel(ctx.levels, level, pub.major);
  const label = ctx.levels[level - 1]?.label ?? '签发';
  if (!holdsOver(actor, role, ctx.orgIds ?? [pub.orgId])) {
    const why = role === 'head' ? '（重大信息须由主要负责同志签发）' : '';
    return new DomainError(FORBIDDEN, `第${level}级“${label}”需要“${ROLE_LABELS[role]}”角色${why}`);
  }
  return action === 'reject' ? null : separationError(pub, actor, level);
}

/** 编审分离: no one approves a level of an item they edited, or approved at another level. */
function separationError(pub: PublicationSnapshot, actor: Actor, level: number): DomainError | null {
  if (editorsOf(pub).has(actor.userId)) return new DomainError(FORBIDDEN, '编审分离：不能审核本人编辑的信息');
  const approvedElsewhere = currentRound(pub).some(
    (r) => r.action === 'approve' && r.actorId === actor.userId && r.level !== level,
  );
  return approvedElsewhere
    ? new DomainError(FORBIDDEN, '编审分离：已在本轮其他层级审核过该信息的人员不能再审核本级')
    : null;
}

/** Ledger rows since the last submission. */
function currentRound(pub: PublicationSnapshot) {
  const start = pub.reviews.findLastIndex((r) => r.action === 'submit');
  return start < 0 ? [] : pub.reviews.slice(start + 1);
}

function text(v: unknown): string {
  return typeof v === 'string' ? v.trim() : '';
}

function invalid(message: string): { readonly ok: false; readonly error: DomainError } {
  return err(new DomainError(INVALID_PARAMS, message));
}

function buildDecision(
  pub: PublicationSnapshot,
  action: PublicationAction,
  params: Readonly<Record<string, unknown>>,
  to: PublicationState,
  ctx: DecideContext,
): Result<Decision, DomainError> {
  const comment = text(params.comment) || text(params.note) || text(params.reason);
  const decision = (
    patch: PublicationPatch,
    level: number | null = null,
    newVersion: number | null = null,
  ): Result<Decision, DomainError> => ok({ next: patch.state, patch, entry: { action, level, comment }, newVersion });
  switch (action) {
    case 'submit':
      return decision({ state: to, reviewLevel: 1 });
    case 'approve':
      return approveDecision(pub, params, ctx, decision);
    case 'reject':
      if (comment === '') return invalid('退回修改须填写意见');
      return decision({ state: to, reviewLevel: null, scheduledAt: null }, levelOf(pub, ctx.levels));
    case 'publish':
      return publishDecision(pub, params, ctx, decision);
    case 'release':
      return decision(releasePatch(pub, ctx.today), null, (pub.currentVersion ?? 0) + 1);
    case 'recall':
    case 'revise':
    case 'reopen':
      // reopen keeps `withdrawnAt`: the item stays withdrawn until the new version is published
      return decision({ state: to, reviewLevel: null, scheduledAt: null });
    case 'withdraw':
      if (comment === '') return invalid('撤稿须填写理由');
      // Withdrawing a revision after withdrawal (撤稿后修订) drops it: the item was withdrawn all along, so the
      // first withdrawal's instant and reason stay (the ledger row keeps this comment).
      if (isWithdrawn(pub)) return decision({ state: to, reviewLevel: null, scheduledAt: null });
      return decision({
        state: to,
        reviewLevel: null,
        scheduledAt: null,
        withdrawnAt: ctx.now,
        withdrawReason: comment,
      });
  }
}

type Make = (
  patch: PublicationPatch,
  level?: number | null,
  newVersion?: number | null,
) => Result<Decision, DomainError>;

function approveDecision(
  pub: PublicationSnapshot,
  params: Readonly<Record<string, unknown>>,
  ctx: DecideContext,
  decision: Make,
): Result<Decision, DomainError> {
  const blocking = (ctx.findings ?? []).filter((f) => f.severity === 'error').length;
  if (blocking > 0 && params.acceptFindings !== true) {
    return invalid(`发布前检查发现${blocking}处须处理的问题；请退回修改，或确认无误后勾选“已核实检查结果”再审核通过`);
  }
  const level = levelOf(pub, ctx.levels);
  if (level >= ctx.levels.length) return decision({ state: 'signed_off', reviewLevel: null }, level);
  return decision({ state: 'in_review', reviewLevel: level + 1 }, level);
}

function publishDecision(
  pub: PublicationSnapshot,
  params: Readonly<Record<string, unknown>>,
  ctx: DecideContext,
  decision: Make,
): Result<Decision, DomainError> {
  const at = text(params.at);
  if (at !== '' && Number.isNaN(Date.parse(at))) return invalid('定时发布时间格式有误');
  const iso = at === '' ? '' : new Date(at).toISOString();
  if (iso !== '' && iso > ctx.now) {
    if (pub.state === 'scheduled') return invalid('该信息已设定定时发布；如需改期，请先退回');
    return decision({ state: 'scheduled', scheduledAt: iso });
  }
  return decision(releasePatch(pub, ctx.today), null, (pub.currentVersion ?? 0) + 1);
}

/**
 * Whether the item is withdrawn (撤稿), also while a revision after withdrawal runs (撤稿后修订).
 * @param pub the item's state and withdrawal instant
 */
export function isWithdrawn(pub: Pick<PublicationSnapshot, 'state' | 'withdrawnAt'>): boolean {
  return pub.state === 'withdrawn' || (pub.withdrawnAt ?? null) !== null;
}

/**
 * Going live: a new live version. The 发布日期 is that of the first publication, kept by later versions — except
 * after a withdrawal: a withdrawn item counts as never published (annual-counts.ts `countsAsPublished`), so its
 * revision published again (修订后重新发布) is published anew, on this day, and is no longer withdrawn.
 */
function releasePatch(pub: PublicationSnapshot, today: LocalDate): PublicationPatch {
  const withdrawn = isWithdrawn(pub);
  const first = pub.currentVersion === null || withdrawn;
  return {
    state: 'published',
    scheduledAt: null,
    reviewLevel: null,
    currentVersion: (pub.currentVersion ?? 0) + 1,
    ...(first ? { publishedOn: today } : {}),
    ...(withdrawn ? { withdrawnAt: null, withdrawReason: null } : {}),
  };
}
