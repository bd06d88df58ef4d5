/** @jsxImportSource hono/jsx */
// Back-office pages of the 复议/诉讼/投诉 register: list with filters and section 四, create, edit (record the result).
import type { Context, Hono } from 'hono';
import {
  createReview,
  getReview,
  listReviews,
  loadReviewScope,
  reviewSummary,
  updateReview,
  type ReviewInput,
  type ReviewListFilter,
  type ReviewScope,
} from '../../app/reviews/manage-reviews.js';
import { AppError } from '../../app/errors.js';
import type { Actor } from '../../domain/policies/actor.js';
import {
  REVIEW_FIELD_LABELS,
  REVIEW_KINDS,
  REVIEW_RESULTS,
  type ReviewCase,
  type ReviewKind,
  type ReviewResult,
} from '../../domain/reviews/review-case.js';
import { readForm, requireActor, statusOf, str } from '../common/respond.js';
import type { WebEnv } from '../common/env.js';
import {
  ReviewDetailPage,
  ReviewForbiddenPage,
  ReviewFormPage,
  ReviewListPage,
  type ReviewListQuery,
} from './review-views.js';

type C = Context<WebEnv>;

const FLASH: Record<string, string> = { created: '案件已登记。', saved: '案件信息已保存。' };
const FIELDS = Object.keys(REVIEW_FIELD_LABELS) as (keyof typeof REVIEW_FIELD_LABELS)[];

const denied = (c: C, actor: Actor, message?: string) =>
  c.html(<ReviewForbiddenPage actor={actor} csrf={c.get('csrf')} message={message} />, 403);
const orgName = (scope: ReviewScope) => (id: string) => scope.tree.find((o) => o.id === id)?.name ?? '（未知机构）';

/** The stored case as form values. */
function valuesOf(r: ReviewCase): Record<string, string> {
  return {
    orgId: r.orgId,
    trackingCode: r.applicationTrackingCode ?? '',
    kind: r.kind,
    litigationRoute: r.litigationRoute ?? '',
    caseNo: r.caseNo,
    filedOn: r.filedOn,
    body: r.body,
    claimantName: r.claimantName,
    subject: r.subject,
    result: r.result,
    resultOn: r.resultOn ?? '',
    handling: r.handling,
    notes: r.notes,
  };
}

/** The list query as typed, and the filter it means; a malformed year is reported and ignored. */
function parseQuery(c: C): { query: ReviewListQuery; filter: ReviewListFilter; errors: Record<string, string> } {
  const query = {
    org: c.req.query('org') ?? '',
    kind: c.req.query('kind') ?? '',
    year: (c.req.query('year') ?? '').trim(),
    result: c.req.query('result') ?? '',
  };
  const errors: Record<string, string> = {};
  const validYear = /^\d{4}$/.test(query.year);
  if (query.year && !validYear) errors.year = '年度应为四位数字，如 2025';
  const filter: ReviewListFilter = {
    orgId: query.org || undefined,
    kind: (REVIEW_KINDS as readonly string[]).includes(query.kind) ? (query.kind as ReviewKind) : undefined,
    year: validYear ? Number(query.year) : undefined,
    result: (REVIEW_RESULTS as readonly string[]).includes(query.result) ? (query.result as ReviewResult) : undefined,
  };
  return { query, filter, errors };
}

/**
 * Renders the form again after a failed use case: 403 page when forbidden, 404 when gone, else the form with the
 * errors.
 */
async function failed(
  c: C,
  actor: Actor,
  e: unknown,
  id: string | undefined,
  values: Record<string, string>,
): Promise<Response> {
  if (!(e instanceof AppError)) throw e;
  if (e.code === 'forbidden') return denied(c, actor, e.message);
  if (e.code === 'not_found') return c.notFound();
  const scope = await loadReviewScope(c.get('ctx'), actor);
  const page = (
    <ReviewFormPage
      actor={actor}
      csrf={c.get('csrf')}
      id={id}
      orgs={scope.orgsFor('review.write')}
      orgName={orgName(scope)(values.orgId ?? '')}
      values={values}
      errors={e.fieldErrors}
      message={e.message}
    />
  );
  return c.html(page, statusOf(e));
}

/** Registers the /admin/reviews pages. */
export function registerReviewRoutes(app: Hono<WebEnv>): void {
  app.get('/admin/reviews', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const ctx = c.get('ctx');
    const { query, filter, errors } = parseQuery(c);
    try {
      const cases = await listReviews(ctx, actor, filter);
      const scope = await loadReviewScope(ctx, actor);
      const summary =
        filter.orgId && filter.year !== undefined && scope.can('review.read', filter.orgId)
          ? await reviewSummary(ctx, actor, filter.orgId, filter.year)
          : undefined;
      const orgs = scope.tree.filter((o) => scope.can('review.read', o.id));
      return c.html(
        <ReviewListPage
          actor={actor}
          csrf={c.get('csrf')}
          orgs={orgs}
          orgName={orgName(scope)}
          cases={cases}
          query={query}
          errors={errors}
          canCreate={scope.orgsFor('review.write').length > 0}
          summary={summary}
        />,
      );
    } catch (e) {
      if (e instanceof AppError && e.code === 'forbidden') return denied(c, actor, e.message);
      throw e;
    }
  });

  app.get('/admin/reviews/new', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const writable = (await loadReviewScope(c.get('ctx'), actor)).orgsFor('review.write');
    if (writable.length === 0) return denied(c, actor);
    const home = writable.find((o) => o.id === actor.homeOrgId) ?? writable[0];
    return c.html(
      <ReviewFormPage
        actor={actor}
        csrf={c.get('csrf')}
        orgs={writable}
        values={{ orgId: home?.id ?? '', result: 'pending' }}
      />,
    );
  });

  app.post('/admin/reviews/new', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const form = await readForm(c);
    const values = Object.fromEntries(FIELDS.map((k) => [k, str(form, k)]));
    try {
      const created = await createReview(c.get('ctx'), actor, values as ReviewInput);
      return c.redirect(`/admin/reviews/${created.id}?flash=created`, 303);
    } catch (e) {
      return failed(c, actor, e, undefined, values);
    }
  });

  app.get('/admin/reviews/:id', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const ctx = c.get('ctx');
    try {
      const { review, canWrite } = await getReview(ctx, actor, c.req.param('id'));
      const scope = await loadReviewScope(ctx, actor);
      const base = { actor, csrf: c.get('csrf'), orgName: orgName(scope)(review.orgId) };
      if (!canWrite) return c.html(<ReviewDetailPage {...base} review={review} />);
      return c.html(
        <ReviewFormPage
          {...base}
          id={review.id}
          orgs={[]}
          values={valuesOf(review)}
          flash={FLASH[c.req.query('flash') ?? '']}
        />,
      );
    } catch (e) {
      if (e instanceof AppError && e.code === 'not_found') return c.notFound();
      throw e;
    }
  });

  app.post('/admin/reviews/:id', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const id = c.req.param('id');
    const form = await readForm(c);
    const values = Object.fromEntries(FIELDS.filter((k) => k !== 'orgId').map((k) => [k, str(form, k)]));
    try {
      await updateReview(c.get('ctx'), actor, id, values as ReviewInput);
      return c.redirect(`/admin/reviews/${id}?flash=saved`, 303);
    } catch (e) {
      const stored =
        e instanceof AppError && e.code === 'invalid' ? await c.get('ctx').repos.reviews.byId(id) : undefined;
      return failed(c, actor, e, id, { ...values, orgId: stored?.orgId ?? '' });
    }
  });
}
