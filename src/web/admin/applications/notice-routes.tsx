/** @jsxImportSource hono/jsx */
// Notice pages: print view (HTML), DOCX download, recording service (送达).
import type { Hono } from 'hono';
import { getNotice, noticeDocx, recordNoticeService } from '../../../app/applications/notice-queries.js';
import { AppError } from '../../../app/errors.js';
import { NoticePage } from './notice-document.js';
import { readForm, requireActor, statusOf, str } from '../../common/respond.js';
import type { WebEnv } from '../../common/env.js';
import { AdminLayout } from '../../common/layout.js';
import { ServiceForm } from './notice-views.js';

/** Registers /admin/notices routes. */
export function registerNoticeRoutes(app: Hono<WebEnv>): void {
  app.get('/admin/notices/:id', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const n = await getNotice(c.get('ctx'), actor, c.req.param('id')).catch((e: unknown) =>
      e instanceof AppError ? undefined : Promise.reject(e),
    );
    if (!n) return c.notFound();
    const flash = c.req.query('flash') === 'served' ? '送达记录已保存。' : undefined;
    return c.html(
      <NoticePage
        doc={n.doc}
        actor={actor}
        csrf={c.get('csrf')}
        path="/admin/applications"
        backHref={`/admin/applications/${n.caseId}`}
        docxHref={`/admin/notices/${n.id}/docx`}
        flash={flash}
        sealSrc={n.hasSeal ? `/admin/orgs/${n.orgId}/notices/seal` : undefined}
      />,
    );
  });

  app.get('/admin/notices/:id/docx', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const file = await noticeDocx(c.get('ctx'), actor, c.req.param('id')).catch((e: unknown) =>
      e instanceof AppError ? undefined : Promise.reject(e),
    );
    if (!file) return c.notFound();
    return c.body(new Uint8Array(file.content), 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    });
  });

  app.post('/admin/notices/:id/service', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const form = await readForm(c);
    const input = { servedOn: str(form, 'servedOn'), method: str(form, 'method'), ref: str(form, 'ref') };
    try {
      await recordNoticeService(c.get('ctx'), actor, c.req.param('id'), input);
      return c.redirect(`/admin/notices/${c.req.param('id')}?flash=served`, 303);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      if (e.code === 'not_found') return c.notFound();
      return c.html(
        <AdminLayout title="记录送达" actor={actor} csrf={c.get('csrf')} path="/admin/applications">
          <p class="error" role="alert">
            {e.message}
          </p>
          <ServiceForm id={c.req.param('id')} csrf={c.get('csrf')} values={input} errors={e.fieldErrors} />
        </AdminLayout>,
        statusOf(e),
      );
    }
  });
}
