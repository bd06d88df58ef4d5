// HTTP: the 依申请公开 procedure settings on the site settings page (the choices the Regulation leaves to the
// office, e.g. whether art. 35's 说明理由 pauses the reply clock): shown with the stated default, changed only by a
// root administrator, audited.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import type { TestAgent } from '../../support/http.js';
import { adminAgent, staffAgent } from '../../support/admin.js';
import { procedureSettings } from '../../../src/app/applications/procedure-settings.js';

for (const dialect of DIALECTS) {
  describe(`procedure settings (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    let admin: TestAgent;

    before(async () => {
      rt = await openTestRuntime(dialect, { start: '2025-10-01T02:00:00Z' });
      admin = await adminAgent(rt);
    });
    after(() => rt.close());

    test('should show the setting unticked by default and save it with an audit entry', async () => {
      const page = await (await admin.get('/admin/settings')).text();
      assert.ok(page.includes('action="/admin/settings/procedure"'));
      assert.ok(/name="reasonsRequestStopsClock"(?![^>]*checked)/.test(page), 'unticked by default');
      assert.deepEqual(await procedureSettings(rt.ctx.repos), { reasonsRequestStopsClock: false });
      const saved = await admin.post('/admin/settings/procedure', { reasonsRequestStopsClock: '1' });
      assert.equal(saved.status, 303);
      assert.equal(saved.headers.get('location'), '/admin/settings?flash=procedure');
      assert.deepEqual(await procedureSettings(rt.ctx.repos), { reasonsRequestStopsClock: true });
      const audit = await rt.ctx.repos.audit.list({}, { limit: 20 });
      assert.ok(
        audit.some((e) => e.action === 'settings.updated' && e.entityId === 'applications.procedure'),
        'the change is audited',
      );
      const unticked = await admin.post('/admin/settings/procedure', {});
      assert.equal(unticked.status, 303);
      assert.deepEqual(await procedureSettings(rt.ctx.repos), { reasonsRequestStopsClock: false });
    });

    test('should refuse anyone but a root administrator', async () => {
      const head = await staffAgent(rt, 'proc.head', ['office_head']);
      const res = await head.post('/admin/settings/procedure', { reasonsRequestStopsClock: '1' });
      assert.equal(res.status, 403);
      assert.deepEqual(await procedureSettings(rt.ctx.repos), { reasonsRequestStopsClock: false });
    });
  });
}
