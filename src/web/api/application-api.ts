// The public part of the application API (issue 3): intake (POST /api/v1/applications, public or,
// with a staff token, another channel), the status lookup (/api/v1/track) and the OpenAPI document.
// The staff endpoints (list, case, actions) live with the back-office API.
import type { Context, Hono } from 'hono';
import { actorOf } from '../../app/actors.js';
import { AppError } from '../../app/errors.js';
import { submitApplication, type SubmitInput } from '../../app/applications/submit-application.js';
import type { TrackView } from '../../app/applications/application-queries.js';
import { CHANNELS, type Channel } from '../../domain/applications/application.js';
import { validateApplication, type ApplicationForm } from '../../domain/applications/intake.js';
import { ACTION_LABELS, STATE_LABELS, isClosedState } from '../../domain/applications/transition-table.js';
import type { Actor } from '../../domain/policies/actor.js';
import type { WebEnv } from '../common/env.js';
import { statusOf } from '../common/respond.js';
import { TOO_MANY_LOOKUPS, TRACK_NOT_FOUND, limitedTrack } from '../common/rate-limit.js';
import { outcomeForApplicant } from '../../domain/applications/labels.js';
import { apiUser } from './api-routes.js';
import { OPENAPI_DOCUMENT } from './openapi.js';

type C = Context<WebEnv>;
type Body = Record<string, unknown>;

const KEY_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
const BASE64 = /^[A-Za-z0-9+/=_\-\s]*$/;

/** Registers the intake, tracking and OpenAPI routes. Register before `registerApiRoutes` (its `/api/*` 404). */
export function registerApplicationApi(app: Hono<WebEnv>): void {
  app.get('/api/v1/openapi.json', (c) => c.json(OPENAPI_DOCUMENT));

  app.post('/api/v1/applications', async (c) => {
    const actor = await optionalStaff(c);
    if (actor instanceof Response) return actor;
    const body = await jsonBody(c);
    if (!body) return c.json({ error: 'bad_request', message: '请求体应为 JSON 对象' }, 400);
    const key = c.req.header('idempotency-key');
    if (key !== undefined && !KEY_PATTERN.test(key)) {
      return c.json({ error: 'bad_request', message: 'Idempotency-Key 应为16至64位字母、数字、“-”或“_”' }, 400);
    }
    if (!actor && typeof body.channel === 'string' && body.channel !== 'online') {
      c.header('WWW-Authenticate', 'Bearer');
      return c.json({ error: 'unauthenticated', message: '登记其他渠道的申请需要工作人员访问令牌' }, 401);
    }
    const input = intakeInput(body, actor, key);
    if ('fields' in input) {
      return c.json({ error: 'invalid', message: '申请未提交，请按提示更正', fields: input.fields }, 422);
    }
    try {
      const r = await submitApplication(c.get('ctx'), actor, input);
      return c.json(
        {
          id: r.id,
          trackingCode: r.trackingCode,
          receivedOn: r.receivedOn,
          dueOn: r.dueOn,
          provisional: r.provisional,
        },
        r.duplicate ? 200 : 201,
      );
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return c.json(
        { error: e.code, message: e.message, ...(e.code === 'invalid' ? { fields: e.fieldErrors } : {}) },
        statusOf(e),
      );
    }
  });

  app.get('/api/v1/track', (c) => track(c, c.req.query('code') ?? '', c.req.query('contact') ?? ''));
  app.post('/api/v1/track', async (c) => {
    const body = await jsonBody(c);
    return track(
      c,
      typeof body?.code === 'string' ? body.code : '',
      typeof body?.contact === 'string' ? body.contact : '',
    );
  });
}

/** No Authorization header: the public. With one, it must resolve to a staff account (else 401). */
async function optionalStaff(c: C): Promise<Actor | null | Response> {
  if (!c.req.header('authorization')) return null;
  const user = await apiUser(c);
  return user instanceof Response ? user : actorOf(user);
}

async function jsonBody(c: C): Promise<Body | undefined> {
  try {
    const value: unknown = await c.req.json();
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Body) : undefined;
  } catch {
    return undefined;
  }
}

/** The use case's input, or the errors found before it can run (every field error at once). */
function intakeInput(
  body: Body,
  actor: Actor | null,
  key: string | undefined,
): SubmitInput | { fields: Record<string, string> } {
  const form: ApplicationForm = {
    applicant: body.applicant !== null && typeof body.applicant === 'object' ? (body.applicant as Body) : {},
    description: body.description,
    title: body.title,
    docNo: body.docNo,
    indexNo: body.indexNo,
    carrier: body.carrier,
    delivery: body.delivery,
  };
  const fields: Record<string, string> = {};
  const org = typeof body.org === 'string' ? body.org.trim() : '';
  if (org === '') fields.org = '请填写受理机关的统一社会信用代码';
  const channel = actor ? (body.channel ?? 'online') : 'online';
  if (!(CHANNELS as readonly unknown[]).includes(channel)) fields.channel = '申请渠道无效';
  const proof = proofOf(body.proof);
  if (proof === 'invalid') fields.proof = '身份证明应为 {fileName, contentBase64}，内容为 Base64 编码';
  if (Object.keys(fields).length > 0) {
    const checked = validateApplication(form);
    return { fields: { ...fields, ...(checked.ok ? {} : checked.error) } };
  }
  const dates = actor
    ? { submittedOn: text(body.submittedOn), signedForOn: text(body.signedForOn), confirmedOn: text(body.confirmedOn) }
    : undefined;
  return {
    orgCreditCode: org,
    form,
    channel: channel as Channel,
    dates,
    proof: proof === 'invalid' ? undefined : proof,
    submissionKey: key,
  };
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

function proofOf(value: unknown): SubmitInput['proof'] | 'invalid' {
  if (value === undefined || value === null) return undefined;
  const p = typeof value === 'object' ? (value as Body) : {};
  if (typeof p.fileName !== 'string' || typeof p.contentBase64 !== 'string' || !BASE64.test(p.contentBase64)) {
    return 'invalid';
  }
  return { fileName: p.fileName, content: new Uint8Array(Buffer.from(p.contentBase64, 'base64')) };
}

async function track(c: C, code: string, contact: string): Promise<Response> {
  c.header('Cache-Control', 'no-store');
  const result = await limitedTrack(c, code.slice(0, 64), contact.slice(0, 64));
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
 * The public view as JSON: codes with their Chinese labels, never personal data; the outcome once the case is closed (a
 * draft may still change).
 */
function trackJson(v: TrackView) {
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
