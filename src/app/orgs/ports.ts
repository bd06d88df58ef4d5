// Ports of the organization tree.

import type { Organization, OrganizationFields } from '../../domain/orgs/organization.js';

/** Organizations. Nothing is hard-deleted: retiring keeps the row for reports and the audit trail. */
export interface OrganizationRepository {
  list(opts?: { includeRetired?: boolean }): Promise<Organization[]>;
  byId(id: string): Promise<Organization | undefined>;
  byCreditCode(code: string): Promise<Organization | undefined>;
  insert(org: Organization): Promise<void>;
  update(id: string, fields: OrganizationFields, at: string): Promise<void>;
  move(id: string, parentId: string | null, sortOrder: number, at: string): Promise<void>;
  setRetired(id: string, retiredAt: string | null, at: string): Promise<void>;
  /**
   * A token that changes whenever an organization changes (any process), or undefined where none is kept (in
   * transactions).
   */
  changeToken?(): Promise<string | undefined>;
}

/** Repositories of the organization tree. */
export type OrgRepos = { orgs: OrganizationRepository };
