// HTTP: the account pages — create with role grants, validation, edit, deactivate, handover, permissions — on both
// dialects.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { TestAgent, refusedPage } from '../../support/http.js';

const ADMIN_PASSWORD = 'Shili-Qu-2025-gongkai';
const USER_PASSWORD = 'Lanse-Hudie-47-Qiao';
const TEMP_PASSWORD = 'Qingshan-Lvshui-88-Lin';

type NewAccount = {
  username: string;
  displayName?: string;
  orgId: string;
  roles?: string[];
  mustChange?: boolean;
  password?: string;
  confirm?: string;
};

const grant = (orgId: string, role: string): string => `${orgId}|${role}`;
/** A regular expression matching the text literally. */
const lit = (text: string): RegExp => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
const idFrom = (res: Response): string =>
  /^\/admin\/users\/([^?/]+)/.exec(res.headers.get('location') ?? '')?.[1] ?? '';

/** Posts the new-account form. */
function postAccount(a: TestAgent, n: NewAccount): Promise<Response> {
  const password = n.password ?? USER_PASSWORD;
  return a.post('/admin/users/new', {
    username: n.username,
    displayName: n.displayName ?? '',
    orgId: n.orgId,
    password,
    confirm: n.confirm ?? password,
    roles: n.roles ?? [],
    ...(n.mustChange ? { mustChangePassword: '1' } : {}),
  });
}

for (const dialect of DIALECTS) {
  describe(`account pages over HTTP (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    let admin: TestAgent;
    const org: Record<'root' | 'edu' | 'fin' | 'law', string> = { root: '', edu: '', fin: '', law: '' };

    /** Creates an account as the root admin and returns its id. */
    const create = async (n: NewAccount): Promise<string> => {
      const res = await postAccount(admin, n);
      assert.equal(res.status, 303, `creating ${n.username}`);
      return idFrom(res);
    };
    /** A signed-in agent for an account created without a forced password change. */
    const signIn = async (username: string, password = USER_PASSWORD): Promise<TestAgent> => {
      const a = new TestAgent(rt);
      assert.equal((await a.login(username, password)).status, 303);
      return a;
    };

    before(async () => {
      rt = await openTestRuntime(dialect);
      const orgs = await rt.ctx.repos.orgs.list();
      const byName = (name: string) => orgs.find((o) => o.name === name)?.id ?? '';
      Object.assign(org, {
        root: byName('示例区人民政府'),
        edu: byName('示例区教育局'),
        fin: byName('示例区财政局'),
        law: byName('示例区司法局'),
      });
      admin = new TestAgent(rt);
      await admin.login('admin', rt.boot.adminPassword ?? '');
      const changed = await admin.post('/admin/password', {
        current: rt.boot.adminPassword ?? '',
        next: ADMIN_PASSWORD,
        confirm: ADMIN_PASSWORD,
      });
      assert.equal(changed.status, 303);
    });
    after(() => rt.close());

    test('should offer the new-account form with an organization picker, its roles and the password change', async () => {
      const res = await admin.get('/admin/users/new');
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /<label for="f-username">用户名/);
      assert.match(html, /name="mustChangePassword" value="1" checked=""/);
      // One select of organizations and one row of roles, not a checkbox per organization × role.
      assert.match(html, /<select id="f-grantOrg" name="grantOrg">/);
      assert.match(html, lit(`<option value="${org.law}">`));
      assert.match(html, /<input type="checkbox" name="grantRoles" value="legal_reviewer"\/> 合法性审查人员/);
      assert.equal([...html.matchAll(/type="checkbox"/g)].length, 10, 'the roles once, and the password change');
    });

    test('should grant the roles ticked for the picked organization and keep the held ones on edit', async () => {
      const base = { username: 'he.pick', displayName: '何选', orgId: org.edu, password: USER_PASSWORD };
      const res = await admin.post('/admin/users/new', {
        ...base,
        confirm: USER_PASSWORD,
        grantOrg: org.edu,
        grantRoles: ['editor', 'handler'],
      });
      assert.equal(res.status, 303);
      const id = idFrom(res);
      const roles = async () =>
        ((await rt.ctx.repos.users.byId(id))?.roles ?? []).map((g) => grant(g.orgId, g.role)).sort();
      assert.deepEqual(await roles(), [grant(org.edu, 'editor'), grant(org.edu, 'handler')].sort());
      const page = await (await admin.get(`/admin/users/${id}`)).text();
      assert.match(page, new RegExp(`value="${grant(org.edu, 'editor')}" checked=""/> [^<]*教育局：信息编辑`));
      // Keep the editor grant, drop the handler one, add legal review at the justice bureau.
      const edit = await admin.post(`/admin/users/${id}`, {
        displayName: '何选',
        email: '',
        orgId: org.edu,
        roles: [grant(org.edu, 'editor')],
        grantOrg: org.law,
        grantRoles: ['legal_reviewer'],
      });
      assert.equal(edit.status, 303);
      assert.deepEqual(await roles(), [grant(org.edu, 'editor'), grant(org.law, 'legal_reviewer')].sort());
    });

    test('should refuse roles ticked to add without an organization, keeping them ticked, and save nothing', async () => {
      const res = await admin.post('/admin/users/new', {
        username: 'qian.lost',
        displayName: '钱漏',
        orgId: org.edu,
        password: USER_PASSWORD,
        confirm: USER_PASSWORD,
        grantOrg: '',
        grantRoles: ['editor', 'handler'],
      });
      const html = await refusedPage(res, ['请选择要授予所勾选角色的机构', 'value="qian.lost"']);
      assert.match(html, /name="grantRoles" value="editor" checked=""/);
      assert.match(html, /name="grantRoles" value="handler" checked=""/);
      assert.doesNotMatch(html, /name="grantRoles" value="reviewer" checked/);
      assert.equal(await rt.ctx.repos.users.byUsername('qian.lost'), undefined);
      const id = await create({ username: 'qian.kept', orgId: org.edu, roles: [grant(org.edu, 'editor')] });
      const edit = await admin.post(`/admin/users/${id}`, {
        displayName: '钱留',
        email: '',
        orgId: org.edu,
        roles: [grant(org.edu, 'editor')],
        grantRoles: ['signer'],
      });
      await refusedPage(edit, ['请选择要授予所勾选角色的机构', 'value="钱留"']);
      assert.deepEqual(
        ((await rt.ctx.repos.users.byId(id))?.roles ?? []).map((g) => g.role),
        ['editor'],
        'the grants are unchanged',
      );
    });

    test('should create an account with several roles, including legal review at two organizations', async () => {
      const res = await postAccount(admin, {
        username: 'wang.fa',
        displayName: '王法',
        orgId: org.law,
        mustChange: true,
        roles: [grant(org.law, 'legal_reviewer'), grant(org.edu, 'legal_reviewer'), grant(org.law, 'handler')],
      });
      assert.equal(res.status, 303);
      assert.match(res.headers.get('location') ?? '', /\?flash=created$/);
      const page = await (await admin.get(res.headers.get('location') ?? '')).text();
      assert.match(page, /账号已创建/);
      assert.match(page, /合法性审查人员（区司法局）/);
      assert.match(page, /合法性审查人员（区教育局）/);
      const user = await rt.ctx.repos.users.byUsername('wang.fa');
      assert.equal(user?.roles.length, 3);
      assert.equal(user?.mustChangePassword, true);
      const list = await (await admin.get('/admin/users')).text();
      assert.match(list, /依申请公开承办人（区司法局）、|、依申请公开承办人（区司法局）/);
      const first = await new TestAgent(rt).login('wang.fa', USER_PASSWORD);
      assert.equal(first.headers.get('location'), '/admin/password');
    });

    test('should answer 409 for a duplicate username and keep what was typed', async () => {
      const res = await postAccount(admin, {
        username: 'wang.fa',
        displayName: '另一位王法',
        orgId: org.edu,
        roles: [grant(org.edu, 'editor')],
      });
      assert.equal(res.status, 409);
      const html = await res.text();
      assert.match(html, /该用户名已被使用/);
      assert.match(html, /value="wang\.fa"/);
      assert.match(html, /value="另一位王法"/);
      assert.match(html, new RegExp(`<option value="${org.edu}" selected="">`));
      assert.match(html, lit(`value="${grant(org.edu, 'editor')}" checked=""`));
      assert.doesNotMatch(html, lit(`value="${grant(org.edu, 'reviewer')}" checked=""`));
      assert.doesNotMatch(html, lit(USER_PASSWORD));
      assert.doesNotMatch(html, /name="mustChangePassword" value="1" checked/);
    });

    test('should reject a weak password and a mistyped confirmation', async () => {
      const weak = await postAccount(admin, { username: 'li.ruo', orgId: org.edu, password: 'password123' });
      assert.equal(weak.status, 422);
      assert.match(await weak.text(), /密码包含常见弱口令/);
      const mistyped = await postAccount(admin, {
        username: 'li.ruo',
        orgId: org.edu,
        confirm: 'something-else-entirely',
      });
      assert.equal(mistyped.status, 422);
      assert.match(await mistyped.text(), /两次输入的密码不一致/);
      assert.equal(await rt.ctx.repos.users.byUsername('li.ruo'), undefined);
    });

    test('should report every bad field at once, a bad email included, and keep what was typed', async () => {
      const res = await admin.post('/admin/users/new', {
        username: '1li',
        displayName: '李错',
        email: 'li@',
        orgId: '',
        password: USER_PASSWORD,
        confirm: 'something-else-entirely',
        roles: ['nonsense'],
      });
      assert.equal(res.status, 422);
      const html = await res.text();
      for (const message of [
        '用户名须为3至32位',
        '电子邮箱格式不正确',
        '请选择所属机构',
        '角色选择有误',
        '两次输入的密码不一致',
      ]) {
        assert.match(html, lit(message));
      }
      assert.match(html, /value="1li"/);
      assert.match(html, /value="li@"/);
      assert.doesNotMatch(html, lit(USER_PASSWORD));
      assert.equal(await rt.ctx.repos.users.byUsername('1li'), undefined);
    });

    test('should edit the display name, organization and roles', async () => {
      const id = await create({
        username: 'zhao.bian',
        displayName: '赵编',
        orgId: org.edu,
        roles: [grant(org.edu, 'editor')],
      });
      const res = await admin.post(`/admin/users/${id}`, {
        displayName: '赵审',
        orgId: org.fin,
        roles: [grant(org.fin, 'reviewer'), grant(org.fin, 'signer')],
      });
      assert.equal(res.status, 303);
      assert.match(res.headers.get('location') ?? '', /flash=saved/);
      const user = await rt.ctx.repos.users.byId(id);
      assert.equal(user?.displayName, '赵审');
      assert.equal(user?.orgId, org.fin);
      assert.deepEqual(user?.roles.map((g) => g.role).sort(), ['reviewer', 'signer']);
      const bad = await admin.post(`/admin/users/${id}`, { displayName: '赵审', orgId: '', roles: ['nonsense'] });
      assert.equal(bad.status, 422);
      assert.match(await bad.text(), /请选择所属机构/);
    });

    test('should reset a password to a temporary one the user must change', async () => {
      const id = await create({ username: 'sun.mi', orgId: org.edu });
      assert.equal(
        (await admin.post(`/admin/users/${id}/password`, { password: 'short', confirm: 'short' })).status,
        422,
      );
      const res = await admin.post(`/admin/users/${id}/password`, { password: TEMP_PASSWORD, confirm: TEMP_PASSWORD });
      assert.equal(res.status, 303);
      const login = await new TestAgent(rt).login('sun.mi', TEMP_PASSWORD);
      assert.equal(login.headers.get('location'), '/admin/password');
    });

    test('should deactivate an account so that it can no longer log in, and reactivate it', async () => {
      const id = await create({
        username: 'qian.ting',
        displayName: '钱停',
        orgId: org.edu,
        roles: [grant(org.edu, 'handler')],
      });
      const user = await signIn('qian.ting');
      assert.equal((await user.get('/admin')).status, 200);
      const res = await admin.post(`/admin/users/${id}/status`, { active: '0' });
      assert.equal(res.status, 303);
      assert.match(await (await admin.get(res.headers.get('location') ?? '')).text(), /已停用/);
      assert.equal((await user.get('/admin')).status, 303, 'the open session ends');
      assert.equal((await new TestAgent(rt).login('qian.ting', USER_PASSWORD)).status, 401);
      const list = await (await admin.get('/admin/users?status=deactivated')).text();
      assert.match(list, /qian\.ting/);
      assert.doesNotMatch(list, /wang\.fa/);
      assert.equal((await admin.post(`/admin/users/${id}/status`, { active: '1' })).status, 303);
      await signIn('qian.ting');
    });

    test('should refuse to deactivate the signed-in account itself', async () => {
      const me = await rt.ctx.repos.users.byUsername('admin');
      const res = await admin.post(`/admin/users/${me?.id ?? ''}/status`, { active: '0' });
      assert.equal(res.status, 422);
      assert.match(await res.text(), /不能停用自己的账号/);
    });

    test('should hand over the roles to a successor and deactivate the old account', async () => {
      const fromId = await create({
        username: 'zhou.jiu',
        displayName: '周旧',
        orgId: org.edu,
        roles: [grant(org.edu, 'handler'), grant(org.edu, 'editor')],
      });
      const toId = await create({
        username: 'wu.xin',
        displayName: '吴新',
        orgId: org.edu,
        roles: [grant(org.edu, 'reviewer')],
      });
      const page = await admin.get(`/admin/users/${fromId}/handover`);
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.match(html, /依申请公开承办人（区教育局）/);
      assert.match(html, new RegExp(`<option value="${toId}">吴新（wu\\.xin）`));
      assert.doesNotMatch(html, new RegExp(`<option value="${fromId}"`));
      assert.equal((await admin.post(`/admin/users/${fromId}/handover`, { toUserId: '' })).status, 422);
      const res = await admin.post(`/admin/users/${fromId}/handover`, { toUserId: toId });
      assert.equal(res.status, 303);
      const after = await (await admin.get(res.headers.get('location') ?? '')).text();
      assert.match(after, /交接完成：2个角色已转交给吴新（wu\.xin），原账号已停用/);
      assert.match(after, /已停用/);
      assert.match(after, /已交接给 吴新（wu\.xin）/);
      const [from, to] = [await rt.ctx.repos.users.byId(fromId), await rt.ctx.repos.users.byId(toId)];
      assert.equal(from?.status, 'deactivated');
      assert.equal(from?.replacedBy, toId);
      assert.deepEqual(from?.roles, []);
      assert.deepEqual(to?.roles.map((g) => g.role).sort(), ['editor', 'handler', 'reviewer']);
      assert.equal((await new TestAgent(rt).login('zhou.jiu', USER_PASSWORD)).status, 401);
      assert.match(await (await admin.get(`/admin/users?org=${org.edu}`)).text(), /已停用（已交接给 吴新（wu\.xin））/);
      assert.match(await (await admin.get('/admin/users?q=ZHOU')).text(), /zhou\.jiu/);
    });

    test('should keep a department admin to the accounts of its own department', async () => {
      await create({
        username: 'jy.admin',
        displayName: '教育局管理员',
        orgId: org.edu,
        roles: [grant(org.edu, 'admin')],
      });
      const otherId = await create({ username: 'cz.user', orgId: org.fin, roles: [grant(org.fin, 'editor')] });
      const dept = await signIn('jy.admin');
      const list = await (await dept.get('/admin/users')).text();
      assert.doesNotMatch(list, /cz\.user/);
      assert.match(list, /jy\.admin/);
      const view = await dept.get(`/admin/users/${otherId}`);
      assert.equal(view.status, 403);
      assert.match(await view.text(), /没有权限/);
      assert.equal((await dept.post(`/admin/users/${otherId}`, { displayName: 'x', orgId: org.fin })).status, 403);
      assert.equal((await dept.post(`/admin/users/${otherId}/status`, { active: '0' })).status, 403);
      assert.equal(
        (await dept.post(`/admin/users/${otherId}/password`, { password: TEMP_PASSWORD, confirm: TEMP_PASSWORD }))
          .status,
        403,
      );
      assert.equal((await dept.get(`/admin/users/${otherId}/handover`)).status, 403);
      assert.equal((await postAccount(dept, { username: 'cz.new', orgId: org.fin })).status, 403);
      assert.equal(
        (await postAccount(dept, { username: 'jy.new', orgId: org.edu, roles: [grant(org.fin, 'editor')] })).status,
        403,
      );
      assert.equal(
        (await postAccount(dept, { username: 'jy.new', orgId: org.edu, roles: [grant(org.edu, 'editor')] })).status,
        303,
      );
      assert.equal((await rt.ctx.repos.users.byId(otherId))?.status, 'active');
    });

    test('should not let a department admin take over an account that also holds roles elsewhere', async () => {
      const id = await create({ username: 'shuang.zhi', orgId: org.edu, roles: [grant(org.root, 'admin')] });
      const dept = await signIn('jy.admin');
      assert.equal(
        (await dept.post(`/admin/users/${id}/password`, { password: TEMP_PASSWORD, confirm: TEMP_PASSWORD })).status,
        403,
      );
      assert.equal((await dept.post(`/admin/users/${id}/status`, { active: '0' })).status, 403);
      assert.doesNotMatch(await (await dept.get(`/admin/users/${id}`)).text(), /重置密码/);
    });

    test('should let a supervisor read accounts but not change them', async () => {
      const id = await create({
        username: 'du.cha',
        displayName: '督查',
        orgId: org.root,
        roles: [grant(org.root, 'supervisor')],
      });
      const sup = await signIn('du.cha');
      const list = await sup.get('/admin/users');
      assert.equal(list.status, 200);
      const html = await list.text();
      assert.match(html, /wang\.fa/);
      assert.doesNotMatch(html, /新增账号/);
      const target = (await rt.ctx.repos.users.byUsername('wang.fa'))?.id ?? '';
      const view = await sup.get(`/admin/users/${target}`);
      assert.equal(view.status, 200);
      const page = await view.text();
      assert.match(page, /无权修改/);
      assert.doesNotMatch(page, new RegExp(`action="/admin/users/${target}"`));
      assert.equal((await sup.post(`/admin/users/${target}`, { displayName: '改名', orgId: org.law })).status, 403);
      assert.equal((await sup.post(`/admin/users/${target}/status`, { active: '0' })).status, 403);
      assert.equal((await sup.get('/admin/users/new')).status, 403);
      assert.equal((await postAccount(sup, { username: 'sup.new', orgId: org.root })).status, 403);
      assert.equal((await sup.post(`/admin/users/${target}/handover`, { toUserId: id })).status, 403);
    });

    test('should filter the list by organization, status and name', async () => {
      const byOrg = await (await admin.get(`/admin/users?org=${org.law}`)).text();
      assert.match(byOrg, /wang\.fa/);
      assert.doesNotMatch(byOrg, /jy\.admin/);
      const byName = await (await admin.get(`/admin/users?q=${encodeURIComponent('王法')}`)).text();
      assert.match(byName, /wang\.fa/);
      assert.doesNotMatch(byName, /jy\.admin/);
      const active = await (await admin.get('/admin/users?status=active')).text();
      assert.doesNotMatch(active, /zhou\.jiu/);
    });

    test('should answer 404 for an unknown account and send visitors to the login page', async () => {
      assert.equal((await admin.get('/admin/users/no-such-id')).status, 404);
      assert.equal((await admin.post('/admin/users/no-such-id/status', { active: '0' })).status, 404);
      const anon = await new TestAgent(rt).get('/admin/users');
      assert.equal(anon.status, 303);
      assert.match(anon.headers.get('location') ?? '', /^\/admin\/login/);
    });

    test('should refuse the account pages to someone who neither administers nor supervises', async () => {
      await create({ username: 'bian.ji', orgId: org.edu, roles: [grant(org.edu, 'editor')] });
      const editor = await signIn('bian.ji');
      const res = await editor.get('/admin/users');
      assert.equal(res.status, 403);
      assert.match(await res.text(), /没有权限/);
    });
  });
}
