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
import {
  camelFields,
  fromBool,
  jsonOrNull,
  parseJson,
  parseJsonOr,
  snakeColumns,
  TIMESTAMPS,
  toBool,
} from '../mappers.js';
import { firstOf, updateById } from '../queries.js';
import { currentProactiveVersions } from './publication-archive.js';

// Columns named as the fields of key areas, exclusions and catalogue rows. A row's fields are
// split around the time-limit rule (time_limit_rule_json); its channels and levels are JSON text.
const AREA = ['id', 'org_id', 'code', 'name', 'national', 'sort'] as const;
const EXCLUSION = ['org_id', 'key_area_id', 'reason', 'created_at'] as const;
const BEFORE_RULE = [
  'key_area_id',
  'level1',
  'level2',
  'level3',
  'content_elements',
  'basis',
  'time_limit_text',
] as const;
const AFTER_RULE = [
  'subject',
  'channels_required',
  'channels_optional',
  'audience',
  'method',
  'levels',
  'sort',
] as const;

const toArea = (r: Selectable<KeyAreaTable>): KeyArea => ({ ...camelFields(r, AREA), national: toBool(r.national) });

function toRow(r: Selectable<CatalogueRowTable>): CatalogueRow {
  return {
    ...camelFields(r, ['id', 'org_id', ...BEFORE_RULE]),
    timeLimitRule: parseJsonOr<TimeLimitRule | null>(r.time_limit_rule_json, null),
    ...camelFields(r, AFTER_RULE),
    channelsRequired: parseJson(r.channels_required),
    channelsOptional: parseJson(r.channels_optional),
    method: r.method as DisclosureMethod,
    levels: parseJson(r.levels),
    ...camelFields(r, ['retired_at', ...TIMESTAMPS]),
  };
}

function columns(f: CatalogueRowFields) {
  return {
    ...snakeColumns(f, BEFORE_RULE),
    time_limit_rule_json: jsonOrNull(f.timeLimitRule),
    ...snakeColumns(f, AFTER_RULE),
    channels_required: JSON.stringify(f.channelsRequired),
    channels_optional: JSON.stringify(f.channelsOptional),
    levels: JSON.stringify(f.levels),
  };
}

/** The live 主动公开 versions of the organization that name a catalogue row. */
const liveLinked = (db: Kysely<Database>, orgId: string) =>
  currentProactiveVersions(db).where('v.org_id', '=', orgId).where('v.catalogue_row_id', 'is not', null);

/**
 * Builds the catalogue repository over a connection or transaction. Channel and level lists are
 * JSON text (display values, never queried), identical on SQLite and PostgreSQL.
 */
export function standardCatalogueRepository(db: Kysely<Database>): StandardCatalogueRepository {
  const removeExclusion = async (orgId: string, keyAreaId: string) => {
    await db
      .deleteFrom('key_area_exclusion')
      .where('org_id', '=', orgId)
      .where('key_area_id', '=', keyAreaId)
      .execute();
  };
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
      const area = { ...snakeColumns(a, AREA), national: fromBool(a.national), created_at: at };
      await db.insertInto('key_area').values(area).execute();
    },
    async exclusions(orgId) {
      const rows = await db
        .selectFrom('key_area_exclusion')
        .select(EXCLUSION)
        .where('org_id', '=', orgId)
        .orderBy('key_area_id')
        .execute();
      return rows.map((r) => camelFields(r, EXCLUSION));
    },
    async setExclusion(e) {
      await removeExclusion(e.orgId, e.keyAreaId);
      await db.insertInto('key_area_exclusion').values(snakeColumns(e, EXCLUSION)).execute();
    },
    removeExclusion,
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
      const row = {
        ...snakeColumns(r, ['id', 'org_id']),
        ...columns(r),
        ...snakeColumns(r, ['retired_at', ...TIMESTAMPS]),
      };
      await db.insertInto('catalogue_row').values(row).execute();
    },
    async updateRow(id, fields, at) {
      await updateById(db, 'catalogue_row', id, { ...columns(fields), retired_at: null, updated_at: at });
    },
    async retireRow(id, at) {
      await updateById(db, 'catalogue_row', id, { retired_at: at, updated_at: at });
    },
    rowById: (id) => firstOf(db.selectFrom('catalogue_row').selectAll().where('id', '=', id), toRow),
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
