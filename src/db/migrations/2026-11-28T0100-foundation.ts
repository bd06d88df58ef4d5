// Foundation schema: organizations, accounts, roles, sessions, tokens, audit chain, calendar, settings.
// Frozen in time: never edit after merge; add a new migration instead (docs/practices/migrations.md).
import { sql, type Kysely } from 'kysely';

const ROLES = [
  'admin',
  'editor',
  'reviewer',
  'signer',
  'head',
  'office_head',
  'handler',
  'legal_reviewer',
  'supervisor',
];
const ORG_KINDS = ['government', 'department', 'township', 'street', 'other'];

const inList = (col: string, values: string[]) => sql.raw(`${col} in (${values.map((v) => `'${v}'`).join(', ')})`);

/** Creates the foundation tables. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('organization')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('parent_id', 'text', (c) => c.references('organization.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(inList('kind', ORG_KINDS)))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('credit_code', 'text', (c) => c.notNull().unique())
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('postcode', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('office_hours', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('office_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('office_address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('office_phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('office_email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('functions', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('leadership', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('internal_units', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('retired_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('organization_parent_idx').ifNotExists().on('organization').column('parent_id').execute();

  await db.schema
    .createTable('app_user')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(inList('status', ['active', 'deactivated'])))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('last_login_at', 'text')
    .addColumn('replaced_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('user_role')
    .ifNotExists()
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('role', 'text', (c) => c.notNull().check(inList('role', ROLES)))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_role_pk', ['user_id', 'org_id', 'role'])
    .execute();

  await db.schema
    .createTable('session')
    .ifNotExists()
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('idle_expires_at', 'text', (c) => c.notNull())
    .addColumn('absolute_expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('session_user_idx').ifNotExists().on('session').column('user_id').execute();

  await db.schema
    .createTable('api_token')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('label', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('audit_entry')
    .ifNotExists()
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('audit_entity_idx')
    .ifNotExists()
    .on('audit_entry')
    .columns(['entity_type', 'entity_id'])
    .execute();
  await db.schema.createIndex('audit_at_idx').ifNotExists().on('audit_entry').column('at').execute();

  await db.schema
    .createTable('audit_head')
    .ifNotExists()
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addColumn('last_hash', 'text', (c) => c.notNull())
    .execute();
  // The chain starts from the all-zero genesis hash (domain/audit/audit-entry.ts GENESIS_HASH).
  const head = await db.selectFrom('audit_head').select('id').where('id', '=', 1).executeTakeFirst();
  if (!head) {
    await db
      .insertInto('audit_head')
      .values({ id: 1, last_seq: 0, last_hash: '0'.repeat(64) })
      .execute();
  }

  await db.schema
    .createTable('calendar_day')
    .ifNotExists()
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(inList('kind', ['holiday', 'workday'])))
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('calendar_year')
    .ifNotExists()
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('loaded_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('calendar_override')
    .ifNotExists()
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('is_working', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('site_setting')
    .ifNotExists()
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

/** Drops the foundation tables (development only). */
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'site_setting',
    'calendar_override',
    'calendar_year',
    'calendar_day',
    'audit_head',
    'audit_entry',
    'api_token',
    'session',
    'user_role',
    'app_user',
    'organization',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
