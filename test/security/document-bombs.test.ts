// Hostile documents (docs/security/documents.md): decompression bombs posted through the real
// upload routes of a running server — the report checker, the standard-catalogue import and 从Word导入正文 in the
// publication draft form — are refused with a
// Chinese message while the server's event loop stays responsive (event-loop delay measured in the server's
// process, /healthz timed during each upload); the process stays up and still reads an honest document after.
// The CLI checker refuses the same files without taking more than a few hundred megabytes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createWebApp } from '../../src/web/app.js';
import { openTestRuntime, type TestRuntime } from '../support/runtime.js';
import type { TestAgent } from '../support/http.js';
import { adminAgent, staffAgent } from '../support/admin.js';
import { docxBomb, manyEntriesZip, pdfBomb, xlsxBomb } from '../support/document-bombs.js';

const SEED = readFileSync(fileURLToPath(new URL('../fixtures/reports/seed/000_cdd85b7f6af27b20.txt', import.meta.url)));
const BIN = fileURLToPath(new URL('../../bin/gongkai.js', import.meta.url));
/** The event-loop delay and the /healthz answer time allowed while a bomb is processed. */
const MAX_DELAY_MS = 1000;
/** The CLI checker's peak resident memory allowed on a bomb. */
const MAX_CLI_RSS_MB = 300;

type Bomb = { label: string; name: string; make: () => Promise<Buffer> };

const BOMBS: Record<string, Bomb> = {
  docx: { label: 'DOCX whose document.xml inflates to 400 MB', name: 'bomb.docx', make: () => docxBomb(400) },
  docxLie: {
    label: 'DOCX of 400 MB whose directory declares 4 KB',
    name: 'lie.docx',
    make: () => docxBomb(400, { lie: true }),
  },
  xlsx: { label: 'XLSX of 3 million rows', name: 'rows.xlsx', make: () => xlsxBomb(3_000_000) },
  xlsxLie: {
    label: 'XLSX of 3 million rows whose directory declares 4 KB',
    name: 'lie.xlsx',
    make: () => xlsxBomb(3_000_000, { lie: true }),
  },
  rows: { label: 'XLSX of 60,000 rows within the size limits', name: 'rows60k.xlsx', make: () => xlsxBomb(60_000) },
  entries: { label: 'ZIP of 100,000 entries', name: 'entries.docx', make: async () => manyEntriesZip(100_000) },
  pdf: { label: 'PDF with a 100 MB FlateDecode stream', name: 'stream.pdf', make: () => pdfBomb(100) },
};

const made = new Map<string, Buffer>();
/** Each bomb is made once per run (a few seconds of deflating for the 400 MB ones). */
async function bomb(key: keyof typeof BOMBS): Promise<Buffer> {
  const b = BOMBS[key];
  assert.ok(b);
  let bytes = made.get(key);
  if (!bytes) made.set(key, (bytes = await b.make()));
  return bytes;
}

/** What a request took while a bomb was processed: the slowest /healthz answer and the event loop's worst delay. */
type Measured = { res: Response; html: string; maxDelayMs: number; healthz: number[] };

describe('hostile documents through the upload routes of a running server', () => {
  let rt: TestRuntime;
  let base: string;
  /** The signed-in sessions the forms are posted in: the administrator's, and an editor's (drafts). */
  const sessions = {} as Record<'admin' | 'editor', { cookie: string; csrf: string }>;
  let close: () => Promise<void>;

  before(async () => {
    rt = await openTestRuntime('sqlite');
    const app = createWebApp(rt.ctx, {
      secureCookies: false,
      uploadLimitBytes: 20 * 1024 * 1024,
      dialect: rt.dialect,
      logRequests: false,
      timeZone: 'Asia/Shanghai',
    });
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((r) => server.close(() => r()));
    const session = (agent: TestAgent) => ({
      cookie: [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      csrf: agent.cookies.get('gk_csrf') ?? '',
    });
    sessions.admin = session(await adminAgent(rt));
    sessions.editor = session(await staffAgent(rt, 'bomb.editor', ['editor']));
    // Made before any measurement, so that their garbage is not collected inside one.
    for (const key of Object.keys(BOMBS)) await bomb(key);
  });
  after(async () => {
    await close();
    await rt.close();
  });

  /** Posts the form while timing /healthz every 100 ms and the event loop's delay in this (the server's) process. */
  async function postMeasured(
    path: string,
    fields: Record<string, string>,
    files: Record<string, File>,
    as: keyof typeof sessions = 'admin',
  ) {
    const { cookie, csrf } = sessions[as];
    const form = new FormData();
    form.set('_csrf', csrf);
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    for (const [k, f] of Object.entries(files)) form.set(k, f);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    const healthz: number[] = [];
    let done = false;
    delay.enable();
    const probe = (async () => {
      while (!done) {
        const t = performance.now();
        const r = await fetch(`${base}/healthz`);
        assert.equal(r.status, 200);
        await r.body?.cancel();
        healthz.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const res = await fetch(`${base}${path}`, { method: 'POST', body: form, headers: { cookie, origin: base } });
    const html = await res.text();
    done = true;
    await probe;
    delay.disable();
    const measured: Measured = { res, html, maxDelayMs: delay.max / 1e6, healthz };
    const slowest = Math.max(...healthz);
    console.log(
      `${path}: ${res.status}, event-loop max delay ${measured.maxDelayMs.toFixed(0)} ms, /healthz` +
        ` ${healthz.length}× slowest ${slowest.toFixed(0)} ms`,
    );
    assert.ok(healthz.length >= 1, '/healthz answered during the upload');
    assert.ok(measured.maxDelayMs < MAX_DELAY_MS, `event loop delayed ${measured.maxDelayMs} ms`);
    assert.ok(slowest < MAX_DELAY_MS, `/healthz took ${slowest} ms`);
    return measured;
  }

  const reportCheck = async (key: keyof typeof BOMBS) => {
    const b = BOMBS[key];
    assert.ok(b);
    const file = new File([await bomb(key)], b.name);
    return postMeasured('/admin/report-check', { text: '保留的粘贴文本' }, { files: file });
  };

  const catalogueImport = async (key: keyof typeof BOMBS, name: string) => {
    const orgId = (await rt.ctx.repos.orgs.list()).find((o) => o.parentId === null)?.id ?? '';
    const file = new File([await bomb(key)], name);
    return postMeasured(`/admin/orgs/${orgId}/standard-catalogue/import`, {}, { file });
  };

  for (const key of ['docx', 'docxLie', 'entries', 'pdf'] as const) {
    test(`report checker: ${BOMBS[key]?.label} is refused, the typed text kept, the server responsive`, async () => {
      const { res, html } = await reportCheck(key);
      assert.equal(res.status, 422);
      assert.match(html, /文件被拒绝：/);
      assert.match(html, /疑似压缩炸弹/);
      assert.match(html, /保留的粘贴文本<\/textarea>/);
    });
  }

  for (const key of ['xlsx', 'xlsxLie', 'rows', 'entries'] as const) {
    test(`standard-catalogue import: ${BOMBS[key]?.label} is refused, the server responsive`, async () => {
      const { res, html } = await catalogueImport(key, 'catalogue.xlsx');
      assert.equal(res.status, 422);
      assert.match(html, /文件被拒绝：/);
    });
  }

  for (const key of ['docx', 'docxLie', 'entries'] as const) {
    test(`从Word导入正文: ${BOMBS[key]?.label} is refused, everything typed kept, the server responsive`, async () => {
      const org = (await rt.ctx.repos.orgs.list()).find((o) => o.parentId === null)?.id ?? '';
      const fields = { org, title: '保留的名称', body: '保留的正文', intent: 'import' };
      const word = new File([await bomb(key)], 'bomb.docx');
      const { res, html } = await postMeasured('/admin/publications/new', fields, { word }, 'editor');
      assert.equal(res.status, 422);
      assert.match(html, /“bomb\.docx”文件被拒绝：.*疑似压缩炸弹/);
      assert.match(html, /value="保留的名称"/);
      assert.match(html, /保留的正文<\/textarea>/);
    });
  }

  test('after the bombs, the process is alive and an honest report is still read and checked', async () => {
    const { res, html } = await postMeasured('/admin/report-check', { text: '' }, { files: new File([SEED], 'a.txt') });
    assert.equal(res.status, 200);
    assert.match(html, /<h2 id="r1">/);
  });
});

describe('the CLI checker on the bombs', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-bombs-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const key of ['docx', 'docxLie', 'pdf'] as const) {
    test(`report check refuses the ${BOMBS[key]?.label} under ${MAX_CLI_RSS_MB} MB of memory`, async () => {
      const b = BOMBS[key];
      assert.ok(b);
      const file = join(dir, b.name);
      writeFileSync(file, await bomb(key));
      // GNU time prints the child's peak resident set (KB) on its last stderr line.
      const r = spawnSync('/usr/bin/time', ['-f', 'maxrss=%M', process.execPath, BIN, 'report', 'check', file], {
        env: { PATH: process.env.PATH ?? '', HOME: dir, TZ: 'UTC', GONGKAI_DATA_DIR: dir },
        encoding: 'utf8',
        timeout: 120_000,
      });
      const kb = Number(/maxrss=(\d+)/.exec(r.stderr)?.[1]);
      console.log(`report check ${b.name}: status ${r.status}, peak RSS ${(kb / 1024).toFixed(0)} MB`);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /文件被拒绝：/);
      assert.ok(kb > 0 && kb / 1024 < MAX_CLI_RSS_MB, `peak RSS ${kb / 1024} MB`);
    });
  }
});
