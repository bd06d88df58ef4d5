// SQL for the standard catalogue: key areas (national defaults + local), exclusions and rows.
import type { Kysely, Selectable } from 'kysely';
import type { CatalogueRowTable, Database, KeyAreaTable } from '../database.js';
import type { StandardCatalogueRepository, RowPublicationStats } from '../../app/standard-catalogue/ports.js';
import type { KeyArea } from '../../domain/standard-catalogue/key-areas.js';
import type {
  CatalogueRow,
  CatalogueRowFields,
  DisclosureMethod,
} from '../../domain/standard-catalogue/catalogue-row.js';
import type { TimeLimitRule } from '../../domain/standard-catalogue/time-limit.js';

function toArea(r: Selectable<KeyAreaTable>): KeyArea {
  return { id: r.id, orgId: r.org_id, code: r.code, name: r.name, national: r.national === 1, sort: r.sort };
}

function toRow(r: Selectable<CatalogueRowTable>): CatalogueRow {
  return {
    id: r.id,
    orgId: r.org_id,
    keyAreaId: r.key_area_id,
    level1: r.level1,
    level2: r.level2,
    level3: r.level3,
    contentElements: r.content_elements,
    basis: r.basis,
    timeLimitText: r.time_limit_text,
    timeLimitRule: r.time_limit_rule_json === null ? null : (JSON.parse(r.time_limit_rule_json) as TimeLimitRule),
    subject: r.subject,
    channelsRequired: JSON.parse(r.channels_required) as string[],
    channelsOptional: JSON.parse(r.channels_optional) as string[],
    audience: r.audience,
    method: r.method as DisclosureMethod,
    levels: JSON.parse(r.levels) as string[],
    sort: r.sort,
    retiredAt: r.retired_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function columns(f: CatalogueRowFields) {
  return {
    key_area_id: f.keyAreaId,
    level1: f.level1,
    level2: f.level2,
    level3: f.level3,
    content_elements: f.contentElements,
    basis: f.basis,
    time_limit_text: f.timeLimitText,
    time_limit_rule_json: f.timeLimitRule === null ? null : JSON.stringify(f.timeLimitRule),
    subject: f.subject,
    channels_required: JSON.stringify(f.channelsRequired),
    channels_optional: JSON.stringify(f.channelsOptional),
    audience: f.audience,
    method: f.method,
    levels: JSON.stringify(f.levels),
    sort: f.sort,
  };
}

/**
 * The live 主动公开 versions of the organization that name a catalogue row: the current version of a
 * published, not withdrawn item (the same live set as the portal's, publication-repository.ts).
 */
function liveLinked(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom('publication_version as v')
    .innerJoin('publication as p', (j) =>
      j.onRef('p.id', '=', 'v.publication_id').onRef('p.current_version', '=', 'v.version'),
    )
    .where('p.withdrawn_at', 'is', null)
    .where('v.disclosure', '=', 'proactive')
    .where('v.published_on', 'is not', null)
    .where('v.org_id', '=', orgId)
    .where('v.catalogue_row_id', 'is not', null);
}

/**
 * Builds the catalogue repository over a connection or transaction. Channel and level lists are
 * JSON text (display values, never queried), identical on SQLite and PostgreSQL.
 */
export function standardCatalogueRepository(db: Kysely<Database>): StandardCatalogueRepository {
  return {
    async areas(orgId) {
      const rows = await db
        .selectFrom('key_area')
        .selectAll()
        .where((eb) => eb.or([eb('org_id', 'is', null), eb('org_id', '=', orgId)]))
        .orderBy('sort')
        .orderBy('name')
        .execute();
      return rows.map(toArea);
    },
    async insertArea(a, at) {
      await db
        .insertInto('key_area')
        .values({
          id: a.id,
          org_id: a.orgId,
          code: a.code,
          name: a.name,
          national: a.national ? 1 : 0,
          sort: a.sort,
          created_at: at,
        })
        .execute();
    },
    async exclusions(orgId) {
      const rows = await db
        .selectFrom('key_area_exclusion')
        .selectAll()
        .where('org_id', '=', orgId)
        .orderBy('key_area_id')
        .execute();
      return rows.map((r) => ({
        orgId: r.org_id,
        keyAreaId: r.key_area_id,
        reason: r.reason,
        createdAt: r.created_at,
      }));
    },
    async setExclusion(e) {
      await db
        .deleteFrom('key_area_exclusion')
        .where('org_id', '=', e.orgId)
        .where('key_area_id', '=', e.keyAreaId)
        .execute();
      await db
        .insertInto('key_area_exclusion')
        .values({ org_id: e.orgId, key_area_id: e.keyAreaId, reason: e.reason, created_at: e.createdAt })
        .execute();
    },
    async removeExclusion(orgId, keyAreaId) {
      await db
        .deleteFrom('key_area_exclusion')
        .where('org_id', '=', orgId)
        .where('key_area_id', '=', keyAreaId)
        .execute();
    },
    async rows(orgId, opts = {}) {
      let q = db
        .selectFrom('catalogue_row as r')
        .innerJoin('key_area as a', 'a.id', 'r.key_area_id')
        .selectAll('r')
        .where('r.org_id', '=', orgId);
      if (!opts.includeRetired) q = q.where('r.retired_at', 'is', null);
      const rows = await q.orderBy('a.sort').orderBy('a.name').orderBy('r.sort').orderBy('r.id').execute();
      return rows.map(toRow);
    },
    async insertRow(r) {
      await db
        .insertInto('catalogue_row')
        .values({
          id: r.id,
          org_id: r.orgId,
          ...columns(r),
          retired_at: r.retiredAt,
          created_at: r.createdAt,
          updated_at: r.updatedAt,
        })
        .execute();
    },
    async updateRow(id, fields, at) {
      await db
        .updateTable('catalogue_row')
        .set({ ...columns(fields), retired_at: null, updated_at: at })
        .where('id', '=', id)
        .execute();
    },
    async retireRow(id, at) {
      await db.updateTable('catalogue_row').set({ retired_at: at, updated_at: at }).where('id', '=', id).execute();
    },
    async rowById(id) {
      const r = await db.selectFrom('catalogue_row').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toRow(r) : undefined;
    },
    async rowStats(orgId) {
      const rows = await liveLinked(db, orgId)
        .select([
          'v.catalogue_row_id as rowId',
          (eb) => eb.fn.countAll<number | string>().as('n'),
          (eb) => eb.fn.max('v.published_on').as('last'),
        ])
        .groupBy('v.catalogue_row_id')
        .execute();
      return new Map(
        rows.map((r): [string, RowPublicationStats] => [
          r.rowId ?? '',
          { liveCount: Number(r.n), lastPublishedOn: r.last ?? null },
        ]),
      );
    },
    async linkedItems(orgId) {
      const rows = await liveLinked(db, orgId)
        .select(['v.catalogue_row_id as rowId', 'v.publication_id', 'v.published_on', 'v.fields_json'])
        .orderBy('v.published_on', 'desc')
        .orderBy('v.publication_id', 'desc')
        .execute();
      return rows.map((r) => ({
        rowId: r.rowId ?? '',
        publicationId: r.publication_id,
        publishedOn: r.published_on ?? '',
        title: (JSON.parse(r.fields_json) as { title: string }).title,
      }));
    },
    async orgsWithRows() {
      const rows = await db
        .selectFrom('catalogue_row')
        .select('org_id')
        .where('retired_at', 'is', null)
        .distinct()
        .orderBy('org_id')
        .execute();
      return rows.map((r) => r.org_id);
    },
  };
}
