// Feeds for other platforms (与省市政府信息公开平台衔接): Atom 1.0 per organization (`/org/:code/feed.atom`)
// and per category (`/org/:code/c/:categoryId/feed.atom`), the latest published 主动公开 items each, and
// `/sitemap.xml`. Links are absolute, built from the site's public address (网站设置 publicBaseUrl) or else
// the address the server listens on (never the Host header), on the addresses of PortalUrls.
import type { Context, Hono } from 'hono';
import { feedData, type FeedData } from '../../../app/portal/portal-pages.js';
import { sitemapEntries, type SitemapEntry } from '../../../app/portal/publications-public.js';
import { KIND_LABELS } from '../../../domain/publications/publication.js';
import type { WebEnv } from '../../common/env.js';
import { publicOrigin } from '../../common/public-origin.js';
import { portalUrls as urls } from '../portal/portal-urls.js';

type C = Context<WebEnv>;

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

/** The address of a sitemap entry. */
function entryPath(e: SitemapEntry): string {
  switch (e.page) {
    case 'home':
      return urls.home();
    case 'search':
      return urls.search();
    case 'org':
      return urls.org(e.code);
    case 'info':
      return urls.orgInfo(e.code);
    case 'directory':
      return urls.directory(e.code, e.slug);
    case 'category':
      return urls.category(e.code, e.categoryId);
    case 'publication':
      return urls.publication(e.id);
  }
}

/** Registers the Atom feeds and the sitemap. */
export function registerFeedRoutes(app: Hono<WebEnv>): void {
  app.get('/org/:code/feed.atom', async (c) => atom(c, await feedData(c.get('ctx'), c.req.param('code'))));

  app.get('/org/:code/c/:categoryId/feed.atom', async (c) =>
    atom(c, await feedData(c.get('ctx'), c.req.param('code'), c.req.param('categoryId'))),
  );

  app.get('/sitemap.xml', async (c) => {
    const origin = await publicOrigin(c);
    const urlset = (await sitemapEntries(c.get('ctx'), SITEMAP_CAP)).map((e) => {
      const lastmod = e.page === 'publication' && e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : '';
      return `<url><loc>${xmlEscape(origin + entryPath(e))}</loc>${lastmod}</url>`;
    });
    return xmlAnswer(c, 'application/xml', [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
      ...urlset,
      '</urlset>',
    ]);
  });
}

/** An XML document as the answer (its lines), revalidated on every use. */
function xmlAnswer(c: C, type: string, lines: readonly string[]): Response {
  c.header('Cache-Control', 'no-cache');
  return c.body([...lines, ''].join('\n'), 200, { 'Content-Type': `${type}; charset=utf-8` });
}

/** An Atom 1.0 document (RFC 4287) of an organization's or a category's latest items. */
async function atom(c: C, f: FeedData): Promise<Response> {
  const origin = await publicOrigin(c);
  const x = xmlEscape;
  const code = f.org.creditCode;
  const title = f.category ? `${f.org.name} ${f.category.name}` : `${f.org.name} 政府信息公开`;
  const self = f.category ? urls.categoryFeed(code, f.category.id) : urls.orgFeed(code);
  const page = f.category ? urls.category(code, f.category.id) : urls.org(code);
  const updated = f.items.reduce(
    (max, i) => (i.versionAt > max ? i.versionAt : max),
    f.items.length > 0 ? '' : f.org.updatedAt,
  );
  const entries = f.items.map((i) => {
    const url = origin + urls.publication(i.id);
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
  return xmlAnswer(c, 'application/atom+xml', [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${x(origin + self)}</id>`,
    `  <title>${x(title)}</title>`,
    `  <updated>${x(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${x(origin + self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${x(origin + page)}"/>`,
    `  <author><name>${x(f.org.name)}</name></author>`,
    ...entries,
    '</feed>',
  ]);
}
