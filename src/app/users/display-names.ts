// Display names of the people in a case's or an item's history (the ledgers store the username they acted as).
import type { UserRepos } from './ports.js';

/**
 * The display names of the given accounts, by id, as `姓名（用户名）` (the username alone when no name is set).
 * Accounts that no longer exist are absent: callers fall back to the label stored with the step.
 */
export async function displayNames(
  ctx: { repos: UserRepos },
  ids: readonly (string | null)[],
): Promise<Record<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  const users = await Promise.all(unique.map((id) => ctx.repos.users.byId(id)));
  return Object.fromEntries(users.flatMap((u) => (u ? [[u.id, personLabel(u)]] : [])));
}

/** `姓名（用户名）`, or the username alone when the display name is empty or the same. */
export function personLabel(u: { username: string; displayName: string }): string {
  return u.displayName && u.displayName !== u.username ? `${u.displayName}（${u.username}）` : u.username;
}
