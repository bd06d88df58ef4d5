// The staff JSON API of 依申请公开 (bearer token, requireApiUser): list cases, read one with its deadline
// ledger, and make a move. The public intake (POST /api/v1/applications) lives in application-api.ts.
import type { Hono } from 'hono';
import { actOnApplication } from '../../app/applications/act-on-application.js';
import { getApplication, type CaseView } from '../../app/applications/application-queries.js';
import { caseProposals, waitingProposal, type ProposalView } from '../../app/applications/online-correction.js';
import { listCases, staffNames, type CaseListRow } from '../../app/applications/case-lists.js';
import {
  ACTIONS,
  APPLICANT_TYPES,
  APPLICATION_STATES,
  CHANNELS,
  OUTCOMES,
  type Action,
} from '../../domain/applications/application.js';
import {
  ACTION_LABELS,
  ACTION_ROLES,
  STATE_LABELS,
  SYSTEM_ACTIONS,
} from '../../domain/applications/transition-table.js';
import { paramSpecs, type ParamSpec } from '../../domain/applications/transition-params.js';
import { DEADLINE_STATUS_LABELS } from '../../domain/applications/labels.js';
import { RULES_2019 } from '../../domain/applications/rules.js';
import { OUTCOME_INFO, outcomeCitation } from '../../domain/applications/outcomes.js';
import type { DeadlineStatus } from '../../domain/applications/deadlines.js';
import type { StaffEnv } from '../common/env.js';
import { requireApiUser } from '../common/pipeline.js';
import { z } from '../common/validation.js';
import type { ApiOperation } from './openapi-kit.js';
import { dateOut, isoDate, jsonObject, notAnObject, parsed, queryOf, refusals } from './api-schemas.js';
import { QUEUE_LABELS, QUEUES } from '../../domain/applications/queues.js';

const STATUSES = Object.keys(DEADLINE_STATUS_LABELS) as [DeadlineStatus, ...DeadlineStatus[]];

const flag = (name: string) =>
  z
    .enum(['true', 'false', '1', '0'], { error: `${name} 应为 true 或 false` })
    .transform((v) => v === 'true' || v === '1')
    .optional();
const whole = (name: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${name} 应为 ${min} 到 ${max} 之间的整数` })
    .int({ error: `${name} 应为 ${min} 到 ${max} 之间的整数` })
    .min(min, { error: `${name} 应为 ${min} 到 ${max} 之间的整数` })
    .max(max, { error: `${name} 应为 ${min} 到 ${max} 之间的整数` });

/**
 * The list's query string; every malformed value is reported, none silently ignored. `overdue=true` lists
 * the open cases past their due date; `overdue=false` is the same as leaving it out.
 */
const ListQuery = z.object({
  queue: z
    .enum(QUEUES, { error: `queue 应为以下之一：${QUEUES.join(', ')}` })
    .optional()
    .meta({
      description: `待办：${QUEUES.map((q) => `${q} ${QUEUE_LABELS[q]}`).join('，')}`,
    }),
  state: z
    .enum(APPLICATION_STATES, { error: `state 应为以下之一：${APPLICATION_STATES.join(', ')}` })
    .optional()
    .meta({ description: '状态' }),
  open: flag('open').meta({ description: 'true：办理中；false：已办结' }),
  overdue: flag('overdue').meta({ description: 'true：仅已逾期的在办申请' }),
  org: z.string().optional().meta({ description: '机构的统一社会信用代码' }),
  handler: z.string().optional().meta({ description: '承办人用户名' }),
  receivedFrom: isoDate('receivedFrom 应为 YYYY-MM-DD 格式的日期').optional().meta({ description: '收到日期自' }),
  receivedTo: isoDate('receivedTo 应为 YYYY-MM-DD 格式的日期').optional().meta({ description: '收到日期至' }),
  q: z.string().optional().meta({ description: '搜索查询码、申请人、内容' }),
  limit: whole('limit', 1, 100).default(20).meta({ description: '每页条数（默认20）' }),
  offset: whole('offset', 0, Number.MAX_SAFE_INTEGER).default(0).meta({ description: '跳过条数' }),
});

/** Moves offered through the API: every move of the table but the clock's own lapses. */
const API_ACTIONS = ACTIONS.filter((a) => !SYSTEM_ACTIONS.has(a));

/** A move parameter as a schema; `assign` names the handler by username, `transfer` the organization by code. */
function paramSchema(spec: ParamSpec): [string, z.ZodType] {
  if (spec.name === 'handlerId') {
    return ['handler', z.string().meta({ description: '承办人的用户名（须为依申请公开承办人）' })];
  }
  if (spec.name === 'orgId') return ['org', z.string().meta({ description: '转交机关的统一社会信用代码' })];
  const described = <T extends z.ZodType>(s: T) => (spec.required ? s : s.optional()).meta({ description: spec.label });
  switch (spec.type) {
    case 'date':
      return [spec.name, described(z.string().meta({ format: 'date' }))];
    case 'int':
      return [
        spec.name,
        described(
          z
            .int()
            .min(spec.min ?? 0)
            .max(spec.max ?? Number.MAX_SAFE_INTEGER),
        ),
      ];
    case 'boolean':
      return [spec.name, described(z.boolean())];
    case 'enum':
      return [spec.name, described(z.enum(spec.values as [string, ...string[]]))];
    case 'text':
      return [spec.name, described(z.string().max(spec.max ?? 10_000))];
  }
}

/** One move's request: `action` and its parameters side by side (the domain checks them after role and state). */
const actionRequest = (action: Action) =>
  z
    .object({ action: z.literal(action), ...Object.fromEntries(paramSpecs(action, RULES_2019).map(paramSchema)) })
    .meta({ id: `Action_${action}`, description: `${ACTION_LABELS[action]}（角色：${ACTION_ROLES[action]}）` });

/** Every move's request, told apart by `action`. */
const ActionRequest = z
  .discriminatedUnion(
    'action',
    API_ACTIONS.map(actionRequest) as unknown as [
      ReturnType<typeof actionRequest>,
      ...ReturnType<typeof actionRequest>[],
    ],
  )
  .meta({ id: 'ActionRequest' });

/** What the handler reads before the use case: the move (its parameters go on to the domain as sent). */
const MoveCommand = z.looseObject({
  action: z.enum(ACTIONS, { error: `action 应为以下之一：${ACTIONS.join(', ')}` }),
});

const ActResult = z
  .object({
    state: z.enum(APPLICATION_STATES),
    dueOn: dateOut().nullable(),
    noticeIds: z.array(z.string()).meta({ description: '随之生成的告知书' }),
  })
  .meta({ id: 'ActionResult' });

const CaseSummary = z
  .object({
    id: z.string(),
    trackingCode: z.string(),
    org: z.object({ id: z.string(), name: z.string() }),
    channel: z.enum(CHANNELS),
    receivedOn: dateOut(),
    applicant: z.object({
      type: z.enum(APPLICANT_TYPES),
      name: z.string().nullable(),
      idNumberMasked: z.string().nullable(),
    }),
    state: z.enum(APPLICATION_STATES),
    stateLabel: z.string(),
    dueOn: dateOut().nullable(),
    status: z.enum(STATUSES).meta({ description: '期限状态' }),
    workingDaysLeft: z
      .number()
      .int()
      .nullable()
      .meta({ description: '距答复期限剩余的工作日数（负数为已超期的工作日数；计时中止或已办结时为 null）' }),
    handler: z.string().nullable().meta({ description: '承办人用户名' }),
    outcome: z.enum(OUTCOMES).nullable(),
    closedOn: dateOut().nullable(),
  })
  .meta({ id: 'CaseSummary', description: '列表行：证件号码一律打码；无权查看个人信息时申请人姓名与证件号为 null' });

const CaseList = z
  .object({ items: z.array(CaseSummary), total: z.int(), limit: z.int(), offset: z.int() })
  .meta({ id: 'CaseList' });

const Event = z
  .object({
    seq: z.int(),
    action: z.enum(['submit', ...ACTIONS]),
    label: z.string().meta({ description: '事项名称' }),
    on: dateOut('该事项的法定日期'),
    at: z.string().meta({ format: 'date-time', description: '记录时间（UTC）' }),
    actor: z.string().meta({ description: '操作人' }),
    dueOn: dateOut('此后的答复期限；暂停计算时为 null').nullable(),
    provisional: z.boolean(),
    explanation: z.string(),
    params: z.record(z.string(), z.unknown()).optional().meta({ description: '参数与备注（仅对可见个人信息的角色）' }),
  })
  .meta({ id: 'Event', description: '期限台账的一行：事项、法定日期、此后的答复期限及说明' });

const ProposedCorrection = z
  .object({
    id: z.string(),
    receivedOn: dateOut('收到补正之日（网上提交之日，第三十一条第三项）'),
    correctedRequest: z.string().meta({ description: '申请人提交的补正后的申请内容' }),
    files: z
      .array(z.object({ name: z.string(), mime: z.string(), size: z.int() }))
      .meta({ description: '补正材料（仅对可见个人信息的角色）' }),
  })
  .meta({ id: 'ProposedCorrection' });

const Case = z
  .object({
    id: z.string(),
    trackingCode: z.string(),
    org: z.object({ id: z.string(), creditCode: z.string(), name: z.string() }),
    channel: z.enum(CHANNELS),
    receivedOn: dateOut(),
    state: z.enum(APPLICATION_STATES),
    stateLabel: z.string(),
    dueOn: dateOut().nullable(),
    status: z.enum(STATUSES),
    waitingUntil: dateOut().nullable(),
    extended: z.boolean(),
    closedOn: dateOut().nullable(),
    handler: z.string().nullable().meta({ description: '承办人用户名' }),
    outcome: z.enum(OUTCOMES).nullable().meta({ description: '办理结果代码（年报第三部分的行）' }),
    outcomeDetail: z.object({ label: z.string(), group: z.string(), citation: z.string().nullable() }).nullable(),
    personalVisible: z.boolean(),
    applicant: z.record(z.string(), z.unknown()).nullable(),
    request: z.record(z.string(), z.unknown()),
    events: z.array(Event),
    moves: z
      .array(
        z.object({
          action: z.enum(ACTIONS),
          label: z.string(),
          to: z.enum(APPLICATION_STATES),
          group: z.string(),
          params: z.array(z.record(z.string(), z.unknown())),
        }),
      )
      .meta({ description: '当前用户此刻可办理的事项' }),
    proposedCorrection: ProposedCorrection.nullable().meta({
      description: '申请人在网上提交、等待承办人确认的补正（仅在待申请人补正状态）；以 receive_correction 确认',
    }),
  })
  .meta({
    id: 'Case',
    description:
      '一件申请：办理结果 outcome 与期限台账 events。申请人个人信息（applicant、各步参数 params）仅对办理机关的相应角色可见，否则为 null 或省略。',
  });

const IdParam = z.object({ id: z.string().meta({ description: '申请的编号' }) });

/** The staff operations of the application API, for the OpenAPI document. */
export const STAFF_APPLICATION_API_OPERATIONS: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/applications',
    summary: '申请列表（工作人员）',
    description: 'handler 可见本机关的全部申请，包括尚未分配的新申请。',
    tags: ['依申请公开'],
    auth: 'bearer',
    query: ListQuery,
    responses: {
      200: { description: '{items, total}', schema: CaseList },
      ...refusals({ 401: '缺少或无效的访问令牌', 422: '筛选条件有误' }),
    },
  },
  {
    method: 'get',
    path: '/api/v1/applications/{id}',
    summary: '一件申请及其期限台账（工作人员）',
    tags: ['依申请公开'],
    auth: 'bearer',
    params: IdParam,
    responses: {
      200: { description: '申请', schema: Case },
      ...refusals({ 401: '缺少或无效的访问令牌', 404: '申请不存在或无权查看' }),
    },
  },
  {
    method: 'post',
    path: '/api/v1/applications/{id}/actions',
    summary: '办理一步（工作人员）',
    description:
      '请求体为 {action, …该步参数}（参数与 action 同级）。先检查角色（无该角色一律 403），再检查状态转换表（不允许的转换 409），再检查参数（422）；出错时不作任何改动。每步可附 note。',
    tags: ['依申请公开'],
    auth: 'bearer',
    params: IdParam,
    body: { schema: ActionRequest },
    responses: {
      200: { description: '办理后的状态与答复期限', schema: ActResult },
      ...refusals({
        400: '请求体不是 JSON 对象',
        401: '缺少或无效的访问令牌',
        403: '没有执行该操作的角色',
        404: '申请不存在或无权查看',
        409: '当前状态不允许该操作',
        422: '参数有误',
      }),
    },
  },
];

type Names = Awaited<ReturnType<typeof staffNames>>;

/** Registers GET /api/v1/applications, GET /api/v1/applications/:id and POST /api/v1/applications/:id/actions. */
export function registerStaffApplicationApi(staff: Hono<StaffEnv>): void {
  staff.get('/api/v1/applications', requireApiUser(), async (c) => {
    const q = parsed(ListQuery, queryOf(c));
    if (!q.ok) return c.json({ error: 'invalid', message: '查询参数有误', errors: q.errors }, 422);
    const { limit, offset, overdue, org, handler, q: text, ...rest } = q.value;
    const list = await listCases(
      c.get('ctx'),
      c.get('actor'),
      { ...rest, query: text, orgCreditCode: org, handlerUsername: handler, deadline: overdue ? 'overdue' : undefined },
      { limit, offset },
    );
    return c.json({ items: list.items.map(listItem), total: list.total, limit, offset });
  });

  staff.get('/api/v1/applications/:id', requireApiUser(), async (c) => {
    const ctx = c.get('ctx');
    const [view, names] = await Promise.all([getApplication(ctx, c.get('actor'), c.req.param('id')), staffNames(ctx)]);
    const waiting = waitingProposal(view, await caseProposals(ctx, view));
    return c.json({ ...caseBody(view, names), proposedCorrection: waiting && proposalBody(waiting) });
  });

  staff.post('/api/v1/applications/:id/actions', requireApiUser(), async (c) => {
    const body = await jsonObject(c);
    if (!body) return notAnObject(c);
    const command = parsed(MoveCommand, body);
    if (!command.ok) return c.json({ error: 'invalid', message: '未知的办理事项', errors: command.errors }, 422);
    const { action, ...params } = command.value;
    return c.json(await actOnApplication(c.get('ctx'), c.get('actor'), c.req.param('id'), action, params));
  });
}

function listItem(r: CaseListRow): z.input<typeof CaseSummary> {
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
    workingDaysLeft: r.workingDaysLeft,
    handler: r.handlerUsername,
    outcome: r.outcome,
    closedOn: r.closedOn,
  };
}

function proposalBody(p: ProposalView): z.input<typeof ProposedCorrection> {
  const { id, receivedOn, correctedRequest, files } = p;
  return { id, receivedOn, correctedRequest, files: files.map(({ name, mime, size }) => ({ name, mime, size })) };
}

function caseBody(v: CaseView, names: Names) {
  const a = v.app;
  const code = a.outcome;
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
    outcome: code,
    outcomeDetail:
      code === null
        ? null
        : { label: OUTCOME_INFO[code].label, group: OUTCOME_INFO[code].groupLabel, citation: outcomeCitation(code) },
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
