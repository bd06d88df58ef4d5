/** @jsxImportSource hono/jsx */
// Back-office pages of the 政府网站工作年度报表 (国办函〔2018〕12号), under /admin/website-report:
// GET  /admin/website-report?year=&org=         the filing overview (sites × state × on time / late / missing)
// POST /admin/website-report/fill               fill the report of a site and year (then its page)
// GET|POST /admin/website-report/settings       the field list and the deadline
// GET  /admin/website-report/:id                one report; POST saves the entered values
// POST …/:id/fill|review|reopen|publish|draft   the workflow; GET …/:id/report.xlsx|report.pdf the documents
// Thin handlers: parse → use case or query (which authorizes) → render; errors go to the pipeline.
import type { Hono } from 'hono';
import { fillWebsiteReport } from '../../../app/website-report/fill.js';
import { filingPage, reportDocument, reportPage } from '../../../app/website-report/pages.js';
import { reportSettingsPage, saveReportSettings } from '../../../app/website-report/settings.js';
import {
  draftReportPublication,
  publishWebsiteReport,
  reopenWebsiteReport,
  reviewWebsiteReport,
  saveEnteredValues,
} from '../../../app/website-report/workflow.js';
import { type StaffContext, type StaffEnv, staffPage } from '../../common/env.js';
import { download } from '../../common/download.js';
import { flashOf, formAction, readQuery, valueOf, type FormState } from '../../common/pipeline.js';
import { optionalYear, parseQuery, text, year, z } from '../../common/validation.js';
import { publicOrigin } from '../../common/public-origin.js';
import { websiteReportPath } from '../../public/website-report.js';
import { FilingView, ReportView, SettingsView } from './website-report-views.js';

const BASE = '/admin/website-report';
const FLASH: Readonly<Record<string, string>> = {
  filled: '已根据登记的数据自动填报。',
  saved: '填报内容已保存。',
  reviewed: '报表已审核通过。',
  reopened: '报表已退回修改。',
  published: '报表已发布。',
  settings: '设置已保存。',
};
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const anyForm = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

const reportHtml = async (c: StaffContext, id: string, state?: FormState) => (
  <ReportView
    {...staffPage(c)}
    flash={state ? undefined : flashOf(c, FLASH)}
    data={await reportPage(c.get('ctx'), c.get('actor'), id)}
    values={state?.values}
    errors={state?.errors}
    message={state?.message}
  />
);

/** A one-button move on a report: run it, then back to the report with its message (or the refusal shown). */
function move(admin: Hono<StaffEnv>, name: string, run: (c: StaffContext, id: string) => Promise<unknown>): void {
  admin.post(`${BASE}/:id/${name}`, (c) => {
    const id = c.req.param('id');
    return formAction(c, {
      schema: z.object({}),
      run: () => run(c, id),
      done: () => c.redirect(`${BASE}/${id}?flash=${name === 'fill' ? 'filled' : name}`, 303),
      again: (state) => reportHtml(c, id, state),
    });
  });
}

/** Registers the pages. */
export function registerWebsiteReportRoutes(admin: Hono<StaffEnv>): void {
  admin.get(BASE, async (c) => {
    const q = parseQuery({ year: optionalYear(), org: text(100) }, readQuery(c)).value;
    const y = q.year ?? Number(c.get('ctx').clock.today().slice(0, 4)) - 1;
    const data = await filingPage(c.get('ctx'), c.get('actor'), y, q.org || undefined);
    return c.html(<FilingView {...staffPage(c)} flash={flashOf(c, FLASH)} data={data} orgId={q.org ?? ''} />);
  });
  admin.post(`${BASE}/fill`, async (c) => {
    let made = '';
    return formAction(c, {
      schema: z.object({ siteId: text(100), year: year() }),
      run: async ({ siteId, year: y }) => {
        made = await fillWebsiteReport(c.get('ctx'), c.get('actor'), siteId, y);
      },
      done: () => c.redirect(`${BASE}/${made}?flash=filled`, 303),
      again: async (state) => {
        const y = Number(valueOf(state.values, 'year')) || Number(c.get('ctx').clock.today().slice(0, 4)) - 1;
        const data = await filingPage(c.get('ctx'), c.get('actor'), y);
        return <FilingView {...staffPage(c)} flash={state.message} data={data} orgId="" />;
      },
    });
  });
  admin.get(`${BASE}/settings`, async (c) => {
    const data = await reportSettingsPage(c.get('ctx'), c.get('actor'));
    return c.html(<SettingsView {...staffPage(c)} flash={flashOf(c, FLASH)} data={data} />);
  });
  admin.post(`${BASE}/settings`, (c) =>
    formAction(c, {
      schema: z.object({ fieldsJson: text(200_000), dueMonthDay: text(10) }),
      run: (input) => saveReportSettings(c.get('ctx'), c.get('actor'), input),
      done: () => c.redirect(`${BASE}/settings?flash=settings`, 303),
      again: async (state) => (
        <SettingsView
          {...staffPage(c)}
          data={await reportSettingsPage(c.get('ctx'), c.get('actor'))}
          values={state.values}
          errors={state.errors}
          message={state.message}
        />
      ),
    }),
  );
  admin.get(`${BASE}/:id`, async (c) => c.html(await reportHtml(c, c.req.param('id'))));
  admin.post(`${BASE}/:id`, (c) => {
    const id = c.req.param('id');
    return formAction(c, {
      schema: anyForm,
      run: (values) =>
        saveEnteredValues(
          c.get('ctx'),
          c.get('actor'),
          id,
          Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? (v[0] ?? '') : v])),
        ),
      done: () => c.redirect(`${BASE}/${id}?flash=saved`, 303),
      again: (state) => reportHtml(c, id, state),
    });
  });
  move(admin, 'fill', async (c, id) => {
    const { report } = await reportPage(c.get('ctx'), c.get('actor'), id);
    await fillWebsiteReport(c.get('ctx'), c.get('actor'), report.siteId, report.year);
  });
  move(admin, 'review', (c, id) => reviewWebsiteReport(c.get('ctx'), c.get('actor'), id));
  move(admin, 'reopen', (c, id) => reopenWebsiteReport(c.get('ctx'), c.get('actor'), id));
  admin.post(`${BASE}/:id/publish`, (c) => {
    const id = c.req.param('id');
    return formAction(c, {
      schema: z.object({ publicationUrl: text(500) }),
      run: async ({ publicationUrl }) => {
        const { report } = await reportPage(c.get('ctx'), c.get('actor'), id);
        const url = publicationUrl || (await publicOrigin(c)) + websiteReportPath(report.siteId, report.year);
        await publishWebsiteReport(c.get('ctx'), c.get('actor'), id, url);
      },
      done: () => c.redirect(`${BASE}/${id}?flash=published`, 303),
      again: (state) => reportHtml(c, id, state),
    });
  });
  admin.post(`${BASE}/:id/draft`, (c) => {
    const id = c.req.param('id');
    let draftId = '';
    return formAction(c, {
      schema: z.object({}),
      run: async () => {
        draftId = (await draftReportPublication(c.get('ctx'), c.get('actor'), id)).id;
      },
      done: () => c.redirect(`/admin/publications/${draftId}/edit`, 303),
      again: (state) => reportHtml(c, id, state),
    });
  });
  admin.get(`${BASE}/:id/report.xlsx`, async (c) => {
    const doc = await reportDocument(c.get('ctx'), c.get('actor'), c.req.param('id'), 'xlsx');
    return download(c, { bytes: doc.bytes, mime: XLSX, name: doc.filename });
  });
  admin.get(`${BASE}/:id/report.pdf`, async (c) => {
    const doc = await reportDocument(c.get('ctx'), c.get('actor'), c.req.param('id'), 'pdf');
    return download(c, { bytes: doc.bytes, mime: 'application/pdf', name: doc.filename });
  });
}
