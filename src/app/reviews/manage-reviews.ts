// Keeping the 复议/诉讼/投诉 register: create, edit (record the result), list, and section 四 of a year.
// Every change is audited in its transaction, without the claimant's name (personal data).
import type { AppContext } from '../context.js';
import type { Actor } from '../../domain/policies/actor.js';
import { ancestry, orderTree, type OrgNode } from '../../domain/orgs/organization.js';
import { canReview, claimantAccess, type ReviewAction } from '../../domain/reviews/review-policy.js';
import { HIDDEN_TEXT } from '../../domain/applications/masking.js';
import { auditGrantedView, grantOrgIds } from '../users/personal-data-grants.js';
import {
  parseReviewCase,
  summarizeReviews,
  type FieldErrors,
  type ReviewCase,
  type ReviewCaseText,
  type ReviewCountingRule,
  type ReviewKind,
  type ReviewResult,
  type ReviewSummary,
} from '../../domain/reviews/review-case.js';
import { localDate } from '../../domain/core/local-date.js';
import { forbidden, invalid, notFound } from '../errors.js';
import { auditBy } from '../actors.js';
import { reviewCountingRule } from './review-counting.js';

/** The typed form of a case: its details, the organization (on creation) and the linked 查询码 (may be empty). */
export type ReviewInput = ReviewCaseText & { orgId?: string; trackingCode?: string };

/**
 * The register's list filter; an organization outside the actor's reach yields nothing. `year` keeps the
 * cases counted in that year's section 四 under the counting rule in force.
 */
export type ReviewListFilter = { orgId?: string; kind?: ReviewKind; year?: number; result?: ReviewResult };

/** The organization tree seen through the register policy (the views never re-implement it). */
export type ReviewScope = {
  /** Every organization, retired ones too (for labels), in tree order. */
  tree: OrgNode[];
  can: (action: ReviewAction, orgId: string) => boolean;
  /** Organizations (not retired) where the action is allowed, in tree order. */
  orgsFor: (action: ReviewAction) => OrgNode[];
  /** Why the actor sees the claimants of an organization's cases, or null: masked (docs/security/privacy.md). */
  claimant: (orgId: string) => 'handling_org' | 'grant' | null;
};

/** A case with what the actor may do with it. */
export type ReviewView = { review: ReviewCase; canWrite: boolean };

/** Binds the register policy to the actor over the organization tree. Null actor = CLI/system: everything. */
export async function loadReviewScope(ctx: AppContext, actor: Actor | null): Promise<ReviewScope> {
  const orgs = await ctx.repos.orgs.list({ includeRetired: true });
  const tree = orderTree(orgs);
  const known = new Set(tree.map((o) => o.id));
  const can = (action: ReviewAction, orgId: string): boolean =>
    known.has(orgId) && (actor === null || canReview(actor, action, ancestry(orgs, orgId)));
  const grants = actor === null ? [] : await grantOrgIds(ctx.repos, actor);
  return {
    tree,
    can,
    orgsFor: (action) => tree.filter((o) => o.retiredAt === null && can(action, o.id)),
    claimant: (orgId) =>
      !known.has(orgId) ? null : actor === null ? 'handling_org' : claimantAccess(actor, ancestry(orgs, orgId), grants),
  };
}

/**
 * Lists the cases of every organization the actor may read, filtered in SQL.
 * @throws AppError 'forbidden' when the actor may read no register at all
 */
export async function listReviews(
  ctx: AppContext,
  actor: Actor | null,
  filter: ReviewListFilter,
): Promise<ReviewCase[]> {
  const scope = await loadReviewScope(ctx, actor);
  const readable = scope.tree.filter((o) => scope.can('review.read', o.id)).map((o) => o.id);
  if (readable.length === 0) {
    throw forbidden();
  }
  const orgIds = filter.orgId ? readable.filter((id) => id === filter.orgId) : readable;
  const countedIn =
    filter.year === undefined ? undefined : { year: filter.year, rule: await reviewCountingRule(ctx.repos) };
  const cases = await ctx.repos.reviews.list({
    orgIds,
    kind: filter.kind,
    countedIn,
    result: filter.result,
    limit: 1000,
  });
  // Lists show claimants to the organization's own writers; a grant holder opens the case (each view audited).
  return cases.map((c) => (scope.claimant(c.orgId) === 'handling_org' ? c : masked(c)));
}

/** The case with its claimant hidden. */
const masked = (c: ReviewCase): ReviewCase => ({ ...c, claimantName: HIDDEN_TEXT });

/**
 * One case for its page. Cases of organizations the actor may not read are "not found"
 * (docs/ARCHITECTURE.md, "Permissions"); the claimant is masked unless the actor may see it, and a view under a
 * `view_personal_data` grant is audited.
 * @throws AppError 'not_found'
 */
export async function getReview(ctx: AppContext, actor: Actor | null, id: string): Promise<ReviewView> {
  const review = await ctx.repos.reviews.byId(id);
  const scope = await loadReviewScope(ctx, actor);
  const claimant = review ? scope.claimant(review.orgId) : null;
  if (!review || !(scope.can('review.read', review.orgId) || claimant === 'grant')) {
    throw notFound('案件');
  }
  if (actor !== null) {
    await auditGrantedView(
      ctx,
      actor,
      { personal: claimant },
      {
        action: 'review.personal_data_viewed',
        entityType: 'review_case',
        entityId: id,
        orgId: review.orgId,
      },
    );
  }
  return { review: claimant === null ? masked(review) : review, canWrite: scope.can('review.write', review.orgId) };
}

/**
 * Registers a case against one of the actor's organizations.
 * @throws AppError 'forbidden' for an organization the actor may not write, 'invalid' with field errors
 */
export async function createReview(ctx: AppContext, actor: Actor | null, input: ReviewInput): Promise<ReviewCase> {
  const scope = await loadReviewScope(ctx, actor);
  const orgId = (input.orgId ?? '').trim();
  const org = scope.tree.find((o) => o.id === orgId && o.retiredAt === null);
  if (org && !scope.can('review.write', orgId)) {
    throw forbidden();
  }
  const { details, applicationId } = await validate(ctx, input, orgId, org ? {} : { orgId: '请选择机构' });
  const now = ctx.clock.nowIso();
  const id = ctx.crypto.newId();
  return ctx.uow.run(async (r) => {
    await r.reviews.insert({ ...details, id, orgId, applicationId, createdAt: now, updatedAt: now });
    const stored = await r.reviews.byId(id);
    if (!stored) {
      throw notFound('案件');
    }
    await r.audit.append(
      auditBy(actor, {
        action: 'review.created',
        entityType: 'review_case',
        entityId: id,
        orgId,
        before: null,
        after: redacted(stored),
      }),
      now,
    );
    return stored;
  });
}

/**
 * Edits a case, typically to record its result. The organization does not change.
 * @throws AppError 'not_found' (unknown or unreadable), 'forbidden' (read-only), 'invalid' with field errors
 */
export async function updateReview(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  input: ReviewInput,
): Promise<ReviewCase> {
  const { review: before, canWrite } = await getReview(ctx, actor, id);
  if (!canWrite) {
    throw forbidden();
  }
  const { details, applicationId } = await validate(ctx, input, before.orgId, {});
  const now = ctx.clock.nowIso();
  return ctx.uow.run(async (r) => {
    await r.reviews.update(id, { ...details, applicationId }, now);
    const after = await r.reviews.byId(id);
    if (!after) {
      throw notFound('案件');
    }
    const claimant = after.claimantName !== before.claimantName ? { claimantNameChanged: true } : {};
    await r.audit.append(
      auditBy(actor, {
        action: 'review.updated',
        entityType: 'review_case',
        entityId: id,
        orgId: before.orgId,
        before: redacted(before),
        after: { ...redacted(after), ...claimant },
      }),
      now,
    );
    return after;
  });
}

/**
 * Section 四 of an organization's annual report for a year, under the counting rule in force
 * ({@link summarizeReviews}).
 * @throws AppError 'not_found' for an unknown organization, 'forbidden' when the actor may not read its register
 */
export async function reviewSummary(
  ctx: AppContext,
  actor: Actor | null,
  orgId: string,
  year: number,
): Promise<ReviewSummary> {
  const scope = await loadReviewScope(ctx, actor);
  if (!scope.tree.some((o) => o.id === orgId)) {
    throw notFound('机构');
  }
  if (!scope.can('review.read', orgId)) {
    throw forbidden();
  }
  const rule = await reviewCountingRule(ctx.repos);
  return summarizeReviews(await ctx.repos.reviews.list({ orgIds: [orgId], countedIn: { year, rule } }), year, rule);
}

/** The case as written to the audit trail: everything but the claimant's name. */
function redacted(c: ReviewCase): Omit<ReviewCase, 'claimantName'> {
  const { claimantName: _omitted, ...rest } = c;
  return rest;
}

/**
 * Parses the details and resolves the 查询码 to an application of the same organization, reporting every error at once.
 */
async function validate(ctx: AppContext, input: ReviewInput, orgId: string, known: FieldErrors) {
  const parsed = parseReviewCase(input, localDate(ctx.clock.today()));
  const errors: FieldErrors = { ...known, ...(parsed.ok ? {} : parsed.error) };
  let applicationId: string | null = null;
  const code = (input.trackingCode ?? '').trim();
  if (code !== '') {
    const app =
      (await ctx.repos.reviews.applicationByTrackingCode(code)) ??
      (await ctx.repos.reviews.applicationByTrackingCode(canonicalCode(code)));
    if (!app || app.orgId !== orgId) {
      errors.trackingCode = '未找到本机构的该查询码对应的申请';
    } else {
      applicationId = app.id;
    }
  }
  if (!parsed.ok || Object.keys(errors).length > 0) {
    throw invalid('请按提示更正以下内容', errors);
  }
  return { details: parsed.value, applicationId };
}

/** A code as typed ("7kqm 4xwd p2hc") in the stored grouped form ("7KQM-4XWD-P2HC"). */
function canonicalCode(typed: string): string {
  const compact = typed.toUpperCase().replace(/[\s\-－—_]/g, '');
  return compact.length === 12 ? `${compact.slice(0, 4)}-${compact.slice(4, 8)}-${compact.slice(8)}` : compact;
}

/** What the register page shows: the cases, the organizations to filter by, and what the actor may do. */
export type ReviewRegister = {
  cases: ReviewCase[];
  /** Organizations whose register the actor may read, in tree order (for the filter). */
  orgs: OrgNode[];
  orgNames: Record<string, string>;
  /** Section 四 of the chosen organization and year, when both are chosen and readable. */
  summary?: ReviewSummary;
  /** The section 四 counting rule in force (the year filter and the summary follow it). */
  counting: ReviewCountingRule;
  can: { create: boolean };
};

/**
 * The register page: the filtered cases with section 四 of one organization's year.
 * @throws AppError 'forbidden' when the actor may read no register at all
 */
export async function reviewRegister(
  ctx: AppContext,
  actor: Actor | null,
  filter: ReviewListFilter,
): Promise<ReviewRegister> {
  const scope = await loadReviewScope(ctx, actor);
  const [cases, counting] = await Promise.all([listReviews(ctx, actor, filter), reviewCountingRule(ctx.repos)]);
  const summary =
    filter.orgId && filter.year !== undefined && scope.can('review.read', filter.orgId)
      ? await reviewSummary(ctx, actor, filter.orgId, filter.year)
      : undefined;
  return {
    cases,
    orgs: scope.tree.filter((o) => scope.can('review.read', o.id)),
    orgNames: namesOf(scope.tree),
    summary,
    counting,
    can: { create: scope.orgsFor('review.write').length > 0 },
  };
}

/**
 * The organizations a new case may be registered against, the actor's own first choice.
 * @throws AppError 'forbidden' when there is none
 */
export async function newReviewChoices(
  ctx: AppContext,
  actor: Actor | null,
): Promise<{ orgs: OrgNode[]; defaultOrgId: string }> {
  const orgs = (await loadReviewScope(ctx, actor)).orgsFor('review.write');
  if (orgs.length === 0) throw forbidden();
  const home = orgs.find((o) => o.id === actor?.homeOrgId) ?? orgs[0];
  return { orgs, defaultOrgId: home?.id ?? '' };
}

/**
 * One case for its page, with its organization's name and what the actor may do.
 * @throws AppError 'not_found'
 */
export async function reviewPage(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
): Promise<{ review: ReviewCase; orgName: string; can: { write: boolean } }> {
  const { review, canWrite } = await getReview(ctx, actor, id);
  const scope = await loadReviewScope(ctx, actor);
  return { review, orgName: namesOf(scope.tree)[review.orgId] ?? '（未知机构）', can: { write: canWrite } };
}

const namesOf = (tree: readonly OrgNode[]): Record<string, string> =>
  Object.fromEntries(tree.map((o) => [o.id, o.name]));
