/** @jsxImportSource hono/jsx */
// The applicant's page (/track). GET /track shows the lookup form; the lookup itself is a POST so the applicant's
// phone or document number never lands in a URL (history, logs, Referer). A wrong code or contact answers 404 with
// one neutral message; lookups are rate-limited (common/rate-limit.ts).
//
// A successful lookup grants a pass to that one case (app/applications/track.ts: an HMAC under the server's key over
// the case id and an expiry 30 minutes later), kept in the HttpOnly, SameSite=Strict cookie `gk_track` on the path
// /track — never in a URL, so it cannot leak through history, logs or Referer — and answers 303 to /track/case
// (POST-redirect-GET). /track/case and /track/notices/:id open only with a valid pass for that case; an expired or
// tampered pass shows the lookup form again with a Chinese message. A new lookup replaces the pass.
import type { Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { loadPortalSite } from '../../../app/portal/portal.js';
import {
  TRACK_PASS_MINUTES,
  grantTrackPass,
  trackCasePage,
  trackNotice,
  type PassRefusal,
} from '../../../app/applications/track.js';
import { trackDownloads, trackReleasedFile } from '../../../app/applications/track-downloads.js';
import type { WebEnv } from '../../common/env.js';
import { download } from '../../common/download.js';
import { readForm, valueOf } from '../../common/pipeline.js';
import { limitedTrack } from '../../common/rate-limit.js';
import { cookieOptions } from '../../common/security.js';
import { TrackCasePage, TrackFormPage, TrackLimitedPage, TrackNoticePage } from './track-views.js';

/** The cookie holding the pass to one case's page. */
export const TRACK_COOKIE = 'gk_track';

/** Why the lookup form is shown again instead of the case page. */
export const PASS_MESSAGES: Readonly<Record<PassRefusal | 'missing', string>> = {
  missing: '请先输入查询码和联系方式查询申请。',
  expired: `查询结果的有效时间为${TRACK_PASS_MINUTES}分钟，已经过期，请重新输入查询码和联系方式查询。`,
  invalid: '查询凭证无效，请重新输入查询码和联系方式查询。',
};

/** Registers GET and POST /track, GET /track/case, GET /track/notices/:id and GET /track/files/:id. */
export function registerTrackRoutes(app: Hono<WebEnv>): void {
  app.get('/track', async (c) => {
    const site = await loadPortalSite(c.get('ctx'));
    return c.html(<TrackFormPage site={site} csrf={c.get('csrf')} />);
  });

  app.post('/track', async (c) => {
    const form = await readForm(c);
    const code = valueOf(form, 'code').slice(0, 64);
    const result = await limitedTrack(c, code, valueOf(form, 'contact').slice(0, 64), grantTrackPass);
    c.header('Cache-Control', 'no-store');
    switch (result.kind) {
      case 'found':
        setCookie(c, TRACK_COOKIE, result.view.token, {
          ...cookieOptions(c, 'Strict', TRACK_PASS_MINUTES * 60),
          path: '/track',
        });
        return c.redirect('/track/case', 303);
      case 'not_found': {
        const site = await loadPortalSite(c.get('ctx'));
        return c.html(<TrackFormPage site={site} csrf={c.get('csrf')} code={code} notFound />, 404);
      }
      case 'limited': {
        const site = await loadPortalSite(c.get('ctx'));
        c.header('Retry-After', String(result.retryAfterSeconds));
        return c.html(
          <TrackLimitedPage site={site} csrf={c.get('csrf')} retryAfterSeconds={result.retryAfterSeconds} />,
          429,
        );
      }
    }
  });

  app.get('/track/case', async (c) => {
    c.header('Cache-Control', 'no-store');
    const token = getCookie(c, TRACK_COOKIE);
    if (!token) return passRefused(c, 'missing');
    const page = await trackCasePage(c.get('ctx'), token);
    if (!page.ok) return passRefused(c, page.refusal);
    const site = await loadPortalSite(c.get('ctx'));
    const downloads = await trackDownloads(c.get('ctx'), token);
    return c.html(<TrackCasePage site={site} view={page.view} downloads={downloads} />);
  });

  // A file released with a reply served 网上获取, only with the pass to its case.
  app.get('/track/files/:id', async (c) => {
    c.header('Cache-Control', 'no-store');
    const token = getCookie(c, TRACK_COOKIE);
    if (!token) return passRefused(c, 'missing');
    const released = await trackReleasedFile(c.get('ctx'), token, c.req.param('id'));
    if (!released.ok) return passRefused(c, released.refusal);
    return download(c, released.file);
  });

  app.get('/track/notices/:id', async (c) => {
    c.header('Cache-Control', 'no-store');
    const token = getCookie(c, TRACK_COOKIE);
    if (!token) return passRefused(c, 'missing');
    const notice = await trackNotice(c.get('ctx'), token, c.req.param('id'));
    if (!notice.ok) return passRefused(c, notice.refusal);
    const site = await loadPortalSite(c.get('ctx'));
    return c.html(<TrackNoticePage site={site} doc={notice.doc} />);
  });
}

/** The lookup form again, with why (401: the page needs a fresh lookup); a bad pass is dropped. */
async function passRefused(c: Context<WebEnv>, why: PassRefusal | 'missing'): Promise<Response> {
  if (why !== 'missing') deleteCookie(c, TRACK_COOKIE, { path: '/track' });
  const site = await loadPortalSite(c.get('ctx'));
  return c.html(<TrackFormPage site={site} csrf={c.get('csrf')} message={PASS_MESSAGES[why]} />, 401);
}
