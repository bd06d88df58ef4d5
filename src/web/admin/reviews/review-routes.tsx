/** @jsxImportSource hono/jsx */
// Back-office pages of the 复议/诉讼/投诉 register: list with filters and section 四, create, edit (record the
// result). Thin handlers: parse → use case (which authorizes) → render; errors go to the pipeline.
import type { Hono } from 'hono';
import {
  createReview,
  newReviewChoices,
  reviewPage,
  reviewRegister,
  updateReview,
  type ReviewInput,
} from '../../../app/reviews/manage-reviews.js';
import {
  REVIEW_FIELD_LABELS,
  REVIEW_KINDS,
  REVIEW_RESULTS,
  type ReviewCase,
} from '../../../domain/reviews/review-case.js';
import { type StaffContext, type StaffEnv, staffPage } from '../../common/env.js';
import { flashOf, formAction, type FormState, readQuery, valueOf } from '../../common/pipeline.js';
import { optionalOneOf, optionalYear, parseQuery, text, z } from '../../common/validation.js';
import { ReviewDetailPage, ReviewFormPage, ReviewListPage } from './review-views.js';

const FLASH: Record<string, string> = { created: '案件已登记。', saved: '案件信息已保存。' };
const FIELDS = Object.keys(REVIEW_FIELD_LABELS) as (keyof typeof REVIEW_FIELD_LABELS)[];

/** The case form: every field as typed (the domain checks dates, kinds and results). */
const reviewForm = z.object(Object.fromEntries(FIELDS.map((k) => [k, text()]))) as z.ZodType<ReviewInput>;

/** The register's filter: a malformed year is reported and ignored. */
const listQuery = {
  org: text(64),
  kind: optionalOneOf(REVIEW_KINDS, '类别有误'),
  year: optionalYear(),
  result: optionalOneOf(REVIEW_RESULTS, '结果有误'),
};

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

const asText = (state: FormState) => Object.fromEntries(FIELDS.map((k) => [k, valueOf(state.values, k)]));

/** Registers the /admin/reviews pages. */
export function registerReviewRoutes(admin: Hono<StaffEnv>): void {
  admin.get('/admin/reviews', async (c) => {
    const raw = readQuery(c);
    const { value, errors } = parseQuery(listQuery, raw);
    const query = { org: valueOf(raw, 'org'), kind: valueOf(raw, 'kind'), year: valueOf(raw, 'year').trim() };
    const register = await reviewRegister(c.get('ctx'), c.get('actor'), { ...value, orgId: value.org || undefined });
    return c.html(
      <ReviewListPage
        {...staffPage(c)}
        orgs={register.orgs}
        orgName={(id) => register.orgNames[id] ?? '（未知机构）'}
        cases={register.cases}
        query={{ ...query, result: valueOf(raw, 'result') }}
        errors={errors}
        canCreate={register.can.create}
        summary={register.summary}
        counting={register.counting}
      />,
    );
  });

  admin.get('/admin/reviews/new', async (c) => {
    const { orgs, defaultOrgId } = await newReviewChoices(c.get('ctx'), c.get('actor'));
    return c.html(<ReviewFormPage {...staffPage(c)} orgs={orgs} values={{ orgId: defaultOrgId, result: 'pending' }} />);
  });

  admin.post('/admin/reviews/new', (c) =>
    formAction(c, {
      schema: reviewForm,
      run: (input) => createReview(c.get('ctx'), c.get('actor'), input),
      done: (created) => c.redirect(`/admin/reviews/${created.id}?flash=created`, 303),
      again: async (state) => {
        const { orgs } = await newReviewChoices(c.get('ctx'), c.get('actor'));
        return formPage(c, { ...state, orgs, orgName: undefined });
      },
    }),
  );

  admin.get('/admin/reviews/:id', async (c) => {
    const { review, orgName, can } = await reviewPage(c.get('ctx'), c.get('actor'), c.req.param('id'));
    const base = { actor: c.get('actor'), csrf: c.get('csrf'), orgName };
    if (!can.write) return c.html(<ReviewDetailPage {...base} review={review} />);
    const flash = flashOf(c, FLASH);
    return c.html(<ReviewFormPage {...base} id={review.id} orgs={[]} values={valuesOf(review)} flash={flash} />);
  });

  admin.post('/admin/reviews/:id', (c) => {
    const id = c.req.param('id');
    return formAction(c, {
      schema: reviewForm,
      run: ({ orgId: _fixed, ...input }) => updateReview(c.get('ctx'), c.get('actor'), id, input),
      done: () => c.redirect(`/admin/reviews/${id}?flash=saved`, 303),
      again: async (state) => {
        const { review, orgName } = await reviewPage(c.get('ctx'), c.get('actor'), id);
        return formPage(c, { ...state, id, orgs: [], orgName, orgId: review.orgId });
      },
    });
  });
}

/** The case form again, with what was typed and the messages. */
function formPage(
  c: StaffContext,
  p: FormState & { id?: string; orgs: Parameters<typeof ReviewFormPage>[0]['orgs']; orgName?: string; orgId?: string },
) {
  const values = asText(p);
  return (
    <ReviewFormPage
      {...staffPage(c)}
      id={p.id}
      orgs={p.orgs}
      orgName={p.orgName}
      values={p.orgId ? { ...values, orgId: p.orgId } : values}
      errors={p.errors}
      message={p.message}
    />
  );
}
