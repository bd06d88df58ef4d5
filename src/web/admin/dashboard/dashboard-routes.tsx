/** @jsxImportSource hono/jsx */
// The back-office dashboard: a summary that later capabilities extend with their own cards.
import type { Hono } from 'hono';
import { AdminLayout } from '../../common/layout.js';
import { requireActor } from '../../common/respond.js';
import type { WebEnv } from '../../common/env.js';
import { loadApplicationDashboard } from '../../../app/applications/dashboard.js';
import { ApplicationDashboardCards } from '../applications/application-views.js';
import { PublicationDashboardCard } from '../publications/publication-views.js';
import { PublicationWarningsCard } from '../publications/publication-warnings-views.js';
import { loadPublicationDashboard } from '../../../app/publications/back-office.js';
import { loadPublicationWarnings } from '../../../app/publications/publication-warnings.js';
import { CatalogueDashboardCard } from '../standard-catalogue/standard-catalogue-views.js';
import { AnnualReportDashboardCard } from '../reports/annual-report-dashboard.js';

const FLASH: Record<string, string> = { password: '密码已修改。' };

/** Registers GET /admin. */
export function registerDashboardRoutes(app: Hono<WebEnv>): void {
  app.get('/admin', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) {
      return actor;
    }
    const ctx = c.get('ctx');
    const [orgs, users, head, years, applications] = await Promise.all([
      ctx.repos.orgs.list(),
      ctx.repos.users.list({ status: 'active' }),
      ctx.repos.audit.head(),
      ctx.repos.calendar.years(),
      loadApplicationDashboard(ctx, actor),
    ]);
    const lastYear = years.at(-1)?.year;
    const thisYear = Number(ctx.clock.today().slice(0, 4));
    const flash = FLASH[c.req.query('flash') ?? ''];
    return c.html(
      <AdminLayout title="工作台" actor={actor} csrf={c.get('csrf')} path="/admin" flash={flash}>
        <div class="grid">
          <div class="card">
            <p>机构</p>
            <p class="big">{orgs.length}</p>
            <a href="/admin/orgs">机构管理</a>
          </div>
          <div class="card">
            <p>启用账号</p>
            <p class="big">{users.length}</p>
            <a href="/admin/users">账号与角色</a>
          </div>
          <div class="card">
            <p>审计日志</p>
            <p class="big">{head.lastSeq}</p>
            <a href="/admin/audit">查看审计日志</a>
          </div>
          <div class="card">
            <p>放假安排已载入至</p>
            <p class="big">{lastYear ?? '—'}</p>
            {lastYear === undefined || lastYear <= thisYear ? (
              <p class="warn">{thisYear + 1}年放假安排尚未载入，相关期限按双休日暂定计算。</p>
            ) : null}
            <a href="/admin/calendar">工作日日历</a>
          </div>
        </div>
        <h2>待办事项</h2>
        <ApplicationDashboardCards data={applications} />
        <PublicationDashboardCard data={await loadPublicationDashboard(ctx, actor)} />
        <PublicationWarningsCard data={await loadPublicationWarnings(ctx, actor)} />
        <CatalogueDashboardCard ctx={ctx} actor={actor} />
        <AnnualReportDashboardCard ctx={ctx} actor={actor} />
      </AdminLayout>,
    );
  });
}
