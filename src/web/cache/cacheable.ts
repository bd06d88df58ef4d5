// Which public addresses the page cache keeps, and what each shows (its tags). A page is cacheable only when its
// bytes are the same for every visitor: no session, no form token (the apply, track and search pages are left
// out), no nonce (the CSP has none). The one visitor setting that changes the bytes is the large-text mode
// (适老化, the `gk_large` cookie): it is part of the key.
import {
  CATALOGUE_TAG,
  HOME_TAG,
  MEDIA_TAG,
  PUBLICATIONS_TAG,
  REPORTS_TAG,
  orgTag,
  publicationTag,
  type PageTag,
} from '../../app/portal/page-tags.js';
import { LARGE_TEXT_COOKIE } from '../common/layout.js';

/** An address pattern and the tags of its page (besides SITE, which every page carries). */
type Rule = readonly [RegExp, (m: RegExpExecArray) => PageTag[]];

const CODE = '([0-9A-Z]{18})';
const org = (m: RegExpExecArray) => [orgTag(m[1] ?? '')];

/** The cached addresses (pathnames). */
const RULES: readonly Rule[] = [
  [/^\/$/, () => [HOME_TAG]],
  // With its organization's tag, set by the route (its neighbours in the category show on it).
  [/^\/publications\/([\w-]{1,64})$/, (m) => [publicationTag(m[1] ?? ''), CATALOGUE_TAG]],
  [new RegExp(`^/org/${CODE}$`), org],
  [new RegExp(`^/org/${CODE}/statutory$`), org],
  [new RegExp(`^/org/${CODE}/c/[\\w-]{1,64}$`), org],
  [new RegExp(`^/org/${CODE}/feed\\.atom$`), org],
  [new RegExp(`^/org/${CODE}/c/[\\w-]{1,64}/feed\\.atom$`), org],
  // The organization's own pages: its details and its guide and rules (settings) change only with SITE.
  [new RegExp(`^/org/${CODE}/(?:info|guide|rules)$`), () => []],
  [new RegExp(`^/org/${CODE}/annual-reports(?:/[0-9]{4}(?:/versions/[0-9]{1,4})?)?$`), () => [REPORTS_TAG]],
  [new RegExp(`^/org/${CODE}/standard-catalogue$`), (m) => [CATALOGUE_TAG, ...org(m)]],
  [/^\/media$/, () => [MEDIA_TAG]],
  [/^\/sitemap\.xml$/, () => [PUBLICATIONS_TAG]],
  [/^\/api\/v1\/publications$/, () => [PUBLICATIONS_TAG]],
];

/** The tags of a cacheable pathname, or undefined when the page is not cached. */
export function cacheableTags(pathname: string): PageTag[] | undefined {
  for (const [re, tags] of RULES) {
    const m = re.exec(pathname);
    if (m) return tags(m);
  }
  return undefined;
}

const LARGE = new RegExp(`(?:^|;)\\s*${LARGE_TEXT_COOKIE}=1\\s*(?:;|$)`);

/** The cache key of a request: the variant (large text or not), the path and the query string. */
export const cacheKey = (pathAndQuery: string, cookieHeader: string | null | undefined): string =>
  `${cookieHeader && LARGE.test(cookieHeader) ? 'L' : 'N'} ${pathAndQuery}`;

/** Whether an If-None-Match header matches the ETag (a list, weak forms, `*`). */
export function etagMatches(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}
