// The policies' table tests share one organization tree and one rule of reach (docs/GLOSSARY.md "角色": a role
// is held at one organization and reaches that organization's subtree). Imported only by *.test.ts.
import type { Actor } from './actor.js';
import { ROLES, type Role } from '../users/roles.js';

/**
 * The district government `gov`; its bureau `dept` with a unit `unit` below it; a sibling bureau `other`.
 * Every subject of the tables belongs to `dept` (ancestry root first).
 */
export const SUBJECT: readonly string[] = ['gov', 'dept'];

/** How the organization where the actor holds a role relates to the subject's organization. */
export const RELATIONS = {
  /** held at the subject's organization itself */
  same: 'dept',
  /** held above it: the district government */
  ancestor: 'gov',
  /** held below it: a unit of the bureau */
  descendant: 'unit',
  /** held at a sibling bureau */
  unrelated: 'other',
} as const;
/** One relation. */
export type Relation = keyof typeof RELATIONS;

/** Whether a role held in that relation reaches the subject: at the organization itself or above it. */
export const REACHES: Readonly<Record<Relation, boolean>> = {
  same: true,
  ancestor: true,
  descendant: false,
  unrelated: false,
};

/** An account holding `role` at `orgId` (its home organization). */
export function actorHolding(role: Role, orgId: string): Actor {
  return { userId: `${role}@${orgId}`, username: role, displayName: role, homeOrgId: orgId, roles: [{ orgId, role }] };
}

/** An account without any role (e.g. after a handover removed them). */
export const NO_ROLES: Actor = {
  userId: 'nobody',
  username: 'nobody',
  displayName: 'nobody',
  homeOrgId: 'dept',
  roles: [],
};

/** One row of a role table: the role, where it is held, and whether the rules allow it. */
export type ReachRow = { role: Role; relation: Relation; actor: Actor; allowed: boolean };

/**
 * Every role in every relation to the subject, allowed exactly when the rules grant the role (`granted`) and
 * the role reaches the subject.
 */
export function reachTable(granted: readonly Role[], reaches = REACHES): ReachRow[] {
  return ROLES.flatMap((role) =>
    (Object.keys(RELATIONS) as Relation[]).map((relation) => ({
      role,
      relation,
      actor: actorHolding(role, RELATIONS[relation]),
      allowed: granted.includes(role) && reaches[relation],
    })),
  );
}

const WHERE: Readonly<Record<Relation, string>> = {
  same: 'at the organization',
  ancestor: 'above the organization',
  descendant: 'below the organization',
  unrelated: 'at an unrelated organization',
};

/** The row as a sentence for assertion messages: "handler above the organization". */
export function describeRow(row: Pick<ReachRow, 'role' | 'relation'>): string {
  return `${row.role} ${WHERE[row.relation]}`;
}

/**
 * Where a decision about the subject departs from the rules: every role in every relation (allowed exactly when
 * granted and reaching), an account without roles and an organization of unknown ancestry (both denied).
 * @param reaches which relations reach the subject (default: the organization itself and above it)
 * @returns one sentence per departure; [] when the policy follows the rules
 */
export function departures(
  granted: readonly Role[],
  decide: (actor: Actor, orgAncestry: readonly string[]) => boolean,
  reaches = REACHES,
): string[] {
  const out: string[] = [];
  for (const row of reachTable(granted, reaches)) {
    const got = decide(row.actor, SUBJECT);
    if (got !== row.allowed) out.push(`${describeRow(row)}: ${String(got)}, not ${String(row.allowed)}`);
    const unknown = decide(row.actor, []);
    if (unknown !== false) out.push(`${describeRow(row)}: ${String(unknown)} on an unknown organization`);
  }
  const none = decide(NO_ROLES, SUBJECT);
  if (none !== false) out.push(`an account without roles: ${String(none)}`);
  return out;
}

/**
 * The departures of a policy over actions from its table of action → roles granted (see `departures`).
 * @returns one sentence per departure, prefixed with the action; [] when the policy follows the table
 */
export function actionDepartures<A extends string>(
  table: readonly (readonly [A, readonly Role[]])[],
  decide: (actor: Actor, action: A, orgAncestry: readonly string[]) => boolean,
): string[] {
  return table.flatMap(([action, granted]) =>
    departures(granted, (a, o) => decide(a, action, o)).map((d) => `${action}: ${d}`),
  );
}
