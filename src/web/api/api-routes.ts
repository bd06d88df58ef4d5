// The JSON API, authenticated with bearer tokens from `gongkai user token`. Later capabilities add routes.
import type { Context, Hono } from 'hono';
import { resolveApiToken } from '../../app/auth/api-token.js';
import type { UserWithRoles } from '../../domain/users/user.js';
import type { WebEnv } from '../common/env.js';

/** Resolves the bearer token of an API request, or answers 401. */
export async function apiUser(c: Context<WebEnv>): Promise<UserWithRoles | Response> {
  const auth = c.req.header('authorization') ?? '';
  const m = /^Bearer\s+(\S+)$/i.exec(auth);
  const user = m?.[1] ? await resolveApiToken(c.get('ctx'), m[1]) : undefined;
  if (!user) {
    c.header('WWW-Authenticate', 'Bearer');
    return c.json({ error: 'unauthenticated', message: '缺少或无效的访问令牌' }, 401);
  }
  return user;
}

/** Registers /api/v1 routes. */
export function registerApiRoutes(app: Hono<WebEnv>): void {
  app.get('/api/v1/me', async (c) => {
    const user = await apiUser(c);
    if (user instanceof Response) {
      return user;
    }
    return c.json({ username: user.username, displayName: user.displayName, orgId: user.orgId, roles: user.roles });
  });
  app.all('/api/*', (c) => c.json({ error: 'not_found', message: '接口不存在' }, 404));
}
