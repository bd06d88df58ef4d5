/** @jsxImportSource hono/jsx */
// Back-office pages of website monitoring (监督保障), under /admin/monitoring:
// GET  /admin/monitoring                         the dashboard
// GET  …/sites · GET …/sites/new · POST …/sites · GET …/sites/:id · GET …/sites/:id/edit · POST …/sites/:id
// GET  …/sites/export.csv|xlsx · POST …/sites/import · POST …/sites/own-portal
// GET  …/runs · POST …/runs (queued on the job engine) · GET …/runs/:id (refreshes while running) · POST …/:id/cancel
// POST …/runs/:id/circular (the 通报 draft, then the draft editor)
// GET  …/findings · POST …/findings/:id/confirm|dismiss
// GET  …/tasks · POST …/tasks/:id/fixed
// GET  …/letters · POST …/letters · GET …/letters/:id · GET …/letters/:id/letter.docx · POST …/:id/send|delivered
// Thin handlers: parse → use case or query (which authorizes) → render; errors go to the pipeline.
import type { Hono } from 'hono';
import { invalid } from '../../../app/errors.js';
import { accessOf } from '../../../app/monitoring/access.js';
import {
  registerMessages,
  registerOwnPortal,
  saveSite,
  siteForActor,
  siteInputOf,
  visibleSites,
  type SiteInput,
} from '../../../app/monitoring/registry.js';
import { exportSites, importSites } from '../../../app/monitoring/site-import.js';
import { cancelRun, startRun } from '../../../app/monitoring/runs.js';
import { runHistory, runView } from '../../../app/monitoring/run-pages.js';
import { draftCircular } from '../../../app/monitoring/circular.js';
import { saveSensitiveWords, sensitiveWordsPage } from '../../../app/monitoring/sensitive-words.js';
import { confirmFinding, dismissFinding, markTaskFixed } from '../../../app/monitoring/follow-up.js';
import { findingList, letterList, monitoringDashboard, taskList } from '../../../app/monitoring/pages.js';
import {
  issueLetter,
  letterDocx,
  letterView,
  markLetterDelivered,
  sendLetter,
} from '../../../app/monitoring/letters.js';
import { type StaffContext, type StaffEnv, staffPage } from '../../common/env.js';
import { download } from '../../common/download.js';
import { flashOf, formAction, parseBody, type FormState, valueOf } from '../../common/pipeline.js';
import { text, z, type FormValues } from '../../common/validation.js';
import { publicOrigin } from '../../common/public-origin.js';
import {
  DashboardView,
  FindingsView,
  LetterView_,
  LettersView,
  RunsView,
  RunView_,
  SensitiveWordsView,
  SiteFormView,
  SitesView,
  SiteView,
  TasksView,
} from './monitoring-views.js';

const FLASH: Readonly<Record<string, string>> = {
  saved: '网站已保存。',
  imported: '网站登记表已导入。',
  portal: '本门户已按目录登记。',
  started: '监测已开始。',
  cancelled: '已请求取消监测。',
  confirmed: '问题已确认，已生成整改任务。',
  dismissed: '问题已排除。',
  fixed: '已标记整改完成，待下次监测复核。',
  issued: '提醒函已生成。',
  sent: '提醒函已加入发送队列。',
  delivered: '已标记送达。',
  message: '留言已登记。',
  words: '错敏词表已保存，下次监测起使用。',
};

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const anyForm = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

/** The typed form as a site: the column rows whose name, address or interval were filled. */
function siteInputOfForm(v: FormValues): SiteInput {
  const rows = new Set<number>();
  for (const k of Object.keys(v)) {
    const m = /^columns\.(\d+)\./.exec(k);
    if (m) rows.add(Number(m[1]));
  }
  const columns = [...rows]
    .sort((a, b) => a - b)
    .map((i) => ({
      name: valueOf(v, `columns.${i}.name`),
      url: valueOf(v, `columns.${i}.url`),
      kind: valueOf(v, `columns.${i}.kind`),
      intervalDays: valueOf(v, `columns.${i}.intervalDays`),
    }))
    .filter((c) => c.name.trim() !== '' || c.url.trim() !== '');
  return {
    name: valueOf(v, 'name'),
    homeUrl: valueOf(v, 'homeUrl'),
    siteCode: valueOf(v, 'siteCode'),
    orgId: valueOf(v, 'orgId'),
    kind: valueOf(v, 'kind'),
    columns,
  };
}

/** Form values of a site input (rows numbered from 0). */
function formOfSite(s: SiteInput): FormValues {
  const v: FormValues = { name: s.name, homeUrl: s.homeUrl, siteCode: s.siteCode, orgId: s.orgId, kind: s.kind };
  s.columns.forEach((c, i) => {
    v[`columns.${i}.name`] = c.name;
    v[`columns.${i}.url`] = c.url;
    v[`columns.${i}.kind`] = c.kind;
    v[`columns.${i}.intervalDays`] = c.intervalDays;
  });
  return v;
}

/** Form errors of the input keyed by its rows, re-keyed to the rows as the form numbered them. */
async function siteForm(c: StaffContext, siteId: string | undefined, state?: FormState) {
  const ctx = c.get('ctx');
  const access = await accessOf(ctx.repos, c.get('actor'));
  const orgs: [string, string][] = access.orgs
    .filter((o) => !o.retiredAt && access.may('monitoring.manage', o.id))
    .map((o) => [o.id, o.name]);
  let values: FormValues = state?.values ?? { kind: 'department' };
  if (!state && siteId) values = formOfSite(siteInputOf((await siteForActor(ctx, c.get('actor'), siteId)).site));
  if (state) values = formOfSite(siteInputOfForm(state.values));
  return (
    <SiteFormView
      {...staffPage(c)}
      siteId={siteId}
      values={values}
      errors={state?.errors}
      message={state?.message}
      orgs={orgs}
    />
  );
}

async function sitesPage(c: StaffContext, importErrors?: string[]) {
  const ctx = c.get('ctx');
  const actor = c.get('actor');
  const access = await accessOf(ctx.repos, actor);
  return (
    <SitesView
      {...staffPage(c)}
      flash={flashOf(c, FLASH)}
      sites={await visibleSites(ctx, actor)}
      canManage={access.reach('monitoring.manage').length > 0}
      importErrors={importErrors}
    />
  );
}

async function runsPage(c: StaffContext, message?: string) {
  const ctx = c.get('ctx');
  const access = await accessOf(ctx.repos, c.get('actor'));
  return (
    <RunsView
      {...staffPage(c)}
      flash={flashOf(c, FLASH)}
      runs={await runHistory(ctx, c.get('actor'))}
      canManage={access.reach('monitoring.manage').length > 0}
      message={message}
    />
  );
}

/** Registers the monitoring pages. */
export function registerMonitoringRoutes(admin: Hono<StaffEnv>): void {
  admin.get('/admin/monitoring', async (c) =>
    c.html(
      <DashboardView
        {...staffPage(c)}
        flash={flashOf(c, FLASH)}
        data={await monitoringDashboard(c.get('ctx'), c.get('actor'))}
      />,
    ),
  );
  registerSiteRoutes(admin);
  registerRunRoutes(admin);
  registerFollowUpRoutes(admin);
  registerLetterRoutes(admin);
}

function registerSiteRoutes(admin: Hono<StaffEnv>): void {
  admin.get('/admin/monitoring/sites', async (c) => c.html(await sitesPage(c)));
  admin.get('/admin/monitoring/sites/new', async (c) => c.html(await siteForm(c, undefined)));
  admin.post('/admin/monitoring/sites', (c) =>
    formAction(c, {
      schema: anyForm,
      run: (_, values) => saveSite(c.get('ctx'), c.get('actor'), siteInputOfForm(values)),
      done: (id) => c.redirect(`/admin/monitoring/sites/${id}?flash=saved`, 303),
      again: (state) => siteForm(c, undefined, state),
    }),
  );
  admin.get('/admin/monitoring/sites/export.csv', async (c) =>
    download(c, {
      bytes: await exportSites(c.get('ctx'), c.get('actor'), 'csv'),
      mime: 'text/csv; charset=utf-8',
      name: '政府网站登记表.csv',
    }),
  );
  admin.get('/admin/monitoring/sites/export.xlsx', async (c) =>
    download(c, {
      bytes: await exportSites(c.get('ctx'), c.get('actor'), 'xlsx'),
      mime: XLSX,
      name: '政府网站登记表.xlsx',
    }),
  );
  admin.post('/admin/monitoring/sites/import', async (c) => {
    const body = await parseBody(c);
    const file = body.file instanceof File && body.file.size > 0 ? body.file : undefined;
    return formAction(c, {
      values: {},
      schema: z.object({}),
      run: async () => {
        if (!file) throw invalid('请选择要导入的文件', { file: '请选择 CSV 或 XLSX 文件' });
        return importSites(c.get('ctx'), c.get('actor'), new Uint8Array(await file.arrayBuffer()));
      },
      done: async (r) =>
        r.ok
          ? c.redirect('/admin/monitoring/sites?flash=imported', 303)
          : c.html(
              await sitesPage(
                c,
                r.errors.map((e) => `${e.sheet}!${e.column}${e.row}：${e.message}`),
              ),
              422,
            ),
      again: (state) => sitesPage(c, [state.message ?? state.errors.file ?? '无法导入']),
    });
  });
  admin.post('/admin/monitoring/sites/own-portal', async (c) => {
    await registerOwnPortal(c.get('ctx'), c.get('actor'), await publicOrigin(c));
    return c.redirect('/admin/monitoring/sites?flash=portal', 303);
  });
  admin.get('/admin/monitoring/sites/:id', async (c) => {
    const { site, canManage } = await siteForActor(c.get('ctx'), c.get('actor'), c.req.param('id'));
    return c.html(<SiteView {...staffPage(c)} flash={flashOf(c, FLASH)} site={site} canManage={canManage} />);
  });
  admin.post('/admin/monitoring/sites/:id/messages', (c) => {
    const id = c.req.param('id');
    return formAction(c, {
      schema: z.object({ columnId: text(64), receivedOn: text(10), answeredOn: text(10), subject: text(200) }),
      run: ({ columnId, ...m }) => registerMessages(c.get('ctx'), c.get('actor'), id, columnId, [m]),
      done: () => c.redirect(`/admin/monitoring/sites/${id}?flash=message`, 303),
      again: async (state) => {
        const { site, canManage } = await siteForActor(c.get('ctx'), c.get('actor'), id);
        // The use case keys a message's errors by its index in the list: the form sends one, index 0.
        const errors = Object.fromEntries(Object.entries(state.errors).map(([k, v]) => [k.replace(/^0\./, ''), v]));
        return (
          <SiteView
            {...staffPage(c)}
            site={site}
            canManage={canManage}
            values={state.values}
            messageErrors={errors}
            messageError={state.message}
          />
        );
      },
    });
  });
  admin.get('/admin/monitoring/sites/:id/edit', async (c) => c.html(await siteForm(c, c.req.param('id'))));
  admin.post('/admin/monitoring/sites/:id', (c) => {
    const id = c.req.param('id');
    return formAction(c, {
      schema: anyForm,
      run: (_, values) => saveSite(c.get('ctx'), c.get('actor'), siteInputOfForm(values), id),
      done: () => c.redirect(`/admin/monitoring/sites/${id}?flash=saved`, 303),
      again: (state) => siteForm(c, id, state),
    });
  });
}

function registerRunRoutes(admin: Hono<StaffEnv>): void {
  admin.get('/admin/monitoring/runs', async (c) => c.html(await runsPage(c)));
  admin.post('/admin/monitoring/runs', (c) =>
    formAction(c, {
      schema: z.object({ siteId: text(64), all: text(8) }),
      run: ({ siteId, all }) => startRun(c.get('ctx'), c.get('actor'), siteId ? { siteId } : { all: all === '1' }),
      done: (run) => c.redirect(`/admin/monitoring/runs/${run.id}?flash=started`, 303),
      again: (state) => runsPage(c, state.message ?? Object.values(state.errors).join('；')),
    }),
  );
  admin.get('/admin/monitoring/runs/:id', async (c) =>
    c.html(
      <RunView_
        {...staffPage(c)}
        flash={flashOf(c, FLASH)}
        view={await runView(c.get('ctx'), c.get('actor'), c.req.param('id'))}
      />,
    ),
  );
  admin.post('/admin/monitoring/runs/:id/cancel', async (c) => {
    const id = c.req.param('id');
    await cancelRun(c.get('ctx'), c.get('actor'), id);
    return c.redirect(`/admin/monitoring/runs/${id}?flash=cancelled`, 303);
  });
  // "生成通报": the circular of the round as a publication draft, opened in the editor (review chain from there).
  admin.post('/admin/monitoring/runs/:id/circular', async (c) => {
    const created = await draftCircular(c.get('ctx'), c.get('actor'), { runId: c.req.param('id') });
    return c.redirect(`/admin/publications/${created.id}/edit`, 303);
  });
}

/** A list page's common props, with the failed row form's values and errors. */
const listState = (c: StaffContext, state?: FormState, failedId?: string) => ({
  ...staffPage(c),
  flash: flashOf(c, FLASH),
  errors: state?.errors,
  values: state?.values,
  failedId,
});

async function findingsPage(c: StaffContext, state?: FormState, failedId?: string) {
  return <FindingsView {...listState(c, state, failedId)} rows={await findingList(c.get('ctx'), c.get('actor'))} />;
}

async function tasksPage(c: StaffContext, state?: FormState, failedId?: string) {
  return <TasksView {...listState(c, state, failedId)} rows={await taskList(c.get('ctx'), c.get('actor'))} />;
}

function registerFollowUpRoutes(admin: Hono<StaffEnv>): void {
  admin.get('/admin/monitoring/findings', async (c) => c.html(await findingsPage(c)));
  admin.post('/admin/monitoring/findings/:id/confirm', async (c) => {
    await confirmFinding(c.get('ctx'), c.get('actor'), c.req.param('id'));
    return c.redirect('/admin/monitoring/findings?flash=confirmed', 303);
  });
  admin.post('/admin/monitoring/findings/:id/dismiss', (c) => {
    const id = c.req.param('id');
    return formAction(c, {
      schema: z.object({ reason: text(2000) }),
      run: ({ reason }) => dismissFinding(c.get('ctx'), c.get('actor'), id, reason),
      done: () => c.redirect('/admin/monitoring/findings?flash=dismissed', 303),
      again: (state) => findingsPage(c, state, id),
    });
  });
  admin.get('/admin/monitoring/words', async (c) => {
    const data = await sensitiveWordsPage(c.get('ctx'), c.get('actor'));
    return c.html(<SensitiveWordsView {...staffPage(c)} flash={flashOf(c, FLASH)} data={data} />);
  });
  admin.post('/admin/monitoring/words', (c) =>
    formAction(c, {
      schema: z.object({ words: text(200_000) }),
      run: ({ words }) => saveSensitiveWords(c.get('ctx'), c.get('actor'), words),
      done: () => c.redirect('/admin/monitoring/words?flash=words', 303),
      again: async (state) => {
        const data = await sensitiveWordsPage(c.get('ctx'), c.get('actor'));
        return (
          <SensitiveWordsView
            {...staffPage(c)}
            data={data}
            values={state.values}
            errors={state.errors}
            message={state.message}
          />
        );
      },
    }),
  );
  admin.get('/admin/monitoring/tasks', async (c) => c.html(await tasksPage(c)));
  admin.post('/admin/monitoring/tasks/:id/fixed', (c) => {
    const id = c.req.param('id');
    return formAction(c, {
      schema: z.object({ note: text(4000) }),
      run: ({ note }) => markTaskFixed(c.get('ctx'), c.get('actor'), id, note),
      done: () => c.redirect('/admin/monitoring/tasks?flash=fixed', 303),
      again: (state) => tasksPage(c, state, id),
    });
  });
}

async function lettersPage(c: StaffContext, state?: FormState) {
  const data = await letterList(c.get('ctx'), c.get('actor'));
  return (
    <LettersView
      {...staffPage(c)}
      flash={flashOf(c, FLASH)}
      {...data}
      errors={state?.errors}
      message={state?.message}
      values={state?.values}
    />
  );
}

async function letterPage(c: StaffContext, id: string, state?: FormState) {
  const view = await letterView(c.get('ctx'), c.get('actor'), id);
  return (
    <LetterView_
      {...staffPage(c)}
      flash={flashOf(c, FLASH)}
      view={view}
      errors={state?.errors}
      values={state?.values}
    />
  );
}

function registerLetterRoutes(admin: Hono<StaffEnv>): void {
  admin.get('/admin/monitoring/letters', async (c) => c.html(await lettersPage(c)));
  admin.post('/admin/monitoring/letters', (c) =>
    formAction(c, {
      schema: z.object({ orgId: text(64), deadlineOn: text(10) }),
      run: ({ orgId, deadlineOn }) => issueLetter(c.get('ctx'), c.get('actor'), orgId, { deadlineOn }),
      done: (l) => c.redirect(`/admin/monitoring/letters/${l.id}?flash=issued`, 303),
      again: (state) => lettersPage(c, state),
    }),
  );
  admin.get('/admin/monitoring/letters/:id', async (c) => c.html(await letterPage(c, c.req.param('id'))));
  admin.get('/admin/monitoring/letters/:id/letter.docx', async (c) => {
    const doc = await letterDocx(c.get('ctx'), c.get('actor'), c.req.param('id'));
    return download(c, { bytes: doc.bytes, mime: DOCX, name: doc.name });
  });
  admin.post('/admin/monitoring/letters/:id/send', (c) => {
    const id = c.req.param('id');
    return formAction(c, {
      schema: z.object({ email: text(200) }),
      run: ({ email }) => sendLetter(c.get('ctx'), c.get('actor'), id, email),
      done: () => c.redirect(`/admin/monitoring/letters/${id}?flash=sent`, 303),
      again: (state) => letterPage(c, id, state),
    });
  });
  admin.post('/admin/monitoring/letters/:id/delivered', async (c) => {
    const id = c.req.param('id');
    await markLetterDelivered(c.get('ctx'), c.get('actor'), id);
    return c.redirect(`/admin/monitoring/letters/${id}?flash=delivered`, 303);
  });
}
