// SQL of the 政府网站工作年度报表: the stored reports, and the counts of the year the filling reads (publications by
// column, requests, messages, monitoring checks and findings, accounts and posts).
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, WebsiteReportTable } from '../database.js';
import type { WebsiteReportRepository } from '../../app/website-report/ports.js';
import type { ReportState, WebsiteReport } from '../../domain/website-report/report.js';
import type { LocalDate } from '../../domain/core/local-date.js';
import { ACTOR, TIMESTAMPS, camelFields, givenColumns, parseJson } from '../mappers.js';
import { firstOf } from '../queries.js';

const PLAIN = [
  'id',
  'site_id',
  'filled_at',
  'edited_by',
  'edited_label',
  'reviewed_by',
  'reviewed_label',
  'reviewed_at',
  'filed_at',
  'publication_url',
  'publication_id',
  ...ACTOR,
  ...TIMESTAMPS,
] as const;

const toReport = (r: Selectable<WebsiteReportTable>): WebsiteReport => ({
  ...camelFields(r, PLAIN),
  year: Number(r.year),
  state: r.state,
  values: parseJson<Record<string, string>>(r.values_json),
  filled: parseJson<Record<string, string>>(r.filled_json),
});

type Patch = Partial<Omit<WebsiteReport, 'id' | 'siteId' | 'year' | 'createdAt'>>;

const columnsOf = (p: Patch) =>
  givenColumns({
    state: p.state,
    values_json: p.values === undefined ? undefined : JSON.stringify(p.values),
    filled_json: p.filled === undefined ? undefined : JSON.stringify(p.filled),
    filled_at: p.filledAt,
    edited_by: p.editedBy,
    edited_label: p.editedLabel,
    reviewed_by: p.reviewedBy,
    reviewed_label: p.reviewedLabel,
    reviewed_at: p.reviewedAt,
    filed_at: p.filedAt,
    publication_url: p.publicationUrl,
    publication_id: p.publicationId,
    actor_id: p.actorId,
    actor_label: p.actorLabel,
    updated_at: p.updatedAt,
  });

/** The first day of the year and of the next, for `>= from and < to` over dates and ISO instants. */
const bounds = (year: number) => [`${year}-01-01`, `${year + 1}-01-01`] as const;

/** The repository over a connection or a transaction. */
export function websiteReportRepository(db: Kysely<Database>): WebsiteReportRepository {
  return {
    byId: (id) => firstOf(db.selectFrom('website_report').selectAll().where('id', '=', id), toReport),
    bySiteYear: (siteId, year) =>
      firstOf(
        db.selectFrom('website_report').selectAll().where('site_id', '=', siteId).where('year', '=', year),
        toReport,
      ),
    async list(filter) {
      let q = db.selectFrom('website_report').selectAll();
      if (filter.year !== undefined) q = q.where('year', '=', filter.year);
      if (filter.siteId !== undefined) q = q.where('site_id', '=', filter.siteId);
      if (filter.states !== undefined) {
        if (filter.states.length === 0) return [];
        q = q.where('state', 'in', filter.states as ReportState[]);
      }
      const rows = await q.orderBy('year', 'desc').orderBy('site_id').execute();
      return rows.map(toReport);
    },
    async insert(r) {
      await db
        .insertInto('website_report')
        .values({
          id: r.id,
          site_id: r.siteId,
          year: r.year,
          state: r.state,
          values_json: JSON.stringify(r.values),
          filled_json: JSON.stringify(r.filled),
          filled_at: r.filledAt,
          edited_by: r.editedBy,
          edited_label: r.editedLabel,
          reviewed_by: r.reviewedBy,
          reviewed_label: r.reviewedLabel,
          reviewed_at: r.reviewedAt,
          filed_at: r.filedAt,
          publication_url: r.publicationUrl,
          publication_id: r.publicationId,
          actor_id: r.actorId,
          actor_label: r.actorLabel,
          created_at: r.createdAt,
          updated_at: r.updatedAt,
        })
        .execute();
    },
    async update(id, patch) {
      const set = columnsOf(patch);
      if (Object.keys(set).length === 0) return;
      await db.updateTable('website_report').set(set).where('id', '=', id).execute();
    },

    async publicationsOfYear(orgIds, year) {
      if (orgIds.length === 0) return [];
      const [from, to] = bounds(year);
      const rows = await db
        .selectFrom('publication as p')
        .innerJoin('category as c', 'c.id', 'p.category_id')
        .select(['p.kind', 'c.name', 'c.slug'])
        .where('p.org_id', 'in', orgIds)
        .where('p.published_on', '>=', from)
        .where('p.published_on', '<', to)
        .where('p.withdrawn_at', 'is', null)
        .where((eb) => eb.or([eb('p.state', '=', 'published'), eb('p.current_version', 'is not', null)]))
        .execute();
      return rows.map((r) => ({ kind: r.kind, categoryName: r.name, categorySlug: r.slug }));
    },
    async applicationsOfYear(orgIds, year) {
      if (orgIds.length === 0) return { received: 0, closed: 0 };
      const [from, to] = bounds(year);
      const row = await db
        .selectFrom('application')
        .select([sql<number>`count(*)`.as('received'), sql<number>`count(closed_on)`.as('closed')])
        .where('org_id', 'in', orgIds)
        .where('received_on', '>=', from)
        .where('received_on', '<', to)
        .executeTakeFirstOrThrow();
      return { received: Number(row.received), closed: Number(row.closed) };
    },
    async messagesOfYear(siteId, year) {
      const [from, to] = bounds(year);
      const rows = await db
        .selectFrom('monitor_message as m')
        .innerJoin('monitor_column as c', 'c.id', 'm.column_id')
        .select(['m.received_on', 'm.answered_on'])
        .where('c.site_id', '=', siteId)
        .where('m.received_on', '>=', from)
        .where('m.received_on', '<', to)
        .orderBy('m.received_on')
        .execute();
      return rows.map((r) => ({
        receivedOn: r.received_on as LocalDate,
        answeredOn: r.answered_on as LocalDate | null,
      }));
    },
    async securityOfYear(siteId, year) {
      const [from, to] = bounds(year);
      const checks = await db
        .selectFrom('monitor_run_site as s')
        .innerJoin('monitor_run as r', 'r.id', 's.run_id')
        .select(sql<number>`count(*)`.as('n'))
        .where('s.site_id', '=', siteId)
        .where('r.state', '=', 'completed')
        .where('r.as_of', '>=', from)
        .where('r.as_of', '<', to)
        .executeTakeFirstOrThrow();
      const findings = db
        .selectFrom('monitor_finding')
        .select(sql<number>`count(*)`.as('n'))
        .where('site_id', '=', siteId)
        .where('confirmation', '!=', 'dismissed');
      const found = await findings
        .where('first_seen_at', '>=', from)
        .where('first_seen_at', '<', to)
        .executeTakeFirstOrThrow();
      const fixed = await findings
        .where('status', '=', 'closed')
        .where('closed_at', '>=', from)
        .where('closed_at', '<', to)
        .executeTakeFirstOrThrow();
      return { checks: Number(checks.n), found: Number(found.n), fixed: Number(fixed.n) };
    },
    async accountsOfYear(orgIds, year) {
      if (orgIds.length === 0) return [];
      const [from, to] = bounds(year);
      const rows = await db
        .selectFrom('media_account as a')
        .leftJoin('media_post as p', (j) =>
          j.onRef('p.account_id', '=', 'a.id').on('p.posted_at', '>=', from).on('p.posted_at', '<', to),
        )
        .select(['a.platform', 'a.name', sql<number>`count(p.id)`.as('posts')])
        .where('a.org_id', 'in', orgIds)
        .where('a.status', '!=', 'cancelled')
        .groupBy(['a.id', 'a.platform', 'a.name'])
        .orderBy('a.platform')
        .orderBy('a.name')
        .execute();
      return rows.map((r) => ({ platform: r.platform, name: r.name, posts: Number(r.posts) }));
    },
  };
}
