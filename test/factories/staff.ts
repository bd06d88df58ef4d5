// Staff accounts for tests, made through the use case: one account with roles at an organization, or a
// named set of them (the case workers, the publishing chain).
import { createUser } from '../../src/app/users/manage-users.js';
import { actorOf } from '../../src/app/actors.js';
import type { Actor } from '../../src/domain/policies/actor.js';
import type { Role, RoleGrant } from '../../src/domain/users/roles.js';
import { rootOrg, type Rt } from './orgs.js';
import { CASE_STAFF_ROLES, type CaseStaff } from '../../src/app/demo/application-moves.js';
import { PUBLISHING_ROLES, type PublishingStaff } from '../../src/app/demo/publication-moves.js';

/** The password every staff test account gets. */
export const STAFF_PASSWORD = 'Gongkai-Staff-Pass-2025';

/**
 * Creates an active account holding `roles` at `orgId` (default: the root), or the explicit grants given;
 * its home organization is `orgId`, its display name the username unless given.
 */
export async function makeStaff(
  rt: Rt,
  username: string,
  roles: readonly Role[] | readonly RoleGrant[],
  orgId?: string,
  displayName = username,
): Promise<Actor> {
  const home = orgId ?? (await rootOrg(rt)).id;
  const grants = roles.map((r) => (typeof r === 'string' ? { orgId: home, role: r } : r));
  const user = await createUser(rt.ctx, null, {
    username,
    displayName,
    orgId: home,
    roles: grants,
    password: STAFF_PASSWORD,
    mustChangePassword: false,
  });
  return actorOf(user);
}

/** One account of a set: username, roles, display name (default the username). */
export type StaffSpec = readonly [username: string, roles: readonly Role[], displayName?: string];

/** Creates a set of accounts, in the order given, all at `orgId` (default: the root). */
export async function makeStaffSet<K extends string>(
  rt: Rt,
  spec: Record<K, StaffSpec>,
  orgId?: string,
): Promise<Record<K, Actor>> {
  const home = orgId ?? (await rootOrg(rt)).id;
  const out = {} as Record<K, Actor>;
  for (const [key, [username, roles, displayName]] of Object.entries(spec) as [K, StaffSpec][]) {
    out[key] = await makeStaff(rt, username, roles, home, displayName);
  }
  return out;
}

export type { CaseStaff } from '../../src/app/demo/application-moves.js';

/** Creates the case workers at `orgId` (default: the root), usernames prefixed when `prefix` is given. */
export function caseStaff(rt: Rt, opts: { orgId?: string; prefix?: string } = {}): Promise<CaseStaff> {
  const name = (n: string) => (opts.prefix ? `${opts.prefix}.${n}` : n);
  return makeStaffSet(
    rt,
    {
      handler: [name('li.handler'), [CASE_STAFF_ROLES.handler]],
      handler2: [name('zhao.handler'), [CASE_STAFF_ROLES.handler2]],
      officeHead: [name('wang.office'), [CASE_STAFF_ROLES.officeHead]],
      legal: [name('chen.legal'), [CASE_STAFF_ROLES.legal]],
      signer: [name('sun.signer'), [CASE_STAFF_ROLES.signer]],
    },
    opts.orgId,
  );
}

export type { PublishingStaff } from '../../src/app/demo/publication-moves.js';

/**
 * Creates the publishing chain at `orgId` (default: the root): usernames liu.editor, he.reviewer, ma.reviewer,
 * qian.signer, zhou.head; with a prefix `${prefix}.editor`, `.r1`, `.r2`, `.signer`, `.head`, each displayed
 * as editor, r1, r2, signer, head.
 */
export function publishingStaff(rt: Rt, opts: { orgId?: string; prefix?: string } = {}): Promise<PublishingStaff> {
  const p = opts.prefix;
  const as = (key: keyof PublishingStaff, name: string): StaffSpec => {
    const role = PUBLISHING_ROLES[key];
    return p ? [`${p}.${key}`, [role], key] : [name, [role]];
  };
  return makeStaffSet(
    rt,
    {
      editor: as('editor', 'liu.editor'),
      r1: as('r1', 'he.reviewer'),
      r2: as('r2', 'ma.reviewer'),
      signer: as('signer', 'qian.signer'),
      head: as('head', 'zhou.head'),
    },
    opts.orgId,
  );
}
