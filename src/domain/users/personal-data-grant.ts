// A recorded grant of `view_personal_data` (docs/security/privacy.md): an admin lets an account see the applicants'
// personal data of the cases of an organization's subtree (e.g. a supervising office handling a complaint). Each
// view under it is audited; a revoked grant stays as the record and no longer counts.

/** One grant, live until revoked. */
export type PersonalDataGrant = {
  id: string;
  /** The account allowed. */
  userId: string;
  /** The organization whose subtree it covers. */
  orgId: string;
  /** Why it was granted (shown on the account page and in the audit trail). */
  reason: string;
  grantedBy: string | null;
  grantedByLabel: string;
  grantedAt: string;
  revokedBy: string | null;
  revokedByLabel: string | null;
  revokedAt: string | null;
};

/** The subtrees (organization ids) of an account's live grants, as the application policy takes them. */
export function liveGrantOrgIds(grants: readonly PersonalDataGrant[]): string[] {
  return grants.filter((g) => g.revokedAt === null).map((g) => g.orgId);
}
