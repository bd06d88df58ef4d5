/** @jsxImportSource hono/jsx */
// Back-office page of the email outbox: GET /admin/system/mail?state=queued|failed and
// POST /admin/system/mail/:id/retry (root admins only; the form carries the CSRF token).
import type { Hono } from 'hono';
import { outboxPage, retryMail } from '../../../app/mail/outbox-page.js';
import { type StaffEnv, staffPage } from '../../common/env.js';
import { flashOf, readQuery } from '../../common/pipeline.js';
import { optionalOneOf, parseQuery } from '../../common/validation.js';
import { MailPageView } from './mail-views.js';

const query = { state: optionalOneOf(['queued', 'failed'], '状态有误') };
const FLASH = { retried: '已安排重新发送，下一次发送时即发出。' };

/** Registers /admin/system/mail and its retry action. */
export function registerMailRoutes(admin: Hono<StaffEnv>): void {
  admin.get('/admin/system/mail', async (c) => {
    const { value: q, errors } = parseQuery(query, readQuery(c));
    const filter = q.state ? { state: q.state } : {};
    const rows = await outboxPage(c.get('ctx'), c.get('actor'), filter);
    return c.html(
      <MailPageView {...staffPage(c)} rows={rows} filter={filter} errors={errors} flash={flashOf(c, FLASH)} />,
    );
  });

  admin.post('/admin/system/mail/:id/retry', async (c) => {
    await retryMail(c.get('ctx'), c.get('actor'), c.req.param('id'));
    return c.redirect('/admin/system/mail?flash=retried', 303);
  });
}
