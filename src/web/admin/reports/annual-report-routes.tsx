/** @jsxImportSource hono/jsx */
// Back-office routes of the annual report: the register `/admin/reports`, one report
// `/admin/reports/:orgId/:year` with its forms (draft, regenerate, CSV import, submit, return), publishing
// behind its confirmation page (`…/publish`: only a POST with confirm=1 publishes; a correction's 更正说明 is typed
// there), the correction (`…/correct`, `…/cancel-correction`), the withdrawal (`…/withdraw`) and downloads
// `…/export.:kind`.
// Thin handlers: parse → use case (which authorizes) → render;
// errors go to the pipeline (403, 404), a form's own errors come back on the report page (422, 409).
import type { Hono } from 'hono';
import {
  loadReport,
  regenerateNarrative,
  saveReportDraft,
  type ReportRecord,
} from '../../../app/reports/annual-reports.js';
import {
  publishConfirmation,
  publishReport,
  returnReport,
  submitReport,
} from '../../../app/reports/report-workflow.js';
import { importArticle20Upload } from '../../../app/reports/report-figures-import.js';
import { cancelCorrection, startCorrection, withdrawReport } from '../../../app/reports/report-corrections.js';
import { reportChoices, reportFile, reportRegister } from '../../../app/reports/report-pages.js';
import { MANUAL_ARTICLE20_FIELDS, reportFormatOf } from '../../../domain/reports/compute.js';
import { NARRATIVE_KEYS } from '../../../domain/reports/labels.js';
import { isReportExportKind } from '../../../domain/reports/report-files.js';
import { download } from '../../common/download.js';
import { type StaffContext, type StaffEnv, staffPage } from '../../common/env.js';
import { notFoundPage } from '../../common/pages.js';
import { flashOf, formAction, parseBody, readForm, type FormState, valueOf } from '../../common/pipeline.js';
import { z, type FieldErrors } from '../../common/validation.js';
import { ReportPage, figureField, formValuesOf } from './annual-report-page-views.js';
import { PublishConfirmPage } from './annual-report-publish-views.js';
import { publicOrigin } from '../../common/public-origin.js';
import { archiveHref, publicReportHref } from '../../public/reports/annual-report-public-views.js';
import { registerRollupRoutes } from './annual-report-rollup-routes.js';
import { REPORTS_PATH, ReportIndexPage, reportHref } from './annual-report-views.js';
import { readChoice, reportTarget } from './report-query.js';

type Target = { orgId: string; year: number };

const FLASH: Record<string, string> = {
  saved: '草稿已保存。',
  regenerated: '已根据本年度数据重新生成第一、五、六部分的草稿。',
  correcting: '已开始更正：请在下方修改报告，检查通过后发布更正。更正发布前，门户仍显示现行版本。',
  'correction-cancelled': '已放弃更正，报告保持现行版本。',
  corrected: '更正已发布：门户显示更正后的报告和更正说明，原版本标注“已更正”后仍可查阅。',
  republished: '报告已重新公开发布，门户同时公开更正说明。',
  withdrawn: '报告已从门户撤回，原网址提示“已撤回”。报告回到编制状态，可以更正后重新公开发布。',
  imported: 'CSV 文件中的数字已导入。',
  submitted: '报告已报送上级。',
  published: '报告已公开发布，可在门户网站“政府信息公开年报”栏目查看。',
  returned: '报告已退回编制单位修改。',
};

const REPORT = `${REPORTS_PATH}/:orgId/:year{[0-9]{4}}`;

/** A field as typed, untrimmed (the use case trims and checks it). */
const typed = () => z.preprocess((v) => (Array.isArray(v) ? v[0] : v) ?? '', z.string());

/** A form with nothing to validate but the CSRF token (the buttons). */
const NOTHING = z.object({});

/** The draft form of a year's format: the narrative sections and the section-二 cells to type. */
const draftForm = (year: number) =>
  z.object(
    Object.fromEntries(
      [...NARRATIVE_KEYS, ...MANUAL_ARTICLE20_FIELDS(reportFormatOf(year)).map((f) => figureField(f.key))].map((k) => [
        k,
        typed(),
      ]),
    ),
  );

/**
 * Maps the use case's field keys onto the form's fields: `overview` or `sections.overview` → the
 * textarea; `licensing.decisions`, `article20.licensing.decisions` → that cell's input.
 */
export function formErrors(fieldErrors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, message] of Object.entries(fieldErrors)) {
    const bare = key.replace(/^(sections|article20|a20)\./, '');
    out[(NARRATIVE_KEYS as readonly string[]).includes(bare) ? bare : bare.includes('.') ? figureField(bare) : key] =
      message;
  }
  return out;
}

type Extra = {
  values?: Record<string, string>;
  errors?: FieldErrors;
  message?: string;
  reason?: string;
  withdrawReason?: string;
  flash?: string;
};

/** The report page, with what was typed and the messages after a refused form. */
async function reportPage(c: StaffContext, t: Target, extra: Extra = {}) {
  const record: ReportRecord = await loadReport(c.get('ctx'), c.get('actor'), t.orgId, t.year);
  const fields = MANUAL_ARTICLE20_FIELDS(record.format);
  return (
    <ReportPage
      {...staffPage(c)}
      record={record}
      fields={fields}
      values={{ ...formValuesOf(record, fields), ...extra.values }}
      errors={extra.errors}
      message={extra.message}
      reason={extra.reason}
      withdrawReason={extra.withdrawReason}
      flash={extra.flash}
    />
  );
}

/** The 更正说明's fields on the confirmation page. */
const NOTE_FIELDS = ['correctedOn', 'correctionWhat', 'correctionWhy'] as const;

/**
 * The confirmation before publishing, with the portal's absolute URLs; after a refused click, the message and the
 * 更正说明 as typed with its errors.
 */
async function confirmPage(c: StaffContext, t: Target, refused: Partial<FormState> = {}) {
  const confirmation = await publishConfirmation(c.get('ctx'), c.get('actor'), t.orgId, t.year);
  const origin = await publicOrigin(c);
  const code = confirmation.record.creditCode;
  const typed = refused.values ?? {};
  const errors = refused.errors ?? {};
  return (
    <PublishConfirmPage
      {...staffPage(c)}
      confirmation={confirmation}
      pageUrl={`${origin}${publicReportHref(code, t.year)}`}
      archiveUrl={`${origin}${archiveHref(code)}`}
      message={refused.message}
      values={refused.values ? Object.fromEntries(NOTE_FIELDS.map((k) => [k, valueOf(typed, k)])) : undefined}
      errors={Object.fromEntries(NOTE_FIELDS.filter((k) => errors[k]).map((k) => [k, errors[k]!]))}
    />
  );
}

/** The message after publishing: the first time, a correction, or again after a withdrawal. */
const publishedFlash = (r: ReportRecord): string =>
  r.versions.length === 1
    ? 'published'
    : r.versions.some((v) => v.status.kind === 'corrected')
      ? 'corrected'
      : 'republished';

/** One field's error as the page's errors (none: empty). */
const fieldError = (message: string | undefined, field: string): FieldErrors => (message ? { [field]: message } : {});

/** Back to the report page with a flash message (303). */
const backTo = (c: StaffContext, t: Target, flash: string) =>
  c.redirect(`${reportHref(t.orgId, t.year)}?flash=${flash}`, 303);

/** Registers /admin/reports, its rollup and one report's pages (call after the deadline routes). */
export function registerAnnualReportRoutes(admin: Hono<StaffEnv>): void {
  admin.get(REPORTS_PATH, async (c) => {
    const [ctx, actor] = [c.get('ctx'), c.get('actor')];
    const choices = await reportChoices(ctx, actor, 'report.read');
    const { query, errors, chosen } = readChoice(c, choices, '请选择可以查看的机构');
    const base = { actor, csrf: c.get('csrf'), orgs: choices.orgs, query, errors, can: choices.can };
    if (!chosen) return c.html(<ReportIndexPage {...base} />, 400);
    const register = await reportRegister(ctx, actor, chosen.orgId, chosen.year);
    return c.html(<ReportIndexPage {...base} register={register} />);
  });

  // Before `REPORT`: `/admin/reports/rollup/export.json` must not be read as organization "rollup".
  registerRollupRoutes(admin);

  admin.get(REPORT, async (c) => c.html(await reportPage(c, reportTarget(c), { flash: flashOf(c, FLASH) })));

  admin.post(`${REPORT}/draft`, (c) => {
    const t = reportTarget(c);
    const fields = MANUAL_ARTICLE20_FIELDS(reportFormatOf(t.year));
    return formAction(c, {
      schema: draftForm(t.year),
      run: (input) =>
        saveReportDraft(c.get('ctx'), c.get('actor'), t.orgId, t.year, {
          sections: Object.fromEntries(NARRATIVE_KEYS.map((k) => [k, input[k] ?? ''])),
          article20: Object.fromEntries(fields.map((f) => [f.key, (input[figureField(f.key)] ?? '').trim()])),
        }),
      done: () => backTo(c, t, 'saved'),
      again: (state: FormState) => {
        const keys = [...NARRATIVE_KEYS, ...fields.map((f) => figureField(f.key))];
        const values = Object.fromEntries(keys.map((k) => [k, valueOf(state.values, k)]));
        return reportPage(c, t, { values, errors: formErrors(state.errors), message: state.message });
      },
    });
  });

  // The buttons: a move of the workflow or a redraft; a refusal shows the report with the reason.
  const button = (path: string, run: typeof submitReport, flash: string) =>
    admin.post(`${REPORT}/${path}`, (c) => {
      const t = reportTarget(c);
      return formAction(c, {
        schema: NOTHING,
        run: () => run(c.get('ctx'), c.get('actor'), t.orgId, t.year),
        done: () => backTo(c, t, flash),
        again: (state) => reportPage(c, t, { message: state.message }),
      });
    });
  button('regenerate', regenerateNarrative, 'regenerated#edit');
  button('submit', submitReport, 'submitted');
  button('correct', startCorrection, 'correcting#edit');
  button('cancel-correction', cancelCorrection, 'correction-cancelled');

  // Publishing needs the confirming click: the page says what goes public and where; only confirm=1 publishes.
  admin.get(`${REPORT}/publish`, async (c) => c.html(await confirmPage(c, reportTarget(c))));
  admin.post(`${REPORT}/publish`, async (c) => {
    const t = reportTarget(c);
    const values = await readForm(c);
    if (valueOf(values, 'confirm') !== '1') return c.html(await confirmPage(c, t));
    return formAction(c, {
      schema: z.object(Object.fromEntries(NOTE_FIELDS.map((k) => [k, typed()]))),
      values,
      // The note's fields are sent only for a correction; the use case asks for them then.
      run: (note) => publishReport(c.get('ctx'), c.get('actor'), t.orgId, t.year, note),
      done: (record) => backTo(c, t, publishedFlash(record)),
      again: (state) => confirmPage(c, t, state),
    });
  });

  // The forms of one reason (退回 by the supervisor, 撤回 by the administrator): a refusal shows it again as typed.
  const reasonForm = (
    path: string,
    field: 'reason' | 'withdrawReason',
    run: (ctx: StaffContext, t: Target, reason: string) => Promise<unknown>,
    flash: string,
  ) =>
    admin.post(`${REPORT}/${path}`, (c) => {
      const t = reportTarget(c);
      return formAction(c, {
        schema: z.object({ [field]: typed() }),
        run: (input) => run(c, t, String(input[field] ?? '')),
        done: () => backTo(c, t, flash),
        again: (state) =>
          reportPage(c, t, {
            [field]: valueOf(state.values, field),
            message: state.message,
            // The use cases name the field `reason`.
            errors: fieldError(state.errors.reason ?? state.errors[field], field),
          }),
      });
    });
  reasonForm(
    'return',
    'reason',
    (c, t, r) => returnReport(c.get('ctx'), c.get('actor'), t.orgId, t.year, r),
    'returned',
  );
  reasonForm(
    'withdraw',
    'withdrawReason',
    (c, t, r) => withdrawReport(c.get('ctx'), c.get('actor'), t.orgId, t.year, r),
    'withdrawn',
  );

  admin.post(`${REPORT}/figures.csv`, async (c) => {
    const t = reportTarget(c);
    const body = await parseBody(c);
    const file =
      body.csv instanceof File
        ? { name: body.csv.name, bytes: new Uint8Array(await body.csv.arrayBuffer()) }
        : undefined;
    return formAction(c, {
      schema: NOTHING,
      values: await readForm(c),
      run: () => importArticle20Upload(c.get('ctx'), c.get('actor'), t.orgId, t.year, file),
      done: () => backTo(c, t, 'imported'),
      // The file's own errors name lines and cells: they stand beside the file input.
      again: (state) =>
        reportPage(c, t, {
          message: state.errors.csv ? state.message : 'CSV 文件未导入（整个文件均未导入）',
          errors: { csv: state.errors.csv ?? state.message ?? '' },
        }),
    });
  });

  admin.get(`${REPORT}/:file{export\\.[a-z]+}`, async (c) => {
    const t = reportTarget(c);
    const kind = c.req.param('file').slice('export.'.length);
    if (!isReportExportKind(kind)) return c.html(notFoundPage(), 404);
    return download(c, await reportFile(c.get('ctx'), c.get('actor'), t.orgId, t.year, kind));
  });
}
