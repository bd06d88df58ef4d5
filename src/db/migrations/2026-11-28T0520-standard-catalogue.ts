// The standard catalogue (基层政务公开标准目录, SPEC §4.4): key areas, "not applicable" statements, rows.
// Frozen in time: never edit after merge; add a new migration instead.
import { sql, type Kysely } from 'kysely';

// Copied, not imported (migrations never import app code): domain/catalogue/key-areas.ts and catalogue-row.ts.
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

const inList = (col: string, values: string[]) => sql.raw(`${col} in (${values.map((v) => `'${v}'`).join(', ')})`);

/** Creates key_area (seeded with the 26 national areas), key_area_exclusion and catalogue_row. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('key_area')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.references('organization.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('national', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`national in (0, 1)`),
    )
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    // National areas are the shared defaults; local ones belong to one organization.
    .addCheckConstraint('key_area_national_ck', sql`(national = 1) = (org_id is null)`)
    .execute();
  await db.schema
    .createIndex('key_area_org_code_idx')
    .ifNotExists()
    .on('key_area')
    .columns(['org_id', 'code'])
    .execute();
  await db.schema
    .createTable('key_area_exclusion')
    .ifNotExists()
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('key_area_id', 'text', (c) => c.notNull().references('key_area.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('key_area_exclusion_pk', ['org_id', 'key_area_id'])
    .execute();
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
  await db.schema
    .createTable('catalogue_row')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('key_area_id', 'text', (c) => c.notNull().references('key_area.id'))
    .addColumn('level1', 'text', (c) => c.notNull())
    .addColumn('level2', 'text', (c) => c.notNull())
    .addColumn('level3', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('content_elements', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('time_limit_text', 'text', (c) => c.notNull())
    .addColumn('time_limit_rule_json', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    // JSON arrays of channel names (display only, never queried).
    .addColumn('channels_required', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('channels_optional', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull().check(inList('method', METHODS)))
    // JSON array of 公开层级 as written (县级, 乡级, 乡、村级 …).
    .addColumn('levels', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('retired_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('catalogue_row_org_area_idx')
    .ifNotExists()
    .on('catalogue_row')
    .columns(['org_id', 'key_area_id', 'sort'])
    .execute();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Drops the catalogue tables (development only). */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('catalogue_row').ifExists().execute();
  await db.schema.dropTable('key_area_exclusion').ifExists().execute();
  await db.schema.dropTable('key_area').ifExists().execute();
}
