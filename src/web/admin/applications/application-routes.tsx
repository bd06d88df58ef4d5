/** @jsxImportSource hono/jsx */
// Back-office pages of 依申请公开: the case list, staff entry for the other channels (art. 31), the
// case page with its deadline ledger and moves, the moves themselves, and the identity proof download.
import type { Context, Hono } from 'hono';
import { releaseToAll } from '../../../app/applications/release-to-all.js';
import { AppError } from '../../../app/errors.js';
import { actOnApplication } from '../../../app/applications/act-on-application.js';
import { getApplication } from '../../../app/applications/application-queries.js';
import { submitApplication } from '../../../app/applications/submit-application.js';
import {
  caseHandlers,
  caseOrganizations,
  listCases,
  staffNames,
  type CaseListOptions,
} from '../../../app/applications/case-lists.js';
import {
  ACTIONS,
  APPLICATION_STATES,
  type Action,
  type ApplicationState,
  type Channel,
} from '../../../domain/applications/application.js';
import { ACTION_LABELS } from '../../../domain/applications/transition-table.js';
import type { Actor } from '../../../domain/policies/actor.js';
import { readForm, requireActor, statusOf, str } from '../../common/respond.js';
import type { WebEnv } from '../../common/env.js';
import { ApplicationListPage, type ApplicationListQuery } from './application-views.js';
import { ENTRY_LABELS, NewApplicationPage, STAFF_CHANNELS } from './application-entry-views.js';
import { ApplicationCasePage, type FailedMove } from './application-case-views.js';

type C = Context<WebEnv>;

const PAGE_SIZE = 20;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const FLASH_CREATED = '申请已录入。';

const isAction = (v: string): v is Action => (ACTIONS as readonly string[]).includes(v);
const isState = (v: string): v is ApplicationState => (APPLICATION_STATES as readonly string[]).includes(v);

/** The list query as typed, the options it means, and messages for malformed dates (ignored). */
function parseListQuery(
  c: C,
  actor: Actor,
): { query: ApplicationListQuery; opts: CaseListOptions; errors: Record<string, string> } {
  const q = (k: string) => (c.req.query(k) ?? '').trim();
  const query: ApplicationListQuery = {
    state: q('state'),
    org: q('org'),
    mine: q('mine'),
    open: q('open'),
    deadline: q('deadline'),
    from: q('from'),
    to: q('to'),
    q: q('q'),
    page: Math.max(1, Math.floor(Number(q('page')) || 1)),
  };
  const errors: Record<string, string> = {};
  if (query.from && !DATE.test(query.from)) errors.from = '日期格式应为 YYYY-MM-DD';
  if (query.to && !DATE.test(query.to)) errors.to = '日期格式应为 YYYY-MM-DD';
  const opts: CaseListOptions = {
    state: isState(query.state) ? query.state : undefined,
    orgId: query.org || undefined,
    handlerId: query.mine === '1' ? actor.userId : undefined,
    open: query.open === 'open' ? true : query.open === 'closed' ? false : undefined,
    deadline: query.deadline === 'overdue' || query.deadline === 'due_soon' ? query.deadline : undefined,
    receivedFrom: errors.from ? undefined : query.from,
    receivedTo: errors.to ? undefined : query.to,
    query: query.q,
  };
  return { query, opts, errors };
}

/** The entry form's fields as submitted (strings), and the use-case input they make. */
function entryValues(form: Record<string, string | string[]>): Record<string, string> {
  return Object.fromEntries(
    ['submissionKey', ...Object.keys(ENTRY_LABELS)]
      .filter((k) => k !== 'proof' && k !== 'dates')
      .map((k) => [k, str(form, k).trim()]),
  );
}

function entryInput(v: Record<string, string>) {
  const pick = (prefix: string) =>
    Object.fromEntries(
      Object.entries(v)
        .filter(([k]) => k.startsWith(prefix))
        .map(([k, x]) => [k.slice(prefix.length), x]),
    );
  const { description, title, docNo, indexNo, carrier, delivery } = v;
  return {
    orgCreditCode: v.orgCreditCode ?? '',
    channel: (STAFF_CHANNELS as readonly string[]).includes(v.channel ?? '') ? (v.channel as Channel) : 'in_person',
    form: { applicant: pick('applicant.'), description, title, docNo, indexNo, carrier, delivery },
    dates: pick('dates.'),
    submissionKey: v.submissionKey || undefined,
  };
}

async function entryOrgs(c: C, actor: Actor): Promise<[string, string][]> {
  return (await caseOrganizations(c.get('ctx'), actor)).enterable.map((o) => [o.creditCode, o.name]);
}

/** Renders the case page, optionally after a failed move (with its status). */
async function casePage(
  c: C,
  actor: Actor,
  id: string,
  failed?: FailedMove & { status: 403 | 409 | 422 },
): Promise<Response> {
  const ctx = c.get('ctx');
  const view = await getApplication(ctx, actor, id);
  const [notices, names, handlers] = await Promise.all([
    ctx.repos.notices.forApplication(id),
    staffNames(ctx),
    view.moves.some((m) => m.action === 'assign') ? caseHandlers(ctx, view.org.id) : Promise.resolve([]),
  ]);
  const flashAction = c.req.query('flash') ?? '';
  const flash =
    flashAction === 'created'
      ? FLASH_CREATED
      : isAction(flashAction)
        ? `已完成“${ACTION_LABELS[flashAction]}”。`
        : undefined;
  const page = (
    <ApplicationCasePage
      actor={actor}
      csrf={c.get('csrf')}
      view={view}
      notices={notices.map((n) => ({
        id: n.id,
        kind: n.kind,
        docNo: n.docNo,
        issuedOn: n.issuedOn,
        servedOn: n.servedOn,
      }))}
      handlerName={(uid) => (uid ? (names.get(uid)?.label ?? '（未知账号）') : '未分配')}
      handlers={handlers.map((h) => [
        h.id,
        h.displayName && h.displayName !== h.username ? `${h.displayName}（${h.username}）` : h.username,
      ])}
      orgs={(await ctx.repos.orgs.list()).filter((o) => o.id !== view.org.id).map((o) => [o.id, o.name])}
      flash={failed ? undefined : flash}
      failed={failed}
    />
  );
  return c.html(page, failed?.status ?? 200);
}

/** Registers the /admin/applications pages. */
export function registerApplicationRoutes(app: Hono<WebEnv>): void {
  app.get('/admin/applications', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const ctx = c.get('ctx');
    const { query, opts, errors } = parseListQuery(c, actor);
    const [{ items, total }, orgs, names] = await Promise.all([
      listCases(ctx, actor, opts, { limit: PAGE_SIZE, offset: (query.page - 1) * PAGE_SIZE }),
      caseOrganizations(ctx, actor),
      staffNames(ctx),
    ]);
    const handlerName = (id: string | null) => (id ? (names.get(id)?.label ?? '（未知账号）') : '未分配');
    const page = (
      <ApplicationListPage
        actor={actor}
        csrf={c.get('csrf')}
        rows={items}
        total={total}
        pageSize={PAGE_SIZE}
        query={query}
        errors={errors}
        orgs={orgs.visible.map((o) => [o.id, o.name])}
        handlerName={handlerName}
        canEnter={orgs.enterable.length > 0}
      />
    );
    return c.html(page);
  });

  app.get('/admin/applications/new', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const orgs = await entryOrgs(c, actor);
    const values = {
      submissionKey: c.get('ctx').crypto.randomToken(),
      orgCreditCode: orgs[0]?.[0] ?? '',
      channel: 'in_person',
      'applicant.type': 'natural_person',
      'applicant.idType': 'resident_id',
      carrier: 'paper',
      delivery: 'post',
    };
    if (orgs.length === 0) {
      return c.html(
        <NewApplicationPage
          actor={actor}
          csrf={c.get('csrf')}
          values={values}
          orgs={orgs}
          message="您不是任何机构的依申请公开承办人，不能录入申请。"
        />,
        403,
      );
    }
    return c.html(<NewApplicationPage actor={actor} csrf={c.get('csrf')} values={values} orgs={orgs} />);
  });

  app.post('/admin/applications/new', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const body = await c.req.parseBody();
    const values = entryValues(await readForm(c));
    const file = body.proof instanceof File && body.proof.size > 0 ? body.proof : undefined;
    const proof = file ? { content: new Uint8Array(await file.arrayBuffer()), fileName: file.name } : undefined;
    try {
      const r = await submitApplication(c.get('ctx'), actor, { ...entryInput(values), proof });
      return c.redirect(`/admin/applications/${r.id}?flash=created`, 303);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const message = e.code === 'not_found' ? '请选择受理机关' : e.message;
      return c.html(
        <NewApplicationPage
          actor={actor}
          csrf={c.get('csrf')}
          values={values}
          errors={e.fieldErrors}
          message={message}
          orgs={await entryOrgs(c, actor)}
        />,
        e.code === 'not_found' ? 422 : statusOf(e),
      );
    }
  });

  app.get('/admin/applications/:id', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    try {
      return await casePage(c, actor, c.req.param('id'));
    } catch (e) {
      if (e instanceof AppError && e.code === 'not_found') return c.notFound();
      throw e;
    }
  });

  app.get('/admin/applications/:id/proof', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const ctx = c.get('ctx');
    const view = await getApplication(ctx, actor, c.req.param('id')).catch(() => undefined);
    // proofFileId is null unless the actor may see the applicant's personal data.
    const file = view?.app.proofFileId ? await ctx.repos.files.get(view.app.proofFileId) : undefined;
    if (!view || !file) return c.notFound();
    const ext = file.mime === 'application/pdf' ? 'pdf' : file.mime === 'image/png' ? 'png' : 'jpg';
    c.header('Content-Disposition', `attachment; filename="proof-${view.app.trackingCode}.${ext}"`);
    c.header('X-Content-Type-Options', 'nosniff');
    return c.body(new Uint8Array(file.content), 200, { 'Content-Type': file.mime });
  });

  app.post('/admin/applications/:id/release', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    try {
      const draft = await releaseToAll(c.get('ctx'), actor, c.req.param('id'));
      return c.redirect(`/admin/publications/${draft.id}`, 303);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return casePage(c, actor, c.req.param('id'), {
        action: 'release_to_all',
        message: e.message,
        values: {},
        status: e.code === 'forbidden' ? 403 : 422,
      });
    }
  });

  app.post('/admin/applications/:id/actions', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const id = c.req.param('id');
    const form = await readForm(c);
    const action = str(form, 'action');
    const values = Object.fromEntries(
      Object.keys(form)
        .filter((k) => k !== '_csrf' && k !== 'action')
        .map((k) => [k, str(form, k)]),
    );
    try {
      if (!isAction(action)) {
        return await casePage(c, actor, id, { action, message: '未知的办理事项', values, status: 422 });
      }
      await actOnApplication(c.get('ctx'), actor, id, action, values);
      return c.redirect(`/admin/applications/${id}?flash=${action}`, 303);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      if (e.code === 'not_found') return c.notFound();
      const status = statusOf(e);
      const message = [e.message, ...Object.values(e.fieldErrors)].join('：');
      return casePage(c, actor, id, {
        action,
        message,
        values,
        status: status === 403 || status === 409 ? status : 422,
      });
    }
  });
}
