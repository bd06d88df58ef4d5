// The public part of the application API: intake (POST /api/v1/applications, public or, with a staff
// token, another channel — 《政府信息公开条例》第二十九条、第三十一条) and the status lookup (/api/v1/track).
// The staff endpoints (list, case, moves) live in staff-application-api.ts.
import type { Context, Hono } from 'hono';
import { AppError } from '../../app/errors.js';
import { apiCaller } from '../common/pipeline.js';
import {
  IDEMPOTENCY_KEY_REUSED,
  submitApplication,
  type SubmitInput,
} from '../../app/applications/submit-application.js';
import { trackApplication, type TrackView } from '../../app/applications/application-queries.js';
import {
  APPLICANT_TYPES,
  APPLICATION_STATES,
  CARRIERS,
  CHANNELS,
  DELIVERIES,
  ID_TYPES,
  LEGAL_PERSON_SUBTYPES,
  OUTCOMES,
} from '../../domain/applications/application.js';
import { MAX_LENGTH, validateApplication } from '../../domain/applications/intake.js';
import { MAX_PROOF_BYTES } from '../../domain/applications/proof.js';
import { POW_MESSAGE, checkProofOfWork, issueChallenge } from '../../app/throttle/proof-of-work.js';
import { outcomeForApplicant } from '../../domain/applications/labels.js';
import { ACTION_LABELS, STATE_LABELS, isClosedState } from '../../domain/applications/transition-table.js';
import type { Actor } from '../../domain/policies/actor.js';
import type { WebEnv } from '../common/env.js';
import { clientAddress } from '../common/client-address.js';
import { TOO_MANY_LOOKUPS, TRACK_NOT_FOUND, limitedTrack } from '../common/rate-limit.js';
import { z, type FieldErrors } from '../common/validation.js';
import type { ApiOperation } from './openapi-kit.js';
import { dateOut, jsonObject, notAnObject, parsed, refusals } from './api-schemas.js';

type C = Context<WebEnv>;

const KEY_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
const BASE64 = /^[A-Za-z0-9+/=_\-\s]*$/;
const PROOF_SHAPE = '身份证明应为 {fileName, contentBase64}，内容为 Base64 编码';

const ApplicantInput = z
  .object({
    type: z.enum(APPLICANT_TYPES),
    subtype: z.enum(LEGAL_PERSON_SUBTYPES).optional().meta({ description: '法人或其他组织的类别（年报第三部分的列）' }),
    name: z.string().max(MAX_LENGTH.name).meta({ description: '姓名或名称' }),
    idType: z.enum(ID_TYPES).optional().meta({ description: '证件类型（自然人）' }),
    idNumber: z
      .string()
      .max(MAX_LENGTH.idNumber)
      .optional()
      .meta({ description: '证件号码；法人或其他组织为统一社会信用代码' }),
    legalRepresentative: z.string().optional().meta({ description: '法定代表人（法人或其他组织，选填）' }),
    contactPerson: z.string().optional().meta({ description: '联系人（法人或其他组织）' }),
    phone: z.string().optional().meta({ description: '联系电话' }),
    email: z.string().optional().meta({ format: 'email' }),
    address: z.string().max(MAX_LENGTH.short).optional().meta({ description: '通信地址（选择邮寄时必填）' }),
    postcode: z.string().optional().meta({ description: '邮政编码（6位数字）' }),
  })
  .meta({
    id: 'ApplicantInput',
    description:
      '申请人。法人或其他组织：subtype 必填，idNumber 为统一社会信用代码，另填 contactPerson（法定代表人 legalRepresentative 选填）；自然人：idType 与 idNumber 必填。联系电话、电子邮箱、通信地址至少一项。',
  });

const dateIn = (description: string) => z.string().optional().meta({ format: 'date', description });

/** The intake body. The domain's intake then checks the applicant and the request, every field at once. */
const ApplicationInput = z
  .object({
    org: z
      .string({ error: '请填写受理机关的统一社会信用代码' })
      .trim()
      .min(1, { error: '请填写受理机关的统一社会信用代码' })
      .meta({ description: '受理机关的统一社会信用代码' }),
    applicant: ApplicantInput,
    description: z.string().max(MAX_LENGTH.description).meta({ description: '所需信息的内容描述' }),
    title: z.string().max(MAX_LENGTH.short).optional().meta({ description: '所需信息的名称' }),
    docNo: z.string().max(MAX_LENGTH.short).optional().meta({ description: '文号' }),
    indexNo: z.string().max(MAX_LENGTH.short).optional().meta({ description: '索引号' }),
    carrier: z.enum(CARRIERS).meta({ description: '信息的提供形式：纸质、电子、光盘' }),
    delivery: z.enum(DELIVERIES).meta({ description: '获取信息的方式：邮寄、电子邮件、当面领取、网上获取' }),
    proof: z
      .object(
        {
          fileName: z.string({ error: PROOF_SHAPE }),
          contentBase64: z
            .string({ error: PROOF_SHAPE })
            .regex(BASE64, { error: PROOF_SHAPE })
            .meta({ contentEncoding: 'base64' }),
        },
        { error: PROOF_SHAPE },
      )
      .nullish()
      .meta({
        description: `身份证明（选填；JPG、PNG 或 PDF，按内容检查，不超过 ${MAX_PROOF_BYTES} 字节）。未提供时案件显示缺少身份证明。`,
      }),
    channel: z
      .enum(CHANNELS, { error: '申请渠道无效' })
      .optional()
      .meta({ description: '仅工作人员（持令牌）：申请渠道；不填为 online' }),
    submittedOn: dateIn('仅工作人员：当面提交之日（in_person）'),
    signedForOn: dateIn('仅工作人员：挂号信等签收之日（registered_mail）'),
    confirmedOn: dateIn('仅工作人员：与申请人确认之日（ordinary_mail、fax、email）'),
  })
  .meta({ id: 'ApplicationInput' });

const Receipt = z
  .object({
    id: z.string(),
    trackingCode: z
      .string()
      .meta({ description: '查询码', pattern: '^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$' }),
    receivedOn: dateOut('收到申请之日'),
    dueOn: dateOut('答复期限').nullable(),
    provisional: z.boolean().meta({ description: '答复期限涉及尚未公布放假安排的年度' }),
  })
  .meta({ id: 'Receipt' });

const Challenge = z
  .object({
    challenge: z.string().meta({ description: '题目（原样放入 X-Gongkai-PoW）' }),
    bits: z.number().int().meta({ description: '要求的前导零比特数；0 为不要求' }),
    expiresInSeconds: z.number().int().meta({ description: '有效秒数' }),
  })
  .meta({ id: 'Challenge' });

/** A lookup: the 查询码 and the applicant's phone number or document number. */
const TrackQuery = z.object({
  code: z.string().meta({ description: '查询码' }),
  contact: z.string().meta({ description: '手机号码或证件号码' }),
});

const TrackResult = z
  .object({
    trackingCode: z.string(),
    organization: z.string().meta({ description: '受理机关' }),
    state: z.enum(APPLICATION_STATES),
    stateLabel: z.string(),
    receivedOn: dateOut(),
    dueOn: dateOut().nullable(),
    closedOn: dateOut().nullable(),
    outcome: z.enum(OUTCOMES).nullable(),
    outcomeLabel: z.string().nullable(),
    steps: z.array(
      z.object({
        action: z.string(),
        actionLabel: z.string(),
        on: dateOut(),
        dueOn: dateOut().nullable(),
        explanation: z.string(),
      }),
    ),
  })
  .meta({ id: 'TrackResult', description: '公开查询结果：不含申请人的任何个人信息' });

const TRACK_RESPONSES = {
  200: { description: '办理进度', schema: TrackResult },
  ...refusals({ 404: '查询码或联系方式不符（不说明是哪一项）', 429: '查询过于频繁（响应头 Retry-After 为等待秒数）' }),
};

/** The public operations of the application API, for the OpenAPI document. */
export const APPLICATION_API_OPERATIONS: ApiOperation[] = [
  {
    method: 'post',
    path: '/api/v1/applications',
    summary: '提交申请（公众在线申请；持令牌的承办人可登记其他渠道的申请）',
    description:
      '不带令牌为公众在线申请，渠道固定为 online，收到申请之日为当日。带令牌（Authorization: Bearer …）时须为受理机关的 handler，可填写 channel 及第三十一条所需的日期。可选请求头 Idempotency-Key（16–64位字母、数字、“-”或“_”）：同一键以相同内容重复提交只产生一件申请，再次提交返回 200 与原回执；同一键用于内容不同的提交时返回 422（reason: idempotency_key_reused），不返回原申请的任何信息。不带令牌的提交按来源地址、电子邮箱和电话限制频率（超出时 429 与 Retry-After）；服务器启用工作量证明时须附请求头 X-Gongkai-PoW（见 GET /api/v1/challenge）。',
    tags: ['依申请公开'],
    auth: 'none',
    body: { schema: ApplicationInput },
    responses: {
      201: { description: '已受理', schema: Receipt },
      200: { description: '重复提交：原申请的回执', schema: Receipt },
      ...refusals({
        400: '请求体不是 JSON 对象，或 Idempotency-Key 格式有误',
        401: '令牌无效，或无令牌登记其他渠道',
        403: '无权为该机关登记申请；或启用工作量证明时（GONGKAI_POW_BITS > 0）缺少有效的 X-Gongkai-PoW（reason: pow_required）',
        404: '受理机关不存在',
        422: '内容有误，fields 按字段列出；或 Idempotency-Key 已用于内容不同的提交（reason: idempotency_key_reused）',
        429: '提交过于频繁：同一来源地址、电子邮箱或电话的申请数已达上限（响应头 Retry-After 为等待秒数）',
      }),
    },
  },
  {
    method: 'get',
    path: '/api/v1/challenge',
    summary: '获取工作量证明题目（公众通过 API 提交申请时使用）',
    description:
      '服务器启用工作量证明（GONGKAI_POW_BITS 大于 0，默认 0 即不启用）时，不带令牌提交申请须附请求头 X-Gongkai-PoW: <challenge>:<n>，其中 n 为十进制整数，使 SHA-256(“<challenge>:<n>” 的 UTF-8 字节) 的十六进制摘要开头至少有 bits 个零比特。题目10分钟内有效，只能使用一次。bits 为 0 时无需附带。',
    tags: ['依申请公开'],
    auth: 'none',
    responses: { 200: { description: '题目', schema: Challenge } },
  },
  {
    method: 'get',
    path: '/api/v1/track',
    summary: '查询办理进度',
    description:
      '凭查询码和申请时填写的手机号码或证件号码查询；不返回个人信息。有频率限制。联系方式会出现在网址中，建议使用 POST。',
    tags: ['依申请公开'],
    auth: 'none',
    query: TrackQuery,
    responses: TRACK_RESPONSES,
  },
  {
    method: 'post',
    path: '/api/v1/track',
    summary: '查询办理进度（联系方式不进入网址）',
    tags: ['依申请公开'],
    auth: 'none',
    body: { schema: TrackQuery },
    responses: { ...TRACK_RESPONSES, ...refusals({ 400: '请求体不是 JSON 对象' }) },
  },
];

/** Registers the intake and tracking routes. Register before `registerApiRoutes` (its `/api/*` 404). */
export function registerApplicationApi(app: Hono<WebEnv>): void {
  app.post('/api/v1/applications', async (c) => {
    const actor = await optionalStaff(c);
    if (actor instanceof Response) return actor;
    const body = await jsonObject(c);
    if (!body) return notAnObject(c);
    const key = c.req.header('idempotency-key');
    if (key !== undefined && !KEY_PATTERN.test(key)) {
      return c.json({ error: 'bad_request', message: 'Idempotency-Key 应为16至64位字母、数字、“-”或“_”' }, 400);
    }
    if (!actor && typeof body.channel === 'string' && body.channel !== 'online') {
      c.header('WWW-Authenticate', 'Bearer');
      return c.json({ error: 'unauthenticated', message: '登记其他渠道的申请需要工作人员访问令牌' }, 401);
    }
    const pow = actor ? null : await checkProofOfWork(c.get('ctx'), c.req.header('x-gongkai-pow'));
    if (pow) return c.json({ error: 'forbidden', message: POW_MESSAGE, reason: 'pow_required' }, 403);
    const input = parsed(ApplicationInput, body);
    if (!input.ok) return refused(c, { ...proofAsOne(input.errors), ...intakeErrors(body) });
    try {
      const r = await submitApplication(c.get('ctx'), actor, {
        ...intakeInput(input.value, actor, key),
        ...(actor ? {} : { clientAddress: clientAddress(c) }),
      });
      const { id, trackingCode, receivedOn, dueOn, provisional } = r;
      return c.json({ id, trackingCode, receivedOn, dueOn, provisional }, r.duplicate ? 200 : 201);
    } catch (e) {
      // A key sent again with another body: refused with its stable code, never the first case's receipt.
      if (e instanceof AppError && e.reason === IDEMPOTENCY_KEY_REUSED) {
        return c.json({ error: 'invalid', message: e.message, reason: IDEMPOTENCY_KEY_REUSED }, 422);
      }
      // This endpoint names its per-field messages `fields`; every other refusal goes to the pipeline.
      if (e instanceof AppError && e.code === 'invalid') return refused(c, e.fieldErrors);
      throw e;
    }
  });

  app.get('/api/v1/challenge', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(issueChallenge(c.get('ctx')));
  });
  app.get('/api/v1/track', (c) => track(c, c.req.query()));
  app.post('/api/v1/track', async (c) => {
    const body = await jsonObject(c);
    return body ? track(c, body) : notAnObject(c);
  });
}

/** An intake refused for its content: 422 with the messages per field under `fields` (as it always was). */
const refused = (c: C, fields: FieldErrors) =>
  c.json({ error: 'invalid', message: '申请未提交，请按提示更正', fields }, 422);

/** The proof's messages under one key, `proof`. */
function proofAsOne(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(errors)) out[k.startsWith('proof.') ? 'proof' : k] ??= v;
  return out;
}

/** The domain's messages on the applicant and the request, so that a refusal names every field at once. */
function intakeErrors(body: Record<string, unknown>): FieldErrors {
  const checked = validateApplication({ ...body, applicant: (body.applicant ?? {}) as Record<string, unknown> });
  return checked.ok ? {} : checked.error;
}

/** No Authorization header: the public. With one, it must resolve to a staff token that may write (else 401/403). */
async function optionalStaff(c: C): Promise<Actor | null | Response> {
  return c.req.header('authorization') ? apiCaller(c) : null;
}

/** The use case's input from a parsed body: staff give the channel and the dates art. 31 needs. */
function intakeInput(v: z.output<typeof ApplicationInput>, actor: Actor | null, key: string | undefined): SubmitInput {
  const { org, applicant, proof, channel, submittedOn, signedForOn, confirmedOn, ...request } = v;
  const date = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);
  return {
    orgCreditCode: org,
    form: { applicant, ...request },
    channel: actor ? (channel ?? 'online') : 'online',
    dates: actor
      ? { submittedOn: date(submittedOn), signedForOn: date(signedForOn), confirmedOn: date(confirmedOn) }
      : undefined,
    proof: proof
      ? { fileName: proof.fileName, content: new Uint8Array(Buffer.from(proof.contentBase64, 'base64')) }
      : undefined,
    submissionKey: key,
  };
}

async function track(c: C, input: unknown): Promise<Response> {
  c.header('Cache-Control', 'no-store');
  const q = TrackQuery.safeParse(input);
  const { code, contact } = q.success ? q.data : { code: '', contact: '' };
  const result = await limitedTrack(c, code.slice(0, 64), contact.slice(0, 64), trackApplication);
  switch (result.kind) {
    case 'found':
      return c.json(trackJson(result.view));
    case 'not_found':
      return c.json({ error: 'not_found', message: TRACK_NOT_FOUND }, 404);
    case 'limited':
      c.header('Retry-After', String(result.retryAfterSeconds));
      return c.json({ error: 'rate_limited', message: TOO_MANY_LOOKUPS }, 429);
  }
}

/**
 * The public view as JSON: codes with their Chinese labels, never personal data; the outcome once the case
 * is closed (a draft may still change).
 */
function trackJson(v: TrackView): z.input<typeof TrackResult> {
  const outcome = isClosedState(v.state) ? v.outcome : null;
  return {
    trackingCode: v.trackingCode,
    organization: v.orgName,
    state: v.state,
    stateLabel: STATE_LABELS[v.state],
    receivedOn: v.receivedOn,
    dueOn: v.dueOn,
    closedOn: v.closedOn,
    outcome,
    outcomeLabel: outcome ? outcomeForApplicant(outcome) : null,
    steps: v.steps.map((s) => ({
      action: s.action,
      actionLabel: ACTION_LABELS[s.action as keyof typeof ACTION_LABELS] ?? s.action,
      on: s.on,
      dueOn: s.dueOn,
      explanation: s.explanation,
    })),
  };
}
