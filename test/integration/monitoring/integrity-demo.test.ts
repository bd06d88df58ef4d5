// The integrity check over the demo district's portal, on both dialects, through the real server on loopback: every
// item the demo publishes through the review chain (documents, interpretations, revisions, withdrawn and republished
// items, attachments) serves what was recorded at publication, so a newcomer's first run finds nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { serveHttp } from '../../../src/main.js';
import { loadConfig } from '../../../src/config/config.js';
import { httpFetch } from '../../../src/adapters/http-fetch/http-fetch.js';
import { readIntegrityPage } from '../../../src/adapters/http-fetch/integrity-page.js';
import { checkPortalIntegrity } from '../../../src/app/monitoring/integrity.js';

for (const dialect of DIALECTS) {
  describe(`portal integrity of the demo district (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    let server: { url: string; close: () => Promise<void> };
    let dir: string;

    before(async () => {
      rt = await openTestRuntime(dialect, { content: true });
      dir = mkdtempSync(join(tmpdir(), 'gongkai-integrity-demo-'));
      server = await serveHttp(rt, loadConfig({ GONGKAI_DATA_DIR: dir, HOST: '127.0.0.1', PORT: '0' }));
    });
    after(async () => {
      await server?.close();
      await rt?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    test('should find nothing on any live demo item, attachments included', async () => {
      const live = (await rt.ctx.repos.publications.listLive({}, { limit: 1, offset: 0 })).total;
      const progress: number[] = [];
      const r = await checkPortalIntegrity(
        { ...rt.ctx, integrityFetch: httpFetch(), integrityPage: readIntegrityPage },
        server.url,
        (p) => progress.push(p.done),
      );
      assert.deepEqual(r.findings, []);
      assert.ok(live > 10, `the demo has live items (${live})`);
      assert.equal(r.pages, live);
      assert.equal(progress.at(-1), live, 'progress reaches every page');
    });
  });
}
