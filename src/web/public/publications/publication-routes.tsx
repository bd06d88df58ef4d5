/** @jsxImportSource hono/jsx */
// Portal routes of published 主动公开 information: the column with its latest items (`/`,
// `/org/:code`), directory pages with their category tree, category pages (`/org/:code/c/:id`),
// publication pages (`/publications/:id`, 410 once withdrawn), attachment downloads
// (`/files/:fileId`, optionally `?pub=:id`), the search page (`/search`) and the large-text switch (适老化).
// Register BEFORE `registerPortalRoutes`: its `/org/:code/:dir` catch-all would take these paths.
import type { Context, Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { findOrg, loadPortalSite, type PortalSite } from '../../../app/portal/portal.js';
import {
  categoryPage,
  directoryData,
  latestPublications,
  orgCategories,
  publicationPage,
  publishedAttachment,
} from '../../../app/portal/publications-public.js';
import { publicCatalogueRow } from '../../../app/standard-catalogue/link-row.js';
import { searchPublic, type SearchFilters } from '../../../app/search/search.js';
import { AppError } from '../../../app/errors.js';
import { PUBLICATION_KINDS, VALIDITIES } from '../../../domain/publications/publication.js';
import type { WebEnv } from '../../common/env.js';
import { LARGE_TEXT_COOKIE } from '../../common/layout.js';
import { notFoundPage } from '../../common/pages.js';
import {
  CategoryView,
  DirectoryView,
  OrgColumnPage,
  PublicationView,
  SearchView,
  WithdrawnView,
  type SearchParams,
} from './publication-views.js';

type C = Context<WebEnv>;

/** Directories whose pages list catalogue content (申请公开政府信息 has its own form page). */
const CONTENT_DIRECTORIES: Readonly<Record<string, string>> = {
  guide: '政府信息公开指南',
  rules: '政府信息公开制度',
  statutory: '法定主动公开内容',
  'annual-reports': '政府信息公开年报',
};

/** Items in the column's "最新信息". */
const COLUMN_LATEST = 10;
/** The first year of the search page's year filter (the Regulation took effect in 2008). */
const FIRST_YEAR = 2008;

const FILE_ID = /^[0-9a-f]{64}$/;

/** Published content may be withdrawn at any moment: browsers revalidate every time. */
const revalidate = (c: C) => c.header('Cache-Control', 'no-cache');

/** Registers the portal's publication pages, search and the large-text switch. */
export function registerPortalPublicationRoutes(app: Hono<WebEnv>): void {
  app.get('/', async (c) => {
    const site = await loadPortalSite(c.get('ctx'));
    return site.root ? column(c, site, site.root.creditCode) : c.html(notFoundPage(), 404);
  });

  app.get('/org/:code', async (c) => column(c, await loadPortalSite(c.get('ctx')), c.req.param('code')));

  // `annual-reports` is the annual-report archive (annual-report-routes.tsx, registered before).
  app.get('/org/:code/:dir{guide|rules|statutory}', async (c) => {
    const ctx = c.get('ctx');
    const site = await loadPortalSite(ctx);
    const org = findOrg(site, c.req.param('code'));
    const slug = c.req.param('dir');
    const label = CONTENT_DIRECTORIES[slug];
    if (!org || !label) return c.html(notFoundPage(), 404);
    revalidate(c);
    return c.html(
      <DirectoryView site={site} org={org} label={label} slug={slug} data={await directoryData(ctx, org, slug)} />,
    );
  });

  app.get('/org/:code/c/:categoryId', async (c) => {
    const ctx = c.get('ctx');
    const site = await loadPortalSite(ctx);
    const org = findOrg(site, c.req.param('code'));
    if (!org) return c.html(notFoundPage(), 404);
    try {
      const data = await categoryPage(ctx, org, c.req.param('categoryId'), Number(c.req.query('page') ?? '1'));
      revalidate(c);
      return c.html(<CategoryView site={site} org={org} data={data} />);
    } catch (e) {
      if (e instanceof AppError && e.code === 'not_found') return c.html(notFoundPage(), 404);
      throw e;
    }
  });

  app.get('/publications/:id', async (c) => {
    const ctx = c.get('ctx');
    const [site, data] = await Promise.all([loadPortalSite(ctx), publicationPage(ctx, c.req.param('id'))]);
    revalidate(c);
    switch (data.status) {
      case 'live':
        return c.html(
          <PublicationView site={site} data={data} catalogueRow={await publicCatalogueRow(ctx, data.item.id)} />,
        );
      case 'withdrawn':
        return c.html(<WithdrawnView site={site} org={data.org} />, 410);
      case 'not_found':
        return c.html(notFoundPage(), 404);
    }
  });

  app.get('/files/:fileId', async (c) => {
    const fileId = c.req.param('fileId');
    // `?pub=` (the portal's links carry it) names the owner; without it, any live 主动公开 item listing the file.
    const pubId = c.req.query('pub') || undefined;
    const file = FILE_ID.test(fileId) ? await publishedAttachment(c.get('ctx'), fileId, pubId) : undefined;
    if (!file) return c.html(notFoundPage(), 404);
    revalidate(c);
    const etag = `"${fileId}"`;
    c.header('ETag', etag);
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    c.header('Content-Disposition', disposition(file.name));
    c.header('X-Content-Type-Options', 'nosniff');
    return c.body(new Uint8Array(file.content), 200, { 'Content-Type': file.mime });
  });

  app.get('/search', async (c) => {
    const ctx = c.get('ctx');
    const site = await loadPortalSite(ctx);
    const given = searchParams(c);
    const org = given.org ? findOrg(site, given.org) : undefined;
    // Categories belong to one organization: the filter shows (and applies) only with it.
    const params: SearchParams = org ? given : { ...given, org: '', category: '' };
    const filters: SearchFilters = {
      ...(org ? { orgIds: [org.id] } : {}),
      ...(params.category ? { categoryId: params.category } : {}),
      ...(params.kind ? { kind: params.kind } : {}),
      ...(params.year ? { year: Number(params.year) } : {}),
      ...(params.validity ? { validity: params.validity } : {}),
    };
    const [result, categories] = await Promise.all([
      searchPublic(ctx, { q: params.q, filters, page: Number(c.req.query('page') ?? '1') }),
      org ? orgCategories(ctx, org.id) : Promise.resolve([]),
    ]);
    const names = new Map(site.tree.map((o) => [o.id, o.name]));
    const thisYear = Number(ctx.clock.today().slice(0, 4));
    const years = Array.from({ length: Math.max(1, thisYear - FIRST_YEAR + 1) }, (_, i) => thisYear - i);
    const href = (page: number) =>
      `/search?${new URLSearchParams([...Object.entries(params).filter(([, v]) => v !== ''), ['page', String(page)]]).toString()}`;
    return c.html(
      <SearchView
        site={site}
        params={params}
        result={result}
        categories={categories}
        years={years}
        orgName={(id) => names.get(id) ?? ''}
        href={href}
      />,
    );
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

async function column(c: C, site: PortalSite, code: string): Promise<Response> {
  const org = findOrg(site, code);
  if (!org) return c.html(notFoundPage(), 404);
  const latest = await latestPublications(c.get('ctx'), { orgIds: [org.id] }, { limit: COLUMN_LATEST, offset: 0 });
  revalidate(c);
  return c.html(<OrgColumnPage site={site} org={org} isHome={org.id === site.root?.id} latest={latest} />);
}

/** The search form's parameters; values outside their vocabularies are dropped, not errors. */
function searchParams(c: C): SearchParams {
  const q = (k: string) => (c.req.query(k) ?? '').trim();
  const kind = q('kind');
  const validity = q('validity');
  const year = q('year');
  const category = q('category');
  return {
    q: q('q').slice(0, 100),
    org: /^[0-9A-Z]{18}$/.test(q('org')) ? q('org') : '',
    category: /^[\w-]{1,64}$/.test(category) ? category : '',
    kind: (PUBLICATION_KINDS as readonly string[]).includes(kind) ? kind : '',
    year: /^\d{4}$/.test(year) ? year : '',
    validity: (VALIDITIES as readonly string[]).includes(validity) ? validity : '',
  };
}

/** A same-site path to return to (no open redirects). */
function safeBack(back: string | undefined): string {
  return back && /^\/(?![/\\])[^\s]*$/.test(back) ? back : '/';
}

/** Content-Disposition with the original (Chinese) name and an ASCII fallback. */
function disposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
