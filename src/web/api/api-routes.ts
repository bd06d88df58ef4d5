// The JSON API's shared routes: the staff sub-app (bearer tokens from `gongkai user token`, requireApiUser)
// with /api/v1/me and the staff application API, the OpenAPI document, and the 404 of unknown endpoints.
import { Hono, type Context } from 'hono';
import { resolveApiToken } from '../../app/auth/api-token.js';
import type { UserWithRoles } from '../../domain/users/user.js';
import type { StaffEnv, WebEnv } from '../common/env.js';
import { errorBody, requireApiUser } from '../common/pipeline.js';
import { registerStaffApplicationApi } from './staff-application-api.js';
import { openApiDocumentOfApi } from './openapi.js';

/**
 * Resolves the bearer token of an API request, or answers 401. For endpoints not yet on the staff sub-app;
 * new ones use requireApiUser.
 */
export async function apiUser(c: Context<WebEnv>): Promise<UserWithRoles | Response> {
  const m = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
  const user = m?.[1] ? await resolveApiToken(c.get('ctx'), m[1]) : undefined;
  if (!user) {
    c.header('WWW-Authenticate', 'Bearer');
    return c.json(errorBody('unauthenticated', '缺少或无效的访问令牌'), 401);
  }
  return user;
}

/** Registers the staff API, /api/v1/openapi.json and the `/api/*` 404. Register after the other API modules. */
export function registerApiRoutes(app: Hono<WebEnv>): void {
  const staff = new Hono<StaffEnv>();
  staff.get('/api/v1/me', requireApiUser(), (c) => {
    const a = c.get('actor');
    return c.json({ username: a.username, displayName: a.displayName, orgId: a.homeOrgId, roles: a.roles });
  });
  registerStaffApplicationApi(staff);
  app.route('/', staff);
  app.get('/api/v1/openapi.json', (c) => c.json(openApiDocumentOfApi()));
  app.all('/api/*', (c) => c.json(errorBody('not_found', '接口不存在'), 404));
}
