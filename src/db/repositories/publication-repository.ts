// SQL for publications: the working copy, its review ledger, attachments and frozen live versions.
import { sql, type Insertable, type Kysely, type Selectable, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Database, PublicationReviewTable, PublicationTable, PublicationVersionTable } from '../database.js';
import type {
  LiveFilter,
  LiveItem,
  LivePage,
  LiveSummary,
  LiveVersion,
  PublicationAttachment,
  PublicationRecord,
  PublicationRepository,
  PublicationSummary,
  VersionRecord,
} from '../../app/publications/ports.js';
import {
  splitKeyAreas,
  type Disclosure,
  type PublicationFields,
  type PublicationKind,
  type PublicationState,
  type ReviewEntry,
  type Validity,
  type WithheldGround,
} from '../../domain/publications/publication.js';
import type { PublicationPatch } from '../../domain/publications/transitions.js';
import type { LocalDate } from '../../domain/core/local-date.js';
import {
  ACTOR,
  camelFields,
  fromBool,
  givenColumns,
  numberOrNull,
  parseJson,
  snakeColumns,
  toBool,
} from '../mappers.js';
import { containsText } from '../portable.js';
import { firstOf, pageOf, updateById } from '../queries.js';

const d = (v: string | null): LocalDate | null => v as LocalDate | null;

const SUMMARY_COLUMNS = [
  'id',
  'org_id',
  'category_id',
  'index_no',
  'title',
  'kind',
  'doc_no',
  'written_on',
  'published_on',
  'state',
  'disclosure',
  'current_version',
  'major',
  'updated_at',
  'validity',
  'validity_on',
  'withdrawn_at',
] as const;

// Columns named as the item's fields (`doc_no` ↔ `docNo`): those a list row shares with the whole
// item, the item's other fields, and the working copy's own columns.
const LISTED = ['category_id', 'title', 'kind', 'doc_no', 'written_on', 'disclosure', 'major'] as const;
const DETAIL = [
  'summary',
  'publisher',
  'topic',
  'validity',
  'validity_on',
  'withheld_ground',
  'body_html',
  'keywords',
  'key_areas',
  'interprets_id',
] as const;
const WORKING = [
  'id',
  'org_id',
  'index_no',
  'state',
  'review_level',
  'scheduled_at',
  'current_version',
  'published_on',
  'reassess_on',
  'created_by',
  'created_at',
  'updated_at',
  'withdrawn_at',
  'withdraw_reason',
] as const;
const REVIEW = ['seq', 'level', 'action', ...ACTOR, 'at', 'comment'] as const;

/** The fields a list row shares with the whole item. */
function listedFields(r: Pick<Selectable<PublicationTable>, (typeof LISTED)[number]>) {
  return {
    ...camelFields(r, LISTED),
    kind: r.kind as PublicationKind,
    writtenOn: r.written_on as LocalDate,
    disclosure: r.disclosure as Disclosure,
    major: toBool(r.major),
  };
}

function toFields(r: Selectable<PublicationTable>): PublicationFields {
  return {
    ...listedFields(r),
    ...camelFields(r, DETAIL),
    validity: r.validity as Validity,
    validityOn: d(r.validity_on),
    withheldGround: r.withheld_ground as WithheldGround | null,
    keyAreas: splitKeyAreas(r.key_areas),
    catalogueRowId: r.catalogue_row_id,
  };
}

function fieldColumns(f: PublicationFields) {
  return {
    ...snakeColumns(f, LISTED),
    major: fromBool(f.major),
    ...snakeColumns(f, DETAIL),
    key_areas: f.keyAreas.join(','),
    catalogue_row_id: f.catalogueRowId ?? null,
  };
}

/** The row of an item's working copy. */
export function publicationRow(p: Omit<PublicationRecord, 'reviews' | 'attachments'>): Insertable<PublicationTable> {
  return { ...fieldColumns(p), ...snakeColumns(p, WORKING) };
}

/** The row of a ledger entry. */
export function reviewRow(publicationId: string, e: ReviewEntry): Insertable<PublicationReviewTable> {
  return { publication_id: publicationId, ...snakeColumns(e, REVIEW), findings_json: JSON.stringify(e.findings) };
}

/** The fields a portal list row shows, copied into columns of every version (migration 2026-12-14T0100). */
const LIST_COLUMNS = ['title', 'index_no', 'doc_no', 'summary', 'publisher'] as const;

/** The row of a frozen version, with the portal's live and list columns copied out of its fields. */
export function versionRow(
  publicationId: string,
  orgId: string | null,
  v: LiveVersion,
  by: string | null,
): Insertable<PublicationVersionTable> & Record<(typeof LIST_COLUMNS)[number], string> {
  const f = v.fields;
  return {
    publication_id: publicationId,
    version: v.version,
    fields_json: JSON.stringify(f),
    published_at: v.publishedAt,
    published_by: by,
    org_id: orgId,
    ...snakeColumns(f, ['category_id', 'kind', 'disclosure', 'published_on', 'interprets_id']),
    ...snakeColumns(f, LIST_COLUMNS),
    catalogue_row_id: f.catalogueRowId ?? null,
    live: isShowable(f) ? 1 : 0,
  };
}

/** The organization and category of a version, as the live counts key it. */
type CountedRow = { org_id?: string | null; category_id?: string | null };

/**
 * Moves the live counts (`live_category_count`) by the versions that entered the live set (+1 each) and those that
 * left it (−1 each), in the caller's transaction: one upsert of the sums per (organization, category), the keys in
 * order so that concurrent writers lock the count rows in the same order; a sum of 0 (a revision in its own
 * category) writes nothing. Versions without an organization or a category are not counted (as in the migration's
 * fill). A count that reaches 0 keeps its row: an organization has a bounded number of categories, and the read
 * leaves such rows out.
 */
export async function moveLiveCounts(
  db: Kysely<Database>,
  change: { entered?: readonly CountedRow[]; left?: readonly CountedRow[] },
): Promise<void> {
  const sums = new Map<string, { org_id: string; category_id: string; n: number }>();
  const add = (rows: readonly CountedRow[], by: number) => {
    for (const { org_id, category_id } of rows) {
      if (org_id === null || org_id === undefined || category_id === null || category_id === undefined) continue;
      const key = `${org_id}\u0000${category_id}`;
      const sum = sums.get(key) ?? { org_id, category_id, n: 0 };
      sum.n += by;
      sums.set(key, sum);
    }
  };
  add(change.entered ?? [], 1);
  add(change.left ?? [], -1);
  const rows = [...sums.entries()]
    .filter(([, sum]) => sum.n !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, sum]) => sum);
  // 3 parameters a row: an import batch's categories fit one statement many times over.
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('live_category_count')
      .values(rows.slice(i, i + 1000))
      .onConflict((oc) =>
        oc.columns(['org_id', 'category_id']).doUpdateSet({ n: sql<number>`live_category_count.n + excluded.n` }),
      )
      .execute();
  }
}

function toReview(r: Selectable<PublicationReviewTable>): ReviewEntry {
  return {
    ...camelFields(r, REVIEW),
    seq: Number(r.seq),
    level: numberOrNull(r.level),
    findings: parseJson(r.findings_json),
  };
}

function toSummary(r: Pick<Selectable<PublicationTable>, (typeof SUMMARY_COLUMNS)[number]>): PublicationSummary {
  return {
    ...listedFields(r),
    ...camelFields(r, ['id', 'org_id', 'index_no', 'published_on', 'state', 'current_version', 'updated_at']),
    publishedOn: d(r.published_on),
    state: r.state as PublicationState,
    currentVersion: numberOrNull(r.current_version),
    validity: r.validity as Validity,
    validityOn: d(r.validity_on),
    withdrawnAt: r.withdrawn_at,
  };
}

function patchColumns(p: PublicationPatch) {
  return givenColumns({
    state: p.state,
    review_level: p.reviewLevel,
    scheduled_at: p.scheduledAt,
    published_on: p.publishedOn,
    current_version: p.currentVersion,
    withdrawn_at: p.withdrawnAt,
    withdraw_reason: p.withdrawReason,
  });
}

async function load(db: Kysely<Database>, r: Selectable<PublicationTable>): Promise<PublicationRecord> {
  const reviews = await db
    .selectFrom('publication_review')
    .selectAll()
    .where('publication_id', '=', r.id)
    .orderBy('seq')
    .execute();
  const files = await db
    .selectFrom('publication_attachment')
    .select(['file_id as fileId', 'name', 'mime', 'size'])
    .where('publication_id', '=', r.id)
    .orderBy('sort')
    .execute();
  return {
    ...toFields(r),
    ...camelFields(r, WORKING),
    state: r.state as PublicationState,
    reviewLevel: numberOrNull(r.review_level),
    currentVersion: numberOrNull(r.current_version),
    publishedOn: d(r.published_on),
    reassessOn: d(r.reassess_on),
    attachments: files.map((f) => ({ ...f, size: Number(f.size) })),
    reviews: reviews.map(toReview),
  };
}

// org_id is a copy of the item's organization, set on every version (migration 0600 backfilled it).
type LiveRow = {
  publication_id: string;
  org_id: string | null;
  version: number | string;
  published_at: string;
  fields_json: string;
};

/** A frozen version as the portal shows it. */
const toLive = (r: Omit<LiveRow, 'publication_id' | 'org_id'>): LiveVersion => ({
  version: Number(r.version),
  publishedAt: r.published_at,
  fields: parseJson(r.fields_json),
});

const toLiveItem = (r: LiveRow): LiveItem => ({ id: r.publication_id, orgId: r.org_id ?? '', live: toLive(r) });

/**
 * The current versions of published, not withdrawn 主动公开 items (the portal's live set): the rows
 * flagged `live` (migration 0620), kept by insertVersion and updateState below.
 */
function liveVersions(db: Kysely<Database>) {
  return db.selectFrom('publication_version as v').where('v.live', '=', 1);
}

/** Whether a version is shown while it is current: 主动公开 with a 发布日期. */
const isShowable = (f: LiveVersion['fields']): boolean => f.disclosure === 'proactive' && f.publishedOn !== null;

/** The live set narrowed by a filter (empty lists are answered before querying). */
function liveFiltered(db: Kysely<Database>, f: LiveFilter) {
  let q = liveVersions(db);
  if (f.orgIds) q = q.where('v.org_id', 'in', [...f.orgIds]);
  if (f.excludeOrgIds && f.excludeOrgIds.length > 0) q = q.where('v.org_id', 'not in', [...f.excludeOrgIds]);
  if (f.categoryIds) q = q.where('v.category_id', 'in', [...f.categoryIds]);
  if (f.kind) q = q.where('v.kind', '=', f.kind);
  if (f.year !== undefined) {
    q = q.where('v.published_on', '>=', `${f.year}-01-01`).where('v.published_on', '<=', `${f.year}-12-31`);
  }
  return q;
}

/** A filter with an empty list of organizations or categories: answered without querying. */
const matchesNothing = (f: LiveFilter): boolean => f.orgIds?.length === 0 || f.categoryIds?.length === 0;

/** published_on desc, then id desc (the portal's order). */
const newestFirst = (
  a: { published_on: string | null; publication_id: string },
  b: { published_on: string | null; publication_id: string },
): number =>
  (b.published_on ?? '').localeCompare(a.published_on ?? '') ||
  (a.publication_id < b.publication_id ? 1 : a.publication_id > b.publication_id ? -1 : 0);

const LIVE_COLUMNS = ['v.publication_id', 'v.org_id', 'v.version', 'v.published_at', 'v.fields_json'] as const;

/** What a list row shows: the version's own columns, never its frozen record. */
const SUMMARY_LIVE_COLUMNS = [
  'v.publication_id',
  'v.org_id',
  'v.category_id',
  'v.index_no',
  'v.title',
  'v.doc_no',
  'v.kind',
  'v.publisher',
  'v.summary',
  'v.published_on',
  'v.published_at',
] as const;

type SummaryRow = Pick<
  Selectable<PublicationVersionTable>,
  | 'publication_id'
  | 'org_id'
  | 'category_id'
  | 'index_no'
  | 'title'
  | 'doc_no'
  | 'kind'
  | 'publisher'
  | 'summary'
  | 'published_on'
  | 'published_at'
>;

const toLiveSummary = (r: SummaryRow): LiveSummary => ({
  id: r.publication_id,
  orgId: r.org_id ?? '',
  categoryId: r.category_id ?? '',
  indexNo: r.index_no,
  title: r.title,
  docNo: r.doc_no,
  kind: r.kind as PublicationKind,
  publisher: r.publisher,
  summary: r.summary,
  publishedOn: d(r.published_on),
  publishedAt: r.published_at,
});

type LiveQuery = ReturnType<typeof liveFiltered>;
/** The live query with its columns chosen (rows of type R). */
type LiveSelect<R> =
  LiveQuery extends SelectQueryBuilder<infer DB, infer TB, object> ? SelectQueryBuilder<DB, TB, R> : never;

/**
 * One page of the live set newest first (published_on desc, id desc), the columns chosen by `columns`,
 * counted as `page.countCap` says.
 */
async function livePageOf<R, T>(
  db: Kysely<Database>,
  f: LiveFilter,
  page: LivePage,
  columns: (q: LiveQuery) => LiveSelect<R>,
  map: (row: R) => T,
): Promise<{ items: T[]; total: number; capped?: boolean }> {
  if (matchesNothing(f)) return { items: [], total: 0 };
  const select = (q: LiveQuery) => columns(q).orderBy('v.published_on', 'desc').orderBy('v.publication_id', 'desc');
  if (page.countCap === undefined) return pageOf(liveFiltered(db, f), page, map, select);
  const rows = await select(liveFiltered(db, f)).limit(page.limit).offset(page.offset).execute();
  const items = rows.map((r) => map(r as R));
  if (page.countCap === 0) return { items, total: 0 };
  // Counts through the index up to the cap, never the whole live set.
  const upTo = liveFiltered(db, f)
    .select('v.publication_id')
    .limit(page.countCap + 1);
  const n = Number(
    (
      await db
        .selectFrom(upTo.as('x'))
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst()
    )?.n ?? 0,
  );
  return { items, total: Math.min(n, page.countCap), capped: n > page.countCap };
}

/** The current version row of item `id` unless it was never published or is withdrawn. */
function currentLive(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('publication as p')
    .innerJoin('publication_version as v', (j) =>
      j.onRef('v.publication_id', '=', 'p.id').onRef('v.version', '=', 'p.current_version'),
    )
    .where('p.id', '=', id)
    .where('p.withdrawn_at', 'is', null)
    .select(['v.version', 'v.published_at', 'v.fields_json']);
}

const toCurrentLive = (
  id: string,
  r: { owner_id: string; version: number | string; published_at: string; fields_json: string },
): LiveItem => ({ id, orgId: r.owner_id, live: toLive(r) });

/** Builds the publication repository. */
export function publicationRepository(db: Kysely<Database>): PublicationRepository {
  /** No version of the item is shown any more (until a new one is inserted); returns the rows it cleared. */
  const hideVersions = (id: string) =>
    db
      .updateTable('publication_version')
      .set({ live: 0 })
      .where('publication_id', '=', id)
      .where('live', '=', 1)
      .returning(['org_id', 'category_id'])
      .execute();
  const setAttachments = async (id: string, list: readonly PublicationAttachment[]) => {
    await db.deleteFrom('publication_attachment').where('publication_id', '=', id).execute();
    if (list.length === 0) return;
    await db
      .insertInto('publication_attachment')
      .values(
        list.map((a, i) => ({ publication_id: id, sort: i, ...snakeColumns(a, ['file_id', 'name', 'mime', 'size']) })),
      )
      .execute();
  };
  return {
    async insert(p) {
      const { attachments, ...record } = p;
      await db.insertInto('publication').values(publicationRow(record)).execute();
      await setAttachments(p.id, attachments);
    },
    byId: (id) => firstOf(db.selectFrom('publication').selectAll().where('id', '=', id), (r) => load(db, r)),
    async idByIndexNo(indexNo) {
      return (await db.selectFrom('publication').select('id').where('index_no', '=', indexNo).executeTakeFirst())?.id;
    },
    async updateFields(id, f, reassessOn, at) {
      await updateById(db, 'publication', id, { ...fieldColumns(f), reassess_on: reassessOn, updated_at: at });
    },
    async updateState(id, p, at) {
      await updateById(db, 'publication', id, { ...patchColumns(p), updated_at: at });
      // 撤稿: no version of the item is shown any more.
      if (p.withdrawnAt) await moveLiveCounts(db, { left: await hideVersions(id) });
    },
    setAttachments,
    async appendReview(id, e) {
      await db.insertInto('publication_review').values(reviewRow(id, e)).execute();
    },
    async insertVersion(id, v, by) {
      const f = v.fields;
      const orgId =
        (await db.selectFrom('publication').select('org_id').where('id', '=', id).executeTakeFirst())?.org_id ?? null;
      // The new version replaces the shown one (called once the item's current_version is the new one).
      const left = await hideVersions(id);
      const row = versionRow(id, orgId, v, by);
      await db.insertInto('publication_version').values(row).execute();
      await moveLiveCounts(db, { left, entered: row.live === 1 ? [row] : [] });
      const files = [...new Set((f.attachments ?? []).map((a) => a.fileId))];
      if (files.length > 0) {
        await db
          .insertInto('publication_version_file')
          .values(files.map((file_id) => ({ publication_id: id, version: v.version, file_id })))
          .execute();
      }
    },
    // The current version of a published, not withdrawn item, in one query (the publication page's first read).
    liveItem: (id) => firstOf(currentLive(db, id).select(['p.org_id as owner_id']), (r) => toCurrentLive(id, r)),
    liveVersion: (id) => firstOf(currentLive(db, id), toLive),
    listLive: (f, page) => livePageOf(db, f, page, (q) => q.select(LIVE_COLUMNS), toLiveItem),
    listLiveSummaries: (f, page) => livePageOf(db, f, page, (q) => q.select(SUMMARY_LIVE_COLUMNS), toLiveSummary),
    async liveDates(f, limit) {
      if (matchesNothing(f) || limit <= 0) return [];
      const rows = await liveFiltered(db, f)
        .select(['v.publication_id', 'v.published_on'])
        .orderBy('v.published_on', 'desc')
        .orderBy('v.publication_id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ id: r.publication_id, publishedOn: r.published_on ?? '' }));
    },
    // By the (org_id, category_id, live, published_on, publication_id) index: one range step each way, whatever the
    // category's size (a row-value comparison, which both engines walk in the index).
    async liveNeighbours(orgId, categoryId, at) {
      const side = (newer: boolean) =>
        firstOf(
          liveFiltered(db, { orgIds: [orgId], categoryIds: [categoryId] })
            .where(
              sql<SqlBool>`(v.published_on, v.publication_id) ${sql.raw(newer ? '>' : '<')} (${at.publishedOn}, ${at.id})`,
            )
            .select(SUMMARY_LIVE_COLUMNS)
            .orderBy('v.published_on', newer ? 'asc' : 'desc')
            .orderBy('v.publication_id', newer ? 'asc' : 'desc')
            .limit(1),
          toLiveSummary,
        );
      return { newer: await side(true), older: await side(false) };
    },
    // The counts kept with every write of the live set (moveLiveCounts): a few rows, whatever the item count.
    async liveCategoryCounts(orgId) {
      const rows = await db
        .selectFrom('live_category_count')
        .select(['category_id', 'n'])
        .where('org_id', '=', orgId)
        .where('n', '>', 0)
        .execute();
      return new Map(rows.map((r) => [r.category_id, Number(r.n)]));
    },
    // These two select by their own index (interprets_id, file_id) and keep the live rows and their order
    // in code: with `live = ?` and an ORDER BY in SQL, SQLite's planner (no statistics) walks the live
    // date index over every live item instead.
    async interpretationsOf(publicationId) {
      const rows = await db
        .selectFrom('publication_version as v')
        .where('v.interprets_id', '=', publicationId)
        .where('v.kind', '=', 'interpretation')
        .select([...LIVE_COLUMNS, 'v.live', 'v.published_on'])
        .execute();
      return rows
        .filter((r) => Number(r.live) === 1)
        .sort(newestFirst)
        .map(toLiveItem);
    },
    async attachmentOwners(fileId) {
      const rows = await db
        .selectFrom('publication_version_file as f')
        .innerJoin('publication_version as v', (j) =>
          j.onRef('v.publication_id', '=', 'f.publication_id').onRef('v.version', '=', 'f.version'),
        )
        .where('f.file_id', '=', fileId)
        .select(['v.publication_id', 'v.live', 'v.published_on'])
        .execute();
      return rows
        .filter((r) => Number(r.live) === 1)
        .sort(newestFirst)
        .map((r) => r.publication_id);
    },
    async list(f, page) {
      if (f.orgIds.length === 0) return { items: [], total: 0 };
      let q = db.selectFrom('publication').where('org_id', 'in', [...f.orgIds]);
      if (f.states && f.states.length > 0) q = q.where('state', 'in', [...f.states]);
      if (f.categoryId) q = q.where('category_id', '=', f.categoryId);
      if (f.kind) q = q.where('kind', '=', f.kind);
      if (f.reviewLevel !== undefined) {
        q = q.where('review_level', '=', f.reviewLevel).where('state', 'in', ['submitted', 'in_review']);
      }
      if (f.query) {
        const text = f.query;
        q = q.where((eb) =>
          eb.or([containsText('title', text), containsText('index_no', text), containsText('doc_no', text)]),
        );
      }
      return pageOf(q, page, toSummary, (q) =>
        q.select(SUMMARY_COLUMNS).orderBy('updated_at', 'desc').orderBy('id', 'desc'),
      );
    },
    async changeInstants(ids) {
      const out = new Map<string, { at: string; kind: 'revision' | 'disclosure' }[]>();
      if (ids.length === 0) return out;
      const revisions = await db
        .selectFrom('publication_review')
        .select(['publication_id', 'at'])
        .where('publication_id', 'in', [...ids])
        .where('action', 'in', ['revise', 'reopen'])
        .execute();
      const disclosures = await db
        .selectFrom('publication_reassessment')
        .select(['publication_id', 'recorded_at as at'])
        .where('publication_id', 'in', [...ids])
        .where('disclosure_before', '=', 'withheld')
        .where('disclosure_after', '=', 'proactive')
        .execute();
      const add = (r: { publication_id: string; at: string }, kind: 'revision' | 'disclosure') =>
        out.set(r.publication_id, [...(out.get(r.publication_id) ?? []), { at: r.at, kind }]);
      for (const r of revisions) add(r, 'revision');
      for (const r of disclosures) add(r, 'disclosure');
      return out;
    },
    async versions(ids) {
      const out = new Map<string, VersionRecord[]>();
      if (ids.length === 0) return out;
      const rows = await db
        .selectFrom('publication_version')
        .select(['publication_id', 'version', 'published_at', 'published_by', 'fields_json'])
        .where('publication_id', 'in', [...ids])
        .orderBy('publication_id')
        .orderBy('version')
        .execute();
      for (const r of rows) {
        const f = parseJson<Pick<PublicationFields, 'title' | 'validity'>>(r.fields_json);
        const v: VersionRecord = {
          version: Number(r.version),
          publishedAt: r.published_at,
          publishedBy: r.published_by,
          title: f.title,
          validity: f.validity,
        };
        out.set(r.publication_id, [...(out.get(r.publication_id) ?? []), v]);
      }
      return out;
    },
    async dueForRelease(now) {
      const rows = await db
        .selectFrom('publication')
        .select('id')
        .where('state', '=', 'scheduled')
        .where('scheduled_at', '<=', now)
        .orderBy('scheduled_at')
        .execute();
      return rows.map((r) => r.id);
    },
    async reassessmentDue(orgIds, today) {
      if (orgIds.length === 0) return [];
      const rows = await db
        .selectFrom('publication')
        .select([...SUMMARY_COLUMNS])
        .where('org_id', 'in', [...orgIds])
        .where('disclosure', '=', 'withheld')
        .where('reassess_on', '<=', today)
        .orderBy('reassess_on')
        .execute();
      return rows.map(toSummary);
    },
    async facts(orgId, year) {
      const end = `${year}-12-31`;
      const rows = await db
        .selectFrom('publication as p')
        .select([
          'p.id',
          'p.kind',
          'p.written_on',
          'p.published_on',
          'p.withdrawn_at',
          'p.disclosure',
          'p.validity',
          'p.validity_on',
          'p.key_areas',
        ])
        .select((eb) =>
          eb
            .exists(
              eb
                .selectFrom('publication as i')
                .select('i.id')
                .whereRef('i.interprets_id', '=', 'p.id')
                .where('i.kind', '=', 'interpretation')
                .where('i.published_on', 'is not', null)
                .where('i.withdrawn_at', 'is', null),
            )
            .as('interpreted'),
        )
        .where('p.org_id', '=', orgId)
        .where((eb) => eb.or([eb('p.published_on', '<=', end), eb('p.written_on', '<=', end)]))
        .execute();
      return rows.map((r) => ({
        kind: r.kind as PublicationKind,
        writtenOn: r.written_on as LocalDate,
        publishedOn: d(r.published_on),
        // A withdrawn (撤稿) item counts as never published, in every year's counts, whenever it was withdrawn
        // (domain/publications/annual-counts.ts `countsAsPublished`): the report of a year computed after the
        // withdrawal and the next year's agree (R7).
        withdrawn: r.withdrawn_at !== null,
        disclosure: r.disclosure as Disclosure,
        validity: r.validity as Validity,
        validityOn: d(r.validity_on),
        hasKeyAreas: r.key_areas !== '',
        interpreted: r.interpreted === true || Number(r.interpreted) === 1,
      }));
    },
  };
}
