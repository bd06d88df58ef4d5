/** @jsxImportSource hono/jsx */
// Portal routes of published 主动公开 information: the column with its latest items (`/`,
// `/org/:code`), directory pages with their category tree, category pages (`/org/:code/c/:id`),
// publication pages (`/publications/:id`, 410 once withdrawn), attachment downloads
// (`/files/:fileId`, optionally `?pub=:id`), the search page (`/search`) and the large-text switch (适老化).
// Addresses are the ones PortalUrls builds.
import type { Context, Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import {
  attachmentDownload,
  categoryPageOf,
  columnPage,
  directoryPage,
  publicationPortalPage,
  searchPage,
} from '../../../app/portal/portal-pages.js';
import { PUBLICATION_KINDS, VALIDITIES } from '../../../domain/publications/publication.js';
import type { WebEnv } from '../../common/env.js';
import { orgTag } from '../../../app/portal/page-tags.js';
import { download } from '../../common/download.js';
import { LARGE_TEXT_COOKIE } from '../../common/layout.js';
import { notFoundPage } from '../../common/pages.js';
import { readQuery } from '../../common/pipeline.js';
import { integer, optionalOneOf, optionalYear, parseQuery, text } from '../../common/validation.js';
import { CategoryView, DirectoryView, OrgColumnPage, PublicationView, WithdrawnView } from './publication-views.js';
import { SearchView } from './search-views.js';

type C = Context<WebEnv>;

/** Text matching a pattern, or blank. */
const matching = (re: RegExp) => text(200).refine((s) => s === '' || re.test(s), { error: '格式有误' });

/** A page number (1 when absent or not a positive whole number). */
const pageQuery = { page: integer('页码有误', 1) };

/** The search form: values outside their vocabularies are left out, not errors. */
const searchQuery = {
  q: text(10_000).transform((s) => s.slice(0, 100)),
  org: matching(/^[0-9A-Z]{18}$/),
  category: matching(/^[\w-]{1,64}$/),
  kind: optionalOneOf(PUBLICATION_KINDS, '体裁有误'),
  year: optionalYear(),
  validity: optionalOneOf(VALIDITIES, '有效性有误'),
  sort: optionalOneOf(['relevance', 'date'] as const, '排序有误'),
  ...pageQuery,
};

/** Published content may be withdrawn at any moment: browsers revalidate every time. */
const revalidate = (c: C) => c.header('Cache-Control', 'no-cache');

const pageOf = (c: C) => parseQuery(pageQuery, readQuery(c)).value.page ?? 1;

/** Registers the portal's publication pages, search and the large-text switch. */
export function registerPortalPublicationRoutes(app: Hono<WebEnv>): void {
  app.get('/', async (c) => {
    const page = await columnPage(c.get('ctx'));
    revalidate(c);
    return c.html(<OrgColumnPage {...page} />);
  });

  app.get('/org/:code', async (c) => {
    const page = await columnPage(c.get('ctx'), c.req.param('code'));
    revalidate(c);
    return c.html(<OrgColumnPage {...page} />);
  });

  // `annual-reports` is the annual-report archive (reports/annual-report-routes.tsx); `guide` and `rules` are the
  // pages each organization writes (portal/portal-routes.tsx).
  app.get('/org/:code/statutory', async (c) => {
    const page = await directoryPage(c.get('ctx'), c.req.param('code'), 'statutory');
    revalidate(c);
    return c.html(<DirectoryView {...page} />);
  });

  app.get('/org/:code/c/:categoryId', async (c) => {
    const { code, categoryId } = c.req.param();
    const page = await categoryPageOf(c.get('ctx'), code, categoryId, pageOf(c));
    revalidate(c);
    return c.html(<CategoryView {...page} />);
  });

  app.get('/publications/:id', async (c) => {
    const page = await publicationPortalPage(c.get('ctx'), c.req.param('id'));
    revalidate(c);
    // The page links its neighbours in the category: any change to the organization's items may change it.
    if (page.status !== 'not_found' && page.org) c.set('pageTags', [orgTag(page.org.creditCode)]);
    switch (page.status) {
      case 'live':
        return c.html(<PublicationView {...page} />);
      case 'withdrawn':
        return c.html(<WithdrawnView site={page.site} org={page.org} />, 410);
      case 'not_found':
        return c.html(notFoundPage(), 404);
    }
  });

  app.get('/files/:fileId', async (c) => {
    const fileId = c.req.param('fileId');
    // `?pub=` (the portal's links carry it) names the owner; without it, any live 主动公开 item listing the file.
    const file = await attachmentDownload(c.get('ctx'), fileId, c.req.query('pub') || undefined);
    revalidate(c);
    const etag = `"${fileId}"`;
    c.header('ETag', etag);
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    return download(c, file, { cache: 'no-cache' });
  });

  app.get('/search', async (c) => {
    const { value } = parseQuery(searchQuery, readQuery(c));
    const page = await searchPage(c.get('ctx'), {
      q: value.q ?? '',
      org: value.org ?? '',
      category: value.category ?? '',
      kind: value.kind ?? '',
      year: value.year,
      validity: value.validity ?? '',
      sort: value.sort ?? 'relevance',
      page: value.page ?? 1,
    });
    return c.html(<SearchView {...page} />);
  });

  // 适老化: a plain link switches the large-text mode on or off and returns to the page.
  app.get('/large-text', (c) => {
    const on = c.req.query('on') !== '0';
    setCookie(c, LARGE_TEXT_COOKIE, on ? '1' : '0', {
      path: '/',
      sameSite: 'Lax',
      httpOnly: true,
      maxAge: on ? 365 * 24 * 3600 : 0,
      secure: c.get('opts').secureCookies,
    });
    return c.redirect(safeBack(c.req.query('back')), 303);
  });
}

/** A same-site path to return to (no open redirects). */
function safeBack(back: string | undefined): string {
  return back && /^\/(?![/\\])[^\s]*$/.test(back) ? back : '/';
}
