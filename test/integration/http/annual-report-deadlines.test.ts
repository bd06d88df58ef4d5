// HTTP: the annual report's deadline settings (《政府信息公开条例》第四十九条) on both dialects — a visitor is
// sent to login and a user without the right gets 403; an internal date set on the government is
// inherited by its departments (the settings page and the /admin/reports overview follow, with the
// late flag); clearing it restores the statutory date; bad input keeps what was typed with a
// Chinese error; the township/street default moves the street's date; every change is audited.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipReason } from '../../support/runtime.js';
import { adminAgent } from '../../support/admin.js';
import type { TestAgent } from '../../support/http.js';
import { YEAR, lit, openReportWorld, type ReportWorld } from './annual-report-fixture.js';

const PAGE = '/admin/reports/deadlines';

/** The effective due date shown for an organization on the settings page. */
const effective = (html: string, orgId: string): string | undefined =>
  new RegExp(`data-due="${orgId}"[^>]*>([^<]*)<`).exec(html)?.[1]?.trim();

/** The table row (`<tr …>…</tr>`) that names the organization, or ''. */
function row(html: string, name: string): string {
  return (
    html
      .split(/<tr[\s>]/)
      .slice(1)
      .find((r) => r.includes(`>${name}<`))
      ?.split('</tr>')[0] ?? ''
  );
}

for (const dialect of DIALECTS) {
  describe(`annual report deadline settings over HTTP (${dialect})`, { skip: skipReason(dialect) }, () => {
    let w: ReportWorld;
    let admin: TestAgent;
    let street = '';
    let township = '';
    const overview = () => `/admin/reports?org=${w.org.root}&year=${YEAR}`;
    before(async () => {
      w = await openReportWorld(dialect);
      admin = await adminAgent(w.rt);
      const orgs = await w.rt.ctx.repos.orgs.list();
      street = orgs.find((o) => o.kind === 'street')?.id ?? '';
      township = orgs.find((o) => o.kind === 'township')?.id ?? '';
    });
    after(() => w?.rt.close());

    test('should send a visitor to login and refuse a user without the right with 403', async () => {
      const anon = await w.as.visitor.get(PAGE);
      assert.equal(anon.status, 303);
      assert.match(anon.headers.get('location') ?? '', /^\/admin\/login\?next=%2Fadmin%2Freports%2Fdeadlines/);
      assert.equal((await w.as.visitor.post(`${PAGE}/orgs/${w.org.root}`, { internalDue: '01-20' })).status, 303);

      const editor = await w.as.eduEditor.get(PAGE);
      assert.equal(editor.status, 403);
      assert.match(await editor.text(), /没有权限/);
      assert.equal((await w.as.eduEditor.post(`${PAGE}/orgs/${w.org.edu}`, { internalDue: '01-20' })).status, 403);
      assert.equal((await w.as.eduEditor.post(`${PAGE}/unregulated`, { unregulatedDue: '02-20' })).status, 403);
      assert.equal(
        (await w.as.supervisor.post(`${PAGE}/unregulated`, { unregulatedDue: '02-20' })).status,
        403,
        'only an administrator of the root sets the township default',
      );
      assert.equal(
        (await w.as.supervisor.post(`${PAGE}/orgs/${w.org.edu}`, { internalDue: '01-20' }, { csrf: false })).status,
        403,
        'CSRF field required',
      );
      assert.equal((await w.rt.ctx.repos.annualReports.internalDues()).size, 0, 'nothing saved');
      assert.equal(await w.rt.ctx.repos.settings.get('reports.unregulated_due'), undefined);

      assert.doesNotMatch(
        await (await w.as.eduEditor.get('/admin/reports')).text(),
        /内部报送期限设置/,
        'no link for a compiler',
      );
      assert.match(await (await w.as.supervisor.get(overview())).text(), lit(`<a href="${PAGE}">内部报送期限设置</a>`));
    });

    test('should show each organization with its statutory rule and due date, and check the year', async () => {
      const res = await w.as.supervisor.get(`${PAGE}?year=${YEAR}`);
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(row(html, '示例区人民政府'), /次年3月31日前（《条例》第四十九条第二款）/);
      assert.match(row(html, '示例区教育局'), /次年1月31日前（《条例》第四十九条第一款）/);
      assert.match(row(html, '示例区城关街道办事处'), /《条例》未规定；按本系统设置：次年1月31日前/);
      assert.match(row(html, '示例区教育局'), /未设置（适用法定期限）/);
      assert.equal(effective(html, w.org.root), '2026-03-31');
      assert.equal(effective(html, w.org.edu), '2026-01-31');
      assert.match(html, lit(`action="${PAGE}/orgs/${w.org.edu}"`));
      assert.match(html, /只有本级政府的系统管理员可以修改此项设置/, 'a supervisor does not set the township default');
      assert.doesNotMatch(html, /name="unregulatedDue"/);

      assert.equal(effective(await (await w.as.supervisor.get(`${PAGE}?year=2023`)).text(), w.org.edu), '2024-01-31');
      const bad = await w.as.supervisor.get(`${PAGE}?year=2018`);
      assert.equal(bad.status, 400);
      assert.match(await bad.text(), /年度应为 2019 年以后的四位数字/);
      assert.match(await (await admin.get(PAGE)).text(), /name="unregulatedDue"/, 'the administrator of the root does');
    });

    test('should set the government internal date, inherited by its departments, and follow it in the overview', async () => {
      const before = await (await w.as.supervisor.get(overview())).text();
      assert.doesNotMatch(row(before, '示例区人民政府'), /已逾期/, 'the government is due on 31 March');
      assert.match(row(before, '示例区教育局'), /2026-01-31（已逾期）/);

      const res = await admin.post(`${PAGE}/orgs/${w.org.root}`, {
        internalDue: '1-20',
        year: String(YEAR),
        action: 'set',
      });
      assert.equal(res.status, 303);
      const location = res.headers.get('location') ?? '';
      assert.match(location, /^\/admin\/reports\/deadlines\?year=2025&flash=set/);
      assert.equal((await w.rt.ctx.repos.annualReports.internalDues()).get(w.org.root), '01-20');

      const html = await (await admin.get(location.split('#')[0]!)).text();
      assert.match(html, /内部报送期限已保存/);
      assert.match(row(html, '示例区人民政府'), /本机构设置：次年1月20日前/);
      assert.match(row(html, '示例区教育局'), /继承“示例区人民政府”的设置：次年1月20日前/);
      assert.equal(effective(html, w.org.root), '2026-01-20');
      assert.equal(effective(html, w.org.edu), '2026-01-20');
      assert.equal(effective(html, street), '2026-01-20', 'the street inherits it too');
      assert.match(row(html, '示例区教育局'), /（内部期限；法定 2026-01-31）/);

      const units = await (await w.as.supervisor.get(overview())).text();
      assert.match(row(units, '示例区人民政府'), /2026-01-20（已逾期）/);
      assert.match(row(units, '示例区教育局'), /2026-01-20（已逾期）/);
      assert.match(row(units, '示例区财政局'), /2026-01-20（已逾期）/);

      const audit = await admin.get('/admin/audit?action=report.deadline_set');
      assert.equal(audit.status, 200);
      assert.match(await audit.text(), /report\.deadline_set/);
      const [entry] = await w.rt.ctx.repos.audit.list({ action: 'report.deadline_set' }, { limit: 5 });
      assert.equal(entry?.entityId, w.org.root);
      assert.deepEqual(JSON.parse(entry?.afterJson ?? 'null'), { internalDue: '01-20' });
    });

    test('should keep the typed value with a Chinese error for an impossible date, saving nothing', async () => {
      for (const typed of ['02-30', '13-01', '一月二十日']) {
        const res = await admin.post(`${PAGE}/orgs/${w.org.edu}`, {
          internalDue: typed,
          year: String(YEAR),
          action: 'set',
        });
        assert.equal(res.status, 422, typed);
        const html = await res.text();
        assert.match(html, lit(`value="${typed}"`));
        assert.match(html, /日期格式有误/);
        assert.match(html, /应为“月-日”格式，如 01-20/);
        assert.match(html, lit(`href="#f-due-${w.org.edu}"`));
        assert.equal(effective(html, w.org.edu), '2026-01-20', 'the page still shows the inherited date');
      }
      assert.equal((await w.rt.ctx.repos.annualReports.internalDues()).has(w.org.edu), false, 'nothing saved');

      const bad = await admin.post(`${PAGE}/unregulated`, { unregulatedDue: '02-30', year: String(YEAR) });
      assert.equal(bad.status, 422);
      const html = await bad.text();
      assert.match(html, /name="unregulatedDue"[^>]*value="02-30"|value="02-30"[^>]*name="unregulatedDue"/);
      assert.match(html, /应为“月-日”格式/);
      assert.equal(await w.rt.ctx.repos.settings.get('reports.unregulated_due'), undefined);
    });

    test('should restore the statutory dates when the internal date is cleared', async () => {
      const res = await w.as.supervisor.post(`${PAGE}/orgs/${w.org.root}`, {
        internalDue: '01-20',
        year: String(YEAR),
        action: 'clear',
      });
      assert.equal(res.status, 303);
      assert.match(res.headers.get('location') ?? '', /flash=cleared/);
      assert.equal((await w.rt.ctx.repos.annualReports.internalDues()).size, 0);
      const html = await (await w.as.supervisor.get(`${PAGE}?year=${YEAR}&flash=cleared`)).text();
      assert.match(html, /内部报送期限已清除/);
      assert.equal(effective(html, w.org.root), '2026-03-31');
      assert.equal(effective(html, w.org.edu), '2026-01-31');
      const units = await (await w.as.supervisor.get(overview())).text();
      assert.doesNotMatch(row(units, '示例区人民政府'), /已逾期/);
      assert.match(row(units, '示例区人民政府'), /2026-03-31/);
      assert.match(row(units, '示例区教育局'), /2026-01-31（已逾期）/);

      // Saving an empty field clears too.
      assert.equal(
        (await w.as.supervisor.post(`${PAGE}/orgs/${w.org.fin}`, { internalDue: '01-25', year: String(YEAR) })).status,
        303,
      );
      assert.equal(
        (await w.as.supervisor.post(`${PAGE}/orgs/${w.org.fin}`, { internalDue: ' ', year: String(YEAR) })).status,
        303,
      );
      assert.equal((await w.rt.ctx.repos.annualReports.internalDues()).size, 0);
      const entries = await w.rt.ctx.repos.audit.list(
        { action: 'report.deadline_set', entityId: w.org.root },
        { limit: 5 },
      );
      assert.deepEqual(JSON.parse(entries[0]?.afterJson ?? 'null'), { internalDue: null }, 'the clearing is audited');
    });

    test("should move the street's due date with the township/street default", async () => {
      const before = await (await w.as.supervisor.get(overview())).text();
      assert.match(row(before, '示例区城关街道办事处'), /2026-01-31（已逾期）/);

      const res = await admin.post(`${PAGE}/unregulated`, { unregulatedDue: '02-20', year: String(YEAR) });
      assert.equal(res.status, 303);
      assert.match(res.headers.get('location') ?? '', /flash=unregulated/);
      const html = await (await admin.get(`${PAGE}?year=${YEAR}&flash=unregulated`)).text();
      assert.match(html, /乡镇、街道等单位的报告期限已保存/);
      assert.match(html, /当前设置：次年2月20日前/);
      assert.equal(effective(html, street), '2026-02-20');
      assert.equal(effective(html, township), '2026-02-20');
      assert.equal(effective(html, w.org.edu), '2026-01-31', 'departments keep the statutory date');

      const units = await (await w.as.supervisor.get(overview())).text();
      assert.match(row(units, '示例区城关街道办事处'), /2026-02-20/);
      assert.doesNotMatch(row(units, '示例区城关街道办事处'), /已逾期/, 'due on 20 February, today is 10 February');

      const [entry] = await w.rt.ctx.repos.audit.list(
        { action: 'settings.updated', entityId: 'reports.unregulated_due' },
        { limit: 5 },
      );
      assert.equal(JSON.parse(entry?.beforeJson ?? 'null'), '01-31');
      assert.equal(JSON.parse(entry?.afterJson ?? 'null'), '02-20');
    });
  });
}
