/** @jsxImportSource hono/jsx */
// Notice pages: print view (HTML), DOCX download, recording service (送达). The use cases hide notices from
// the roles that may not see the applicant's personal data (404).
import type { Hono } from 'hono';
import { getNotice, noticeDocx, recordNoticeService } from '../../../app/applications/notice-queries.js';
import { type StaffEnv, staffPage } from '../../common/env.js';
import { AdminLayout } from '../../common/layout.js';
import { formAction, valueOf } from '../../common/pipeline.js';
import { download } from '../../common/download.js';
import { text, z } from '../../common/validation.js';
import { NoticePage } from './notice-document.js';
import { ServiceForm } from './notice-views.js';

/** The service form, as typed (the use case checks the date against the notice and today, every field at once). */
const serviceForm = z.object({ servedOn: text(20), method: text(20), ref: text(200) });

/** Registers /admin/notices routes. */
export function registerNoticeRoutes(admin: Hono<StaffEnv>): void {
  admin.get('/admin/notices/:id', async (c) => {
    const n = await getNotice(c.get('ctx'), c.get('actor'), c.req.param('id'));
    return c.html(
      <NoticePage
        doc={n.doc}
        {...staffPage(c)}
        path="/admin/applications"
        backHref={`/admin/applications/${n.caseId}`}
        docxHref={`/admin/notices/${n.id}/docx`}
        flash={c.req.query('flash') === 'served' ? '送达记录已保存。' : undefined}
        sealSrc={n.hasSeal ? `/admin/orgs/${n.orgId}/notices/seal` : undefined}
      />,
    );
  });

  admin.get('/admin/notices/:id/docx', async (c) =>
    download(c, await noticeDocx(c.get('ctx'), c.get('actor'), c.req.param('id'))),
  );

  admin.post('/admin/notices/:id/service', (c) => {
    const id = c.req.param('id');
    return formAction(c, {
      schema: serviceForm,
      run: (input) => recordNoticeService(c.get('ctx'), c.get('actor'), id, input),
      done: () => c.redirect(`/admin/notices/${id}?flash=served`, 303),
      again: (state) => (
        <AdminLayout title="记录送达" {...staffPage(c)} path="/admin/applications">
          <p class="error" role="alert">
            {state.message ?? '请按提示更正以下内容'}
          </p>
          <ServiceForm
            id={id}
            csrf={c.get('csrf')}
            values={Object.fromEntries(['servedOn', 'method', 'ref'].map((k) => [k, valueOf(state.values, k)]))}
            errors={state.errors}
          />
        </AdminLayout>
      ),
    });
  });
}
