// Hostile requests on every route the app registers: a malformed multipart body on any POST
// answers 400 with a Chinese message (never 500 with a stack trace in the log), and an id that does not exist,
// is not an id at all, or belongs to another organization answers 404 (never 500) on every route with a
// parameter. The routes are read from the Hono app itself, so a route added later is walked too.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { DIALECTS, skipReason, suiteRuntime } from '../support/runtime.js';
import { suiteAdmin, staffAgent } from '../support/admin.js';
import type { TestAgent } from '../support/http.js';
import { demoOrgs } from '../factories/orgs.js';
import { makeApplication } from '../factories/applications.js';
import { issueApiToken } from '../../src/app/auth/api-token.js';

/** Headers of a request: the staff API takes the admin's bearer token, pages the agent's session. */
let apiToken = '';
const authOf = (path: string): Record<string, string> =>
  path.startsWith('/api/') ? { authorization: `Bearer ${apiToken}` } : {};

/** The values put in every route parameter: absent ids of several shapes. */
const BAD_IDS = [randomUUID(), 'not-an-id', '0', '%E4%B8%AD', "1'or'1"];

type Route = { method: string; path: string };

/** The app's routes with parameters (`:id`, `:code`, `:year{…}`), once per method and path. */
function parameterRoutes(agent: TestAgent): Route[] {
  const seen = new Map<string, Route>();
  for (const r of agent.app.routes) {
    if (!r.path.includes(':') || !['GET', 'POST'].includes(r.method)) continue;
    seen.set(`${r.method} ${r.path}`, { method: r.method, path: r.path });
  }
  return [...seen.values()];
}

/** Every POST route (parameters filled with an absent id). */
function postRoutes(agent: TestAgent): Route[] {
  const seen = new Map<string, Route>();
  for (const r of agent.app.routes) if (r.method === 'POST') seen.set(r.path, { method: 'POST', path: r.path });
  return [...seen.values()];
}

/** The path with each parameter (and its pattern, `:year{[0-9]+}`) replaced by the value. */
const fill = (path: string, value: string) => path.replace(/:[A-Za-z_]+(\{[^}]*\})?\??/g, value);

/** Captures console.error while a block runs (what the server logs), and restores it. */
function captureErrors(): { lines: string[]; restore: () => void } {
  const lines: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => {
    lines.push(args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(' '));
  };
  return { lines, restore: () => (console.error = original) };
}

for (const dialect of DIALECTS) {
  describe(`malformed requests (${dialect})`, { skip: skipReason(dialect) }, () => {
    const rt = suiteRuntime(dialect);
    const admin = suiteAdmin(rt);
    let log: ReturnType<typeof captureErrors>;
    before(async () => {
      apiToken = await issueApiToken(rt.ctx, 'admin');
      log = captureErrors();
    });
    after(() => log.restore());

    test('should answer 404, never 500, on every route with a parameter given an absent or malformed id', async () => {
      const routes = parameterRoutes(admin);
      assert.ok(routes.length > 50, `the app's parameter routes are walked (${routes.length})`);
      const failures: string[] = [];
      let requests = 0;
      for (const r of routes) {
        for (const id of BAD_IDS) {
          const path = fill(r.path, encodeURIComponent(id));
          const res =
            r.method === 'GET'
              ? await admin.request('GET', path, { headers: authOf(path) })
              : await admin.post(path, {});
          requests++;
          await res.arrayBuffer();
          // A GET finds nothing: 404; the applicant's pages (/track/…) first ask for the applicant's pass (401).
          // A POST may also refuse its empty form first (403/409/422): anything but a server error.
          const expected = path.startsWith('/track/') ? 401 : 404;
          const ok = r.method === 'GET' ? res.status === expected : res.status < 500;
          if (!ok) failures.push(`${r.method} ${path} → ${res.status}`);
        }
      }
      assert.deepEqual(failures, [], `${failures.length} of ${requests} requests`);
      assert.deepEqual(log.lines, [], 'nothing logged as an error');
    });

    test('should answer 404 for a case of another organization to a department handler', async () => {
      const orgs = await demoOrgs(rt);
      const created = await makeApplication(rt, { org: orgs.named('示例区财政局').creditCode });
      const handler = await staffAgent(rt, 'faults-handler', ['handler'], orgs.named('示例区教育局').id);
      const res = await handler.get(`/admin/applications/${created.id}`);
      assert.equal(res.status, 404);
    });

    test('should answer 400 with a Chinese message to a malformed multipart body on every POST route', async () => {
      const routes = postRoutes(admin);
      assert.ok(routes.length > 40, `every POST route is posted to (${routes.length})`);
      const bodies = [
        {
          type: 'multipart/form-data; boundary=----gk',
          body: '------gk\r\nContent-Disposition: form-data; name="x"\r\n',
        },
        { type: 'multipart/form-data', body: 'x=1' },
        { type: 'multipart/form-data; boundary=', body: '--\r\n\r\n' },
      ];
      const failures: string[] = [];
      for (const r of routes) {
        for (const b of bodies) {
          const path = fill(r.path, randomUUID());
          const res = await admin.request('POST', path, {
            body: b.body,
            headers: { 'content-type': b.type, origin: 'http://localhost', ...authOf(path) },
          });
          const text = await res.text();
          if (res.status !== 400 || !/[\u4e00-\u9fff]/.test(text)) {
            failures.push(`POST ${path} (${b.type}) → ${res.status} ${text.slice(0, 80)}`);
          }
        }
      }
      assert.deepEqual(failures, [], `${failures.length} of ${routes.length * bodies.length} posts`);
      assert.deepEqual(log.lines, [], 'no stack trace in the log');
    });
  });
}
