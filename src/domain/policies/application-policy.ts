// Who may see and work disclosure applications, and who sees the applicant's personal data. Deny by default.
// docs/security/privacy.md: personal data serves the application and nothing else (《政府信息公开条例》第十五条,
// 《个人信息保护法》第五条、第六条: purpose limitation and the minimum necessary), so it is shown only to the
// organization handling the case, its assigned 协办 helper and holders of a recorded `view_personal_data` grant.
import type { Action } from '../applications/application.js';
import type { Role } from '../users/roles.js';
import { holdsAnywhere, holdsAt, holdsOver, type Actor } from './actor.js';

/**
 * Roles that work cases and therefore see the applicant's personal data: only the roles of the organization
 * handling the case (the applicant's data serves the application and nothing else).
 */
export const CASE_ROLES: readonly Role[] = ['handler', 'office_head', 'legal_reviewer', 'signer', 'head'];

/** The case as the policy sees it: its organization's ancestry (root first, the case's own last) and its handler. */
export type CaseSubject = { orgAncestry: readonly string[]; handlerId: string | null };

/**
 * Why an actor sees the applicant's personal data: a case role held at the handling organization itself, being the
 * case's assigned 协办 helper, or a recorded grant on a subtree holding the organization; null: masked.
 */
export type PersonalDataAccess = 'handling_org' | 'helper' | 'grant' | null;

/**
 * Moves an assigned 协办 helper (a handler of another organization assigned to the case) may make: the handler's
 * work on the case, drafting the reply included. Everything else belongs to the handling organization: handing the
 * case away (`assign`, `transfer`), ending it (`withdraw`, `archive`, the lapses), answering the applicant in the
 * organization's name (`send_reply`), and every approval (extension, legal review, signing). An allow-list: a move
 * added to the table later stays the owner's until it is listed here.
 */
export const HELPER_ACTIONS: ReadonlySet<Action> = new Set<Action>([
  'register',
  'request_correction',
  'receive_correction',
  'start_consultation',
  'end_consultation',
  'request_extension',
  'request_reasons',
  'record_reasons',
  'issue_fee_notice',
  'record_payment',
  'draft_reply',
]);

const caseOrgOf = (s: Pick<CaseSubject, 'orgAncestry'>): string | undefined => s.orgAncestry.at(-1);

/**
 * Whether the actor is the case's assigned 协办 helper: the assigned handler, a handler somewhere, but not a handler
 * of the organization handling the case.
 */
export function isCaseHelper(actor: Actor, s: CaseSubject): boolean {
  const orgId = caseOrgOf(s);
  return (
    orgId !== undefined &&
    s.handlerId === actor.userId &&
    holdsAnywhere(actor, 'handler') &&
    !holdsAt(actor, 'handler', orgId)
  );
}

/**
 * Whether the actor may see cases of an organization (without personal data for supervisors and admins, and for
 * case roles held above it).
 * @param orgAncestry ids from the root down to the case's organization
 */
export function canViewCase(actor: Actor, orgAncestry: readonly string[]): boolean {
  return [...CASE_ROLES, 'supervisor', 'admin'].some((r) => holdsOver(actor, r as Role, orgAncestry));
}

/**
 * Whether the actor may see one case: an organization-wide reader of it, its assigned 协办 helper, or the holder of
 * a `view_personal_data` grant over it.
 * @param grantOrgIds the subtrees (root organization ids) of the actor's live grants
 */
export function canSeeCase(actor: Actor, s: CaseSubject, grantOrgIds: readonly string[] = []): boolean {
  return canViewCase(actor, s.orgAncestry) || personalDataAccess(actor, s, grantOrgIds) !== null;
}

/**
 * Why the actor sees the applicant's personal data of a case, or null when it is masked for them.
 * @param grantOrgIds the subtrees (root organization ids) of the actor's live `view_personal_data` grants
 */
export function personalDataAccess(
  actor: Actor,
  s: CaseSubject,
  grantOrgIds: readonly string[] = [],
): PersonalDataAccess {
  const orgId = caseOrgOf(s);
  if (orgId === undefined) return null;
  if (CASE_ROLES.some((r) => holdsAt(actor, r, orgId))) return 'handling_org';
  if (isCaseHelper(actor, s)) return 'helper';
  if (grantOrgIds.some((g) => s.orgAncestry.includes(g))) return 'grant';
  return null;
}

/** Whether the actor may see personal data of the organization's cases through their roles (lists, search). */
export function canViewPersonalData(actor: Actor, orgAncestry: readonly string[]): boolean {
  return personalDataAccess(actor, { orgAncestry, handlerId: null }) !== null;
}

/**
 * Whether the actor may make a move needing `role` on the case: the role held at the handling organization itself
 * (roles held above it do not act for it), or — for the handler's moves in HELPER_ACTIONS — being its 协办 helper.
 */
export function canMakeMove(actor: Actor, action: Action, role: Role, s: CaseSubject): boolean {
  const orgId = caseOrgOf(s);
  if (orgId === undefined) return false;
  if (holdsAt(actor, role, orgId)) return true;
  return role === 'handler' && HELPER_ACTIONS.has(action) && isCaseHelper(actor, s);
}

/** Whether the actor is a handler of the organization handling the case itself (the owner's handler work). */
export function handlesForOwner(actor: Actor, s: Pick<CaseSubject, 'orgAncestry'>): boolean {
  const orgId = caseOrgOf(s);
  return orgId !== undefined && holdsAt(actor, 'handler', orgId);
}

/** Whether the actor may enter an application received through another channel (staff entry). */
export function canEnterApplication(actor: Actor, orgAncestry: readonly string[]): boolean {
  const orgId = orgAncestry.at(-1);
  return orgId !== undefined && holdsAt(actor, 'handler', orgId);
}
