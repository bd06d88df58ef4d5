/** @jsxImportSource hono/jsx */
// Back-office 年报体检: a supervisor uploads reports of the units below it (files or pasted text)
// and sees the checker's results. Nothing is stored; the JSON download echoes the shown result.
import type { Context, Hono } from 'hono';
import type { Actor } from '../../../domain/policies/actor.js';
import { AppError } from '../../../app/errors.js';
import {
  UPLOAD_LIMITS,
  checkUploadedReports,
  mayCheckReports,
  type UploadedReport,
} from '../../../app/reports/check-uploaded-reports.js';
import { requireActor, statusOf } from '../../common/respond.js';
import type { WebEnv } from '../../common/env.js';
import { ReportCheckForbiddenPage, ReportCheckFormPage, ReportCheckResultsPage } from './report-check-views.js';

type C = Context<WebEnv>;

const LIMITS = { maxFiles: UPLOAD_LIMITS.maxFiles, maxFileMb: UPLOAD_LIMITS.maxFileBytes / 1024 / 1024 };

const denied = (c: C, actor: Actor) => c.html(<ReportCheckForbiddenPage actor={actor} csrf={c.get('csrf')} />, 403);

/** The signed-in actor allowed to use 年报体检, or the response to send instead (login redirect, 403). */
async function allowedActor(c: C): Promise<Actor | Response> {
  const actor = requireActor(c);
  if (actor instanceof Response) return actor;
  return mayCheckReports(actor) ? actor : denied(c, actor);
}

/**
 * The uploaded files of the multipart body (empty file inputs, sent by browsers when nothing is chosen, are skipped).
 */
async function uploadedFiles(body: Record<string, unknown>): Promise<UploadedReport[]> {
  const values = ([] as unknown[]).concat(body.files ?? []);
  const files = values.filter((v): v is File => v instanceof File && !(v.name === '' && v.size === 0));
  return Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

const fieldText = (v: unknown): string =>
  typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';

/** An ASCII-safe file name for Content-Disposition, plus the UTF-8 form. */
function disposition(name: string): string {
  const base = name.replace(/[\r\n"\\/]/g, '').slice(0, 120) || 'report';
  const ascii = base.replace(/[^\w.-]/g, '_');
  return `attachment; filename="${ascii}.json"; filename*=UTF-8''${encodeURIComponent(base)}.json`;
}

/** Registers /admin/report-check: the form, the check, the JSON download. */
export function registerReportCheckRoutes(app: Hono<WebEnv>): void {
  app.get('/admin/report-check', async (c) => {
    const actor = await allowedActor(c);
    if (actor instanceof Response) return actor;
    return c.html(<ReportCheckFormPage actor={actor} csrf={c.get('csrf')} limits={LIMITS} />);
  });

  app.post('/admin/report-check', async (c) => {
    const actor = await allowedActor(c);
    if (actor instanceof Response) return actor;
    const body = await c.req.parseBody({ all: true });
    const pasted = fieldText(body.text);
    try {
      const reports = await checkUploadedReports(c.get('ctx'), actor, { files: await uploadedFiles(body), pasted });
      return c.html(<ReportCheckResultsPage actor={actor} csrf={c.get('csrf')} reports={reports} />);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      if (e.code === 'forbidden') return denied(c, actor);
      const page = (
        <ReportCheckFormPage
          actor={actor}
          csrf={c.get('csrf')}
          limits={LIMITS}
          text={pasted}
          errors={e.fieldErrors}
          message={e.message}
        />
      );
      return c.html(page, statusOf(e));
    }
  });

  // Sends back the result shown on the page as a file (the server kept nothing to fetch it from).
  app.post('/admin/report-check/json', async (c) => {
    const actor = await allowedActor(c);
    if (actor instanceof Response) return actor;
    const body = await c.req.parseBody();
    let value: unknown;
    try {
      value = JSON.parse(fieldText(body.json));
    } catch {
      return c.text('不是有效的 JSON', 400);
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return c.text('不是有效的 JSON', 400);
    const headers = {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': disposition(fieldText(body.name)),
    };
    return c.body(`${JSON.stringify(value, null, 2)}\n`, 200, headers);
  });
}
