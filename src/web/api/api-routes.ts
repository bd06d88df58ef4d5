// The JSON API's shared routes: the staff sub-app (bearer tokens from `gongkai user token`, requireApiUser)
// with /api/v1/me and the staff application API, the OpenAPI document, and the 404 of unknown endpoints.
import { Hono } from 'hono';
import type { StaffEnv, WebEnv } from '../common/env.js';
import { errorBody, requireApiUser } from '../common/pipeline.js';
import { registerStaffApplicationApi } from './staff-application-api.js';
import { registerStaffReplyApi } from './staff-reply-api.js';
import { openApiDocumentOfApi } from './openapi.js';

/** Registers the staff API, /api/v1/openapi.json and the `/api/*` 404. Register after the other API modules. */
export function registerApiRoutes(app: Hono<WebEnv>): void {
  const staff = new Hono<StaffEnv>();
  staff.get('/api/v1/me', requireApiUser(), (c) => {
    const a = c.get('actor');
    return c.json({ username: a.username, displayName: a.displayName, orgId: a.homeOrgId, roles: a.roles });
  });
  registerStaffApplicationApi(staff);
  registerStaffReplyApi(staff);
  app.route('/', staff);
  app.get('/api/v1/openapi.json', (c) => c.json(openApiDocumentOfApi()));
  app.all('/api/*', (c) => c.json(errorBody('not_found', '接口不存在'), 404));
}
