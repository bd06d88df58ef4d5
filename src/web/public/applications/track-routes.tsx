/** @jsxImportSource hono/jsx */
// The public status lookup (/track): GET shows the form; the lookup itself is a POST so the applicant's
// phone or document number never lands in a URL (history, logs, Referer). A wrong code or contact answers
// 404 with one neutral message; lookups are rate-limited (common/rate-limit.ts).
import type { Hono } from 'hono';
import { loadPortalSite } from '../../../app/portal/portal.js';
import type { WebEnv } from '../../common/env.js';
import { readForm, valueOf } from '../../common/pipeline.js';
import { limitedTrack } from '../../common/rate-limit.js';
import { TrackFormPage, TrackLimitedPage, TrackResultPage } from './track-views.js';

/** Registers GET and POST /track. */
export function registerTrackRoutes(app: Hono<WebEnv>): void {
  app.get('/track', async (c) => {
    const site = await loadPortalSite(c.get('ctx'));
    return c.html(<TrackFormPage site={site} csrf={c.get('csrf')} />);
  });

  app.post('/track', async (c) => {
    const form = await readForm(c);
    const code = valueOf(form, 'code').slice(0, 64);
    const result = await limitedTrack(c, code, valueOf(form, 'contact').slice(0, 64));
    const site = await loadPortalSite(c.get('ctx'));
    c.header('Cache-Control', 'no-store');
    switch (result.kind) {
      case 'found':
        return c.html(<TrackResultPage site={site} view={result.view} />);
      case 'not_found':
        return c.html(<TrackFormPage site={site} csrf={c.get('csrf')} code={code} notFound />, 404);
      case 'limited':
        c.header('Retry-After', String(result.retryAfterSeconds));
        return c.html(
          <TrackLimitedPage site={site} csrf={c.get('csrf')} retryAfterSeconds={result.retryAfterSeconds} />,
          429,
        );
    }
  });
}
