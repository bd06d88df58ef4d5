// SQL of the assessment's computed indicators: one grouped query a measure over the subtree (grouped by
// organization, never one query a unit), and the items of one unit for the drill-down. The items name cases by
// tracking code and subject only: no applicant's name, contact or identity number is ever selected here.
import { SqliteAdapter, sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../database.js';
import type { AssessmentFacts, FactItem, OrgCounts } from '../../app/assessment/ports.js';

/** The first and last day of a year. */
const bounds = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/** `column in (…)` over the organizations (never empty: callers return early). */
const inOrgs = (column: string, orgIds: readonly string[]): RawBuilder<unknown> =>
  sql`${sql.ref(column)} in (${sql.join(orgIds.map((id) => sql`${id}`))})`;

/** Grouped rows as a map by organization, every count a number (PostgreSQL returns bigint sums as text). */
function byOrg<K extends string>(rows: readonly Record<string, unknown>[], keys: readonly K[]): OrgCounts<K> {
  const out: OrgCounts<K> = new Map();
  for (const r of rows) {
    const counts = Object.fromEntries(keys.map((k) => [k, Number(r[k] ?? 0)])) as Record<K, number>;
    out.set(String(r.org_id), counts);
  }
  return out;
}

const item = (r: { ref: string | null; subject: string | null; a?: string | null; b?: string | null }): FactItem => ({
  ref: r.ref ?? '',
  subject: r.subject ?? '',
  a: r.a ?? null,
  b: r.b ?? null,
});

const isSqlite = (db: Kysely<Database>) => db.getExecutor().adapter instanceof SqliteAdapter;

/**
 * The due dates of `dues` as one blob: 10 bytes a day, at ((year − first year) × 372 + (month − 1) × 31 + day − 1),
 * so that SQLite reads an item's due date with `substr` on bytes (constant time) instead of joining a table of
 * days per row (SQLite builds no index on a VALUES table: a join costs a scan of it per row).
 */
function dueBlob(dues: ReadonlyMap<string, string>, firstYear: number, lastYear: number): Buffer {
  let text = '';
  for (let y = firstYear; y <= lastYear; y++) {
    for (let m = 1; m <= 12; m++) {
      for (let d = 1; d <= 31; d++) {
        const day = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        text += dues.get(day) ?? '9999-12-31';
      }
    }
  }
  return Buffer.from(text, 'latin1');
}

/** The due date of `p.written_on` (a day in `dues`): a byte lookup on SQLite, the joined table on PostgreSQL. */
function dueOf(db: Kysely<Database>, dues: ReadonlyMap<string, string>, first: string): RawBuilder<unknown> {
  if (!isSqlite(db)) return sql`due.due_on`;
  const firstYear = Number(first.slice(0, 4));
  const lastYear = Number(([...dues.keys()].sort().at(-1) ?? first).slice(0, 4));
  const at = sql`((cast(substr(p.written_on, 1, 4) as integer) - ${firstYear}) * 372
    + (cast(substr(p.written_on, 6, 2) as integer) - 1) * 31 + cast(substr(p.written_on, 9, 2) as integer) - 1)`;
  return sql`cast(substr(${dueBlob(dues, firstYear, lastYear)}, ${at} * 10 + 1, 10) as text)`;
}

/** On PostgreSQL, the days and their due dates as a VALUES table joined by hash; nothing on SQLite. */
function dueJoin(db: Kysely<Database>, dues: ReadonlyMap<string, string>): RawBuilder<unknown> {
  if (isSqlite(db) || dues.size === 0) return sql``;
  const values = [...dues].map(([on, due]) => sql`(${on}, ${due})`);
  return sql`left join (values ${sql.join(values)}) as due(d, due_on) on due.d = p.written_on`;
}

/** The grouped facts over a connection or a transaction. */
export function assessmentFacts(db: Kysely<Database>): AssessmentFacts {
  const rows = async (q: RawBuilder<unknown>) => (await q.execute(db)).rows as Record<string, unknown>[];
  return {
    async art26(orgIds, year, dues) {
      if (orgIds.length === 0) return new Map();
      const { from, to } = bounds(year);
      const first = [...dues.keys()].sort()[0] ?? from;
      // An item written on or after its publication is on time; one written before the first day listed was due
      // before the year began, so an item published in the year is late; otherwise the due date of its 成文日期.
      const onTime = sql`case when p.written_on >= p.published_on then 1 when p.written_on < ${first} then 0
        when p.published_on <= ${dueOf(db, dues, first)} then 1 else 0 end`;
      return byOrg(
        await rows(sql`select p.org_id, count(*) as total, sum(${onTime}) as "onTime"
          from publication p ${dueJoin(db, dues)}
          where p.published_on >= ${from} and p.published_on <= ${to} and p.disclosure = 'proactive'
            and ${inOrgs('p.org_id', orgIds)}
          group by p.org_id`),
        ['total', 'onTime'],
      );
    },

    async art26Items(orgId, year) {
      const { from, to } = bounds(year);
      const found = await db
        .selectFrom('publication')
        .select(['index_no as ref', 'title as subject', 'written_on as a', 'published_on as b'])
        .where('org_id', '=', orgId)
        .where('disclosure', '=', 'proactive')
        .where('published_on', '>=', from)
        .where('published_on', '<=', to)
        .orderBy('published_on')
        .orderBy('index_no')
        .execute();
      return found.map(item);
    },

    async normative(orgIds, year) {
      if (orgIds.length === 0) return new Map();
      const { from, to } = bounds(year);
      return byOrg(
        await rows(sql`select p.org_id, count(*) as total,
            sum(case when exists (select 1 from publication i where i.interprets_id = p.id
              and i.published_on is not null) then 0 else 1 end) as missing
          from publication p
          where p.kind = 'normative' and p.disclosure = 'proactive'
            and p.published_on >= ${from} and p.published_on <= ${to} and ${inOrgs('p.org_id', orgIds)}
          group by p.org_id`),
        ['total', 'missing'],
      );
    },

    async normativeMissingItems(orgId, year) {
      const { from, to } = bounds(year);
      const found = await db
        .selectFrom('publication as p')
        .select(['p.index_no as ref', 'p.title as subject', 'p.published_on as a'])
        .where('p.org_id', '=', orgId)
        .where('p.kind', '=', 'normative')
        .where('p.disclosure', '=', 'proactive')
        .where('p.published_on', '>=', from)
        .where('p.published_on', '<=', to)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('publication as i')
                .select('i.id')
                .whereRef('i.interprets_id', '=', 'p.id')
                .where('i.published_on', 'is not', null),
            ),
          ),
        )
        .orderBy('p.published_on')
        .execute();
      return found.map(item);
    },

    async applications(orgIds, year, asOf) {
      if (orgIds.length === 0) return new Map();
      const { from, to } = bounds(year);
      const answered = sql`a.closed_on >= ${from} and a.closed_on <= ${to} and a.state <> 'withdrawn'`;
      const open = sql`a.closed_on is null and a.due_on is not null and a.due_on < ${asOf}`;
      return byOrg(
        await rows(sql`select a.org_id,
            sum(case when ${answered} then 1 else 0 end) as answered,
            sum(case when ${answered} and (a.due_on is null or a.closed_on <= a.due_on) then 1 else 0 end) as "onTime",
            sum(case when ${open} then 1 else 0 end) as "overdueOpen"
          from application a
          where ${inOrgs('a.org_id', orgIds)} and ((${answered}) or (${open}))
          group by a.org_id`),
        ['answered', 'onTime', 'overdueOpen'],
      );
    },

    async applicationItems(orgId, year, asOf) {
      const { from, to } = bounds(year);
      const found = await db
        .selectFrom('application')
        .select(['tracking_code as ref', 'title as subject', 'due_on as a', 'closed_on as b'])
        .where('org_id', '=', orgId)
        .where((eb) =>
          eb.or([
            eb.and([
              eb('closed_on', '>=', from),
              eb('closed_on', '<=', to),
              eb('state', '<>', 'withdrawn'),
              eb('due_on', 'is not', null),
              eb('closed_on', '>', eb.ref('due_on')),
            ]),
            eb.and([eb('closed_on', 'is', null), eb('due_on', 'is not', null), eb('due_on', '<', asOf)]),
          ]),
        )
        .orderBy('due_on')
        .orderBy('tracking_code')
        .execute();
      return found.map(item);
    },

    async reviews(orgIds, year) {
      if (orgIds.length === 0) return new Map();
      const { from, to } = bounds(year);
      return byOrg(
        await rows(sql`select r.org_id, count(*) as concluded,
            sum(case when r.result = 'corrected' then 1 else 0 end) as corrected
          from review_case r
          where r.kind in ('reconsideration', 'litigation') and r.result in ('upheld', 'corrected', 'other')
            and r.result_on >= ${from} and r.result_on <= ${to} and ${inOrgs('r.org_id', orgIds)}
          group by r.org_id`),
        ['concluded', 'corrected'],
      );
    },

    async reviewCorrectedItems(orgId, year) {
      const { from, to } = bounds(year);
      const found = await db
        .selectFrom('review_case')
        .select(['case_no as ref', 'subject', 'kind as a', 'result_on as b'])
        .where('org_id', '=', orgId)
        .where('kind', 'in', ['reconsideration', 'litigation'])
        .where('result', '=', 'corrected')
        .where('result_on', '>=', from)
        .where('result_on', '<=', to)
        .orderBy('result_on')
        .execute();
      return found.map(item);
    },

    async siteVerdicts(orgIds, before) {
      if (orgIds.length === 0) return [];
      const found = await rows(sql`select s.org_id, s.name, rs.verdict, rs.finished_at
        from monitor_site s
        left join monitor_run_site rs on rs.site_id = s.id and rs.finished_at = (
          select max(x.finished_at) from monitor_run_site x where x.site_id = s.id and x.finished_at < ${before})
        where ${inOrgs('s.org_id', orgIds)}
        order by s.org_id, s.name`);
      return found.map((r) => ({
        orgId: String(r.org_id),
        site: String(r.name),
        verdict: r.verdict === null || r.verdict === undefined ? null : String(r.verdict),
        finishedAt: r.finished_at === null || r.finished_at === undefined ? null : String(r.finished_at),
      }));
    },

    async tasks(orgIds, asOf, before) {
      if (orgIds.length === 0) return new Map();
      return byOrg(
        await rows(sql`select t.org_id, count(*) as total,
            sum(case when t.state = 'open' and t.due_on < ${asOf} then 1 else 0 end) as overdue
          from monitor_task t
          where t.created_at < ${before} and ${inOrgs('t.org_id', orgIds)}
          group by t.org_id`),
        ['total', 'overdue'],
      );
    },

    async taskItems(orgId, asOf, before) {
      const found = await db
        .selectFrom('monitor_task as t')
        .innerJoin('monitor_finding as f', 'f.id', 't.finding_id')
        .innerJoin('monitor_site as s', 's.id', 'f.site_id')
        .select(['s.name as ref', 'f.message as subject', 't.due_on as a'])
        .where('t.org_id', '=', orgId)
        .where('t.state', '=', 'open')
        .where('t.due_on', '<', asOf)
        .where('t.created_at', '<', before)
        .orderBy('t.due_on')
        .execute();
      return found.map(item);
    },

    async training(orgIds, year) {
      if (orgIds.length === 0) return { sessions: [], attended: [] };
      const { from, to } = bounds(year);
      const sessions = await db
        .selectFrom('training_session')
        .select(['id', 'title', 'held_on'])
        .where('org_id', 'in', orgIds)
        .where('held_on', '>=', from)
        .where('held_on', '<=', to)
        .orderBy('held_on')
        .orderBy('id')
        .execute();
      if (sessions.length === 0) return { sessions: [], attended: [] };
      const attended = await db
        .selectFrom('training_participant')
        .select(['session_id', 'org_id'])
        .where(
          'session_id',
          'in',
          sessions.map((s) => s.id),
        )
        .where((eb) => eb.or([eb('headcount', '>', 0), eb('user_ids_json', '<>', '[]')]))
        .execute();
      return {
        sessions: sessions.map((s) => ({ id: s.id, title: s.title, heldOn: s.held_on })),
        attended: attended.map((a) => ({ sessionId: a.session_id, orgId: a.org_id })),
      };
    },
  };
}
