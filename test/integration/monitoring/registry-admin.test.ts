// HTTP: the back-office monitoring pages on both dialects — the dashboard, the site form keeping what was typed
// with Chinese errors, a run queued and cancelled from its page, a finding confirmed, a task marked fixed by the
// unit's own staff (and refused to another unit), and a 提醒函 issued, shown for print and downloaded as DOCX.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipReason, suiteRuntime } from '../../support/runtime.js';
import type { TestAgent } from '../../support/http.js';
import { staffAgent, suiteAdmin } from '../../support/admin.js';
import { demoOrgs } from '../../factories/orgs.js';
import { executeRun, requestRun } from '../../../src/app/monitoring/runs.js';
import type { SiteChecker } from '../../../src/app/monitoring/ports.js';
import type { MonitorFinding } from '../../../src/domain/monitoring/finding.js';

const FINDINGS: MonitorFinding[] = [
  {
    rule: 'column_empty',
    severity: 'deduction',
    url: 'http://edu.example.test/notice/',
    column: '通知公告',
    message: '“通知公告”栏目没有内容',
    evidence: {},
  },
  {
    rule: 'sensitive_word',
    severity: 'veto',
    url: 'http://edu.example.test/a.html',
    message: '页面含错敏词“国务院办公室”',
    evidence: { word: '国务院办公室' },
  },
];
const checker: SiteChecker = {
  check: () =>
    Promise.resolve({
      findings: FINDINGS,
      summary: { verdict: '合格', score: 98, vetoes: [] },
      pages: 3,
      links: 9,
    }),
};

for (const dialect of DIALECTS) {
  describe(`monitoring back office (${dialect})`, { skip: skipReason(dialect) }, () => {
    const rt = suiteRuntime(dialect, { start: '2026-06-01T02:00:00Z' });
    const admin = suiteAdmin(rt);
    let edu: TestAgent;
    let fin: TestAgent;
    let eduId = '';
    let siteId = '';
    const form = (over: Record<string, string> = {}) => ({
      name: '教育局网站',
      homeUrl: 'http://edu.example.test/',
      siteCode: '',
      orgId: eduId,
      kind: 'department',
      'columns.0.name': '通知公告',
      'columns.0.url': 'http://edu.example.test/notice/',
      'columns.0.kind': 'notice',
      'columns.0.intervalDays': '',
      ...over,
    });

    before(async () => {
      const orgs = await demoOrgs(rt);
      eduId = orgs.named('示例区教育局').id;
      edu = await staffAgent(rt, 'edu.web', ['editor'], eduId);
      fin = await staffAgent(rt, 'fin.web', ['editor'], orgs.named('示例区财政局').id);
      // The engine takes the job; no worker is registered in a test runtime, so the run waits in its queue.
      await rt.ctx.jobs.start();
    });

    test('should show the dashboard in the menu', async () => {
      const res = await admin.get('/admin/monitoring');
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /监督保障/);
      assert.match(html, /近12个月网站监测情况/);
    });

    test('should keep what was typed and name each error of the site form', async () => {
      const res = await admin.post(
        '/admin/monitoring/sites',
        form({ homeUrl: 'edu.example.test', 'columns.0.intervalDays': 'abc' }),
      );
      assert.equal(res.status, 422);
      const html = await res.text();
      assert.match(html, /首页网址应以 http:\/\/ 或 https:\/\/ 开头/);
      assert.match(html, /更新周期应为1至3650之间的天数/);
      assert.match(html, /value="教育局网站"/);
      assert.match(html, /value="edu.example.test"/);
      const ok = await admin.post('/admin/monitoring/sites', form());
      assert.equal(ok.status, 303);
      siteId = /sites\/([^?]+)\?/.exec(ok.headers.get('location') ?? '')?.[1] ?? '';
      assert.match(await (await admin.get(`/admin/monitoring/sites/${siteId}`)).text(), /通知公告类/);
    });

    test('should register an interaction message on the site page, keeping a bad date typed', async () => {
      const saved = await admin.post(`/admin/monitoring/sites/${siteId}`, {
        ...form(),
        'columns.1.name': '局长信箱',
        'columns.1.url': 'http://edu.example.test/mail/',
        'columns.1.kind': 'interaction',
        'columns.1.intervalDays': '',
      });
      assert.equal(saved.status, 303);
      const site = await rt.ctx.repos.monitoring.siteById(siteId);
      const columnId = site?.columns.find((c) => c.kind === 'interaction')?.id ?? '';
      const bad = await admin.post(`/admin/monitoring/sites/${siteId}/messages`, {
        columnId,
        receivedOn: '2026-13-01',
        answeredOn: '',
        subject: '学区咨询',
      });
      assert.equal(bad.status, 422);
      const html = await bad.text();
      assert.match(html, /收到日期应为 YYYY-MM-DD 格式的有效日期/);
      assert.match(html, /value="2026-13-01"/);
      const ok = await admin.post(`/admin/monitoring/sites/${siteId}/messages`, {
        columnId,
        receivedOn: '2026-01-05',
        answeredOn: '',
        subject: '学区咨询',
      });
      assert.equal(ok.status, 303);
      assert.equal((await rt.ctx.repos.monitoring.messagesOfSite(siteId)).length, 1);
    });

    test('should queue a run from the site page, show its progress and cancel it', async () => {
      const res = await admin.post('/admin/monitoring/runs', { siteId, all: '' });
      assert.equal(res.status, 303);
      const runPage = res.headers.get('location') ?? '';
      const html = await (await admin.get(runPage)).text();
      assert.match(html, /排队中/);
      assert.match(html, /data-refresh="3"/);
      assert.match(html, /src="\/static\/monitoring.js"/);
      const cancel = await admin.post(`${runPage.replace(/\?.*$/, '')}/cancel`, {});
      assert.equal(cancel.status, 303);
      assert.match(await (await admin.get(runPage.replace(/\?.*$/, ''))).text(), /已取消/);
    });

    test('should confirm a finding, let the unit mark its task fixed, and refuse another unit', async () => {
      const run = await requestRun(rt.ctx, null, { siteId });
      await executeRun(rt.ctx, checker, run.id);
      const list = await (await admin.get('/admin/monitoring/findings')).text();
      assert.match(list, /待人工确认/);
      const pending = (await rt.ctx.repos.monitoring.findings({ siteId, confirmation: 'pending' }, 10))[0];
      assert.equal((await admin.post(`/admin/monitoring/findings/${pending?.id}/confirm`, {})).status, 303);
      const tasks = await rt.ctx.repos.monitoring.tasks({ orgIds: [eduId] });
      // column_empty, the confirmed sensitive_word, and interaction_unanswered from the message registered above.
      assert.equal(tasks.length, 3);
      const task = tasks[0];
      assert.equal((await fin.post(`/admin/monitoring/tasks/${task?.id}/fixed`, { note: '已改' })).status, 403);
      const empty = await edu.post(`/admin/monitoring/tasks/${task?.id}/fixed`, { note: '' });
      assert.equal(empty.status, 422);
      assert.match(await empty.text(), /请说明整改情况/);
      assert.equal((await edu.post(`/admin/monitoring/tasks/${task?.id}/fixed`, { note: '已更新栏目' })).status, 303);
      assert.match(await (await edu.get('/admin/monitoring/tasks')).text(), /已整改待复核/);
    });

    test('should issue a 提醒函, show it for print and download it as DOCX', async () => {
      const res = await admin.post('/admin/monitoring/letters', { orgId: eduId, deadlineOn: '' });
      assert.equal(res.status, 303);
      const letterPage = (res.headers.get('location') ?? '').replace(/\?.*$/, '');
      const html = await (await admin.get(letterPage)).text();
      assert.match(html, /关于政府网站监测发现问题限期整改的提醒函/);
      assert.match(html, /“通知公告”栏目没有内容/);
      const docx = await admin.get(`${letterPage}/letter.docx`);
      assert.equal(docx.status, 200);
      assert.match(docx.headers.get('content-type') ?? '', /wordprocessingml/);
      const bad = await admin.post(`${letterPage}/send`, { email: 'x' });
      assert.equal(bad.status, 422);
      assert.match(await bad.text(), /请填写有效的电子邮箱/);
    });
  });
}
