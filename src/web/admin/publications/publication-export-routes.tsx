/** @jsxImportSource hono/jsx */
// The archive export (art. 25) in the back office: GET shows the form, POST validates it and streams the
// ZIP as it is written (the package is never held in memory whole).
import type { Hono } from 'hono';
import {
  exportChoices,
  exportFileName,
  planExport,
  writeExportPackage,
} from '../../../app/publications/export-package.js';
import { contentDisposition } from '../../common/download.js';
import { type StaffContext, type StaffEnv, staffPage } from '../../common/env.js';
import { formAction, type FormState } from '../../common/pipeline.js';
import { list, text, z } from '../../common/validation.js';
import { ExportPage } from './publication-export-views.js';

/** The export form as typed (the use case checks the organization, the dates and the kinds). */
const exportForm = z.object({ org: text(64), from: text(32), to: text(32), kinds: list(), subtree: text(8) });

/** The ZIP as a stream: the writer awaits each chunk being taken (back-pressure). */
function streamPackage(
  write: (sink: (chunk: Uint8Array) => Promise<void>) => Promise<unknown>,
): ReadableStream<Uint8Array> {
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const writer = writable.getWriter();
  write(async (chunk) => {
    await writer.ready;
    await writer.write(chunk);
  }).then(
    () => writer.close(),
    (e: unknown) => {
      // Headers are gone: the download ends truncated, and the error is logged.
      console.error('archive export failed:', e instanceof Error ? e.message : e);
      return writer.abort(e).catch(() => undefined);
    },
  );
  return readable;
}

/** The form, with the organizations the actor may export. */
async function formPage(c: StaffContext, state: FormState) {
  const { orgs } = await exportChoices(c.get('ctx'), c.get('actor'));
  return <ExportPage {...staffPage(c)} orgs={orgs} {...state} />;
}

/** Registers GET and POST /admin/publication-export. */
export function registerPublicationExportRoutes(admin: Hono<StaffEnv>): void {
  admin.get('/admin/publication-export', async (c) => {
    const { defaults } = await exportChoices(c.get('ctx'), c.get('actor'));
    return c.html(await formPage(c, { values: defaults, errors: {} }));
  });

  admin.post('/admin/publication-export', (c) => {
    const ctx = c.get('ctx');
    return formAction(c, {
      schema: exportForm,
      run: ({ subtree, ...input }) => planExport(ctx, c.get('actor'), { ...input, includeSubtree: subtree === '1' }),
      done: (plan) =>
        c.body(
          streamPackage((sink) => writeExportPackage(ctx, plan, sink)),
          200,
          {
            'Content-Type': 'application/zip',
            'Content-Disposition': contentDisposition(exportFileName(plan)),
            'X-Content-Type-Options': 'nosniff',
          },
        ),
      again: (state) => formPage(c, state),
    });
  });
}
