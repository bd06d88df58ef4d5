/** @jsxImportSource hono/jsx */
// API-token pages: /admin/tokens (one's own: create, list, revoke) and /admin/accounts/:userId/tokens (an account's
// tokens for its administrators: list, revoke). Thin handlers: parse → use case or query (which authorizes) → render.
import type { Hono } from 'hono';
import { createApiToken, listApiTokens, revokeApiToken } from '../../../app/auth/api-token.js';
import { type StaffContext, type StaffEnv, staffPage } from '../../common/env.js';
import { flashOf, formAction } from '../../common/pipeline.js';
import { checkbox, text, z } from '../../common/validation.js';
import { TokenPage, type TokenPageProps } from './token-views.js';

const FLASH: Record<string, string> = { revoked: '令牌已撤销，使用该令牌的请求将被拒绝。' };

/** The new-token form as typed: the use case validates the name, the scope and the lifetime all at once. */
const newTokenForm = z.object({ name: text(200), scope: text(10), days: text(10), never: checkbox() });

/** A tokens page of the account, with what the route adds (a new token, a refused form). */
async function tokenPage(
  c: StaffContext,
  userId: string,
  mode: TokenPageProps['mode'],
  extra: Partial<TokenPageProps>,
) {
  const list = await listApiTokens(c.get('ctx'), c.get('actor'), userId);
  return <TokenPage {...staffPage(c)} list={list} mode={mode} flash={flashOf(c, FLASH)} {...extra} />;
}

/** Registers the API-token pages. */
export function registerTokenRoutes(admin: Hono<StaffEnv>): void {
  admin.get('/admin/tokens', async (c) => c.html(await tokenPage(c, c.get('actor').userId, 'own', {})));

  admin.post('/admin/tokens', (c) => {
    const self = c.get('actor').userId;
    return formAction(c, {
      schema: newTokenForm,
      run: (input) => createApiToken(c.get('ctx'), c.get('actor'), self, input),
      // The token is shown in this answer only: never in a redirect's address, never cached.
      done: async (issued) => {
        c.header('Cache-Control', 'no-store');
        return c.html(await tokenPage(c, self, 'own', { issued }));
      },
      again: (state) => tokenPage(c, self, 'own', state),
    });
  });

  admin.post('/admin/tokens/:id/revoke', async (c) => {
    await revokeApiToken(c.get('ctx'), c.get('actor'), c.req.param('id'), c.get('actor').userId);
    return c.redirect('/admin/tokens?flash=revoked', 303);
  });

  admin.get('/admin/accounts/:userId/tokens', async (c) =>
    c.html(await tokenPage(c, c.req.param('userId'), 'account', {})),
  );

  admin.post('/admin/accounts/:userId/tokens/:id/revoke', async (c) => {
    const userId = c.req.param('userId');
    await revokeApiToken(c.get('ctx'), c.get('actor'), c.req.param('id'), userId);
    return c.redirect(`/admin/accounts/${userId}/tokens?flash=revoked`, 303);
  });
}
