/** @jsxImportSource hono/jsx */
// Public portal routes: the organization-information page, and the plain 404/500 pages. The column pages
// (`/`, `/org/:code`, directories) are in publication-routes.tsx.
import type { Hono } from 'hono';
import { findOrg, loadPortalSite } from '../../app/portal/portal.js';
import type { WebEnv } from '../common/env.js';
import { InfoPage } from './portal-views.js';

/** Registers the organization-information page. */
export function registerPortalRoutes(app: Hono<WebEnv>): void {
  app.get('/org/:code/info', async (c) => {
    const site = await loadPortalSite(c.get('ctx'));
    const org = findOrg(site, c.req.param('code'));
    if (!org) return c.html(notFoundPage(), 404);
    return c.html(<InfoPage site={site} org={org} />);
  });
}

/** The Chinese 404 page (plain HTML so it renders even when the database is down). */
export function notFoundPage(): string {
  return page(
    '页面不存在',
    '<h1>页面不存在（404）</h1><p>您访问的页面不存在或已被删除。请检查网址是否正确，或从<a href="/">政府信息公开首页</a>重新查找。</p>',
  );
}

/** The Chinese 500 page. */
export function errorPage(): string {
  return page(
    '系统错误',
    '<h1>系统暂时无法处理您的请求</h1><p>请稍后再试。如问题持续存在，请联系网站管理员。</p><p><a href="/">返回首页</a></p>',
  );
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><link rel="stylesheet" href="/static/app.css"></head><body class="portal"><main id="main">${body}</main></body></html>`;
}
