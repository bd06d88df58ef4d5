// `gongkai media import`, `gongkai media posts import` and `gongkai media check` run as the real program (in-process)
// on a SQLite file and a PostgreSQL schema: a bad file is refused with its rows and columns named and nothing
// written (non-zero exit); the check prints one exact JSON line per finding, then the summary line.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIALECTS, skipReason } from '../../support/runtime.js';
import { cliSandbox, runGongkaiInProcess } from '../../support/cli.js';
import { catalogueSheetIO } from '../../../src/adapters/documents/catalogue-xlsx.js';

const ACCOUNTS = 'platform,name,verifiedName,org,filingNo,interaction,openedOn,status,feedUrl';
const POSTS = 'platform,account,postedAt,title,url,comments,answered';

for (const dialect of DIALECTS) {
  describe(`gongkai media (${dialect})`, { skip: skipReason(dialect) }, () => {
    const box = cliSandbox(dialect, 'media');
    const file = (name: string, lines: string[]) => {
      const path = join(box.dir, name);
      writeFileSync(path, `${lines.join('\n')}\n`);
      return path;
    };
    const codes: Record<string, string> = {};
    const run = (...args: string[]) => runGongkaiInProcess(args, box.env);
    const jsonCheck = async (asOf: string) => {
      const r = await run('media', 'check', '--as-of', asOf, '--json');
      assert.equal(r.code, 0, r.stderr);
      return r.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
    };
    after(() => box.cleanup());

    test('should refuse a bad account file with row and column, exit non-zero, and import nothing', async () => {
      const orgs = await run('org', 'list', '--json');
      assert.equal(orgs.code, 0, orgs.stderr);
      for (const o of JSON.parse(orgs.stdout) as { name: string; creditCode: string }[]) codes[o.name] = o.creditCode;
      const root = codes['示例区人民政府'] ?? '';
      const bad = file('bad.csv', [
        ACCOUNTS,
        `wechat,示例区发布,示例区人民政府,${root},BA-1,yes,2024-01-05,open,`,
        `weixin,示例区教育,,${root},,yes,2024-01-05,open,`,
        `weibo,示例区教育,,${root},,perhaps,2024-01-05,closed,`,
      ]);
      const r = await run('media', 'import', bad);
      assert.notEqual(r.code, 0);
      assert.deepEqual(r.stderr.trimEnd().split('\n'), [
        `${bad}:3:platform: 第3行“platform”列（A3）：平台代码应为：wechat、weibo、douyin、toutiao、kuaishou、channels、app、miniprogram、other（实为“weixin”）`,
        `${bad}:4:interaction: 第4行“interaction”列（F4）：应为 yes 或 no`,
        '错误 / error: 文件有 2 处错误，未导入任何内容 / 2 error(s), nothing imported',
      ]);
      const check = await jsonCheck('2026-12-07');
      assert.deepEqual(check, [
        { summary: true, asOf: '2026-12-07', accounts: 0, passed: 0, failed: 0, vetoes: 0, warnings: 0, failing: [] },
      ]);
    });

    test('should import accounts and posts (CSV and XLSX) and print the exact JSON Lines of the check', async () => {
      const [root, edu] = [codes['示例区人民政府'] ?? '', codes['示例区教育局'] ?? ''];
      const accounts = file('accounts.csv', [
        ACCOUNTS,
        `wechat,示例区发布,示例区人民政府,${root},BA-1,yes,2024-01-05,open,`,
        `weibo,示例区教育,示例区教育局,${edu},,no,2024-03-01,open,`,
        `douyin,示例区旧号,,${root},BA-9,yes,2023-01-01,closed,`,
      ]);
      const imported = await run('media', 'import', accounts);
      assert.equal(imported.code, 0, imported.stderr);
      assert.match(imported.stdout, /新增账号 3 个，更新 0 个/);
      const posts = join(box.dir, 'posts.xlsx');
      writeFileSync(
        posts,
        await catalogueSheetIO.write([
          {
            name: 'posts',
            merges: [],
            rows: [
              POSTS.split(','),
              ['wechat', '示例区发布', '2026-12-01 09:30', '今日要闻', 'https://mp.example/1', '3', '3'],
              ['weibo', '示例区教育', '2026-11-01', '招生通知', '', '0', '0'],
            ],
          },
        ]),
      );
      const p = await run('media', 'posts', 'import', posts);
      assert.equal(p.code, 0, p.stderr);
      assert.match(p.stdout, /新增发布记录 2 条，已存在 0 条/);
      const badPosts = file('bad-posts.csv', [POSTS, 'wechat,无此号,2026-12-01,x,,,']);
      const refused = await run('media', 'posts', 'import', badPosts);
      assert.notEqual(refused.code, 0);
      assert.match(refused.stderr, /bad-posts\.csv:2:account: 第2行“account”列（B2）：未登记的账号：wechat:无此号/);

      assert.deepEqual(await jsonCheck('2026-12-07'), [
        {
          rule: 'account_closed_not_cancelled',
          severity: 'warning',
          account: 'douyin:示例区旧号',
          message: '账号已关停但未注销',
          evidence: { status: 'closed', stoppedOn: null },
        },
        {
          rule: 'account_stale',
          severity: 'veto',
          account: 'weibo:示例区教育',
          message: '14天内无更新（内容不更新），最近发布于2026-11-01',
          evidence: { lastPostOn: '2026-11-01', days: 36, asOf: '2026-12-07' },
        },
        {
          rule: 'account_no_interaction',
          severity: 'veto',
          account: 'weibo:示例区教育',
          message: '未提供有效互动功能（互动回应差）',
          evidence: { interaction: false },
        },
        {
          rule: 'account_unfiled',
          severity: 'warning',
          account: 'weibo:示例区教育',
          message: '未在政务新媒体信息报送系统备案（未填写备案号）',
          evidence: { filingNo: '' },
        },
        {
          summary: true,
          asOf: '2026-12-07',
          accounts: 3,
          passed: 2,
          failed: 1,
          vetoes: 2,
          warnings: 2,
          failing: [{ account: 'weibo:示例区教育', vetoes: ['account_stale', 'account_no_interaction'] }],
        },
      ]);
      // --as-of fixes "today": eleven days after the wechat post it warns, it does not fail.
      const later = await jsonCheck('2026-12-12');
      assert.deepEqual(
        later.filter((l) => l.account === 'wechat:示例区发布').map((l) => [l.rule, l.severity]),
        [['account_stale', 'warning']],
      );
    });

    test('should print a Chinese table without --json and refuse a malformed --as-of with exit 2', async () => {
      const r = await run('media', 'check', '--as-of', '2026-12-07');
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /不合格 {2}微博「示例区教育」 示例区教育局 {2}最近发布：2026-11-01/);
      assert.match(r.stdout, /\[单项否决\] account_stale: 14天内无更新/);
      assert.match(r.stdout, /共 3 个账号：合格 2，不合格 1（单项否决 2 项，预警 2 项）/);
      const bad = await run('media', 'check', '--as-of', '2026-13-01', '--json');
      assert.equal(bad.code, 2);
      assert.equal(bad.stdout, '');
      assert.match(bad.stderr, /--as-of 应为 YYYY-MM-DD/);
    });
  });
}
