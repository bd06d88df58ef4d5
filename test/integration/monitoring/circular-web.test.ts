// HTTP: the "生成通报" button of a completed run's page on both dialects — shown to whoever manages the run's sites,
// posting it (with the form token) opens the new draft in the editor; no token, no draft; unit staff get no button.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipReason, suiteRuntime } from '../../support/runtime.js';
import type { TestAgent } from '../../support/http.js';
import { staffAgent } from '../../support/admin.js';
import { demoOrgs } from '../../factories/orgs.js';
import { saveSite } from '../../../src/app/monitoring/registry.js';
import { executeRun, requestRun } from '../../../src/app/monitoring/runs.js';
import type { SiteChecker } from '../../../src/app/monitoring/ports.js';

const checker: SiteChecker = {
  check: () =>
    Promise.resolve({ findings: [], summary: { verdict: '合格', score: 99, vetoes: [] }, pages: 1, links: 2 }),
};

for (const dialect of DIALECTS) {
  describe(`生成通报 from the run page (${dialect})`, { skip: skipReason(dialect) }, () => {
    const rt = suiteRuntime(dialect, { start: '2026-12-07T02:00:00Z' });
    let chief: TestAgent;
    let edu: TestAgent;
    let runPath = '';
    const drafts = async () => (await rt.ctx.repos.audit.list({ action: 'publication.created' }, { limit: 10 })).length;

    before(async () => {
      const orgs = await demoOrgs(rt);
      const eduId = orgs.named('示例区教育局').id;
      chief = await staffAgent(rt, 'circ.chief', ['admin', 'editor'], orgs.root.id);
      edu = await staffAgent(rt, 'circ.eduweb', ['editor'], eduId);
      await saveSite(rt.ctx, null, {
        name: '示例区教育局网站',
        homeUrl: 'http://edu.example.test/',
        siteCode: '',
        orgId: eduId,
        kind: 'department',
        columns: [],
      });
      const run = await requestRun(rt.ctx, null, { all: true, asOf: '2026-12-07' });
      runPath = `/admin/monitoring/runs/${(await executeRun(rt.ctx, checker, run.id)).id}`;
    });

    test('should show the button to the manager and open the new draft in the editor', async () => {
      const page = await (await chief.get(runPath)).text();
      assert.match(page, new RegExp(`action="${runPath}/circular"[^>]*>[\\s\\S]*?生成通报`));
      const noToken = await chief.post(`${runPath}/circular`, {}, { csrf: false });
      assert.equal(noToken.status, 403);
      assert.equal(await drafts(), 0);
      const res = await chief.post(`${runPath}/circular`, {});
      assert.equal(res.status, 303);
      assert.equal(await drafts(), 1);
      const to = res.headers.get('location') ?? '';
      assert.match(to, /^\/admin\/publications\/[^/]+\/edit$/);
      const editor = await (await chief.get(to)).text();
      assert.match(editor, /关于2026年第四季度政府网站与政务新媒体检查情况的通报/);
    });

    test('should give unit staff neither the page nor the action', async () => {
      assert.equal((await edu.get(runPath)).status, 404);
      assert.equal((await edu.post(`${runPath}/circular`, {})).status, 404);
      assert.equal(await drafts(), 1);
    });
  });
}
