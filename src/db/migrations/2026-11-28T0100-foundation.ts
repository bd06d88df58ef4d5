// Foundation schema: organizations, accounts, roles, sessions, tokens, audit chain, calendar, settings.
// Frozen in time: never edit after merge; add a new migration instead (docs/practices/migrations.md).
import type { Kysely } from 'kysely';
import { actor, col, dropTables, indexes, table, timestamps } from './schema-kit.js';

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

/** Creates the foundation tables. */
export async function up(db: Kysely<any>): Promise<void> {
  await table(db, 'organization', {
    id: col.pk,
    parent_id: col.ref('organization.id'),
    kind: col.oneOf(ORG_KINDS),
    name: col.required,
    short_name: col.blank,
    credit_code: col.required.unique,
    address: col.blank,
    postcode: col.blank,
    phone: col.blank,
    office_hours: col.blank,
    office_name: col.blank,
    office_address: col.blank,
    office_phone: col.blank,
    office_email: col.blank,
    functions: col.blank,
    leadership: col.blank,
    internal_units: col.blank,
    sort_order: col.zero,
    retired_at: col.text,
    ...timestamps,
  });
  await indexes(db, 'organization', { organization_parent_idx: ['parent_id'] });

  await table(db, 'app_user', {
    id: col.pk,
    username: col.required.unique,
    display_name: col.blank,
    org_id: col.ref('organization.id').notNull,
    status: col.oneOf(['active', 'deactivated']),
    password_hash: col.required,
    must_change_password: col.zero,
    failed_attempts: col.zero,
    locked_until: col.text,
    last_login_at: col.text,
    replaced_by: col.ref('app_user.id'),
    ...timestamps,
  });

  await table(db, 'user_role', {
    user_id: col.ref('app_user.id').notNull,
    org_id: col.ref('organization.id').notNull,
    role: col.oneOf(ROLES),
    created_at: col.required,
  }).primaryKey('user_id', 'org_id', 'role');

  await table(db, 'session', {
    id_hash: col.pk,
    user_id: col.ref('app_user.id').notNull,
    csrf_token: col.required,
    created_at: col.required,
    last_seen_at: col.required,
    idle_expires_at: col.required,
    absolute_expires_at: col.required,
  });
  await indexes(db, 'session', { session_user_idx: ['user_id'] });

  await table(db, 'api_token', {
    id: col.pk,
    user_id: col.ref('app_user.id').notNull,
    token_hash: col.required.unique,
    label: col.blank,
    created_at: col.required,
    last_used_at: col.text,
    revoked_at: col.text,
  });

  await table(db, 'audit_entry', {
    seq: col.intPk,
    at: col.required,
    ...actor,
    action: col.required,
    entity_type: col.required,
    entity_id: col.required,
    org_id: col.text,
    before_json: col.text,
    after_json: col.text,
    prev_hash: col.required,
    hash: col.required,
  });
  await indexes(db, 'audit_entry', { audit_entity_idx: ['entity_type', 'entity_id'], audit_at_idx: ['at'] });

  await table(db, 'audit_head', { id: col.intPk, last_seq: col.requiredInt, last_hash: col.required });
  // The chain starts from the all-zero genesis hash (domain/audit/audit-entry.ts GENESIS_HASH).
  const head = await db.selectFrom('audit_head').select('id').where('id', '=', 1).executeTakeFirst();
  if (!head) {
    await db
      .insertInto('audit_head')
      .values({ id: 1, last_seq: 0, last_hash: '0'.repeat(64) })
      .execute();
  }

  await table(db, 'calendar_day', {
    date: col.pk,
    kind: col.oneOf(['holiday', 'workday']),
    name: col.blank,
    source: col.required,
    updated_at: col.required,
  });
  await table(db, 'calendar_year', { year: col.intPk, source: col.required, loaded_at: col.required });
  await table(db, 'calendar_override', {
    date: col.pk,
    is_working: col.requiredInt,
    reason: col.required,
    created_by: col.text,
    created_at: col.required,
  });
  await table(db, 'site_setting', { key: col.pk, value_json: col.required, updated_at: col.required });
}

/** Drops the foundation tables (development only). */
export async function down(db: Kysely<any>): Promise<void> {
  await dropTables(
    db,
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
  );
}
