/** @jsxImportSource hono/jsx */
// The request pipeline: who may enter the back office and the staff API, how the application's errors
// become pages and JSON answers, and how a form is read, validated, run and shown again with its errors.
//
//   request → security headers, body limit → session + CSRF (security.ts) → requireStaff / requireApiUser
//           → route: parse (zod) → use case (authorizes, runs its transaction) → render
//           → on AppError: handleError (403/404/409/422 page or JSON); a form's own errors: formAction
import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { HtmlEscapedString } from 'hono/utils/html';
import { AppError, RateLimitedError } from '../../app/errors.js';
import { actorOf } from '../../app/actors.js';
import { resolveApiToken } from '../../app/auth/api-token.js';
import { scopeAllows } from '../../domain/users/api-token.js';
import type { Actor } from '../../domain/policies/actor.js';
import type { StaffEnv, WebEnv } from './env.js';
import {
  ForbiddenPage,
  RefusedPage,
  badRequestPage,
  errorPage,
  limitedPage,
  notFoundPage,
  unavailablePage,
} from './pages.js';
import { fieldErrors, type FieldErrors, type FormValues, type z } from './validation.js';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** HTTP status for an application error. */
export function statusOf(e: AppError): 401 | 403 | 404 | 409 | 422 | 429 | 503 {
  switch (e.code) {
    case 'not_found':
      return 404;
    case 'forbidden':
      return 403;
    case 'invalid':
      return 422;
    case 'conflict':
      return 409;
    case 'unauthenticated':
      return 401;
    case 'rate_limited':
      return 429;
    case 'unavailable':
      return 503;
  }
}

/** Whether the request is for the JSON API (errors answer JSON there). */
const isApi = (c: Context) => c.req.path.startsWith('/api/');

/** The JSON body of a refused API request: a code, a Chinese message, the reason and per-field messages. */
export function errorBody(code: string, message: string, errors: FieldErrors = {}, reason?: string) {
  return {
    error: code,
    message,
    ...(reason ? { reason } : {}),
    ...(Object.keys(errors).length > 0 ? { errors } : {}),
  };
}

/**
 * The back office's gate (deny by default): without a live session every /admin page answers with the
 * login page (303), remembering where the user wanted to go and whether the session had just ended.
 */
export function requireStaff(): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    if (!c.get('actor')) {
      const next = encodeURIComponent(c.req.path);
      const ended = c.get('sessionEnded') ? '&expired=1' : '';
      return c.redirect(`/admin/login?next=${next}${ended}`, 303);
    }
    await next();
  };
}

/**
 * The caller of a staff API request from its bearer token: its actor, or the answer that refuses it — 401 without
 * a live token (unknown, revoked, expired), 403 for a read-only token on a method that writes.
 */
export async function apiCaller<E extends WebEnv>(c: Context<E>): Promise<Actor | Response> {
  const m = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
  const caller = m?.[1] ? await resolveApiToken(c.get('ctx'), m[1]) : undefined;
  if (!caller) {
    c.header('WWW-Authenticate', 'Bearer');
    return c.json(errorBody('unauthenticated', '缺少或无效的访问令牌'), 401);
  }
  if (!scopeAllows(caller.scope, c.req.method)) {
    return c.json(errorBody('forbidden', '该令牌为只读令牌，只能查询，不能提交或修改'), 403);
  }
  return actorOf(caller.user);
}

/** The staff API's gate: a live bearer token whose scope allows the method sets the actor (else 401 / 403). */
export function requireApiUser(): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    const actor = await apiCaller(c);
    if (actor instanceof Response) return actor;
    c.set('actor', actor);
    await next();
  };
}

/** Seconds a client is asked to wait (Retry-After) while the database cannot serve. */
const RETRY_AFTER_SECONDS = '5';

/**
 * `app.onError`: an application error becomes its page or JSON answer (403, 404, 409, 422, 429 with
 * `Retry-After`…); a database that cannot serve (`unavailable`) is logged with the driver's error and answered 503
 * with Retry-After; anything else is logged and answered with the 500 page, never with the error's text.
 */
export function handleError(err: Error, c: Context<WebEnv>): Response | Promise<Response> {
  if (err instanceof HTTPException) return err.getResponse();
  if (err instanceof MalformedBody) {
    if (isApi(c)) return c.json(errorBody('bad_request', err.message), 400);
    return c.html(badRequestPage(err.message), 400);
  }
  if (err instanceof AppError && err.code === 'unavailable') {
    console.error(`数据库不可用 / database unavailable (${err.reason}) ${c.req.method} ${c.req.path}:`, err.cause);
    c.header('Retry-After', RETRY_AFTER_SECONDS);
    if (isApi(c)) return c.json(errorBody(err.code, err.message, {}, err.reason), 503);
    return c.html(unavailablePage(err.message), 503);
  }
  if (err instanceof AppError) {
    const status = statusOf(err);
    if (err instanceof RateLimitedError) c.header('Retry-After', String(err.retryAfterSeconds));
    if (isApi(c)) return c.json(errorBody(err.code, err.message, err.fieldErrors, err.reason), status);
    if (status === 429) return c.html(limitedPage(err.message), 429);
    const actor = c.get('actor');
    if (status === 404 || (status === 403 && !actor)) return c.html(notFoundPage(), 404);
    if (status === 401 || !actor) return c.redirect(`/admin/login?next=${encodeURIComponent(c.req.path)}`, 303);
    if (status === 403) return c.html(<ForbiddenPage actor={actor} csrf={c.get('csrf')} message={err.message} />, 403);
    return c.html(<RefusedPage actor={actor} csrf={c.get('csrf')} title="无法办理" message={err.message} />, status);
  }
  console.error(err);
  if (isApi(c)) return c.json(errorBody('internal', '服务器内部错误，请稍后再试'), 500);
  return c.html(errorPage(), 500);
}

/** A body that cannot be read as the form it claims to be (multipart without its boundary, or a broken one). */
export class MalformedBody extends Error {
  constructor(readonly original: unknown) {
    super('提交的表单内容格式有误，无法读取，请返回页面后重新提交');
    this.name = 'MalformedBody';
  }
}

/**
 * The request's form body (urlencoded or multipart; any other type: {}), as Hono's `parseBody` reads it; the
 * only reader of form bodies (ESLint), so that a malformed body answers 400 on every route, never 500.
 * @throws MalformedBody when the body cannot be parsed (answered 400 by {@link handleError})
 */
export async function parseBody(c: Context, opts: { all?: boolean } = {}): Promise<Record<string, unknown>> {
  try {
    // eslint-disable-next-line no-restricted-syntax -- the one place that calls it
    return await c.req.parseBody(opts);
  } catch (e) {
    throw new MalformedBody(e);
  }
}

/** Reads a urlencoded or multipart form into strings (repeated fields as arrays; files are left out). */
export async function readForm(c: Context): Promise<FormValues> {
  const body = await parseBody(c, { all: true });
  const out: FormValues = {};
  for (const [k, v] of Object.entries(body)) {
    if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
    else if (typeof v === 'string') out[k] = v;
  }
  return out;
}

/** A file chosen in a multipart form, its bytes and name; undefined when none was chosen (an empty part). */
export async function uploadedFile(value: unknown): Promise<{ content: Uint8Array; fileName: string } | undefined> {
  if (!(value instanceof File) || value.size === 0) return undefined;
  return { content: new Uint8Array(await value.arrayBuffer()), fileName: value.name };
}

/** The files chosen in a multipart form's file input (`multiple`: one or many), in order; empty parts left out. */
export async function uploadedFiles(value: unknown): Promise<{ content: Uint8Array; fileName: string }[]> {
  const chosen = await Promise.all((Array.isArray(value) ? value : [value]).map(uploadedFile));
  return chosen.filter((f) => f !== undefined);
}

/** The query string as form values (repeated keys as arrays). */
export function readQuery(c: Context): FormValues {
  const out: FormValues = {};
  for (const [k, v] of Object.entries(c.req.queries())) out[k] = v.length === 1 ? (v[0] ?? '') : v;
  return out;
}

/** What a form shows again after a refusal: what the user typed, the messages per field, and a summary. */
export type FormState = { values: FormValues; errors: FieldErrors; message?: string };

/**
 * Runs a form post: reads the form, validates it (every field reported at once), runs the use case and
 * answers with `done` (usually a 303 redirect). A refusal the user can fix — a validation error, or the use
 * case's 'invalid' / 'conflict' — shows the form again through `again`, with what was typed, at 422 / 409.
 * Other errors (forbidden, not found) go on to {@link handleError}.
 */
export async function formAction<S extends z.ZodType, R>(
  c: Context,
  spec: {
    schema: S;
    run: (input: z.output<S>, values: FormValues) => Promise<R>;
    done: (result: R) => Response | Promise<Response>;
    again: (state: FormState) => Html;
    /** The form values when the caller has read them already (multipart with files). */
    values?: FormValues;
  },
): Promise<Response> {
  const values = spec.values ?? (await readForm(c));
  const parsed = spec.schema.safeParse(values);
  if (!parsed.success) {
    return c.html(await spec.again({ values, errors: fieldErrors(parsed.error) }), 422);
  }
  try {
    return await spec.done(await spec.run(parsed.data, values));
  } catch (e) {
    if (e instanceof AppError && (e.code === 'invalid' || e.code === 'conflict')) {
      return c.html(await spec.again({ values, errors: e.fieldErrors, message: e.message }), statusOf(e));
    }
    throw e;
  }
}

/** The confirmation a page shows after a redirect with `?flash=key`: the page's message for that key. */
export const flashOf = (c: Context, messages: Readonly<Record<string, string>>): string | undefined =>
  messages[c.req.query('flash') ?? ''];

/** One text value of form values ('' when absent; the first of a repeated field). */
export const valueOf = (values: FormValues, key: string): string => {
  const v = values[key];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
};
