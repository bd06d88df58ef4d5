// SQL for the 复议/诉讼/投诉 register (review_case), with the linked application's 查询码.
import type { Kysely, Selectable } from 'kysely';
import type { Database, ReviewCaseTable } from '../database.js';
import type { ReviewRepository } from '../../app/reviews/ports.js';
import type {
  LitigationRoute,
  ReviewCase,
  ReviewCaseFields,
  ReviewKind,
  ReviewResult,
} from '../../domain/reviews/review-case.js';
import type { LocalDate } from '../../domain/core/local-date.js';

type Row = Selectable<ReviewCaseTable> & { tracking_code: string | null };

function toCase(r: Row): ReviewCase {
  return {
    id: r.id,
    orgId: r.org_id,
    applicationId: r.application_id,
    applicationTrackingCode: r.tracking_code,
    kind: r.kind as ReviewKind,
    litigationRoute: r.litigation_route as LitigationRoute | null,
    caseNo: r.case_no,
    filedOn: r.filed_on as LocalDate,
    body: r.body,
    claimantName: r.claimant_name,
    subject: r.subject,
    result: r.result as ReviewResult,
    resultOn: r.result_on as LocalDate | null,
    handling: r.handling,
    notes: r.notes,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function columns(f: Omit<ReviewCaseFields, 'orgId'>) {
  return {
    application_id: f.applicationId,
    kind: f.kind,
    litigation_route: f.litigationRoute,
    case_no: f.caseNo,
    filed_on: f.filedOn,
    body: f.body,
    claimant_name: f.claimantName,
    subject: f.subject,
    result: f.result,
    result_on: f.resultOn,
    handling: f.handling,
    notes: f.notes,
  };
}

/**
 * Builds the review-case repository over a connection or transaction.
 * Years are matched as 'YYYY-MM-DD' text ranges, which compare the same on SQLite and PostgreSQL.
 */
export function reviewRepository(db: Kysely<Database>): ReviewRepository {
  const base = () =>
    db
      .selectFrom('review_case as r')
      .leftJoin('application as a', 'a.id', 'r.application_id')
      .selectAll('r')
      .select('a.tracking_code');
  return {
    async insert(c) {
      await db
        .insertInto('review_case')
        .values({ id: c.id, org_id: c.orgId, ...columns(c), created_at: c.createdAt, updated_at: c.updatedAt })
        .execute();
    },
    async update(id, fields, at) {
      await db
        .updateTable('review_case')
        .set({ ...columns(fields), updated_at: at })
        .where('id', '=', id)
        .execute();
    },
    async byId(id) {
      const r = await base().where('r.id', '=', id).executeTakeFirst();
      return r ? toCase(r) : undefined;
    },
    async list(f) {
      if (f.orgIds.length === 0) return [];
      let q = base().where('r.org_id', 'in', [...f.orgIds]);
      if (f.kind) q = q.where('r.kind', '=', f.kind);
      if (f.result) q = q.where('r.result', '=', f.result);
      if (f.applicationId) q = q.where('r.application_id', '=', f.applicationId);
      if (f.year !== undefined) {
        q = q.where('r.filed_on', '>=', `${f.year}-01-01`).where('r.filed_on', '<=', `${f.year}-12-31`);
      }
      q = q.orderBy('r.filed_on', 'desc').orderBy('r.id', 'desc');
      if (f.limit !== undefined) q = q.limit(f.limit);
      return (await q.execute()).map(toCase);
    },
    async applicationByTrackingCode(code) {
      const r = await db
        .selectFrom('application')
        .select(['id', 'org_id', 'tracking_code'])
        .where('tracking_code', '=', code)
        .executeTakeFirst();
      return r ? { id: r.id, orgId: r.org_id, trackingCode: r.tracking_code } : undefined;
    },
  };
}
