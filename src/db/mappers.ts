// Row ⇄ domain conversions: booleans as 0/1, snake_case columns named as camelCase fields (one list of
// columns serves both directions), JSON text columns, patches that change only the fields they give.
import type { Selectable } from 'kysely';
import type { AppUserTable, AuditEntryTable, OrganizationTable } from './database.js';
import type { Organization, OrgKind, OrganizationFields } from '../domain/orgs/organization.js';
import type { User, UserStatus } from '../domain/users/user.js';
import type { AuditEntry } from '../domain/audit/audit-entry.js';

/** SQLite returns 0/1, PostgreSQL integer columns return numbers too: both map to booleans here. */
export const toBool = (v: number | boolean | null | undefined): boolean => v === true || v === 1;
/** Booleans are stored as 0/1 integers on both engines. */
export const fromBool = (v: boolean): number => (v ? 1 : 0);

/** A nullable integer column as a number (PostgreSQL may return integers as text). */
export const numberOrNull = (v: number | string | null): number | null => (v === null ? null : Number(v));

/** A column name as a field name, at the type level: `org_id` → `orgId`. */
export type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;

const camelCase = (column: string): string => column.replace(/_(.)/g, (_, c: string) => c.toUpperCase());

/**
 * The listed columns of a row as the fields of the same name in camelCase (`org_id` → `orgId`), values
 * unchanged. Only the listed columns: a record never carries a column by accident (a password hash).
 * Spread it first and write the fields that convert (types, booleans, numbers) after it.
 */
export function camelFields<R, C extends keyof R & string>(
  row: R,
  columns: readonly C[],
): { [K in C as CamelCase<K>]: R[K] } {
  return Object.fromEntries(columns.map((c) => [camelCase(c), row[c]])) as { [K in C as CamelCase<K>]: R[K] };
}

type Columns<C extends string, T> = { [K in C]: T[CamelCase<K> & keyof T] };

/**
 * The listed columns read from a record's camelCase fields (`org_id` ← `orgId`), values unchanged: the
 * inverse of {@link camelFields}. Spread it first and write the columns that convert after it.
 */
export function snakeColumns<C extends string, T extends { [K in C as CamelCase<K>]: unknown }>(
  record: T,
  columns: readonly C[],
): Columns<NoInfer<C>, T> {
  const fields = record as Record<string, unknown>;
  return Object.fromEntries(columns.map((c) => [c, fields[camelCase(c)]])) as Columns<C, T>;
}

/** The `created_at` and `updated_at` instants most tables end with. */
export const TIMESTAMPS = ['created_at', 'updated_at'] as const;
/** Who did it, on every ledger table: the user's id (none for the system) and the label shown for them. */
export const ACTOR = ['actor_id', 'actor_label'] as const;

/**
 * The columns of a patch that it gives a value: `undefined` means "unchanged", so the column is left
 * out of the update (null is a value: it clears the column).
 */
export function givenColumns<T extends Record<string, unknown>>(columns: T): Partial<T> {
  return Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A JSON column's document (display payloads stored as text, never queried inside). */
export const parseJson = <T>(text: string): T => JSON.parse(text) as T;
/** A nullable JSON column's document, `ifNull` where the column is null. */
export const parseJsonOr = <T>(text: string | null, ifNull: T): T => (text === null ? ifNull : parseJson<T>(text));
/** A document as the text of a nullable JSON column: null stays null. */
export const jsonOrNull = (value: unknown): string | null => (value === null ? null : JSON.stringify(value));

/** The organization columns an admin edits, named as the fields of OrganizationFields. */
const ORGANIZATION_FIELDS = [
  'kind',
  'name',
  'short_name',
  'credit_code',
  'address',
  'postcode',
  'phone',
  'office_hours',
  'office_name',
  'office_address',
  'office_phone',
  'office_fax',
  'office_email',
  'functions',
  'leadership',
  'internal_units',
] as const;
/** Every column of an organization, named as its fields. */
export const ORGANIZATION = [
  'id',
  'parent_id',
  ...ORGANIZATION_FIELDS,
  'sort_order',
  'retired_at',
  'created_at',
  'updated_at',
] as const;

/** Maps an organization row. */
export function toOrganization(r: Selectable<OrganizationTable>): Organization {
  return { ...camelFields(r, ORGANIZATION), kind: r.kind as OrgKind, sortOrder: Number(r.sort_order) };
}

/** Maps the editable organization fields to columns. */
export const organizationColumns = (f: OrganizationFields) => snakeColumns(f, ORGANIZATION_FIELDS);

/** The account columns named as the fields of User (the password hash is not one). */
const USER = [
  'id',
  'username',
  'display_name',
  'email',
  'org_id',
  'status',
  'must_change_password',
  'failed_attempts',
  'locked_until',
  'last_login_at',
  'replaced_by',
  'created_at',
  'updated_at',
] as const;

/** Maps an account row (the password hash stays behind). */
export function toUser(r: Selectable<AppUserTable>): User {
  return {
    ...camelFields(r, USER),
    email: r.email ?? '',
    status: r.status as UserStatus,
    mustChangePassword: toBool(r.must_change_password),
    failedAttempts: Number(r.failed_attempts),
  };
}

/** Every column of an audit entry, named as its fields. */
export const AUDIT_ENTRY = [
  'seq',
  'at',
  ...ACTOR,
  'action',
  'entity_type',
  'entity_id',
  'org_id',
  'before_json',
  'after_json',
  'prev_hash',
  'hash',
] as const;

/** Maps an audit row. */
export function toAuditEntry(r: Selectable<AuditEntryTable>): AuditEntry {
  return { ...camelFields(r, AUDIT_ENTRY), seq: Number(r.seq) };
}
