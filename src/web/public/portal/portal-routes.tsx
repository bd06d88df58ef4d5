/** @jsxImportSource hono/jsx */
// Public portal routes: the organization-information page. The column pages (`/`, `/org/:code`, directories)
// are in publications/publication-routes.tsx.
import type { Hono } from 'hono';
import { orgPage } from '../../../app/portal/portal-pages.js';
import type { WebEnv } from '../../common/env.js';
import { InfoPage } from './portal-views.js';

/** Registers the organization-information page. */
export function registerPortalRoutes(app: Hono<WebEnv>): void {
  app.get('/org/:code/info', async (c) => c.html(<InfoPage {...await orgPage(c.get('ctx'), c.req.param('code'))} />));
}
