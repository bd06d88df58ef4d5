// The words a new password must not be built on besides the built-in lists (docs/security/accounts.md): the account's
// username and email, the latin parts of the configured site name and of the public address's host, and the
// organizations' credit codes and latin names. Chinese names are not turned into pinyin.
import type { PasswordInputs } from '../../domain/users/password-policy.js';
import type { OrgRepos } from '../orgs/ports.js';
import type { SettingsRepos } from '../settings/ports.js';
import { getSiteFooter } from '../settings/site-settings.js';
import { getPublicBaseUrl } from '../settings/public-base-url.js';

/** Labels of a host name that name no one (www.example.gov.cn → example). */
const GENERIC_HOST_LABELS = new Set(['www', 'gov', 'cn', 'com', 'org', 'net', 'edu', 'localhost']);

const latinWords = (text: string): string[] => text.match(/[A-Za-z]{3,}/g) ?? [];

/** The inputs of the password policy for an account. */
export async function passwordInputs(
  ctx: { repos: OrgRepos & SettingsRepos },
  account: { username: string; email?: string },
): Promise<PasswordInputs> {
  const [footer, base, orgs] = await Promise.all([
    getSiteFooter(ctx),
    getPublicBaseUrl(ctx),
    ctx.repos.orgs.list({ includeRetired: true }),
  ]);
  const host = base ? new URL(base).hostname.split('.').filter((l) => !GENERIC_HOST_LABELS.has(l)) : [];
  const words = [
    ...latinWords(footer.siteName),
    ...host,
    ...orgs.flatMap((o) => [o.creditCode, ...latinWords(`${o.name} ${o.shortName}`)]),
  ];
  return { username: account.username, email: account.email, words };
}
