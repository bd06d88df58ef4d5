// SQL aggregates the annual report is computed from: the section-三 tally over applications, the
// year's fee notices and payments (section 六), and the notices issued (the narrative).
// The report's queries read the year's active cases only, so their cost follows one year's work,
// not the organization's whole history.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { FeeFacts, ReportFactsRepository } from '../../app/reports/ports.js';
import {
  compareTallies,
  UNRECORDED_OUTCOME,
  type ApplicationTally,
  type TallyBucket,
} from '../../domain/reports/compute.js';

type TallyRow = {
  org_id: string;
  applicant_type: string;
  applicant_subtype: string | null;
  outcome: string | null;
  n_new: number | string;
  n_carried_over: number | string;
  n_closed: number | string;
  n_carried_forward: number | string;
};

/**
 * The cases of the organizations active in the year: received by 31 December and open or closed on
 * or after 1 January (a case is never closed before it is received). Every section-三 bucket of the
 * year is a subset, and so is every case that was issued a notice in the year (notices are issued
 * on the dates of the case's own moves, from receipt to closing: app/applications/notices.ts).
 * Two ranges of the (org_id, closed_on, received_on, …, id) covering index of migration 0700.
 */
function activeCases(orgIds: readonly string[], year: number) {
  const orgs = sql.join([...orgIds]);
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  return sql`
    select id, org_id, applicant_type, applicant_subtype, outcome, received_on, closed_on from application
      where org_id in (${orgs}) and closed_on >= ${start} and received_on <= ${end}
    union all
    select id, org_id, applicant_type, applicant_subtype, outcome, received_on, closed_on from application
      where org_id in (${orgs}) and closed_on is null and received_on <= ${end}`;
}

/**
 * The section-三 tally in SQL, the same counting rule as `tallyApplications` (src/domain/reports/compute.ts):
 * - `new`: received in the year;
 * - `carried_over`: received before 1 January and not closed before it;
 * - the outcome code: closed in the year (no recorded outcome → {@link UNRECORDED_OUTCOME});
 * - `carried_forward`: received by 31 December and not closed by it.
 * One grouped pass over the year's active cases ({@link activeCases}), counting each bucket with
 * `sum(case …)`. Dates are 'YYYY-MM-DD' text: string order is date order.
 */
async function tally(
  db: Kysely<Database>,
  orgIds: readonly string[],
  year: number,
): Promise<Map<string, ApplicationTally[]>> {
  const out = new Map<string, ApplicationTally[]>(orgIds.map((id) => [id, []]));
  if (orgIds.length === 0) return out;
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const rows = (
    await sql<TallyRow>`
      select org_id, applicant_type, applicant_subtype, outcome,
        sum(case when received_on >= ${start} then 1 else 0 end) as n_new,
        sum(case when received_on < ${start} then 1 else 0 end) as n_carried_over,
        sum(case when closed_on <= ${end} then 1 else 0 end) as n_closed,
        sum(case when closed_on is null or closed_on > ${end} then 1 else 0 end) as n_carried_forward
      from (${activeCases(orgIds, year)}) active
      group by org_id, applicant_type, applicant_subtype, outcome`.execute(db)
  ).rows;
  const counts = new Map<string, ApplicationTally>();
  const add = (r: TallyRow, bucket: TallyBucket, n: number | string) => {
    if (Number(n) === 0) return;
    const key = `${r.org_id}\u0000${r.applicant_type}\u0000${r.applicant_subtype ?? ''}\u0000${bucket}`;
    const t = counts.get(key);
    if (t) t.count += Number(n);
    else {
      const created: ApplicationTally = {
        applicantType: r.applicant_type as ApplicationTally['applicantType'],
        applicantSubtype: r.applicant_subtype,
        bucket,
        count: Number(n),
      };
      counts.set(key, created);
      out.get(r.org_id)?.push(created);
    }
  };
  for (const r of rows) {
    add(r, 'new', r.n_new);
    add(r, 'carried_over', r.n_carried_over);
    add(r, (r.outcome ?? UNRECORDED_OUTCOME) as TallyBucket, r.n_closed);
    add(r, 'carried_forward', r.n_carried_forward);
  }
  for (const list of out.values()) list.sort(compareTallies);
  return out;
}

/** Parses a stored amount (yuan) from event params; anything else counts as 0. */
const amountOf = (paramsJson: string | undefined): number => {
  if (paramsJson === undefined) return 0;
  const amount = (JSON.parse(paramsJson) as { amount?: unknown }).amount;
  return typeof amount === 'number' && Number.isFinite(amount) ? amount : 0;
};

/** Rounds a sum of yuan amounts to the fen (they are stored with at most two decimals). */
const yuan = (n: number): number => Math.round(n * 100) / 100;

/**
 * Fee notices served in the year (their count and the amounts they charged, `amount` of the
 * issue_fee_notice event: the fee computed under 国办函〔2020〕109号) and the payments recorded in
 * the year (each collects the amount of its case's fee notice, whichever year that was served in).
 */
async function fees(db: Kysely<Database>, orgId: string, year: number): Promise<FeeFacts> {
  const events = await db
    .selectFrom('application_event as e')
    .innerJoin('application as a', 'a.id', 'e.application_id')
    .select(['e.application_id', 'e.action', 'e.params_json'])
    .where('a.org_id', '=', orgId)
    .where('e.action', 'in', ['issue_fee_notice', 'record_payment'])
    .where('e.on_date', '>=', `${year}-01-01`)
    .where('e.on_date', '<=', `${year}-12-31`)
    .execute();
  const issued = events.filter((e) => e.action === 'issue_fee_notice');
  const paidIds = [...new Set(events.filter((e) => e.action === 'record_payment').map((e) => e.application_id))];
  const noticeOf = new Map<string, string>();
  if (paidIds.length > 0) {
    const notices = await db
      .selectFrom('application_event')
      .select(['application_id', 'params_json'])
      .where('action', '=', 'issue_fee_notice')
      .where('application_id', 'in', paidIds)
      .orderBy('seq')
      .execute();
    for (const n of notices) noticeOf.set(n.application_id, n.params_json);
  }
  return {
    notices: issued.length,
    chargedYuan: yuan(issued.reduce((s, e) => s + amountOf(e.params_json), 0)),
    collectedYuan: yuan(paidIds.reduce((s, id) => s + amountOf(noticeOf.get(id)), 0)),
  };
}

/** Builds the report-facts repository over a connection or transaction. */
export function reportFactsRepository(db: Kysely<Database>): ReportFactsRepository {
  return {
    tally: (orgIds, year) => tally(db, orgIds, year),
    fees: (orgId, year) => fees(db, orgId, year),
    async noticesIssued(orgId, year) {
      const r = await sql<{ n: number | string }>`
        select count(*) as n from (${activeCases([orgId], year)}) active
        join notice on notice.application_id = active.id
        where notice.issued_on >= ${`${year}-01-01`} and notice.issued_on <= ${`${year}-12-31`}`.execute(db);
      return Number(r.rows[0]?.n ?? 0);
    },
  };
}
