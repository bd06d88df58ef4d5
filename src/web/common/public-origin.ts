// The origin absolute links are built from: the site's public address (`publicBaseUrl`, set under
// 网站设置) when set, else the address the server listens on. Never the request's Host header: anyone can send
// `Host: evil.example`, and feeds, the sitemap and the API would then link (and caches keep) the attacker's site.
import type { Context } from 'hono';
import { getPublicBaseUrl } from '../../app/settings/public-base-url.js';
import type { WebEnv } from './env.js';

/** The origin of an application that does not listen on a socket (requests made in-process). */
export const IN_PROCESS_ORIGIN = 'http://localhost';

/**
 * The base of absolute URLs for feeds, the sitemap and the API (no trailing slash; may carry a path).
 * @returns e.g. `https://www.example.gov.cn/gongkai`, or the listening address such as `http://127.0.0.1:3000`
 */
export async function publicOrigin<E extends WebEnv>(c: Context<E>): Promise<string> {
  return (await getPublicBaseUrl(c.get('ctx'))) ?? c.get('opts').listenOrigin ?? IN_PROCESS_ORIGIN;
}
