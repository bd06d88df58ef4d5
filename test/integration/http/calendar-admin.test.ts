// HTTP: the back-office working-day calendar — grid, provisional banner, due dates, import, overrides.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DIALECTS, skipReason, suiteRuntime, type TestRuntime } from '../../support/runtime.js';
import { TestAgent, refusedPage } from '../../support/http.js';
import { staffAgent, suiteAdmin } from '../../support/admin.js';
import { demoOrgs } from '../../factories/orgs.js';

const SAMPLE = readFileSync(new URL('../../fixtures/calendar/2027-sample.txt', import.meta.url), 'utf8');
const BANNER_2027 = /2027 年的放假安排尚未载入/;

/** Uploads a schedule file the way a browser does (multipart, with the CSRF field). */
function upload(a: TestAgent, name: string, text: string): Promise<Response> {
  const form = new FormData();
  form.append('_csrf', a.cookies.get('gk_csrf') ?? '');
  form.append('file', new Blob([text], { type: 'text/plain' }), name);
  return a.request('POST', '/admin/calendar/import', { body: form, headers: { origin: 'http://localhost' } });
}

/** The grid cell of a date: its day number and its mark (休/班), if any. */
function cellMark(html: string, date: string): string | null {
  const m = new RegExp(`<time datetime="${date}">\\d+</time>(?:<abbr class="mark"[^>]*>(.)</abbr>)?`).exec(html);
  assert.ok(m, `no cell for ${date}`);
  return m[1] ?? null;
}

/** Like assert.match, without dumping the whole page on failure. */
function contains(html: string, re: RegExp): void {
  assert.ok(re.test(html), `page should match ${re}`);
}

function lacks(html: string, re: RegExp): void {
  assert.ok(!re.test(html), `page should not match ${re}`);
}

async function page(a: TestAgent, query: string): Promise<string> {
  const res = await a.get(`/admin/calendar?${query}`);
  assert.equal(res.status, 200);
  return res.text();
}

/** A signed-in administrator of a department (not of the root organization). */
async function departmentAdmin(rt: TestRuntime): Promise<TestAgent> {
  return staffAgent(rt, 'dept_admin', ['admin'], (await demoOrgs(rt)).named('示例区教育局').id, '部门管理员');
}

for (const dialect of DIALECTS) {
  describe(`calendar back office (${dialect})`, { skip: skipReason(dialect) }, () => {
    const rt = suiteRuntime(dialect);
    const admin = suiteAdmin(rt);

    test('should send a visitor who is not signed in to the login page', async () => {
      const res = await new TestAgent(rt).get('/admin/calendar');
      assert.equal(res.status, 303);
      contains(res.headers.get('location') ?? '', /^\/admin\/login/);
    });

    test('should mark the 2025 National Day week: 10-01 as 休 and Saturday 10-11 as 班, with the source', async () => {
      const html = await page(admin, 'year=2025');
      assert.equal(cellMark(html, '2025-10-01'), '休');
      assert.equal(cellMark(html, '2025-10-11'), '班');
      assert.equal(cellMark(html, '2025-10-10'), null);
      assert.equal(cellMark(html, '2025-10-12'), null);
      contains(html, /chinese-days@\d/);
      lacks(html, /年的放假安排尚未载入/);
      contains(html, /href="\/admin\/calendar\?year=2024"/);
      contains(html, /href="\/admin\/calendar\?year=2026"/);
    });

    test('should show the 暂定 banner for a year whose schedule is not loaded', async () => {
      const html = await page(admin, 'year=2027');
      contains(html, BANNER_2027);
      contains(html, /class="banner provisional"/);
      assert.equal(cellMark(html, '2027-01-01'), null);
    });

    test('should compute a due date read-only, with the provisional warning when a year is missing', async () => {
      const html = await page(admin, 'year=2026&start=2026-12-20&days=20');
      contains(html, /<strong class="big-date">2027-01-15<\/strong>/);
      contains(html, /暂定：该期限涉及尚未载入放假安排的年度/);
      const bad = await admin.get('/admin/calendar?start=2025-02-30&days=20');
      assert.equal(bad.status, 422);
      contains(await bad.text(), /日期格式应为 YYYY-MM-DD/);
    });

    test('should reject a bad schedule file listing every bad line, and import nothing', async () => {
      const headBefore = await rt.ctx.repos.audit.head();
      const res = await upload(
        admin,
        'bad-2027.txt',
        'year 2027\n2027-02-30 holiday 春节\nhello\n2027-02-10 workday 春节\n2027-10-01 holiday 国庆节\n',
      );
      await refusedPage(res, [
        /有 3 处错误，未导入任何内容/,
        /第 2 行：日期无效/,
        /第 3 行：无法识别的行/,
        /第 4 行：2027-02-10 是星期三/,
      ]);
      assert.deepEqual(await rt.ctx.repos.calendar.days({ from: '2027-01-01', to: '2027-12-31' }), []);
      assert.equal((await rt.ctx.repos.audit.head()).lastSeq, headBefore.lastSeq);
      contains(await page(admin, 'year=2027'), BANNER_2027);
    });

    test('should refuse an upload that is not a .txt file or is missing', async () => {
      const res = await upload(admin, 'schedule.xlsx', SAMPLE);
      assert.equal(res.status, 422);
      contains(await res.text(), /只能上传 \.txt 文本文件/);
      const empty = await upload(admin, 'empty.txt', '');
      assert.equal(empty.status, 422);
      contains(await empty.text(), /请选择要上传的放假安排文件/);
    });

    test('should import the 2027 sample: the banner goes and the 2026-12-20 deadline moves past 元旦', async () => {
      const res = await upload(admin, '2027-sample.txt', SAMPLE);
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/admin/calendar?year=2027&flash=imported');
      const html = await page(admin, 'year=2027&flash=imported');
      lacks(html, BANNER_2027);
      contains(html, /放假安排已导入/);
      contains(html, /import:测试用虚构示例/);
      assert.equal(cellMark(html, '2027-01-01'), '休');
      assert.equal(cellMark(html, '2027-02-14'), '班');
      const due = await page(admin, 'year=2026&start=2026-12-20&days=20');
      contains(due, /<strong class="big-date">2027-01-18<\/strong>/);
      lacks(due, /暂定：该期限/);
      const [entry] = await rt.ctx.repos.audit.list({ action: 'calendar.imported' }, { limit: 1 });
      assert.equal(entry?.entityId, '2027');
    });

    test('should re-render the override form with what was typed and every error', async () => {
      const res = await admin.post('/admin/calendar/overrides', { date: '2025-13-01', working: '1', reason: '  ' });
      await refusedPage(res, [
        /调整日设置有误/,
        /value="2025-13-01"/,
        /<option value="1" selected="">/,
        /请填写正确的日期/,
        /请说明调整原因/,
      ]);
      assert.deepEqual(await rt.ctx.repos.calendar.overrides(), []);
    });

    test('should add and remove an override day, changing due dates, with both steps audited', async () => {
      const set = await admin.post('/admin/calendar/overrides', {
        date: '2025-10-09',
        working: '0',
        reason: '本区因台风停止办公',
      });
      assert.equal(set.status, 303);
      assert.equal(set.headers.get('location'), '/admin/calendar?year=2025&flash=override_set#overrides');
      let html = await page(admin, 'year=2025&start=2025-09-28&days=20');
      assert.equal(cellMark(html, '2025-10-09'), '休');
      contains(html, /本区因台风停止办公/);
      contains(html, /<strong class="big-date">2025-11-03<\/strong>/);
      const remove = await admin.post('/admin/calendar/overrides/2025-10-09/delete', {});
      assert.equal(remove.status, 303);
      html = await page(admin, 'year=2025&start=2025-09-28&days=20');
      assert.equal(cellMark(html, '2025-10-09'), null);
      contains(html, /<strong class="big-date">2025-10-31<\/strong>/);
      contains(html, /暂无调整日/);
      const audit = await (await admin.get('/admin/audit?action=calendar.')).text();
      contains(audit, /设置本地调整日/);
      contains(audit, /删除本地调整日/);
      contains(audit, /本区因台风停止办公/);
    });

    test('should let only a root admin change the calendar (403 for a department admin)', async () => {
      const a = await departmentAdmin(rt);
      const view = await page(a, 'year=2025');
      contains(view, /只有根机构（本级人民政府）的管理员可以修改日历/);
      lacks(view, /action="\/admin\/calendar\/import"/);
      const res = await a.post('/admin/calendar/overrides', { date: '2025-10-09', working: '0', reason: '越权' });
      assert.equal(res.status, 403);
      contains(await res.text(), /没有权限执行此操作/);
      assert.equal((await upload(a, '2027-sample.txt', SAMPLE)).status, 403);
      assert.deepEqual(await rt.ctx.repos.calendar.overrides(), []);
    });
  });
}
