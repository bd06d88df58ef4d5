// The web application: middleware, the back office (/admin), the public portal (/), the JSON API (/api).
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { bodyLimit } from 'hono/body-limit';
import { contextStorage } from 'hono/context-storage';
import type { AppContext } from '../app/context.js';
import { databaseHealth } from '../app/system/health.js';
import type { StaffEnv, WebEnv, WebOptions } from './common/env.js';
import { handleError, requireStaff } from './common/pipeline.js';
import { CSP, csrfMiddleware, sessionMiddleware } from './common/security.js';
import { registerAuthRoutes } from './admin/accounts/auth-routes.js';
import { registerDashboardRoutes } from './admin/dashboard/dashboard-routes.js';
import { registerOrgRoutes } from './admin/system/org-routes.js';
import { registerGuideRoutes } from './admin/system/guide-routes.js';
import { registerUserRoutes } from './admin/accounts/user-routes.js';
import { registerTokenRoutes } from './admin/accounts/token-routes.js';
import { registerCalendarRoutes } from './admin/system/calendar-routes.js';
import { registerAuditRoutes } from './admin/system/audit-routes.js';
import { registerSettingsRoutes } from './admin/system/settings-routes.js';
import { registerJobRoutes } from './admin/system/jobs-routes.js';
import { registerMailRoutes } from './admin/system/mail-routes.js';
import { registerReviewRoutes } from './admin/reviews/review-routes.js';
import { registerTrainingRoutes } from './admin/training/training-routes.js';
import { registerOversightRoutes } from './admin/oversight/oversight-routes.js';
import { registerNoticeRoutes } from './admin/applications/notice-routes.js';
import { registerNoticeSettingsRoutes } from './admin/applications/notice-settings-routes.js';
import { registerReportCheckRoutes } from './admin/reports/report-check-routes.js';
import { registerPortalRoutes } from './public/portal/portal-routes.js';
import { notFoundPage } from './common/pages.js';
import { registerApiRoutes } from './api/api-routes.js';
import { registerApplicationApi } from './api/application-api.js';
import { registerApplyRoutes } from './public/applications/apply-routes.js';
import { registerTrackRoutes } from './public/applications/track-routes.js';
import { registerTrackCorrectionRoutes } from './public/applications/track-correction-routes.js';
import { registerApplicationRoutes } from './admin/applications/application-routes.js';
import { registerPublicationRoutes } from './admin/publications/publication-routes.js';
import { registerPublicationExportRoutes } from './admin/publications/publication-export-routes.js';
import { registerStandardCatalogueRoutes } from './admin/standard-catalogue/standard-catalogue-routes.js';
import { registerMediaRoutes } from './admin/media/media-routes.js';
import { registerPublicMediaRoutes } from './public/media.js';
import { registerMonitoringRoutes } from './admin/monitoring/monitoring-routes.js';
import { registerWebsiteReportRoutes } from './admin/website-report/website-report-routes.js';
import { registerPublicWebsiteReportRoutes } from './public/website-report.js';
import { registerAssessmentRoutes } from './admin/assessment/assessment-routes.js';
import { registerPublicationApi } from './api/publication-api.js';
import { registerFeedRoutes } from './public/publications/feed-routes.js';
import { registerPortalPublicationRoutes } from './public/publications/publication-routes.js';
import { registerPublicStandardCatalogueRoutes } from './public/standard-catalogue/standard-catalogue-public.js';
import { registerAnnualReportRoutes } from './admin/reports/annual-report-routes.js';
import { registerAnnualReportDeadlineRoutes } from './admin/reports/annual-report-deadline-routes.js';
import { registerPublicAnnualReportRoutes } from './public/reports/annual-report-routes.js';
import { pageCacheMiddleware, pageCacheOf } from './cache/page-cache-http.js';

/** The static files (read once): the style sheet and the scripts that enhance pages, with their types. */
const STATIC = Object.entries({
  'app.css': 'text/css; charset=utf-8',
  'portal.js': 'text/javascript; charset=utf-8',
  'editor.js': 'text/javascript; charset=utf-8',
  'monitoring.js': 'text/javascript; charset=utf-8',
}).map(([name, type]) => ({ name, type, body: readFileSync(new URL(`./static/${name}`, import.meta.url), 'utf8') }));

/**
 * Builds the Hono application over a use-case context.
 */
export function createWebApp(ctx: AppContext, opts: WebOptions): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  // Lets views read request-scoped settings (the office time zone) without threading props.
  app.use('*', contextStorage());
  if (opts.logRequests) {
    // Method, path and status only: query strings and bodies can carry applicants' personal data.
    app.use('*', async (c, next) => {
      const t = performance.now();
      await next();
      console.log(
        `${new Date().toISOString()} ${c.req.method} ${c.req.path} ${c.res.status} ${(performance.now() - t).toFixed(1)}ms`,
      );
    });
  }
  app.use('*', async (c, next) => {
    c.set('ctx', ctx);
    c.set('opts', opts);
    await next();
  });
  // Public pages from memory (web/cache): before the security headers, so that a stored page carries them.
  app.use('*', pageCacheMiddleware(pageCacheOf(ctx, opts.pageCacheBytes)));
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: CSP,
      referrerPolicy: 'same-origin',
      strictTransportSecurity: opts.secureCookies ? 'max-age=31536000' : false,
    }),
  );
  app.use(
    '*',
    bodyLimit({ maxSize: opts.uploadLimitBytes, onError: (c) => c.text('上传内容过大 / payload too large', 413) }),
  );
  // 200 {status: 'ok', db} or 503 {status: 'degraded', db, cause}: the database answers and takes a write.
  app.get('/healthz', async (c) => {
    const health = await databaseHealth(ctx);
    c.header('Cache-Control', 'no-store');
    return c.json(health, health.status === 'ok' ? 200 : 503);
  });
  for (const file of STATIC) {
    app.get(`/static/${file.name}`, (c) => {
      c.header('Cache-Control', 'public, max-age=3600');
      return c.body(file.body, 200, { 'Content-Type': file.type });
    });
  }
  registerApplicationApi(app);
  registerPublicationApi(app);
  registerFeedRoutes(app);
  registerApiRoutes(app);
  app.use('*', sessionMiddleware());
  app.use('*', csrfMiddleware());
  app.use('/admin/*', async (c, next) => {
    const live = c.get('live');
    const path = c.req.path;
    c.header('Cache-Control', 'no-store');
    if (live?.user.mustChangePassword && !['/admin/password', '/admin/logout'].includes(path)) {
      return c.redirect('/admin/password', 303);
    }
    await next();
  });
  registerAuthRoutes(app);
  // The back office: every route below answers only a signed-in account (deny by default).
  const admin = new Hono<StaffEnv>();
  admin.use('/admin/*', requireStaff());
  registerDashboardRoutes(admin);
  registerOrgRoutes(admin);
  registerGuideRoutes(admin);
  registerUserRoutes(admin);
  registerTokenRoutes(admin);
  registerCalendarRoutes(admin);
  registerAuditRoutes(admin);
  registerSettingsRoutes(admin);
  registerJobRoutes(admin);
  registerMailRoutes(admin);
  registerReviewRoutes(admin);
  registerTrainingRoutes(admin);
  registerOversightRoutes(admin);
  registerNoticeRoutes(admin);
  registerNoticeSettingsRoutes(admin);
  registerReportCheckRoutes(admin);
  registerApplicationRoutes(admin);
  registerPublicationRoutes(admin);
  registerPublicationExportRoutes(admin);
  registerStandardCatalogueRoutes(admin);
  registerMediaRoutes(admin);
  registerMonitoringRoutes(admin);
  registerWebsiteReportRoutes(admin);
  registerAssessmentRoutes(admin);
  // Before the report routes: `/admin/reports/deadlines` is not an organization's report.
  registerAnnualReportDeadlineRoutes(admin);
  registerAnnualReportRoutes(admin);
  app.route('/', admin);
  registerApplyRoutes(app);
  registerTrackRoutes(app);
  registerTrackCorrectionRoutes(app);
  // Before the portal's directory routes: `/org/:code/annual-reports` is the annual-report archive.
  registerPublicAnnualReportRoutes(app);
  registerPublicStandardCatalogueRoutes(app);
  registerPublicMediaRoutes(app);
  registerPublicWebsiteReportRoutes(app);
  registerPortalPublicationRoutes(app);
  registerPortalRoutes(app);
  app.notFound((c) => c.html(notFoundPage(), 404));
  app.onError(handleError);
  return app;
}
