/** @jsxImportSource hono/jsx */
// Public portal routes: the organization-information page, and the 政府信息公开指南 and 制度 pages each
// organization writes (`/org/:code/guide`, `/org/:code/rules`). The column pages (`/`, `/org/:code`, the
// statutory directory) are in publications/publication-routes.tsx.
import type { Hono } from 'hono';
import { orgPage } from '../../../app/portal/portal-pages.js';
import { guidePortalPage, type GuidePageKind } from '../../../app/portal/org-guide.js';
import type { WebEnv } from '../../common/env.js';
import { InfoPage } from './portal-views.js';
import { GuideView } from './guide-views.js';

/** Registers the organization-information page and the guide and rules pages. */
export function registerPortalRoutes(app: Hono<WebEnv>): void {
  app.get('/org/:code/info', async (c) => c.html(<InfoPage {...await orgPage(c.get('ctx'), c.req.param('code'))} />));

  app.get('/org/:code/:kind{guide|rules}', async (c) => {
    const page = await guidePortalPage(c.get('ctx'), c.req.param('code'), c.req.param('kind') as GuidePageKind);
    // The default text follows the organization's data, and an edit shows at once: revalidate every time.
    c.header('Cache-Control', 'no-cache');
    return c.html(<GuideView {...page} />);
  });
}
