/** @jsxImportSource hono/jsx */
// Recording an art. 18 re-assessment from a publication's back-office page: POST, then back to the
// page (or the page again with the errors and what was typed).
import type { Hono } from 'hono';
import { AppError } from '../../../app/errors.js';
import { recordReassessment } from '../../../app/publications/reassessment.js';
import { readForm, requireActor, statusOf, str } from '../../common/respond.js';
import type { WebEnv } from '../../common/env.js';
import { casePage } from './publication-routes.js';

const FIELDS = ['decision', 'assessedOn', 'withheldGround', 'reason'] as const;

/** Registers POST /admin/publications/:id/reassess. */
export function registerPublicationReassessRoutes(app: Hono<WebEnv>): void {
  app.post('/admin/publications/:id/reassess', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const id = c.req.param('id');
    const form = await readForm(c);
    const values = Object.fromEntries(FIELDS.map((k) => [k, str(form, k)]));
    try {
      await recordReassessment(c.get('ctx'), actor, id, values);
      return c.redirect(`/admin/publications/${encodeURIComponent(id)}?flash=reassessed#reassess-h`, 303);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      if (e.code === 'not_found') return c.notFound();
      const status = statusOf(e);
      return casePage(c, actor, id, undefined, {
        message: e.message,
        errors: e.fieldErrors,
        values,
        status: status === 403 || status === 409 ? status : 422,
      });
    }
  });
}
