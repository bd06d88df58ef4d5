/** @jsxImportSource hono/jsx */
// Back-office 年报体检: a supervisor uploads reports of the units below it (files or pasted text)
// and sees the checker's results. Nothing is stored; the JSON download echoes the shown result.
import type { Hono } from 'hono';
import {
  UPLOAD_LIMITS,
  checkUploadedReports,
  requireReportCheck,
  type UploadedReport,
} from '../../../app/reports/check-uploaded-reports.js';
import { download } from '../../common/download.js';
import { type StaffEnv, staffPage } from '../../common/env.js';
import { formAction, parseBody, readForm, valueOf } from '../../common/pipeline.js';
import { z } from '../../common/validation.js';
import { ReportCheckFormPage, ReportCheckResultsPage } from './report-check-views.js';

const PATH = '/admin/report-check';
const LIMITS = { maxFiles: UPLOAD_LIMITS.maxFiles, maxFileMb: UPLOAD_LIMITS.maxFileBytes / 1024 / 1024 };

/** The pasted text as typed (not trimmed: findings give offsets into it; the use case checks its length). */
const checkForm = z.object({ text: z.preprocess((v) => (Array.isArray(v) ? v[0] : v) ?? '', z.string()) });

/**
 * The uploaded files of the multipart body (empty file inputs, sent by browsers when nothing is chosen, are skipped).
 */
async function uploadedFiles(body: Record<string, unknown>): Promise<UploadedReport[]> {
  const values = ([] as unknown[]).concat(body.files ?? []);
  const files = values.filter((v): v is File => v instanceof File && !(v.name === '' && v.size === 0));
  return Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

/** Registers /admin/report-check: the form, the check, the JSON download. */
export function registerReportCheckRoutes(admin: Hono<StaffEnv>): void {
  admin.get(PATH, (c) => {
    requireReportCheck(c.get('actor'));
    return c.html(<ReportCheckFormPage {...staffPage(c)} limits={LIMITS} />);
  });

  admin.post(PATH, async (c) => {
    const files = await uploadedFiles(await parseBody(c, { all: true }));
    return formAction(c, {
      schema: checkForm,
      values: await readForm(c),
      run: ({ text }) => checkUploadedReports(c.get('ctx'), c.get('actor'), { files, pasted: text }),
      done: (reports) => c.html(<ReportCheckResultsPage {...staffPage(c)} reports={reports} />),
      again: (state) => (
        <ReportCheckFormPage
          {...staffPage(c)}
          limits={LIMITS}
          text={valueOf(state.values, 'text')}
          errors={state.errors}
          message={state.message}
        />
      ),
    });
  });

  // Sends back the result shown on the page as a file (the server kept nothing to fetch it from).
  admin.post(`${PATH}/json`, async (c) => {
    requireReportCheck(c.get('actor'));
    const form = await readForm(c);
    let value: unknown;
    try {
      value = JSON.parse(valueOf(form, 'json'));
    } catch {
      value = null;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return c.text('不是有效的 JSON', 400);
    const name = `${valueOf(form, 'name').slice(0, 120) || 'report'}.json`;
    const bytes = new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
    return download(c, { bytes, mime: 'application/json; charset=utf-8', name });
  });
}
