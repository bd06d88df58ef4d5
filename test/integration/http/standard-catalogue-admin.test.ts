// HTTP: the standard-catalogue pages (/admin/orgs/:id/standard-catalogue) on both dialects —
// permissions (reader without forms, editor of another organization 403), add/edit/retire a row with
// Chinese validation re-rendering what was typed, "not applicable" statements, local areas, XLSX
// import (errors naming sheet, row and column; nothing written) and export, filters, CSRF.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { TestAgent } from '../../support/http.js';
import { adminAgent } from '../../support/admin.js';
import { STAFF_PASSWORD } from '../../support/staff.js';
import { INCOMPLETE_ROW, RELIEF_GUIDE_ROW, catalogueWorkbook } from '../../factories/standard-catalogue.js';
import { createUser } from '../../../src/app/users/manage-users.js';
import { catalogueSheetIO } from '../../../src/adapters/documents/catalogue-xlsx.js';
import type { Role } from '../../../src/domain/users/roles.js';

for (const dialect of DIALECTS) {
  describe(`standard catalogue pages (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    let root = '';
    let base = '';
    let area: (name: string) => Promise<string>;
    const as: Record<'admin' | 'office' | 'editor' | 'outsider', TestAgent> = {} as never;

    const html = async (agent: TestAgent, path: string, status = 200) => {
      const res = await agent.get(path);
      assert.equal(res.status, status, path);
      return res.text();
    };
    const row = (over: Record<string, string | string[]> = {}): Record<string, string | string[]> => ({
      level1: '部门预算',
      level2: '预算公开',
      level3: '',
      contentElements: '●部门预算报表 ●说明',
      basis: '《中华人民共和国预算法》',
      timeLimitText: '每年1月31日前',
      subject: '区财政局',
      channelsRequired: ['政府网站'],
      channelsRequiredOther: '',
      channelsOptional: [],
      channelsOptionalOther: '',
      audience: '全社会',
      method: '主动',
      levels: ['县级'],
      levelsOther: '',
      sort: '',
      ...over,
    });
    const upload = (agent: TestAgent, bytes: Uint8Array) => {
      const fd = new FormData();
      fd.append(
        'file',
        new File([bytes], '目录.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
      );
      fd.set('_csrf', agent.cookies.get('gk_csrf') ?? '');
      return agent.request('POST', `${base}/import`, { body: fd, headers: { origin: 'http://localhost' } });
    };
    const rows = () => rt.ctx.repos.standardCatalogue.rows(root);
    const login = async (username: string) => {
      const agent = new TestAgent(rt);
      assert.equal((await agent.login(username, STAFF_PASSWORD)).status, 303, username);
      return agent;
    };

    before(async () => {
      rt = await openTestRuntime(dialect, { start: '2025-03-03T02:00:00Z' });
      const orgs = await rt.ctx.repos.orgs.list();
      root = orgs.find((o) => o.parentId === null)?.id ?? '';
      const bureau = orgs.find((o) => o.name === '示例区教育局')?.id ?? '';
      base = `/admin/orgs/${root}/standard-catalogue`;
      area = async (name) => (await rt.ctx.repos.standardCatalogue.areas(root)).find((a) => a.name === name)?.id ?? '';
      const make = async (username: string, orgId: string, roles: Role[]) => {
        await createUser(rt.ctx, null, {
          username,
          displayName: username,
          orgId,
          roles: roles.map((role) => ({ orgId, role })),
          password: STAFF_PASSWORD,
          mustChangePassword: false,
        });
        return login(username);
      };
      as.office = await make('wang.office', root, ['office_head']);
      as.editor = await make('liu.editor', root, ['editor']);
      as.outsider = await make('zhou.editor', bureau, ['editor']);
      as.admin = await adminAgent(rt);
    });
    after(() => rt.close());

    test('should show the 26 national areas, forms only to writers, and 403 to an editor of another organization', async () => {
      const page = await html(as.office, base);
      for (const name of ['城乡规划', '国有土地上房屋征收与补偿', '市政服务']) {
        assert.match(page, new RegExp(`<h2 id="area-[^"]+">${name}`));
      }
      assert.match(page, /新增事项/);
      assert.match(page, /导入标准目录/);
      const reader = await html(as.editor, base);
      assert.match(reader, /基层政务公开标准目录/);
      assert.doesNotMatch(reader, /新增事项|导入标准目录|新增地方领域/);
      assert.match(await html(as.outsider, base, 403), /没有权限/);
      assert.equal(
        (await as.outsider.post(`${base}/rows`, { ...row(), keyAreaId: await area('财政预决算') })).status,
        403,
      );
      assert.equal(
        (await as.editor.post(`${base}/rows`, { ...row(), keyAreaId: await area('财政预决算') })).status,
        403,
      );
      assert.equal((await as.editor.post(`${base}/areas`, { name: '涉农资金' })).status, 403);
      await html(as.office, '/admin/orgs/no-such-org/standard-catalogue', 404);
      assert.equal((await rows()).length, 0);
    });

    test('should re-render a bad row with what was typed and Chinese messages (422), then add it', async () => {
      const budget = await area('财政预决算');
      const bad = await as.office.post(
        `${base}/rows`,
        row({ keyAreaId: budget, level1: '', basis: '保留这段依据', channelsOptional: ['政府网站'], sort: 'abc' }),
      );
      assert.equal(bad.status, 422);
      const body = await bad.text();
      assert.match(body, /一级事项不能为空/);
      assert.match(body, /渠道不能同时为必选和可选：政府网站/);
      assert.match(body, /序号应为0到1000000之间的整数/);
      assert.match(body, /保留这段依据/);
      assert.match(body, /value="每年1月31日前"/);
      assert.match(body, new RegExp(`<option value="${budget}" selected="">财政预决算`));
      assert.equal((await rows()).length, 0);
      const ok = await as.office.post(
        `${base}/rows`,
        row({ keyAreaId: budget, channelsOptionalOther: '纸质媒体、公开查阅点' }),
      );
      assert.equal(ok.status, 303);
      assert.equal(ok.headers.get('location'), `${base}?flash=row_added`);
      const [stored] = await rows();
      assert.deepEqual(
        [stored?.level1, stored?.channelsOptional, stored?.timeLimitRule, stored?.sort],
        ['部门预算', ['纸质媒体', '公开查阅点'], { kind: 'annual_by', month: 1, day: 31 }, 10],
      );
      const page = await html(as.office, `${base}?flash=row_added`);
      assert.match(page, /目录事项已新增/);
      assert.match(page, /计算规则：每年1月31日前/);
      assert.match(page, /□纸质媒体/);
      const dup = await as.office.post(`${base}/rows`, row({ keyAreaId: budget }));
      assert.equal(dup.status, 422);
      assert.match(await dup.text(), /本领域已有相同的一级、二级、三级事项/);
      const [entry] = await rt.ctx.repos.audit.list({ action: 'catalogue.row_added' }, { limit: 5 });
      assert.deepEqual(
        [entry?.entityId, entry?.orgId, entry?.actorLabel],
        [stored?.id, root, 'wang.office（wang.office）'],
      );
    });

    test('should edit a row (form filled from the row, 422 keeps the input) and retire it', async () => {
      const id = (await rows())[0]?.id ?? '';
      const form = await html(as.office, `${base}/rows/${id}/edit`);
      assert.match(form, /value="部门预算"/);
      // Typed as "other" channels, known ones come back ticked.
      assert.ok(form.includes('name="channelsOptional" value="纸质媒体" checked=""'), 'optional channel ticked');
      const bad = await as.office.post(
        `${base}/rows/${id}`,
        row({ keyAreaId: await area('财政预决算'), timeLimitText: '', level2: '预算公开（改）' }),
      );
      assert.equal(bad.status, 422);
      const text = await bad.text();
      assert.match(text, /公开时限不能为空/);
      assert.match(text, /value="预算公开（改）"/);
      const ok = await as.office.post(
        `${base}/rows/${id}`,
        row({ keyAreaId: await area('财政预决算'), timeLimitText: '信息形成或者变更之日起20个工作日内', sort: '5' }),
      );
      assert.equal(ok.status, 303);
      const [edited] = await rows();
      assert.deepEqual(
        [edited?.id, edited?.timeLimitRule, edited?.sort],
        [id, { kind: 'working_days_after_change', days: 20 }, 5],
      );
      assert.equal((await as.editor.post(`${base}/rows/${id}/retire`, {})).status, 403);
      assert.equal((await as.office.post(`${base}/rows/${id}/retire`, {})).status, 303);
      assert.equal((await rows()).length, 0);
      assert.equal((await as.office.post(`${base}/rows/${id}/retire`, {})).status, 404);
      await html(as.office, `${base}/rows/${id}/edit`, 404);
    });

    test('should state and clear "not applicable" for an area, and add a local area', async () => {
      const land = await area('征地补偿');
      const empty = await as.office.post(`${base}/areas/${land}/not-applicable`, { reason: '  ' });
      assert.equal(empty.status, 422);
      assert.match(await empty.text(), /理由不能为空/);
      assert.equal(
        (await as.office.post(`${base}/areas/${land}/not-applicable`, { reason: '本单位不承担征地补偿职能' })).status,
        303,
      );
      assert.match(await html(as.office, base), /本机构未涉及该领域：本单位不承担征地补偿职能/);
      const blocked = await as.office.post(`${base}/rows`, row({ keyAreaId: land, level1: '征地信息' }));
      assert.equal(blocked.status, 422);
      assert.match(await blocked.text(), /已说明为未涉及领域/);
      assert.equal((await as.office.post(`${base}/areas/${land}/applicable`, {})).status, 303);
      assert.deepEqual(await rt.ctx.repos.standardCatalogue.exclusions(root), []);
      assert.equal((await as.office.post(`${base}/areas`, { name: '涉农资金领域' })).status, 303);
      assert.match(await html(as.office, base), /涉农资金<span class="badge">地方领域<\/span>/);
      const dup = await as.office.post(`${base}/areas`, { name: '涉农资金' });
      assert.equal(dup.status, 422);
      const dupText = await dup.text();
      assert.match(dupText, /已有“涉农资金”领域/);
      assert.match(dupText, /value="涉农资金"/);
      assert.equal((await as.office.post(`${base}/areas`, { name: '卫生健康' })).status, 422, 'an alias of 医疗卫生');
    });

    test('should refuse an XLSX with errors naming sheet, row and column, then import, filter and export', async () => {
      const bad = await upload(
        as.office,
        await catalogueWorkbook([{ name: '社会救助', rows: [RELIEF_GUIDE_ROW, INCOMPLETE_ROW] }]),
      );
      assert.equal(bad.status, 422);
      const text = await bad.text();
      assert.match(text, /工作表“社会救助”第5行C列/);
      assert.match(text, /工作表“社会救助”第5行I列/);
      assert.match(text, /未写入任何内容/);
      assert.equal((await rows()).length, 0);
      const junk = await upload(as.office, new TextEncoder().encode('not a workbook'));
      assert.equal(junk.status, 422);
      assert.match(await junk.text(), /无法读取该文件/);
      const ok = await upload(as.office, await catalogueWorkbook([{ name: '社会救助', rows: [RELIEF_GUIDE_ROW] }]));
      assert.equal(ok.status, 303);
      assert.match(
        await html(as.office, ok.headers.get('location') ?? ''),
        /导入完成：新增 1 项，更新 0 项，停用 0 项/,
      );
      // Entered 2025-03-03 with 10 working days and nothing published: overdue from 2025-03-18.
      rt.clock.set('2025-03-20T02:00:00Z');
      // Sessions ended with the clock's jump: sign in again.
      as.office = await login('wang.office');
      as.editor = await login('liu.editor');
      const overdue = await html(as.office, `${base}?show=overdue`);
      assert.match(overdue, /逾期（应于 2025-03-17 前公开）/);
      assert.doesNotMatch(overdue, /<h2 id="area-[^"]+">财政预决算/);
      assert.match(await html(as.office, `${base}?area=${await area('城乡规划')}`), /尚无目录事项/);
      const dash = await html(as.office, '/admin');
      assert.match(dash, /基层政务公开标准目录/);
      assert.ok(dash.includes(`href="${base}?show=overdue"`));
      const file = await as.editor.get(`${base}/export.xlsx`);
      assert.equal(file.status, 200);
      assert.equal(
        file.headers.get('content-type'),
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      const sheets = await catalogueSheetIO.read(new Uint8Array(await file.arrayBuffer()));
      assert.deepEqual(
        sheets.sheets.map((s) => s.name),
        ['社会救助'],
      );
      assert.ok(JSON.stringify(sheets.sheets[0]?.rows).includes('最低生活保障'));
    });

    test('should refuse a form without the CSRF field', async () => {
      const res = await as.office.post(`${base}/areas`, { name: '乡镇政府文件' }, { csrf: false });
      assert.equal(res.status, 403);
      assert.ok(!(await rt.ctx.repos.standardCatalogue.areas(root)).some((a) => a.name === '乡镇政府文件'));
    });
  });
}
