// The staff JSON API of 依申请公开 (bearer token): list cases, read one with its deadline ledger,
// and make a move. The public intake (POST /api/v1/applications) lives in its own module.
import type { Context, Hono } from 'hono';
import { AppError } from '../../app/errors.js';
import { actorOf } from '../../app/actors.js';
import { actOnApplication } from '../../app/applications/act-on-application.js';
import { getApplication, type CaseView } from '../../app/applications/application-queries.js';
import { listCases, staffNames, type CaseListOptions, type StatusRow } from '../../app/applications/case-lists.js';
import {
  ACTIONS,
  APPLICATION_STATES,
  type Action,
  type ApplicationState,
} from '../../domain/applications/application.js';
import { ACTION_LABELS, STATE_LABELS } from '../../domain/applications/transition-table.js';
import { OUTCOME_INFO, outcomeCitation } from '../../domain/applications/outcomes.js';
import type { WebEnv } from '../common/env.js';
import { statusOf } from '../common/respond.js';
import { apiUser } from './api-routes.js';

type C = Context<WebEnv>;
type Names = Awaited<ReturnType<typeof staffNames>>;

const MAX_LIMIT = 100;
const DEFAULT_LIMIT = 20;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An error body: a code, a Chinese message and, for input errors, messages per field. */
const failure = (
  c: C,
  status: 400 | 401 | 403 | 404 | 409 | 422 | 423,
  code: string,
  message: string,
  errors: Record<string, string> = {},
) => c.json({ error: code, message, ...(Object.keys(errors).length > 0 ? { errors } : {}) }, status);

const appFailure = (c: C, e: AppError) => failure(c, statusOf(e), e.code, e.message, e.fieldErrors);

/** Registers GET /api/v1/applications, GET /api/v1/applications/:id and POST /api/v1/applications/:id/actions. */
export function registerStaffApplicationApi(app: Hono<WebEnv>): void {
  app.get('/api/v1/applications', async (c) => {
    const user = await apiUser(c);
    if (user instanceof Response) return user;
    const parsed = parseListQuery(c);
    if ('errors' in parsed) return failure(c, 422, 'invalid', '查询参数有误', parsed.errors);
    const ctx = c.get('ctx');
    const [{ items, total }, names] = await Promise.all([
      listCases(ctx, actorOf(user), parsed.opts, parsed.page),
      staffNames(ctx),
    ]);
    return c.json({
      items: items.map((r) => listItem(r, names)),
      total,
      limit: parsed.page.limit,
      offset: parsed.page.offset,
    });
  });

  app.get('/api/v1/applications/:id', async (c) => {
    const user = await apiUser(c);
    if (user instanceof Response) return user;
    const ctx = c.get('ctx');
    try {
      const [view, names] = await Promise.all([getApplication(ctx, actorOf(user), c.req.param('id')), staffNames(ctx)]);
      return c.json(caseBody(view, names));
    } catch (e) {
      if (e instanceof AppError) return appFailure(c, e);
      throw e;
    }
  });

  app.post('/api/v1/applications/:id/actions', async (c) => {
    const user = await apiUser(c);
    if (user instanceof Response) return user;
    const body: unknown = await c.req.json().catch(() => undefined);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return failure(c, 400, 'bad_request', '请求体应为 JSON 对象');
    }
    const { action, ...params } = body as Record<string, unknown>;
    if (typeof action !== 'string' || !(ACTIONS as readonly string[]).includes(action)) {
      return failure(c, 422, 'invalid', '未知的办理事项', { action: `action 应为以下之一：${ACTIONS.join(', ')}` });
    }
    try {
      return c.json(await actOnApplication(c.get('ctx'), actorOf(user), c.req.param('id'), action as Action, params));
    } catch (e) {
      if (e instanceof AppError) return appFailure(c, e);
      throw e;
    }
  });
}

/**
 * Parses the list's query string; every malformed value is reported, none silently ignored.
 * `overdue=true` lists the open cases past their due date; `overdue=false` is the same as leaving it out.
 */
function parseListQuery(
  c: C,
): { opts: CaseListOptions; page: { limit: number; offset: number } } | { errors: Record<string, string> } {
  const q = (k: string) => c.req.query(k)?.trim();
  const errors: Record<string, string> = {};
  const bool = (k: string): boolean | undefined => {
    const v = q(k);
    if (v === undefined || v === '') return undefined;
    if (['true', '1'].includes(v)) return true;
    if (['false', '0'].includes(v)) return false;
    errors[k] = `${k} 应为 true 或 false`;
    return undefined;
  };
  const int = (k: string, fallback: number, max: number): number => {
    const v = q(k);
    if (v === undefined || v === '') return fallback;
    const n = /^\d+$/.test(v) ? Number(v) : NaN;
    if (!Number.isSafeInteger(n) || n > max || (k === 'limit' && n < 1)) {
      errors[k] = `${k} 应为 ${k === 'limit' ? 1 : 0} 到 ${max} 之间的整数`;
    }
    return n;
  };
  const state = q('state');
  if (state && !(APPLICATION_STATES as readonly string[]).includes(state)) {
    errors.state = `state 应为以下之一：${APPLICATION_STATES.join(', ')}`;
  }
  for (const k of ['receivedFrom', 'receivedTo']) {
    if (q(k) && !DATE.test(q(k) ?? '')) errors[k] = `${k} 应为 YYYY-MM-DD 格式的日期`;
  }
  const open = bool('open');
  const overdue = bool('overdue');
  const page = { limit: int('limit', DEFAULT_LIMIT, MAX_LIMIT), offset: int('offset', 0, Number.MAX_SAFE_INTEGER) };
  if (Object.keys(errors).length > 0) return { errors };
  const opts: CaseListOptions = {
    state: (state || undefined) as ApplicationState | undefined,
    orgCreditCode: q('org') || undefined,
    handlerUsername: q('handler') || undefined,
    open,
    deadline: overdue === true ? 'overdue' : undefined,
    receivedFrom: q('receivedFrom') || undefined,
    receivedTo: q('receivedTo') || undefined,
    query: q('q') || undefined,
  };
  return { opts, page };
}

function outcomeBody(code: CaseView['app']['outcome']) {
  return code === null
    ? null
    : { label: OUTCOME_INFO[code].label, group: OUTCOME_INFO[code].groupLabel, citation: outcomeCitation(code) };
}

function listItem(r: StatusRow, names: Names) {
  return {
    id: r.id,
    trackingCode: r.trackingCode,
    org: { id: r.orgId, name: r.orgName },
    channel: r.channel,
    receivedOn: r.receivedOn,
    applicant: {
      type: r.applicantType,
      name: r.applicantVisible ? r.applicantName : null,
      idNumberMasked: r.applicantVisible ? r.idNumberMasked : null,
    },
    state: r.state,
    stateLabel: STATE_LABELS[r.state],
    dueOn: r.dueOn,
    status: r.status,
    handler: r.handlerId ? (names.get(r.handlerId)?.username ?? null) : null,
    outcome: r.outcome,
    closedOn: r.closedOn,
  };
}

function caseBody(v: CaseView, names: Names) {
  const a = v.app;
  return {
    id: a.id,
    trackingCode: a.trackingCode,
    org: { id: v.org.id, creditCode: v.org.creditCode, name: v.org.name },
    channel: a.channel,
    receivedOn: a.receivedOn,
    state: a.state,
    stateLabel: STATE_LABELS[a.state],
    dueOn: a.dueOn,
    status: v.status,
    waitingUntil: a.waitingUntil,
    extended: a.extended,
    closedOn: a.closedOn,
    handler: a.handlerId ? (names.get(a.handlerId)?.username ?? null) : null,
    outcome: a.outcome,
    outcomeDetail: outcomeBody(a.outcome),
    personalVisible: v.personalVisible,
    applicant: v.personalVisible ? { ...a.applicant, proofProvided: a.proofFileId !== null } : null,
    request: a.request,
    events: a.events.map((e) => ({
      seq: e.seq,
      action: e.action,
      label: ACTION_LABELS[e.action],
      on: e.on,
      at: e.at,
      actor: e.actorLabel,
      dueOn: e.dueOn,
      provisional: e.provisional,
      explanation: e.explanation,
      // Notes and parameters may quote the applicant: only for the roles that see personal data.
      ...(v.personalVisible ? { params: e.params } : {}),
    })),
    moves: v.moves.map((m) => ({ action: m.action, label: m.label, to: m.to, group: m.group, params: m.params })),
  };
}
