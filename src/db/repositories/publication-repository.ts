// SQL for publications: the working copy, its review ledger, attachments and frozen live versions.
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, PublicationReviewTable, PublicationTable, PublicationVersionTable } from '../database.js';
import type {
  LiveFilter,
  LiveItem,
  LiveVersion,
  PublicationRecord,
  PublicationRepository,
  PublicationSummary,
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
import { fromBool, toBool } from '../mappers.js';
import { containsText } from '../portable.js';

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
] as const;

/** The fields a list row shares with the whole item. */
function listedFields(r: Pick<Selectable<PublicationTable>, (typeof SUMMARY_COLUMNS)[number]>) {
  return {
    categoryId: r.category_id,
    title: r.title,
    kind: r.kind as PublicationKind,
    docNo: r.doc_no,
    writtenOn: r.written_on as LocalDate,
    disclosure: r.disclosure as Disclosure,
    major: toBool(r.major),
  };
}

function toFields(r: Selectable<PublicationTable>): PublicationFields {
  return {
    ...listedFields(r),
    summary: r.summary,
    publisher: r.publisher,
    topic: r.topic,
    validity: r.validity as Validity,
    validityOn: d(r.validity_on),
    withheldGround: r.withheld_ground as WithheldGround | null,
    bodyHtml: r.body_html,
    keywords: r.keywords,
    keyAreas: splitKeyAreas(r.key_areas),
    interpretsId: r.interprets_id,
    catalogueRowId: r.catalogue_row_id,
  };
}

function fieldColumns(f: PublicationFields) {
  return {
    category_id: f.categoryId,
    title: f.title,
    summary: f.summary,
    publisher: f.publisher,
    doc_no: f.docNo,
    written_on: f.writtenOn,
    topic: f.topic,
    kind: f.kind,
    validity: f.validity,
    validity_on: f.validityOn,
    disclosure: f.disclosure,
    withheld_ground: f.withheldGround,
    body_html: f.bodyHtml,
    keywords: f.keywords,
    key_areas: f.keyAreas.join(','),
    interprets_id: f.interpretsId,
    major: fromBool(f.major),
    catalogue_row_id: f.catalogueRowId ?? null,
  };
}

/** The row of an item's working copy. */
export function publicationRow(p: Omit<PublicationRecord, 'reviews' | 'attachments'>): Insertable<PublicationTable> {
  return {
    ...fieldColumns(p),
    id: p.id,
    org_id: p.orgId,
    index_no: p.indexNo,
    state: p.state,
    review_level: p.reviewLevel,
    scheduled_at: p.scheduledAt,
    current_version: p.currentVersion,
    published_on: p.publishedOn,
    reassess_on: p.reassessOn,
    created_by: p.createdBy,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
    withdrawn_at: p.withdrawnAt,
    withdraw_reason: p.withdrawReason,
  };
}

/** The row of a ledger entry. */
export function reviewRow(publicationId: string, e: ReviewEntry): Insertable<PublicationReviewTable> {
  return {
    publication_id: publicationId,
    seq: e.seq,
    level: e.level,
    action: e.action,
    actor_id: e.actorId,
    actor_label: e.actorLabel,
    at: e.at,
    comment: e.comment,
    findings_json: JSON.stringify(e.findings),
  };
}

/** The row of a frozen version, with the portal's live columns copied out of its fields. */
export function versionRow(
  publicationId: string,
  orgId: string | null,
  v: LiveVersion,
  by: string | null,
): Insertable<PublicationVersionTable> {
  const f = v.fields;
  return {
    publication_id: publicationId,
    version: v.version,
    fields_json: JSON.stringify(f),
    published_at: v.publishedAt,
    published_by: by,
    org_id: orgId,
    category_id: f.categoryId,
    kind: f.kind,
    disclosure: f.disclosure,
    published_on: f.publishedOn,
    interprets_id: f.interpretsId,
    catalogue_row_id: f.catalogueRowId ?? null,
    live: isShowable(f) ? 1 : 0,
  };
}

function toReview(r: Selectable<PublicationReviewTable>): ReviewEntry {
  return {
    seq: Number(r.seq),
    level: r.level === null ? null : Number(r.level),
    action: r.action,
    actorId: r.actor_id,
    actorLabel: r.actor_label,
    at: r.at,
    comment: r.comment,
    findings: JSON.parse(r.findings_json) as unknown[],
  };
}

function toSummary(r: Pick<Selectable<PublicationTable>, (typeof SUMMARY_COLUMNS)[number]>): PublicationSummary {
  return {
    ...listedFields(r),
    id: r.id,
    orgId: r.org_id,
    indexNo: r.index_no,
    publishedOn: d(r.published_on),
    state: r.state as PublicationState,
    currentVersion: r.current_version === null ? null : Number(r.current_version),
    updatedAt: r.updated_at,
  };
}

function patchColumns(p: PublicationPatch) {
  return {
    state: p.state,
    ...(p.reviewLevel !== undefined ? { review_level: p.reviewLevel } : {}),
    ...(p.scheduledAt !== undefined ? { scheduled_at: p.scheduledAt } : {}),
    ...(p.publishedOn !== undefined ? { published_on: p.publishedOn } : {}),
    ...(p.currentVersion !== undefined ? { current_version: p.currentVersion } : {}),
    ...(p.withdrawnAt !== undefined ? { withdrawn_at: p.withdrawnAt } : {}),
    ...(p.withdrawReason !== undefined ? { withdraw_reason: p.withdrawReason } : {}),
  };
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
    .selectAll()
    .where('publication_id', '=', r.id)
    .orderBy('sort')
    .execute();
  return {
    ...toFields(r),
    id: r.id,
    orgId: r.org_id,
    indexNo: r.index_no,
    state: r.state as PublicationState,
    reviewLevel: r.review_level === null ? null : Number(r.review_level),
    scheduledAt: r.scheduled_at,
    currentVersion: r.current_version === null ? null : Number(r.current_version),
    publishedOn: d(r.published_on),
    reassessOn: d(r.reassess_on),
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    withdrawnAt: r.withdrawn_at,
    withdrawReason: r.withdraw_reason,
    attachments: files.map((f) => ({ fileId: f.file_id, name: f.name, mime: f.mime, size: Number(f.size) })),
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

const toLiveItem = (r: LiveRow): LiveItem => ({
  id: r.publication_id,
  orgId: r.org_id ?? '',
  live: {
    version: Number(r.version),
    publishedAt: r.published_at,
    fields: JSON.parse(r.fields_json) as LiveVersion['fields'],
  },
});

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

/** published_on desc, then id desc (the portal's order). */
const newestFirst = (
  a: { published_on: string | null; publication_id: string },
  b: { published_on: string | null; publication_id: string },
): number =>
  (b.published_on ?? '').localeCompare(a.published_on ?? '') ||
  (a.publication_id < b.publication_id ? 1 : a.publication_id > b.publication_id ? -1 : 0);

const LIVE_COLUMNS = ['v.publication_id', 'v.org_id', 'v.version', 'v.published_at', 'v.fields_json'] as const;

/** Builds the publication repository. */
export function publicationRepository(db: Kysely<Database>): PublicationRepository {
  return {
    async insert(p) {
      const { attachments, ...record } = p;
      await db.insertInto('publication').values(publicationRow(record)).execute();
      await this.setAttachments(p.id, attachments);
    },
    async byId(id) {
      const r = await db.selectFrom('publication').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? load(db, r) : undefined;
    },
    async idByIndexNo(indexNo) {
      return (await db.selectFrom('publication').select('id').where('index_no', '=', indexNo).executeTakeFirst())?.id;
    },
    async updateFields(id, f, reassessOn, at) {
      await db
        .updateTable('publication')
        .set({ ...fieldColumns(f), reassess_on: reassessOn, updated_at: at })
        .where('id', '=', id)
        .execute();
    },
    async updateState(id, p, at) {
      await db
        .updateTable('publication')
        .set({ ...patchColumns(p), updated_at: at })
        .where('id', '=', id)
        .execute();
      // 撤稿: no version of the item is shown any more.
      if (p.withdrawnAt) {
        await db
          .updateTable('publication_version')
          .set({ live: 0 })
          .where('publication_id', '=', id)
          .where('live', '=', 1)
          .execute();
      }
    },
    async setAttachments(id, list) {
      await db.deleteFrom('publication_attachment').where('publication_id', '=', id).execute();
      if (list.length === 0) return;
      await db
        .insertInto('publication_attachment')
        .values(
          list.map((a, i) => ({
            publication_id: id,
            sort: i,
            file_id: a.fileId,
            name: a.name,
            mime: a.mime,
            size: a.size,
          })),
        )
        .execute();
    },
    async appendReview(id, e) {
      await db.insertInto('publication_review').values(reviewRow(id, e)).execute();
    },
    async insertVersion(id, v, by) {
      const f = v.fields;
      const orgId =
        (await db.selectFrom('publication').select('org_id').where('id', '=', id).executeTakeFirst())?.org_id ?? null;
      // The new version replaces the shown one (called once the item's current_version is the new one).
      await db
        .updateTable('publication_version')
        .set({ live: 0 })
        .where('publication_id', '=', id)
        .where('live', '=', 1)
        .execute();
      await db
        .insertInto('publication_version')
        .values(versionRow(id, orgId, v, by))
        .execute();
      const files = [...new Set((f.attachments ?? []).map((a) => a.fileId))];
      if (files.length > 0) {
        await db
          .insertInto('publication_version_file')
          .values(files.map((file_id) => ({ publication_id: id, version: v.version, file_id })))
          .execute();
      }
    },
    async liveVersion(id) {
      const p = await db
        .selectFrom('publication')
        .select(['current_version', 'withdrawn_at'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (!p || p.current_version === null || p.withdrawn_at !== null) return undefined;
      const r = await db
        .selectFrom('publication_version')
        .selectAll()
        .where('publication_id', '=', id)
        .where('version', '=', Number(p.current_version))
        .executeTakeFirst();
      return r
        ? { version: Number(r.version), publishedAt: r.published_at, fields: JSON.parse(r.fields_json) as never }
        : undefined;
    },
    async listLive(f, page) {
      if ((f.orgIds && f.orgIds.length === 0) || (f.categoryIds && f.categoryIds.length === 0)) {
        return { items: [], total: 0 };
      }
      const q = liveFiltered(db, f);
      const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
      if (page.limit <= 0) return { items: [], total };
      const rows = await q
        .select([...LIVE_COLUMNS])
        .orderBy('v.published_on', 'desc')
        .orderBy('v.publication_id', 'desc')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return { items: rows.map(toLiveItem), total };
    },
    async liveDates(f, limit) {
      if ((f.orgIds && f.orgIds.length === 0) || (f.categoryIds && f.categoryIds.length === 0) || limit <= 0) return [];
      const rows = await liveFiltered(db, f)
        .select(['v.publication_id', 'v.published_on'])
        .orderBy('v.published_on', 'desc')
        .orderBy('v.publication_id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ id: r.publication_id, publishedOn: r.published_on ?? '' }));
    },
    async liveCategoryCounts(orgId) {
      const rows = await liveVersions(db)
        .where('v.org_id', '=', orgId)
        .select(['v.category_id', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('v.category_id')
        .execute();
      return new Map(rows.filter((r) => r.category_id !== null).map((r) => [r.category_id as string, Number(r.n)]));
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
      const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
      const rows = await q
        .select([...SUMMARY_COLUMNS])
        .orderBy('updated_at', 'desc')
        .orderBy('id', 'desc')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return { items: rows.map(toSummary), total };
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
        withdrawn: r.withdrawn_at !== null && r.withdrawn_at.slice(0, 10) <= end,
        disclosure: r.disclosure as Disclosure,
        validity: r.validity as Validity,
        validityOn: d(r.validity_on),
        hasKeyAreas: r.key_areas !== '',
        interpreted: r.interpreted === true || Number(r.interpreted) === 1,
      }));
    },
  };
}
