// Making a move on a case: decide (pure) → store the new state, the event and the audit entry in one transaction.
import type { ApplicationContext, ApplicationUseCaseRepos } from './ports.js';
import type { Actor } from '../../domain/policies/actor.js';
import type { Action, ApplicationSnapshot } from '../../domain/applications/application.js';
import { decide } from '../../domain/applications/transitions.js';
import { ancestry } from '../../domain/orgs/organization.js';
import { AppError, conflict, fromDomainError, invalid, notFound } from '../errors.js';
import { auditBy } from '../actors.js';
import { accessTo, loadCase, today, type CaseContext } from './case-context.js';
import { previousCaseError } from '../../domain/applications/repeat-check.js';
import { buildReplyDraft, issueNoticesFor } from './notices.js';
import { approvalParams, withArchiveNo, withDefaultRetention } from './approval-steps.js';

/** The result of a move: the case after it. */
export type ActResult = { state: ApplicationSnapshot['state']; dueOn: string | null; noticeIds: string[] };

/**
 * What a caller also writes in the move's transaction once the event `seq` is stored (marking a proposed correction
 * accepted); throwing an AppError undoes the whole move.
 */
export type WithinMove = (r: ApplicationUseCaseRepos, seq: number, now: string) => Promise<void>;

/**
 * Makes one move. A case the actor may not see answers 404; then the role check (403 whatever the state: the role
 * held at the handling organization itself, or the 协办 helper's moves, docs/security/privacy.md), the transition
 * table (409), then the parameters (422); nothing changes on any error.
 * @param actor null for the system's lapse moves
 * @param within what else to write in the same transaction
 */
export async function actOnApplication(
  ctx: ApplicationContext,
  actor: Actor | null,
  id: string,
  action: Action,
  params: Record<string, unknown>,
  within?: WithinMove,
): Promise<ActResult> {
  const c = await loadCase(ctx.repos, id);
  if (actor !== null && !(await accessTo(ctx.repos, actor, c)).visible) throw notFound('申请');
  const resolved =
    action === 'archive' ? await withDefaultRetention(ctx, params) : await resolveParams(ctx, c, action, params);
  const decision = decide(
    c.app,
    { action, params: resolved },
    { today: today(ctx), rules: c.rules, calendar: c.calendar, actor },
  );
  if (!decision.ok) throw fromDomainError(decision.error);
  const { patch, event } = decision.value;
  const now = ctx.clock.nowIso();
  const seq = (c.app.events.at(-1)?.seq ?? 0) + 1;
  const moveParams = { ...event.params, ...(await approvalParams(ctx, c.app, action)) };
  const base = {
    ...event,
    params: moveParams,
    seq,
    at: now,
    actorId: actor?.userId ?? null,
    actorLabel: actor?.username ?? '系统',
  };
  const draft =
    action === 'draft_reply'
      ? await buildReplyDraft(ctx.repos, c.org, { ...c.app, ...patch, events: [...c.app.events, base] }, event.on)
      : undefined;
  try {
    return await ctx.uow.run(async (r) => {
      const stored = action === 'archive' ? await withArchiveNo(r, c.org, base) : base;
      const after = { ...c.app, ...patch, events: [...c.app.events, stored] };
      await r.applications.appendEvent(id, stored);
      await r.applications.update(id, patch, now);
      if (draft) await r.replyDrafts.insert({ applicationId: id, seq, body: draft, createdAt: now });
      const noticeIds = await issueNoticesFor(ctx, r, { app: after, org: c.org, action, on: event.on, now });
      await within?.(r, seq, now);
      await r.audit.append(
        auditBy(actor, {
          action: `application.${action}`,
          entityType: 'application',
          entityId: id,
          orgId: c.org.id,
          before: { state: c.app.state, dueOn: c.app.dueOn },
          after: { state: after.state, dueOn: after.dueOn, outcome: after.outcome, seq },
        }),
        now,
      );
      return { state: after.state, dueOn: after.dueOn, noticeIds };
    });
  } catch (e) {
    if (e instanceof AppError) throw e;
    // Another move was stored first (the event's (application, seq) key is taken): nothing was written.
    if ((await ctx.repos.applications.byId(id))?.events.some((x) => x.seq === seq)) {
      throw conflict('该申请刚刚已被他人处理，请刷新页面后重试');
    }
    throw e;
  }
}

/** `assign` names the handler by username (API) or id (form); check they are a handler of the case's organization. */
async function resolveParams(
  ctx: ApplicationContext,
  { orgAncestry, app }: Pick<CaseContext, 'orgAncestry' | 'app'>,
  action: Action,
  params: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  if (action === 'transfer') return resolveTransfer(ctx, orgAncestry, params);
  if (action === 'draft_reply') return resolvePreviousCase(ctx, app, params);
  if (action !== 'assign') return params;
  const key =
    typeof params.handler === 'string' ? params.handler : typeof params.handlerId === 'string' ? params.handlerId : '';
  const user = (await ctx.repos.users.byUsername(key)) ?? (await ctx.repos.users.byId(key));
  // 协办: the handler may belong to another organization of the same tree, e.g. the
  // department that holds the information; the case stays with the organization that received it.
  const orgs = await ctx.repos.orgs.list();
  const root = orgAncestry[0];
  const sameTree = (orgId: string) => ancestry(orgs, orgId)[0] === root;
  const isHandler =
    user && user.status === 'active' && user.roles.some((g) => g.role === 'handler' && sameTree(g.orgId));
  if (!isHandler) throw invalid('承办人有误', { handler: '请选择本系统内的依申请公开承办人' });
  return { ...params, handlerId: user.id };
}

/**
 * 重复申请 (art. 36 item 6): `previousCaseId` names the earlier case by id or tracking code; it must be an earlier,
 * answered case of the same applicant. Its reply's 文号 and date become `previousReply` unless typed, so the notice
 * can cite it.
 * @throws AppError 'conflict' (reason previous_case_mismatch) otherwise
 */
async function resolvePreviousCase(
  ctx: ApplicationContext,
  app: CaseContext['app'],
  params: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const key = typeof params.previousCaseId === 'string' ? params.previousCaseId.trim() : '';
  if (key === '') return params;
  const id = (await ctx.repos.applications.idByTrackingCode(key.toUpperCase())) ?? key;
  const previous = await ctx.repos.applications.byId(id);
  const refused = previousCaseError(app, previous);
  if (refused !== null) throw fromDomainError(refused);
  if (previous === undefined) throw notFound('此前的申请'); // unreachable: previousCaseError refuses it
  const reply = (await ctx.repos.notices.forApplication(previous.id)).findLast((n) => n.kind === 'reply');
  const typed = typeof params.previousReply === 'string' && params.previousReply.trim() !== '';
  return {
    ...params,
    previousCaseId: previous.id,
    ...(!typed && reply ? { previousReply: `${reply.docNo}（${reply.issuedOn}）` } : {}),
  };
}

/**
 * `transfer` names the organization by id (form) or credit code (API `org`); it must be active and in the same tree.
 */
async function resolveTransfer(
  ctx: ApplicationContext,
  orgAncestry: string[],
  params: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const key =
    typeof params.org === 'string'
      ? params.org.trim().toUpperCase()
      : typeof params.orgId === 'string'
        ? params.orgId
        : '';
  const orgs = await ctx.repos.orgs.list();
  const target = orgs.find((o) => o.id === key || o.creditCode === key);
  if (!target || ancestry(orgs, target.id)[0] !== orgAncestry[0]) {
    throw invalid('转交机关有误', { orgId: '请选择本系统内的机关' });
  }
  return { ...params, orgId: target.id };
}
