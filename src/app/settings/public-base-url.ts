// The portal's public address (`publicBaseUrl`): when set, absolute links in the Atom feeds, the
// sitemap, the open-data API's `url` fields and the archive package use it; unset, the web layer falls back to
// the address the server listens on, never to a request's Host header (anyone can send any Host).
import type { AppContext } from '../context.js';
import type { Actor } from '../../domain/policies/actor.js';
import { mayDoGlobally } from '../orgs/global-admin.js';
import { forbidden, invalid } from '../errors.js';
import { auditBy } from '../actors.js';
import type { SettingsRepos } from './ports.js';

/** The settings key. */
export const PUBLIC_BASE_URL_KEY = 'site.publicBaseUrl';

const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$|^\[[0-9A-Fa-f:.]+\]$/;
const PATH_SEGMENT = /^[A-Za-z0-9._~!$&'()*+,;=:@%-]+$/;

/**
 * Validates a public base URL: `http(s)://host[:port][/path]`, no trailing slash, no query,
 * fragment or credentials. Empty text means "not set".
 * @returns the URL (trimmed) or null for empty, or a Chinese error message
 */
export function parsePublicBaseUrl(text: string): { ok: true; value: string | null } | { ok: false; error: string } {
  const t = text.trim();
  if (t === '') return { ok: true, value: null };
  const m = /^(https?):\/\/([^/:?#@]+|\[[^\]]+\])(?::(\d{1,5}))?((?:\/[^/?#]+)*)$/.exec(t);
  if (!m) {
    if (/^https?:\/\/.+\/$/.test(t)) return { ok: false, error: '网站地址末尾不要加“/”' };
    return {
      ok: false,
      error: '网站地址应为 http(s)://域名[:端口][/路径] 的形式，例如 https://www.example.gov.cn/gongkai',
    };
  }
  const [, , host = '', port, path = ''] = m;
  if (!HOST.test(host)) return { ok: false, error: '网站地址中的域名无效' };
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) {
    return { ok: false, error: '网站地址中的端口应在1至65535之间' };
  }
  if (
    path !== '' &&
    !path
      .split('/')
      .slice(1)
      .every((s) => PATH_SEGMENT.test(s) && s !== '.' && s !== '..')
  ) {
    return { ok: false, error: '网站地址中的路径含有不允许的字符' };
  }
  return { ok: true, value: `${m[1]}://${host.toLowerCase()}${port !== undefined ? `:${port}` : ''}${path}` };
}

/** The configured public base URL, or null when not set (links then use the listening address). */
export async function getPublicBaseUrl(ctx: { repos: SettingsRepos }): Promise<string | null> {
  const raw = await ctx.repos.settings.get(PUBLIC_BASE_URL_KEY);
  if (typeof raw !== 'string') return null;
  const r = parsePublicBaseUrl(raw);
  return r.ok ? r.value : null;
}

/**
 * Saves (or, with empty text, clears) the public base URL.
 * @throws AppError 'forbidden' unless a root admin, 'invalid' with a `publicBaseUrl` field message
 */
export async function savePublicBaseUrl(
  ctx: Pick<AppContext, 'repos' | 'uow' | 'clock'>,
  actor: Actor | null,
  text: string,
): Promise<string | null> {
  if (!(await mayDoGlobally(ctx.repos, actor, 'settings.update'))) throw forbidden();
  const r = parsePublicBaseUrl(text);
  if (!r.ok) throw invalid('网站地址有误，请按提示更正', { publicBaseUrl: r.error });
  const before = await getPublicBaseUrl(ctx);
  const now = ctx.clock.nowIso();
  await ctx.uow.run(async (repos) => {
    await repos.settings.set(PUBLIC_BASE_URL_KEY, r.value ?? '', now);
    await repos.audit.append(
      auditBy(actor, {
        action: 'settings.updated',
        entityType: 'setting',
        entityId: PUBLIC_BASE_URL_KEY,
        orgId: null,
        before: { publicBaseUrl: before },
        after: { publicBaseUrl: r.value },
      }),
      now,
    );
  });
  return r.value;
}
