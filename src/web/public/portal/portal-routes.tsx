/** @jsxImportSource hono/jsx */
// Public portal routes: the organization-information page. The column pages (`/`, `/org/:code`, directories)
// are in publications/publication-routes.tsx.
import type { Hono } from 'hono';
import { findOrg, loadPortalSite } from '../../../app/portal/portal.js';
import type { WebEnv } from '../../common/env.js';
import { notFoundPage } from '../../common/pages.js';
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
