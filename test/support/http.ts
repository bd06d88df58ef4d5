// An in-process HTTP client for the web app: a cookie jar plus automatic CSRF fields, no sockets.
import assert from 'node:assert/strict';
import type { Hono } from 'hono';
import { createWebApp } from '../../src/web/app.js';
import type { WebEnv } from '../../src/web/common/env.js';
import type { TestRuntime } from './runtime.js';

/** A browser-like client over app.request(). */
export class TestAgent {
  readonly cookies = new Map<string, string>();
  readonly app: Hono<WebEnv>;

  /**
   * @param opts.ip the client address the server sees (the rate limits count per address); default none, which the
   *   server reads as 'unknown'
   * @param opts.trustedProxies the server's GONGKAI_TRUSTED_PROXIES
   * @param opts.secureCookies the server's GONGKAI_SECURE_COOKIES (the cookies are then named `__Host-…`)
   */
  constructor(
    rt: TestRuntime,
    private readonly opts: { ip?: string; trustedProxies?: string[]; secureCookies?: boolean } = {},
  ) {
    this.app = createWebApp(rt.ctx, {
      secureCookies: opts.secureCookies ?? false,
      uploadLimitBytes: 2 * 1024 * 1024,
      dialect: rt.dialect,
      logRequests: false,
      timeZone: 'Asia/Shanghai',
      trustedProxies: opts.trustedProxies ?? [],
    });
  }

  /** Sends a request with the jar's cookies; stores Set-Cookie. */
  async request(
    method: string,
    path: string,
    init: { body?: string | FormData; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { host: 'localhost', ...init.headers };
    if (this.cookies.size > 0) {
      headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    }
    const env = this.opts.ip ? { incoming: { socket: { remoteAddress: this.opts.ip } } } : undefined;
    const res = await this.app.request(`http://localhost${path}`, { method, headers, body: init.body }, env);
    for (const sc of res.headers.getSetCookie()) {
      const [pair] = sc.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (!pair || eq < 0) continue;
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (value === '' || /max-age=0/i.test(sc) || /expires=Thu, 01 Jan 1970/i.test(sc)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /** GET. */
  get(path: string): Promise<Response> {
    return this.request('GET', path);
  }

  /** The CSRF cookie's token, after a first page has set it. */
  private async csrfToken(): Promise<string> {
    const name = this.opts.secureCookies ? '__Host-gk_csrf' : 'gk_csrf';
    if (!this.cookies.has(name)) {
      await this.get('/admin/login');
    }
    return this.cookies.get(name) ?? '';
  }

  /**
   * POSTs a urlencoded form from the same origin, adding the CSRF field unless `csrf: false`.
   * Repeated fields are given as arrays.
   */
  async post(
    path: string,
    fields: Record<string, string | string[]>,
    opts: { csrf?: boolean; origin?: string } = {},
  ): Promise<Response> {
    const csrf = await this.csrfToken();
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) {
      for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    }
    if (opts.csrf !== false) body.set('_csrf', csrf);
    return this.request('POST', path, {
      body: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: opts.origin ?? 'http://localhost' },
    });
  }

  /**
   * POSTs a multipart form from the same origin, as a browser sends a form with file inputs: the text fields, then
   * the files under their field names; adds the CSRF field unless `csrf: false`.
   */
  async postMultipart(
    path: string,
    fields: Record<string, string>,
    files: Record<string, readonly File[]> = {},
    opts: { csrf?: boolean } = {},
  ): Promise<Response> {
    const csrf = await this.csrfToken();
    const form = new FormData();
    if (opts.csrf !== false) form.set('_csrf', csrf);
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    for (const [k, list] of Object.entries(files)) for (const f of list) form.append(k, f);
    return this.request('POST', path, { body: form, headers: { origin: 'http://localhost' } });
  }

  /** Logs in; changes the password first when the account must (returns the password now valid). */
  async login(username: string, password: string): Promise<Response> {
    return this.post('/admin/login', { username, password });
  }
}

/**
 * Calls the staff API (JSON, optionally with a bearer token) through the agent's app, without its cookies.
 * @returns the status and the parsed JSON body
 */
export async function callApi<J>(
  agent: TestAgent,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<{ status: number; json: J }> {
  const headers: Record<string, string> = { host: 'localhost' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await agent.app.request(`http://localhost${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as J };
}

/** A JSON body of the staff API. */
type Json = Record<string, unknown>;

/**
 * The staff API of cases for a test: `call` (any request as a named staff member), `act` (POST a move) and `ok`
 * (a move that must succeed, answering the case's state and due date).
 * @param agent the suite's agent (read when called: suites assign it in `before`)
 * @param token each staff member's API token
 */
export function caseApi<W extends string>(agent: () => TestAgent, token: Record<W, string>) {
  const call = (method: string, path: string, who: W, body?: unknown) =>
    callApi<Json>(agent(), method, path, token[who], body);
  const act = (who: W, id: string, body: Json) => call('POST', `/api/v1/applications/${id}/actions`, who, body);
  const ok = async (who: W, id: string, body: Json) => {
    const res = await act(who, id, body);
    assert.equal(res.status, 200, `${String(body.action)}: ${JSON.stringify(res.json)}`);
    return res.json as { state: string; dueOn: string | null };
  };
  return { call, act, ok };
}

/**
 * Asserts that a form was refused (422) and that the page shows each of `shown` (its Chinese errors, the values
 * kept: text or a pattern); returns the page.
 */
export async function refusedPage(res: Response, shown: readonly (string | RegExp)[]): Promise<string> {
  assert.equal(res.status, 422, 'form refused');
  const html = await res.text();
  for (const s of shown) assert.ok(typeof s === 'string' ? html.includes(s) : s.test(html), `page shows ${String(s)}`);
  return html;
}
