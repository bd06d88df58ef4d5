/** @jsxImportSource hono/jsx */
// The portal's 政务新媒体矩阵 (GET /media): the running accounts by platform with their 主办单位, and the public
// announcements of closures and cancellations (国办发〔2018〕123号: 关停、注销 are announced publicly). No personal
// contact data and no feed addresses: only what the registry says in public.
import type { Hono } from 'hono';
import { loadPortalSite } from '../../app/portal/portal.js';
import { publicMediaMatrix } from '../../app/media/media-pages.js';
import { EVENT_LABELS, PLATFORM_LABELS } from '../../domain/monitoring/accounts.js';
import type { WebEnv } from '../common/env.js';
import { PublicLayout } from '../common/layout.js';
import { DataTable } from '../common/blocks.js';
import { siteTitle } from './portal/portal-views.js';
import { portalUrls } from './portal/portal-urls.js';

/** Registers GET /media. */
export function registerPublicMediaRoutes(app: Hono<WebEnv>): void {
  app.get('/media', async (c) => {
    const ctx = c.get('ctx');
    const [site, data] = await Promise.all([loadPortalSite(ctx), publicMediaMatrix(ctx)]);
    c.header('Cache-Control', 'no-cache');
    const title = '政务新媒体矩阵';
    return c.html(
      <PublicLayout
        title={title}
        siteTitle={siteTitle(site)}
        footer={site.footer}
        crumbs={[
          [portalUrls.home(), '政府信息公开'],
          ['', title],
        ]}
      >
        <h1>{title}</h1>
        {data.platforms.length === 0 ? <p class="muted">暂无公开的政务新媒体账号。</p> : null}
        {data.platforms.map((p) => (
          <section aria-labelledby={`platform-${p.platform}`}>
            <h2 id={`platform-${p.platform}`}>{PLATFORM_LABELS[p.platform]}</h2>
            <DataTable cols={['账号名称', '认证名称', '主办单位', '开设日期']}>
              {p.accounts.map((a) => (
                <tr>
                  <td>{a.name}</td>
                  <td>{a.verifiedName}</td>
                  <td>{a.orgName}</td>
                  <td>{a.openedOn ?? ''}</td>
                </tr>
              ))}
            </DataTable>
          </section>
        ))}
        {data.closures.length > 0 ? (
          <section aria-labelledby="closures">
            <h2 id="closures">关停、注销公告</h2>
            {data.closures.map((x) => (
              <article class="announcement">
                <h3>
                  关于{PLATFORM_LABELS[x.platform]}「{x.name}」{EVENT_LABELS[x.kind]}的公告
                </h3>
                <p class="muted">
                  {x.orgName} · <time datetime={x.on}>{x.on}</time>
                </p>
                <p>{x.announcement}</p>
              </article>
            ))}
          </section>
        ) : null}
      </PublicLayout>,
    );
  });
}
