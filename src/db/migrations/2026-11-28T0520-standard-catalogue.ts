// The standard catalogue (基层政务公开标准目录): key areas, "not applicable" statements, rows.
// Frozen in time: never edit after merge; add a new migration instead.
import { sql, type Kysely } from 'kysely';
import { col, dropTables, indexes, table, timestamps } from './schema-kit.js';

// Copied, not imported (migrations never import app code): domain/standard-catalogue/key-areas.ts and catalogue-row.ts.
const NATIONAL = [
  '城乡规划',
  '重大建设项目',
  '公共资源交易',
  '财政预决算',
  '安全生产',
  '税收管理',
  '征地补偿',
  '国有土地上房屋征收与补偿',
  '农村危房改造',
  '扶贫',
  '救灾',
  '社会救助',
  '养老服务',
  '户籍管理',
  '涉农补贴',
  '环境保护',
  '公共文化服务',
  '公共法律服务',
  '医疗卫生',
  '食品药品监管',
  '城市综合执法',
  '就业',
  '社会保险',
  '义务教育',
  '保障性住房',
  '市政服务',
];
const METHODS = ['主动', '依申请'];
const CREATED_AT = '2026-11-28T05:20:00.000Z';

/** Creates key_area (seeded with the 26 national areas), key_area_exclusion and catalogue_row. */
export async function up(db: Kysely<any>): Promise<void> {
  await table(db, 'key_area', {
    id: col.pk,
    org_id: col.ref('organization.id'),
    code: col.required,
    name: col.required,
    national: col.zero.check(sql`national in (0, 1)`),
    sort: col.zero,
    created_at: col.required,
  })
    // National areas are the shared defaults; local ones belong to one organization.
    .check('key_area_national_ck', sql`(national = 1) = (org_id is null)`);
  await indexes(db, 'key_area', { key_area_org_code_idx: ['org_id', 'code'] });
  await table(db, 'key_area_exclusion', {
    org_id: col.ref('organization.id').notNull,
    key_area_id: col.ref('key_area.id').notNull,
    reason: col.required,
    created_at: col.required,
  }).primaryKey('org_id', 'key_area_id');
  await createRowTable(db);
  const existing = await db.selectFrom('key_area').select('id').where('national', '=', 1).execute();
  if (existing.length === 0) {
    await db
      .insertInto('key_area')
      .values(
        NATIONAL.map((name, i) => ({
          id: `ka-n${pad(i + 1)}`,
          org_id: null,
          code: `n${pad(i + 1)}`,
          name,
          national: 1,
          sort: (i + 1) * 10,
          created_at: CREATED_AT,
        })),
      )
      .execute();
  }
}

async function createRowTable(db: Kysely<any>): Promise<void> {
  await table(db, 'catalogue_row', {
    id: col.pk,
    org_id: col.ref('organization.id').notNull,
    key_area_id: col.ref('key_area.id').notNull,
    level1: col.required,
    level2: col.required,
    level3: col.blank,
    content_elements: col.required,
    basis: col.required,
    time_limit_text: col.required,
    time_limit_rule_json: col.text,
    subject: col.required,
    // JSON arrays of channel names (display only, never queried).
    channels_required: col.json('[]'),
    channels_optional: col.json('[]'),
    audience: col.required,
    method: col.oneOf(METHODS),
    // JSON array of 公开层级 as written (县级, 乡级, 乡、村级 …).
    levels: col.json('[]'),
    sort: col.zero,
    retired_at: col.text,
    ...timestamps,
  });
  await indexes(db, 'catalogue_row', { catalogue_row_org_area_idx: ['org_id', 'key_area_id', 'sort'] });
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Drops the catalogue tables (development only). */
export async function down(db: Kysely<any>): Promise<void> {
  await dropTables(db, 'catalogue_row', 'key_area_exclusion', 'key_area');
}
