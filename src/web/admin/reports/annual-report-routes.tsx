/** @jsxImportSource hono/jsx */
// Back-office routes of the annual report (issue 5): the register `/admin/reports`, one report
// `/admin/reports/:orgId/:year` with its forms (draft, regenerate, CSV import, submit, publish,
// return) and downloads `…/export.:kind`. Handlers are thin: parse → use case → render; the use
// cases decide permissions (AppError forbidden/not_found/invalid → 403/404/422).
import { reportHistory } from '../../../app/reports/public-reports.js';
import type { Context, Hono } from 'hono';
import { AppError } from '../../../app/errors.js';
import {
  loadReport,
  regenerateNarrative,
  saveReportDraft,
  type ReportDraftInput,
  type ReportRecord,
} from '../../../app/reports/annual-reports.js';
import { publishReport, returnReport, submitReport } from '../../../app/reports/report-workflow.js';
import { importArticle20Csv } from '../../../app/reports/report-figures-import.js';
import { reportOverview } from '../../../app/reports/report-rollup.js';
import { exportReport } from '../../../app/reports/report-exports.js';
import type { Actor } from '../../../domain/policies/actor.js';
import { MANUAL_ARTICLE20_FIELDS } from '../../../domain/reports/compute.js';
import { readForm, requireActor, statusOf, str } from '../../common/respond.js';
import type { WebEnv } from '../../common/env.js';
import { notFoundPage } from '../../common/pages.js';
import { contentDisposition, downloadName, isExportKind, parseYear } from './annual-report-common.js';
import { NARRATIVE_KEYS, ReportPage, figureField, formValuesOf } from './annual-report-page-views.js';
import { REPORTS_PATH, ReportForbiddenPage, ReportIndexPage, reportHref } from './annual-report-views.js';
import { loadReportScope, registerRollupRoutes } from './annual-report-rollup-routes.js';

type C = Context<WebEnv>;

const FLASH: Record<string, string> = {
  saved: '草稿已保存。',
  regenerated: '已根据本年度数据重新生成第一、五、六部分的草稿。',
  imported: 'CSV 文件中的数字已导入。',
  submitted: '报告已报送上级。',
  published: '报告已公开发布，可在门户网站“政府信息公开年报”栏目查看。',
  returned: '报告已退回编制单位修改。',
};

const REPORT = `${REPORTS_PATH}/:orgId/:year{[0-9]{4}}`;

const denied = (c: C, actor: Actor, message?: string) =>
  c.html(<ReportForbiddenPage actor={actor} csrf={c.get('csrf')} message={message} />, 403);

/** The report year named in the path (2019 on: the formats of SPEC §1.1 and §2.1), or undefined. */
const pathYear = (c: C): number | undefined => {
  const year = parseYear(c.req.param('year'));
  return year !== undefined && year >= 2019 ? year : undefined;
};

/**
 * Maps the use case's field keys onto the form's fields: `overview` or `sections.overview` → the
 * textarea; `licensing.decisions`, `article20.licensing.decisions` → that cell's input.
 */
export function formErrors(fieldErrors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(fieldErrors)) {
    const bare = key.replace(/^(sections|article20|a20)\./, '');
    out[(NARRATIVE_KEYS as readonly string[]).includes(bare) ? bare : bare.includes('.') ? figureField(bare) : key] =
      message;
  }
  return out;
}

type Extra = {
  values?: Record<string, string>;
  errors?: Record<string, string>;
  message?: string;
  reason?: string;
  flash?: string;
};

/** Renders the report page; a failing load becomes the 403/404 page. */
async function showReport(
  c: C,
  actor: Actor,
  orgId: string,
  year: number,
  extra: Extra = {},
  status: 200 | 400 | 409 | 422 = 200,
): Promise<Response> {
  let record: ReportRecord;
  try {
    record = await loadReport(c.get('ctx'), actor, orgId, year);
  } catch (e) {
    return failure(c, actor, orgId, e);
  }
  const fields = MANUAL_ARTICLE20_FIELDS(record.format);
  const values = { ...formValuesOf(record, fields), ...extra.values };
  return c.html(
    <ReportPage
      actor={actor}
      csrf={c.get('csrf')}
      record={record}
      fields={fields}
      values={values}
      errors={extra.errors}
      message={extra.message}
      reason={extra.reason}
      flash={extra.flash}
    />,
    status,
  );
}

/**
 * Forbidden → the 403 page; not found → 404, except for an existing organization whose report the
 * actor may not read: the use cases answer "not found" there (HOUSE_STYLE §6.5), but organizations
 * are public (the portal lists them all), so the page says plainly that the right is missing (403).
 * Anything else is not ours to handle.
 */
async function failure(c: C, actor: Actor, orgId: string, e: unknown): Promise<Response> {
  if (!(e instanceof AppError)) throw e;
  if (e.code === 'forbidden') return denied(c, actor, e.message);
  if (e.code === 'not_found') {
    const exists = (await c.get('ctx').repos.orgs.list({ includeRetired: true })).some((o) => o.id === orgId);
    return exists ? denied(c, actor) : c.html(notFoundPage(), 404);
  }
  if (e.code === 'invalid' && e.fieldErrors.year) return c.html(notFoundPage(), 404);
  throw e;
}

/**
 * After a failed use case: 403/404 as pages, else the report again with the message (422/409).
 * @param withFields map the error's field keys onto the draft form (saving the draft)
 */
async function failed(
  c: C,
  actor: Actor,
  orgId: string,
  year: number,
  e: unknown,
  extra: Extra = {},
  withFields = false,
): Promise<Response> {
  if (
    !(e instanceof AppError) ||
    e.code === 'forbidden' ||
    e.code === 'not_found' ||
    (e.code === 'invalid' && e.fieldErrors.year)
  ) {
    return failure(c, actor, orgId, e);
  }
  const errors = { ...(withFields ? formErrors(e.fieldErrors) : {}), ...extra.errors };
  return showReport(c, actor, orgId, year, { ...extra, message: e.message, errors }, statusOf(e) === 409 ? 409 : 422);
}

/** Decodes an uploaded CSV: UTF-8 (BOM dropped), else GB18030 — what spreadsheet programs save in zh-CN. */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** The signed-in actor and the report named by the path, or the response to send instead. */
function target(c: C): { actor: Actor; orgId: string; year: number } | Response {
  const actor = requireActor(c);
  if (actor instanceof Response) return actor;
  const year = pathYear(c);
  if (year === undefined) return c.html(notFoundPage(), 404);
  return { actor, orgId: c.req.param('orgId') ?? '', year };
}

/** Registers /admin/reports and its pages. */
export function registerAnnualReportRoutes(app: Hono<WebEnv>): void {
  app.get(REPORTS_PATH, async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const ctx = c.get('ctx');
    const scope = await loadReportScope(ctx, actor);
    const readable = scope.orgsFor('report.read');
    if (readable.length === 0) return denied(c, actor);
    const home = readable.find((o) => o.id === actor.homeOrgId) ?? readable[0]!;
    const query = {
      org: c.req.query('org') ?? home.id,
      year: (c.req.query('year') ?? String(Number(ctx.clock.today().slice(0, 4)) - 1)).trim(),
    };
    const errors: Record<string, string> = {};
    const year = parseYear(query.year);
    if (year === undefined || year < 2019) errors.year = '年度应为 2019 年以后的四位数字，如 2025';
    const org = readable.find((o) => o.id === query.org);
    if (!org) errors.org = '请选择可以查看的机构';
    if (!org || year === undefined || errors.year) {
      return c.html(
        <ReportIndexPage actor={actor} csrf={c.get('csrf')} orgs={readable} query={query} errors={errors} />,
        400,
      );
    }
    const units = scope.can('report.rollup', org.id) ? await reportOverview(ctx, actor, org.id, year) : undefined;
    return c.html(
      <ReportIndexPage
        actor={actor}
        csrf={c.get('csrf')}
        orgs={readable}
        query={query}
        errors={errors}
        chosen={{ orgId: org.id, orgName: org.name, year }}
        units={units}
      />,
    );
  });

  // Before `REPORT`: `/admin/reports/rollup/export.json` must not be read as organization "rollup".
  registerRollupRoutes(app);

  app.get(REPORT, async (c) => {
    const t = target(c);
    if (t instanceof Response) return t;
    return showReport(c, t.actor, t.orgId, t.year, { flash: FLASH[c.req.query('flash') ?? ''] });
  });

  app.post(`${REPORT}/draft`, async (c) => {
    const t = target(c);
    if (t instanceof Response) return t;
    const form = await readForm(c);
    let record: ReportRecord;
    try {
      record = await loadReport(c.get('ctx'), t.actor, t.orgId, t.year);
    } catch (e) {
      return failure(c, t.actor, t.orgId, e);
    }
    const fields = MANUAL_ARTICLE20_FIELDS(record.format);
    const input: ReportDraftInput = {
      sections: Object.fromEntries(NARRATIVE_KEYS.map((k) => [k, str(form, k)])),
      article20: Object.fromEntries(fields.map((f) => [f.key, str(form, figureField(f.key)).trim()])),
    };
    const values = {
      ...Object.fromEntries(NARRATIVE_KEYS.map((k) => [k, str(form, k)])),
      ...Object.fromEntries(fields.map((f) => [figureField(f.key), str(form, figureField(f.key))])),
    };
    try {
      await saveReportDraft(c.get('ctx'), t.actor, t.orgId, t.year, input);
      return c.redirect(`${reportHref(t.orgId, t.year)}?flash=saved`, 303);
    } catch (e) {
      return failed(c, t.actor, t.orgId, t.year, e, { values }, true);
    }
  });

  app.post(`${REPORT}/regenerate`, async (c) => {
    const t = target(c);
    if (t instanceof Response) return t;
    try {
      await regenerateNarrative(c.get('ctx'), t.actor, t.orgId, t.year);
      return c.redirect(`${reportHref(t.orgId, t.year)}?flash=regenerated#edit`, 303);
    } catch (e) {
      return failed(c, t.actor, t.orgId, t.year, e);
    }
  });

  app.post(`${REPORT}/figures.csv`, async (c) => {
    const t = target(c);
    if (t instanceof Response) return t;
    const body = await c.req.parseBody();
    const file = body.csv;
    if (!(file instanceof File) || file.size === 0) {
      return showReport(
        c,
        t.actor,
        t.orgId,
        t.year,
        { message: '没有导入任何数字', errors: { csv: '请选择要导入的 CSV 文件' } },
        422,
      );
    }
    try {
      const text = decodeCsv(new Uint8Array(await file.arrayBuffer()));
      await importArticle20Csv(c.get('ctx'), t.actor, t.orgId, t.year, file.name, text);
      return c.redirect(`${reportHref(t.orgId, t.year)}?flash=imported`, 303);
    } catch (e) {
      if (e instanceof AppError && e.code === 'invalid') {
        return showReport(
          c,
          t.actor,
          t.orgId,
          t.year,
          { message: 'CSV 文件未导入（整个文件均未导入）', errors: { csv: e.message } },
          422,
        );
      }
      return failed(c, t.actor, t.orgId, t.year, e);
    }
  });

  const move = (path: string, run: typeof submitReport, flash: string) =>
    app.post(`${REPORT}/${path}`, async (c) => {
      const t = target(c);
      if (t instanceof Response) return t;
      try {
        await run(c.get('ctx'), t.actor, t.orgId, t.year);
        return c.redirect(`${reportHref(t.orgId, t.year)}?flash=${flash}`, 303);
      } catch (e) {
        return failed(c, t.actor, t.orgId, t.year, e);
      }
    });
  move('submit', submitReport, 'submitted');
  move('publish', publishReport, 'published');

  app.post(`${REPORT}/return`, async (c) => {
    const t = target(c);
    if (t instanceof Response) return t;
    const reason = str(await readForm(c), 'reason').trim();
    try {
      await returnReport(c.get('ctx'), t.actor, t.orgId, t.year, reason);
      return c.redirect(`${reportHref(t.orgId, t.year)}?flash=returned`, 303);
    } catch (e) {
      return failed(c, t.actor, t.orgId, t.year, e, {
        reason,
        errors: e instanceof AppError && e.fieldErrors.reason ? { reason: e.fieldErrors.reason } : {},
      });
    }
  });

  app.get(`${REPORT}/:file{export\\.[a-z]+}`, async (c) => {
    const t = target(c);
    if (t instanceof Response) return t;
    const kind = c.req.param('file').slice('export.'.length);
    if (!isExportKind(kind)) return c.html(notFoundPage(), 404);
    try {
      const ctx = c.get('ctx');
      const record = await loadReport(ctx, t.actor, t.orgId, t.year);
      const out = await exportReport(ctx, record.report, kind, { history: await reportHistory(ctx, t.orgId) });
      return c.body(out.bytes as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': out.mime,
        'Content-Disposition': contentDisposition(downloadName(record.report, out.extension)),
        'X-Content-Type-Options': 'nosniff',
      });
    } catch (e) {
      // An export the server cannot produce (document renderers not configured) is a 503, not a 500.
      if (e instanceof AppError && e.code === 'invalid' && !e.fieldErrors.year) return c.text(e.message, 503);
      return failure(c, t.actor, t.orgId, e);
    }
  });
}
