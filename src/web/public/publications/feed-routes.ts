// Feeds for other platforms (与省市政府信息公开平台衔接; issue 4): Atom 1.0 per organization
// (`/org/:code/feed.atom`) and per category (`/org/:code/c/:categoryId/feed.atom`), the latest 50
// published 主动公开 items each, and `/sitemap.xml`. Links are absolute, built from the site's
// public address (网站设置 publicBaseUrl) or else the request's origin. Register BEFORE `registerPortalRoutes` (its
// `/org/:code/:dir` catch-all).
import type { Context, Hono } from 'hono';
import { DIRECTORIES, findOrg, loadPortalSite } from '../../../app/portal/portal.js';
import {
  latestPublications,
  orgCategories,
  sitemapEntries,
  type CategoryNode,
  type PublicItem,
} from '../../../app/portal/publications-public.js';
import { KIND_LABELS } from '../../../domain/publications/publication.js';
import type { Organization } from '../../../domain/orgs/organization.js';
import type { WebEnv } from '../../common/env.js';
import { notFoundPage } from '../../common/pages.js';
import { publicOrigin } from '../../common/public-origin.js';

type C = Context<WebEnv>;

/** Entries per feed. */
export const FEED_SIZE = 50;
/**
 * URLs per sitemap: the protocol's limit for one file. Beyond it the newest items are listed and the
 * oldest left out; a sitemap index split by year would be the next step.
 */
export const SITEMAP_CAP = 50_000;

/** Escapes text for XML content and attribute values, dropping characters XML 1.0 forbids. */
export function xmlEscape(text: string): string {
  return Array.from(text)
    .filter(xmlChar)
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** XML 1.0 allows tab, line feed, carriage return and U+0020 upwards, except U+FFFE and U+FFFF. */
function xmlChar(ch: string): boolean {
  const n = ch.codePointAt(0) ?? 0;
  return n === 0x9 || n === 0xa || n === 0xd || (n >= 0x20 && n !== 0xfffe && n !== 0xffff);
}

const originOf = (c: C): Promise<string> => publicOrigin(c);

/** Registers the Atom feeds and the sitemap. */
export function registerFeedRoutes(app: Hono<WebEnv>): void {
  app.get('/org/:code/feed.atom', async (c) => {
    const ctx = c.get('ctx');
    const org = findOrg(await loadPortalSite(ctx), c.req.param('code'));
    if (!org) return c.html(notFoundPage(), 404);
    const { items } = await latestPublications(ctx, { orgIds: [org.id] }, { limit: FEED_SIZE, offset: 0 });
    return atom(c, {
      org,
      title: `${org.name} 政府信息公开`,
      self: `/org/${org.creditCode}/feed.atom`,
      page: `/org/${org.creditCode}`,
      items,
    });
  });

  app.get('/org/:code/c/:categoryId/feed.atom', async (c) => {
    const ctx = c.get('ctx');
    const org = findOrg(await loadPortalSite(ctx), c.req.param('code'));
    const id = c.req.param('categoryId');
    const cat = org ? findCategory(await orgCategories(ctx, org.id), id) : undefined;
    if (!org || !cat) return c.html(notFoundPage(), 404);
    const { items } = await latestPublications(
      ctx,
      { orgIds: [org.id], categoryId: cat.id },
      { limit: FEED_SIZE, offset: 0 },
    );
    return atom(c, {
      org,
      title: `${org.name} ${cat.name}`,
      self: `/org/${org.creditCode}/c/${cat.id}/feed.atom`,
      page: `/org/${org.creditCode}/c/${cat.id}`,
      items,
    });
  });

  app.get('/sitemap.xml', async (c) => {
    const origin = await originOf(c);
    const entries = await sitemapEntries(
      c.get('ctx'),
      DIRECTORIES.map((d) => d.slug),
      SITEMAP_CAP,
    );
    const urls = entries.map(
      (e) => `<url><loc>${xmlEscape(origin + e.path)}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ''}</url>`,
    );
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
    c.header('Cache-Control', 'no-cache');
    return c.body(xml, 200, { 'Content-Type': 'application/xml; charset=utf-8' });
  });
}

function findCategory(nodes: readonly CategoryNode[], id: string): CategoryNode | undefined {
  for (const n of nodes) {
    const found = n.id === id ? n : findCategory(n.children, id);
    if (found) return found;
  }
  return undefined;
}

/** An Atom 1.0 document (RFC 4287). */
async function atom(
  c: C,
  f: { org: Organization; title: string; self: string; page: string; items: readonly PublicItem[] },
): Promise<Response> {
  const origin = await originOf(c);
  const x = xmlEscape;
  const updated = f.items.reduce(
    (max, i) => (i.versionAt > max ? i.versionAt : max),
    f.items.length > 0 ? '' : f.org.updatedAt,
  );
  const entries = f.items.map((i) => {
    const url = origin + i.url;
    const summary = [
      i.docNo ? `发文字号：${i.docNo}` : '',
      `索引号：${i.indexNo}`,
      `发布日期：${i.publishedOn}`,
      i.summary,
    ]
      .filter((s) => s !== '')
      .join('\n');
    return [
      '  <entry>',
      `    <id>${x(url)}</id>`,
      `    <title>${x(i.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${x(url)}"/>`,
      `    <updated>${x(i.versionAt)}</updated>`,
      `    <author><name>${x(i.publisher || f.org.name)}</name></author>`,
      `    <category term="${x(i.kind)}" label="${x(KIND_LABELS[i.kind])}"/>`,
      `    <summary type="text">${x(summary)}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  const xml = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${x(origin + f.self)}</id>`,
    `  <title>${x(f.title)}</title>`,
    `  <updated>${x(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${x(origin + f.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${x(origin + f.page)}"/>`,
    `  <author><name>${x(f.org.name)}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
  c.header('Cache-Control', 'no-cache');
  return c.body(xml, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
}
