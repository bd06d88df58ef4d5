// HTTP: browsing the audit trail — labels, Beijing times, filters, pagination, subtree visibility, chain check.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { TestAgent } from '../../support/http.js';
import { adminAgent, staffAgent } from '../../support/admin.js';
import { setCalendarOverride } from '../../../src/app/calendar/calendar.js';
import type { Organization } from '../../../src/domain/orgs/organization.js';
import { createWebApp } from '../../../src/web/app.js';
import { AUDIT_ACTION_LABELS } from '../../../src/domain/audit/audit-labels.js';

/** The rows of the entry table (the filter's option labels are left out). */
async function rows(a: TestAgent, query = ''): Promise<string> {
  const res = await a.get(`/admin/audit${query}`);
  assert.equal(res.status, 200);
  const html = await res.text();
  return /<tbody>([\s\S]*)<\/tbody>/.exec(html)?.[1] ?? '';
}

function contains(html: string, re: RegExp): void {
  assert.ok(re.test(html), `page should match ${re}`);
}

function lacks(html: string, re: RegExp): void {
  assert.ok(!re.test(html), `page should not match ${re}`);
}

/** An agent signed in as `as`, on an app whose office time zone (GONGKAI_TZ) is `timeZone`. */
function agentIn(rt: TestRuntime, as: TestAgent, timeZone: string): TestAgent {
  const a = new TestAgent(rt);
  const opts = { secureCookies: false, uploadLimitBytes: 2 * 1024 * 1024, dialect: rt.dialect, logRequests: false };
  Object.assign(a, { app: createWebApp(rt.ctx, { ...opts, timeZone }) });
  as.cookies.forEach((v, k) => a.cookies.set(k, v));
  return a;
}

for (const dialect of DIALECTS) {
  describe(`audit back office (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    let admin: TestAgent;
    let orgs: Organization[];
    before(async () => {
      rt = await openTestRuntime(dialect);
      admin = await adminAgent(rt);
      orgs = await rt.ctx.repos.orgs.list();
    });
    after(() => rt.close());

    test('should list entries newest first with Chinese labels and Beijing times', async () => {
      const res = await admin.get('/admin/audit');
      assert.equal(res.status, 200);
      const html = await res.text();
      contains(html, /<th scope="col" class="num">序号<\/th>/);
      const body = /<tbody>([\s\S]*)<\/tbody>/.exec(html)?.[1] ?? '';
      contains(body, /新建机构/);
      contains(body, /载入内置放假安排/);
      contains(body, /修改密码/);
      contains(body, /登录/);
      contains(body, /2025-09-28 10:00:00/);
      contains(body, /<td title="system">系统<\/td>/);
      const seqs = [...body.matchAll(/<td class="num">(\d+)<\/td>/g)].map((m) => Number(m[1]));
      assert.deepEqual(
        seqs,
        [...seqs].sort((a, b) => b - a),
      );
      assert.equal(seqs[0], (await rt.ctx.repos.audit.head()).lastSeq);
    });

    test('should show the changed fields before → after with Chinese field names', async () => {
      const body = await rows(admin, '?action=settings.updated');
      contains(body, /<summary>修改：[^<]*主办单位/);
      contains(body, /<dt>主办单位<\/dt><dd><del>（无）<\/del> → <ins>示例区人民政府办公室<\/ins><\/dd>/);
      lacks(body, /sponsor|&quot;/);
    });

    test('should name objects by name with a link to their page, and actors by display name', async () => {
      const root = orgs.find((o) => o.parentId === null);
      assert.ok(root);
      const created = await rows(admin, `?action=org.created&entityId=${root.id}`);
      contains(created, new RegExp(`<a href="/admin/orgs/${root.id}">${root.name}</a>`));
      contains(created, /机构<br\/>/);
      const dept = orgs.find((o) => o.parentId !== null);
      assert.ok(dept);
      await staffAgent(rt, 'xiaowang', ['editor'], dept.id, '王小明');
      const user = await rt.ctx.repos.users.byUsername('xiaowang');
      assert.ok(user);
      const login = await rows(admin, `?action=user.login&actor=xiaowang`);
      contains(login, /<td title="xiaowang（王小明）">王小明<\/td>/);
      const account = await rows(admin, `?action=user.created&entityId=${user.id}`);
      contains(account, new RegExp(`<a href="/admin/users/${user.id}">王小明</a>`));
      // The new account's organization and role, in Chinese and by name rather than by id.
      contains(account, new RegExp(`<dt>所属机构</dt><dd><del>（无）</del> → <ins>${dept.name}</ins>`));
      contains(account, /<dt>角色<\/dt><dd><del>（无）<\/del> → <ins>[^<]*编辑/);
    });

    test('should offer every event type in the filter as a Chinese label', async () => {
      const html = await (await admin.get('/admin/audit')).text();
      const select = /<select[^>]*name="action"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1] ?? '';
      for (const [code, label] of Object.entries(AUDIT_ACTION_LABELS)) {
        contains(select, new RegExp(`<option value="${code.replaceAll('.', '\\.')}"[^>]*>${label}</option>`));
      }
      const one = await rows(admin, '?action=application.');
      lacks(one, /新建机构/);
    });

    test('should filter by action prefix, exact action, actor and entity', async () => {
      const orgRows = await rows(admin, '?action=org.');
      contains(orgRows, /新建机构/);
      lacks(orgRows, /载入内置放假安排|登录/);
      assert.equal([...orgRows.matchAll(/<tr>/g)].length, orgs.length);
      const logins = await rows(admin, '?action=user.login');
      contains(logins, /<td>登录<\/td>/);
      lacks(logins, /新建机构|登录失败/);
      const root = orgs.find((o) => o.parentId === null);
      assert.ok(root);
      const one = await rows(admin, `?entityType=organization&entityId=${root.id}`);
      assert.equal([...one.matchAll(/<tr>/g)].length, 1);
      contains(one, /新建机构/);
      const byActor = await rows(admin, '?actor=admin');
      lacks(byActor, /<td>系统<\/td>/);
      contains(byActor, /修改密码/);
    });

    test('should filter by Beijing dates and report a malformed date', async () => {
      contains(await rows(admin, '?from=2025-09-28&to=2025-09-28'), /新建机构/);
      const later = await admin.get('/admin/audit?from=2025-09-29');
      contains(await later.text(), /没有符合条件的记录/);
      const bad = await admin.get('/admin/audit?from=2025-02-30');
      const html = await bad.text();
      contains(html, /请填写正确的日期/);
      contains(html, /value="2025-02-30"/);
    });

    test('should read filter dates as days in the configured office time zone, not Beijing', async () => {
      // The organizations were created at 10:00 on 28 September in Beijing: 22:00 on the 27th in New York.
      const ny = agentIn(rt, admin, 'America/New_York');
      const sameDay = await rows(ny, '?action=org.created&from=2025-09-27&to=2025-09-27');
      contains(sameDay, /新建机构/);
      contains(sameDay, /2025-09-27 22:00:00/);
      const nextDay = await ny.get('/admin/audit?action=org.created&from=2025-09-28&to=2025-09-28');
      contains(await nextDay.text(), /没有符合条件的记录/);
      lacks(await rows(admin, '?action=org.created&from=2025-09-27&to=2025-09-27'), /新建机构/);
    });

    test('should page backwards with 更早的记录 and keep the filter', async () => {
      for (let i = 1; i <= 55; i++) {
        await setCalendarOverride(rt.ctx, null, `2026-03-${String((i % 28) + 1).padStart(2, '0')}`, false, `测试${i}`);
      }
      const res = await admin.get('/admin/audit?action=calendar.override_set');
      const html = await res.text();
      const next = /<a href="([^"]+)" rel="next">更早的记录/.exec(html)?.[1]?.replaceAll('&amp;', '&');
      assert.ok(next, 'a link to older entries');
      contains(next, /action=calendar\.override_set/);
      contains(next, /beforeSeq=\d+/);
      const first = [...html.matchAll(/<td class="num">(\d+)<\/td>/g)].map((m) => Number(m[1]));
      assert.equal(first.length, 50);
      const older = await (await admin.get(next)).text();
      const second = [...older.matchAll(/<td class="num">(\d+)<\/td>/g)].map((m) => Number(m[1]));
      assert.equal(second.length, 5);
      assert.ok(Math.max(...second) < Math.min(...first));
      lacks(older, /更早的记录/);
      contains(older, /最新的记录/);
    });

    test('should verify the hash chain and report the entry count', async () => {
      const res = await admin.post('/admin/audit/verify', {});
      assert.equal(res.status, 200);
      const html = await res.text();
      const head = await rt.ctx.repos.audit.head();
      contains(html, new RegExp(`校验通过：哈希链完整，共 ${head.lastSeq} 条记录`));
    });

    test('should report the first broken entry when a stored entry reads back altered', async () => {
      // The stores offer no way to rewrite an entry, so the tampering is simulated where entries are read.
      const audit = rt.ctx.repos.audit;
      const tampered = {
        ...audit,
        batch: async (afterSeq: number, limit: number) =>
          (await audit.batch(afterSeq, limit)).map((e) => (e.seq === 3 ? { ...e, actorLabel: 'mallory' } : e)),
      };
      const agent = new TestAgent({ ...rt, ctx: { ...rt.ctx, repos: { ...rt.ctx.repos, audit: tampered } } });
      admin.cookies.forEach((v, k) => agent.cookies.set(k, v));
      const res = await agent.post('/admin/audit/verify', {});
      assert.equal(res.status, 200);
      const html = await res.text();
      contains(html, /校验未通过：哈希链在第 3 条记录处断开/);
      contains(html, /记录内容与哈希不符（已被篡改）/);
      contains(html, /此前的 2 条记录完好/);
    });

    test('should show a supervisor only the entries of its subtree', async () => {
      const dept = orgs.find((o) => o.name === '示例区教育局');
      const other = orgs.find((o) => o.name === '示例区财政局');
      assert.ok(dept && other);
      const a = await staffAgent(rt, 'sup_edu', ['supervisor'], dept.id, '监督员');
      const body = await rows(a);
      contains(body, new RegExp(dept.id));
      lacks(body, new RegExp(other.id));
      lacks(body, /载入内置放假安排|设置本地调整日/);
      assert.equal((await a.post('/admin/audit/verify', {})).status, 200);
    });

    test('should refuse the audit trail to an account without admin or supervisor role', async () => {
      const dept = orgs.find((o) => o.parentId !== null);
      assert.ok(dept);
      const a = await staffAgent(rt, 'bianji', ['editor'], dept.id, '编辑');
      const res = await a.get('/admin/audit');
      assert.equal(res.status, 403);
      const html = await res.text();
      contains(html, /没有权限执行此操作/);
      lacks(html, /<tbody>/);
      assert.equal((await a.post('/admin/audit/verify', {})).status, 403);
    });
  });
}
