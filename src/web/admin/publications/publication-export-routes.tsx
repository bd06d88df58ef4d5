/** @jsxImportSource hono/jsx */
// The archive export (art. 25) in the back office: GET shows the form, POST validates it and
// streams the ZIP as it is written (the package is never held in memory whole).
import type { Context, Hono } from 'hono';
import { AppError } from '../../../app/errors.js';
import { exportFileName, planExport, writeExportPackage } from '../../../app/publications/export-package.js';
import { publicationOrgs } from '../../../app/publications/back-office.js';
import type { Actor } from '../../../domain/policies/actor.js';
import { list, readForm, requireActor, statusOf, str } from '../../common/respond.js';
import type { WebEnv } from '../../common/env.js';
import { ExportPage, type ExportFormValues } from './publication-export-views.js';

type C = Context<WebEnv>;

async function formPage(c: C, actor: Actor, values: ExportFormValues, error?: AppError): Promise<Response> {
  const { visible } = await publicationOrgs(c.get('ctx'), actor);
  const orgs: [string, string][] = visible.map((o) => [o.creditCode, o.name]);
  const page = (
    <ExportPage
      actor={actor}
      csrf={c.get('csrf')}
      orgs={orgs}
      values={values}
      errors={error?.fieldErrors}
      message={error?.message}
    />
  );
  return c.html(page, error ? statusOf(error) : 200);
}

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

/** Registers GET and POST /admin/publication-export. */
export function registerPublicationExportRoutes(app: Hono<WebEnv>): void {
  app.get('/admin/publication-export', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const ctx = c.get('ctx');
    const { visible } = await publicationOrgs(ctx, actor);
    const home = visible.find((o) => o.id === actor.homeOrgId) ?? visible[0];
    const year = Number(ctx.clock.today().slice(0, 4)) - 1;
    return formPage(c, actor, {
      org: home?.creditCode ?? '',
      from: `${year}-01-01`,
      to: `${year}-12-31`,
      kinds: [],
      subtree: '',
    });
  });

  app.post('/admin/publication-export', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const ctx = c.get('ctx');
    const form = await readForm(c);
    const values: ExportFormValues = {
      org: str(form, 'org'),
      from: str(form, 'from'),
      to: str(form, 'to'),
      kinds: list(form, 'kinds'),
      subtree: str(form, 'subtree') === '1' ? '1' : '',
    };
    try {
      const plan = await planExport(ctx, actor, {
        org: values.org,
        from: values.from,
        to: values.to,
        kinds: values.kinds,
        includeSubtree: values.subtree === '1',
      });
      const name = exportFileName(plan);
      const body = streamPackage((sink) => writeExportPackage(ctx, plan, sink));
      return c.body(body, 200, {
        'Content-Type': 'application/zip',
        'Content-Disposition': `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        'X-Content-Type-Options': 'nosniff',
      });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return formPage(c, actor, values, e);
    }
  });
}
