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
import { reviewYearBounds } from '../../domain/reviews/review-case.js';
import type { LocalDate } from '../../domain/core/local-date.js';
import { camelFields, snakeColumns, TIMESTAMPS } from '../mappers.js';
import { firstOf, updateById } from '../queries.js';

type Row = Selectable<ReviewCaseTable> & { tracking_code: string | null };

/** The columns of a case's fields but its organization and application, named as the fields. */
const FIELDS = [
  'kind',
  'litigation_route',
  'case_no',
  'filed_on',
  'body',
  'claimant_name',
  'subject',
  'result',
  'result_on',
  'handling',
  'notes',
] as const;

function toCase(r: Row): ReviewCase {
  return {
    ...camelFields(r, ['id', 'org_id', 'application_id']),
    applicationTrackingCode: r.tracking_code,
    ...camelFields(r, FIELDS),
    kind: r.kind as ReviewKind,
    litigationRoute: r.litigation_route as LitigationRoute | null,
    filedOn: r.filed_on as LocalDate,
    result: r.result as ReviewResult,
    resultOn: r.result_on as LocalDate | null,
    ...camelFields(r, TIMESTAMPS),
  };
}

const columns = (f: Omit<ReviewCaseFields, 'orgId'>) => ({
  application_id: f.applicationId,
  ...snakeColumns(f, FIELDS),
});

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
      const row = { ...snakeColumns(c, ['id', 'org_id']), ...columns(c), ...snakeColumns(c, TIMESTAMPS) };
      await db.insertInto('review_case').values(row).execute();
    },
    async update(id, fields, at) {
      await updateById(db, 'review_case', id, { ...columns(fields), updated_at: at });
    },
    byId: (id) => firstOf(base().where('r.id', '=', id), toCase),
    async list(f) {
      if (f.orgIds.length === 0) return [];
      let q = base().where('r.org_id', 'in', [...f.orgIds]);
      if (f.kind) q = q.where('r.kind', '=', f.kind);
      if (f.result) q = q.where('r.result', '=', f.result);
      if (f.applicationId) q = q.where('r.application_id', '=', f.applicationId);
      if (f.year !== undefined) {
        q = q.where('r.filed_on', '>=', `${f.year}-01-01`).where('r.filed_on', '<=', `${f.year}-12-31`);
      }
      if (f.countedIn) {
        const b = reviewYearBounds(f.countedIn.year, f.countedIn.rule);
        q = q.where('r.filed_on', '<=', b.filedTo);
        if (b.filedFrom !== null) q = q.where('r.filed_on', '>=', b.filedFrom);
        const from = b.undecidedOrDecidedFrom;
        if (from !== null) q = q.where((w) => w.or([w('r.result_on', 'is', null), w('r.result_on', '>=', from)]));
      }
      q = q.orderBy('r.filed_on', 'desc').orderBy('r.id', 'desc');
      if (f.limit !== undefined) q = q.limit(f.limit);
      return (await q.execute()).map(toCase);
    },
    async applicationByTrackingCode(code) {
      return db
        .selectFrom('application')
        .select(['id', 'org_id as orgId', 'tracking_code as trackingCode'])
        .where('tracking_code', '=', code)
        .executeTakeFirst();
    },
  };
}
