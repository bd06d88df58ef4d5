// The demo district's staff: the accounts its content is made by (the review chain, the case workers). They are
// made through the account use case but can never sign in: their stored hash matches no password, so an
// administrator who wants to try a role sets a password first (重置密码). No account with a known password exists.
import type { AppContext } from '../context.js';
import type { Actor } from '../../domain/policies/actor.js';
import type { Role } from '../../domain/users/roles.js';
import { createUser } from '../users/manage-users.js';
import { actorOf } from '../actors.js';

/** What a demo account's password hash is: not a PHC string, so no password verifies against it. */
const NO_PASSWORD_HASH = '!demo-account-without-password';

/** One demo account: username, the role it holds at the organization, the (fictional) name shown. */
export type DemoAccount = readonly [username: string, role: Role, displayName: string];

/**
 * Creates demo accounts at `orgId`, each with one role there, in the order given.
 * @returns the actors by key
 */
export async function demoAccounts<K extends string>(
  ctx: AppContext,
  orgId: string,
  spec: Record<K, DemoAccount>,
): Promise<Record<K, Actor>> {
  // The random password is never stored (the hasher keeps the unusable hash), so judging it against the common-password
  // dictionary (a fifth of a second per account) would decide nothing: a 24-character random token is not common.
  const noPassword = {
    ...ctx,
    hasher: { ...ctx.hasher, hash: () => Promise.resolve(NO_PASSWORD_HASH) },
    passwordJudge: { isCommon: () => false },
  };
  const out = {} as Record<K, Actor>;
  for (const [key, [username, role, displayName]] of Object.entries(spec) as [K, DemoAccount][]) {
    const user = await createUser(noPassword, null, {
      username,
      displayName,
      orgId,
      roles: [{ orgId, role }],
      // Never stored: the hasher above keeps the unusable hash instead.
      password: ctx.crypto.randomToken(18),
      mustChangePassword: true,
    });
    out[key] = actorOf(user);
  }
  return out;
}
