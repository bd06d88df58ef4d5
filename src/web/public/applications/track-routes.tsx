/** @jsxImportSource hono/jsx */
// The applicant's page (/track). GET /track shows the lookup form; the lookup itself is a POST so the applicant's
// phone or document number never lands in a URL (history, logs, Referer). A wrong code or contact answers 404 with
// one neutral message; lookups are rate-limited (common/rate-limit.ts).
//
// A successful lookup grants a pass to that one case (app/applications/track.ts: an HMAC under the server's key over
// the case id and an expiry 30 minutes later), kept in the HttpOnly, SameSite=Strict cookie `gk_track` on the path
// /track — never in a URL, so it cannot leak through history, logs or Referer — and answers 303 to /track/case
// (POST-redirect-GET). /track/case, /track/notices/:id and its PDF /track/notices/:id/pdf open only with a valid
// pass for that case; an expired or tampered pass shows the lookup form again with a Chinese message. A new lookup
// replaces the pass.
import type { Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { loadPortalSite } from '../../../app/portal/portal.js';
import {
  TRACK_PASS_MINUTES,
  grantTrackPass,
  trackCasePage,
  trackNotice,
  trackNoticePdf,
  type PassRefusal,
} from '../../../app/applications/track.js';
import { trackDownloads, trackReleasedFile } from '../../../app/applications/track-downloads.js';
import type { AppContext } from '../../../app/context.js';
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

/**
 * Registers GET and POST /track, GET /track/case, GET /track/notices/:id, its PDF /track/notices/:id/pdf and
 * GET /track/files/:id.
 */
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

  app.get('/track/case', (c) =>
    withPass(c, trackCasePage, async ({ view }) => {
      const ctx = c.get('ctx');
      const [site, downloads] = await Promise.all([
        loadPortalSite(ctx),
        trackDownloads(ctx, getCookie(c, TRACK_COOKIE) ?? ''),
      ]);
      return c.html(<TrackCasePage site={site} view={view} csrf={c.get('csrf')} downloads={downloads} />);
    }),
  );

  // A file released with a reply served 网上获取, only with the pass to its case.
  app.get('/track/files/:id', (c) =>
    withPass(
      c,
      (ctx, token) => trackReleasedFile(ctx, token, c.req.param('id')),
      ({ file }) => download(c, file),
    ),
  );

  app.get('/track/notices/:id', (c) =>
    withPass(
      c,
      (ctx, token) => trackNotice(ctx, token, c.req.param('id')),
      async ({ doc }) => {
        const site = await loadPortalSite(c.get('ctx'));
        return c.html(<TrackNoticePage site={site} doc={doc} pdfHref={`/track/notices/${c.req.param('id')}/pdf`} />);
      },
    ),
  );

  app.get('/track/notices/:id/pdf', (c) =>
    withPass(
      c,
      (ctx, token) => trackNoticePdf(ctx, token, c.req.param('id')),
      ({ file }) => download(c, file, { inline: true }),
    ),
  );
}

/**
 * Answers with what the pass in the cookie opens (never cached), or with the lookup form when it opens nothing.
 * @param open what the pass opens (a use case of app/applications/track.ts)
 * @param answer the response for what it opened
 */
export async function withPass<T>(
  c: Context<WebEnv>,
  open: (ctx: AppContext, token: string) => Promise<({ ok: true } & T) | { ok: false; refusal: PassRefusal }>,
  answer: (opened: T) => Response | Promise<Response>,
): Promise<Response> {
  c.header('Cache-Control', 'no-store');
  const token = getCookie(c, TRACK_COOKIE);
  if (!token) return passRefused(c, 'missing');
  const opened = await open(c.get('ctx'), token);
  if (!opened.ok) return passRefused(c, opened.refusal);
  return answer(opened);
}

/** The lookup form again, with why (401: the page needs a fresh lookup); a bad pass is dropped. */
export async function passRefused(c: Context<WebEnv>, why: PassRefusal | 'missing'): Promise<Response> {
  if (why !== 'missing') deleteCookie(c, TRACK_COOKIE, { path: '/track' });
  const site = await loadPortalSite(c.get('ctx'));
  return c.html(<TrackFormPage site={site} csrf={c.get('csrf')} message={PASS_MESSAGES[why]} />, 401);
}
