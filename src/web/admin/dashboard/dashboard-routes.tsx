/** @jsxImportSource hono/jsx */
// The back-office dashboard (工作台): the system's counts and each module's card, from one query.
import type { Hono } from 'hono';
import { dashboardPage, type SystemCounts } from '../../../app/dashboard/dashboard.js';
import { AdminLayout } from '../../common/layout.js';
import type { StaffEnv } from '../../common/env.js';
import { flashOf } from '../../common/pipeline.js';
import { ApplicationDashboardCards } from '../applications/application-views.js';
import { PublicationDashboardCard } from '../publications/publication-views.js';
import { PublicationWarningsCard } from '../publications/publication-warnings-views.js';
import { CatalogueDashboardCard } from '../standard-catalogue/standard-catalogue-views.js';
import { AnnualReportCard } from '../reports/annual-report-dashboard.js';

const FLASH: Record<string, string> = { password: '密码已修改。' };

/** The system's cards: organizations, accounts, the audit trail and the holiday schedule. */
function SystemCards(p: { counts: SystemCounts }) {
  const s = p.counts;
  const card = (label: string, value: number | string, href: string, link: string, warn?: string) => (
    <div class="card">
      <p>{label}</p>
      <p class="big">{value}</p>
      {warn ? <p class="warn">{warn}</p> : null}
      <a href={href}>{link}</a>
    </div>
  );
  return (
    <div class="grid">
      {card('机构', s.orgs, '/admin/orgs', '机构管理')}
      {card('启用账号', s.activeUsers, '/admin/users', '账号与角色')}
      {card('审计日志', s.auditEntries, '/admin/audit', '查看审计日志')}
      {card(
        '放假安排已载入至',
        s.calendarLoadedTo ?? '—',
        '/admin/calendar',
        '工作日日历',
        s.missingYear ? `${s.missingYear}年放假安排尚未载入，相关期限按双休日暂定计算。` : undefined,
      )}
    </div>
  );
}

/** Registers GET /admin. */
export function registerDashboardRoutes(admin: Hono<StaffEnv>): void {
  admin.get('/admin', async (c) => {
    const actor = c.get('actor');
    const d = await dashboardPage(c.get('ctx'), actor);
    const flash = flashOf(c, FLASH);
    return c.html(
      <AdminLayout title="工作台" actor={actor} csrf={c.get('csrf')} path="/admin" flash={flash}>
        <SystemCards counts={d.system} />
        <h2>待办事项</h2>
        <ApplicationDashboardCards data={d.applications} />
        <PublicationDashboardCard data={d.publications} />
        <PublicationWarningsCard data={d.publicationWarnings} />
        <CatalogueDashboardCard lines={d.standardCatalogue} />
        <AnnualReportCard card={d.annualReport} />
      </AdminLayout>,
    );
  });
}
