// The origin absolute links are built from: the site's public address (`publicBaseUrl`, set under
// 网站设置) when set, else the origin the request came in on.
import type { Context } from 'hono';
import { getPublicBaseUrl } from '../../app/settings/public-base-url.js';
import type { WebEnv } from './env.js';

/**
 * The base of absolute URLs for feeds, the sitemap and the API (no trailing slash; may carry a path).
 * @returns e.g. `https://www.example.gov.cn/gongkai`, or `http://localhost:3000` from the request
 */
export async function publicOrigin(c: Context<WebEnv>): Promise<string> {
  return (await getPublicBaseUrl(c.get('ctx'))) ?? new URL(c.req.url).origin;
}
