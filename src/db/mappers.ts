// Row ⇄ domain conversions: booleans as 0/1, snake_case columns to camelCase fields.
import type { Selectable } from 'kysely';
import type { AppUserTable, AuditEntryTable, OrganizationTable } from './database.js';
import type { Organization, OrgKind, OrganizationFields } from '../domain/orgs/organization.js';
import type { User, UserStatus } from '../domain/users/user.js';
import type { AuditEntry } from '../domain/audit/audit-entry.js';

/** SQLite returns 0/1, PostgreSQL integer columns return numbers too: both map to booleans here. */
export const toBool = (v: number | boolean | null | undefined): boolean => v === true || v === 1;
/** Booleans are stored as 0/1 integers on both engines. */
export const fromBool = (v: boolean): number => (v ? 1 : 0);

/** Maps an organization row. */
export function toOrganization(r: Selectable<OrganizationTable>): Organization {
  return {
    id: r.id,
    parentId: r.parent_id,
    kind: r.kind as OrgKind,
    name: r.name,
    shortName: r.short_name,
    creditCode: r.credit_code,
    address: r.address,
    postcode: r.postcode,
    phone: r.phone,
    officeHours: r.office_hours,
    officeName: r.office_name,
    officeAddress: r.office_address,
    officePhone: r.office_phone,
    officeEmail: r.office_email,
    functions: r.functions,
    leadership: r.leadership,
    internalUnits: r.internal_units,
    sortOrder: Number(r.sort_order),
    retiredAt: r.retired_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Maps the editable organization fields to columns. */
export function organizationColumns(f: OrganizationFields) {
  return {
    kind: f.kind,
    name: f.name,
    short_name: f.shortName,
    credit_code: f.creditCode,
    address: f.address,
    postcode: f.postcode,
    phone: f.phone,
    office_hours: f.officeHours,
    office_name: f.officeName,
    office_address: f.officeAddress,
    office_phone: f.officePhone,
    office_email: f.officeEmail,
    functions: f.functions,
    leadership: f.leadership,
    internal_units: f.internalUnits,
  };
}

/** Maps an account row (the password hash stays behind). */
export function toUser(r: Selectable<AppUserTable>): User {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    email: r.email ?? '',
    orgId: r.org_id,
    status: r.status as UserStatus,
    mustChangePassword: toBool(r.must_change_password),
    failedAttempts: Number(r.failed_attempts),
    lockedUntil: r.locked_until,
    lastLoginAt: r.last_login_at,
    replacedBy: r.replaced_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Maps an audit row. */
export function toAuditEntry(r: Selectable<AuditEntryTable>): AuditEntry {
  return {
    seq: Number(r.seq),
    at: r.at,
    actorId: r.actor_id,
    actorLabel: r.actor_label,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    orgId: r.org_id,
    beforeJson: r.before_json,
    afterJson: r.after_json,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}
