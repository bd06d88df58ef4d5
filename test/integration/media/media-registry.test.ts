// The 政务新媒体 registry on both dialects: accounts, lifecycle events and posts through the use cases and the
// repository; CSV and XLSX imports refused as a whole with every error by sheet, row and column (nothing written),
// or written in one transaction; exports in the import layout; the checks as of a day; the public matrix.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { catalogueSheetIO } from '../../../src/adapters/documents/catalogue-xlsx.js';
import { addPost, createAccount, recordAccountEvent, updateAccount } from '../../../src/app/media/manage-accounts.js';
import { exportAccounts, exportPosts, importAccounts, importPosts } from '../../../src/app/media/import-media.js';
import { checkAccounts, runCounts } from '../../../src/app/media/check-accounts.js';
import { publicMediaMatrix } from '../../../src/app/media/media-pages.js';
import { AppError } from '../../../src/app/errors.js';
import { localDate } from '../../../src/domain/core/local-date.js';

const ACCOUNTS = 'platform,name,verifiedName,org,filingNo,interaction,openedOn,status,feedUrl';
const POSTS = 'platform,account,postedAt,title,url,comments,answered';
const csv = (name: string, lines: string[]) => ({ name, bytes: new TextEncoder().encode(`${lines.join('\n')}\n`) });

for (const dialect of DIALECTS) {
  describe(`政务新媒体 registry (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    let root = { id: '', code: '' };
    let edu = { id: '', code: '' };
    const accounts = () => rt.ctx.repos.media.accounts();
    const audit = async (action: string) => (await rt.ctx.repos.audit.list({ action }, { limit: 50 })).length;

    before(async () => {
      rt = await openTestRuntime(dialect, { start: '2026-12-07T02:00:00Z' });
      const orgs = await rt.ctx.repos.orgs.list();
      const r = orgs.find((o) => o.parentId === null);
      const e = orgs.find((o) => o.name === '示例区教育局');
      root = { id: r?.id ?? '', code: r?.creditCode ?? '' };
      edu = { id: e?.id ?? '', code: e?.creditCode ?? '' };
    });
    after(() => rt.close());

    test('should register an account with its 开设 event, refuse a duplicate and keep a lifecycle', async () => {
      const id = await createAccount(rt.ctx, null, {
        platform: 'wechat',
        name: '示例区发布',
        verifiedName: '示例区人民政府',
        orgId: root.id,
        filingNo: 'BA-0001',
        interaction: '1',
        openedOn: '2024-01-05',
        ownerContact: '王五 010-12345678',
        feedUrl: '',
      });
      const dup = await createAccount(rt.ctx, null, { platform: 'wechat', name: '示例区发布', orgId: edu.id }).catch(
        (e: unknown) => e,
      );
      assert.ok(dup instanceof AppError && dup.code === 'conflict');
      const bad = await createAccount(rt.ctx, null, { platform: 'qq', name: '', orgId: root.id, feedUrl: 'x' }).catch(
        (e: unknown) => e,
      );
      assert.ok(bad instanceof AppError && bad.code === 'invalid');
      assert.deepEqual(Object.keys(bad.fieldErrors).sort(), ['feedUrl', 'name', 'platform']);
      const stored = await rt.ctx.repos.media.accountById(id);
      assert.equal(stored?.interaction, true);
      assert.equal(stored?.openedOn, '2024-01-05');
      assert.deepEqual(
        (await rt.ctx.repos.media.events([id])).map((e) => `${e.kind}@${e.on}`),
        ['open@2024-01-05'],
      );
      await updateAccount(rt.ctx, null, id, {
        ...stored,
        platform: 'wechat',
        name: '示例区发布',
        orgId: root.id,
        filingNo: 'BA-0002',
        interaction: '1',
        openedOn: '2024-01-05',
      } as never);
      assert.equal((await rt.ctx.repos.media.accountById(id))?.filingNo, 'BA-0002');

      const refused = await recordAccountEvent(rt.ctx, null, id, {
        kind: 'closed',
        on: '2026-12-01',
        announcement: '',
      }).catch((e: unknown) => e);
      assert.ok(refused instanceof AppError && 'announcement' in refused.fieldErrors);
      assert.equal((await rt.ctx.repos.media.accountById(id))?.status, 'open');
      await recordAccountEvent(rt.ctx, null, id, { kind: 'changed', on: '2026-06-01', note: '更名' });
      assert.equal((await rt.ctx.repos.media.accountById(id))?.status, 'changed');
      assert.equal(await audit('media.account_created'), 1);
      assert.equal(await audit('media.account_event'), 1);
    });

    test('should record posts by hand once, newest first', async () => {
      const id = (await rt.ctx.repos.media.accountByKey('wechat', '示例区发布'))?.id ?? '';
      await addPost(rt.ctx, null, id, {
        postedAt: '2026-12-05 08:00',
        title: '今日要闻',
        comments: '4',
        answered: '4',
      });
      await addPost(rt.ctx, null, id, { postedAt: '2026-11-20', title: '旧闻' });
      const again = await addPost(rt.ctx, null, id, { postedAt: '2026-12-05 08:00', title: '今日要闻' }).catch(
        (e: unknown) => e,
      );
      assert.ok(again instanceof AppError && again.code === 'conflict');
      const bad = await addPost(rt.ctx, null, id, {
        postedAt: '2026-12-31',
        title: 'x',
        comments: '1',
        answered: '2',
      }).catch((e: unknown) => e);
      assert.ok(bad instanceof AppError);
      assert.deepEqual(Object.keys(bad.fieldErrors).sort(), ['answered', 'postedAt']);
      const page = await rt.ctx.repos.media.posts(id, { limit: 10, offset: 0 });
      assert.equal(page.total, 2);
      assert.deepEqual(
        page.rows.map((p) => `${p.postedAt} ${p.title} ${p.comments}/${p.answered} ${p.source}`),
        ['2026-12-05T08:00 今日要闻 4/4 manual', '2026-11-20T00:00 旧闻 0/0 manual'],
      );
      assert.equal((await rt.ctx.repos.media.lastPostDates(localDate('2026-12-04'))).get(id), '2026-11-20');
      assert.equal((await rt.ctx.repos.media.lastPostDates(localDate('2026-12-05'))).get(id), '2026-12-05');
    });

    test('should refuse a whole account file with errors by row and column, writing nothing', async () => {
      const before = (await accounts()).length;
      const r = await importAccounts(
        rt.ctx,
        null,
        csv('accounts.csv', [
          ACCOUNTS,
          `weibo,示例区教育,示例区教育局,${edu.code},,no,2024-03-01,open,`,
          `tiktok,坏账号,,${edu.code},,yes,,open,`,
          `douyin,示例区旧号,,99999999999999999X,,sometimes,,gone,`,
        ]),
      );
      assert.ok(!r.ok);
      assert.deepEqual(
        r.errors.map((e) => `${e.row}:${e.column}`),
        ['3:platform', '4:org', '4:interaction', '4:status'],
      );
      assert.match(r.errors[1]?.message ?? '', /第4行“org”列（D4）：未知主办单位/);
      assert.equal((await accounts()).length, before);
    });

    test('should import accounts from CSV (new and updated) in one go', async () => {
      const r = await importAccounts(
        rt.ctx,
        null,
        csv('accounts.csv', [
          ACCOUNTS,
          `weibo,示例区教育,示例区教育局,${edu.code},,no,2024-03-01,open,`,
          `douyin,示例区旧号,,${root.code},BA-9,yes,2023-01-01,closed,`,
          `wechat,示例区发布,示例区人民政府,${root.code},BA-0003,yes,2024-01-05,changed,`,
        ]),
      );
      assert.deepEqual(r, { ok: true, inserted: 2, updated: 1 });
      const kept = await rt.ctx.repos.media.accountByKey('wechat', '示例区发布');
      assert.equal(kept?.filingNo, 'BA-0003');
      assert.equal(kept?.ownerContact, '王五 010-12345678', 'the owner contact is not in the file and is kept');
      assert.equal((await rt.ctx.repos.media.accountByKey('douyin', '示例区旧号'))?.status, 'closed');
      assert.equal(await audit('media.accounts_imported'), 1);
    });

    test('should read a CSV file saved in GBK (GB18030) by a spreadsheet program', async () => {
      // "weibo,示例区教育,示例区教育局,<code>,,no,2024-03-01,open," with the Chinese in GB18030 bytes.
      const head = new TextEncoder().encode(`${ACCOUNTS}\nweibo,`);
      const name = Uint8Array.from([0xca, 0xbe, 0xc0, 0xfd, 0xc7, 0xf8, 0xbd, 0xcc, 0xd3, 0xfd]); // 示例区教育
      const tail = new TextEncoder().encode(`,${edu.code},,no,2024-03-01,open,\n`);
      const bytes = Uint8Array.from([...head, ...name, 0x2c, ...name, 0xbe, 0xd6, ...tail]); // 局
      const r = await importAccounts(rt.ctx, null, { name: 'gbk.csv', bytes });
      assert.deepEqual(r, { ok: true, inserted: 0, updated: 1 });
      assert.equal((await rt.ctx.repos.media.accountByKey('weibo', '示例区教育'))?.verifiedName, '示例区教育局');
    });

    test('should import posts from XLSX, skip those already recorded, and refuse unknown accounts', async () => {
      const book = await catalogueSheetIO.write([
        {
          name: '发布记录',
          merges: [],
          rows: [
            POSTS.split(','),
            ['weibo', '示例区教育', '2026-11-01 10:00', '招生通知', 'https://weibo.example/1', '2', '1'],
            ['wechat', '示例区发布', '2026-12-05 08:00', '今日要闻', '', '4', '4'],
          ],
        },
      ]);
      const ok = await importPosts(rt.ctx, null, { name: 'posts.xlsx', bytes: book });
      assert.deepEqual(ok, { ok: true, inserted: 1, duplicates: 1 });
      const wrong = await catalogueSheetIO.write([
        {
          name: '发布记录',
          merges: [],
          rows: [POSTS.split(','), ['weibo', '无此账号', '2026-11-01', 'x', '', '', '']],
        },
      ]);
      const r = await importPosts(rt.ctx, null, { name: 'posts.xlsx', bytes: wrong });
      assert.ok(!r.ok);
      assert.deepEqual(
        r.errors.map((e) => `${e.sheet}!${e.cell}`),
        ['发布记录!B2'],
      );
      assert.match(r.errors[0]?.message ?? '', /^工作表“发布记录”第2行“account”列（B2）：未登记的账号：weibo:无此账号/);
      const notBook = await importPosts(rt.ctx, null, {
        name: 'posts.xlsx',
        bytes: new Uint8Array([0x50, 0x4b, 1, 2]),
      }).catch((e: unknown) => e);
      assert.ok(notBook instanceof AppError && notBook.code === 'invalid');
    });

    test('should export accounts and posts in the import layout, and read its own export back', async () => {
      const text = new TextDecoder().decode(await exportAccounts(rt.ctx, null, 'csv'));
      const lines = text
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n');
      assert.equal(lines[0], ACCOUNTS);
      assert.ok(lines.includes(`weibo,示例区教育,示例区教育局,${edu.code},,no,2024-03-01,open,`));
      assert.equal(lines.length, 4);
      assert.doesNotMatch(text, /王五/, 'owner contact is not exported');
      const again = await importAccounts(rt.ctx, null, { name: 'a.csv', bytes: new TextEncoder().encode(text) });
      assert.deepEqual(again, { ok: true, inserted: 0, updated: 3 });
      const book = await exportPosts(rt.ctx, null, 'xlsx');
      const cells = await catalogueSheetIO.read(book);
      assert.deepEqual(cells.sheets[0]?.rows[0], POSTS.split(','));
      assert.equal(cells.sheets[0]?.rows.length, 4);
    });

    test('should check the accounts as of a day and list the public matrix without contact data', async () => {
      const run = await checkAccounts(rt.ctx, null, localDate('2026-12-07'));
      const by = (key: string) => run.accounts.find((a) => a.key === key);
      assert.deepEqual(by('wechat:示例区发布')?.findings, []);
      assert.deepEqual(by('weibo:示例区教育')?.summary.vetoes, ['account_stale', 'account_no_interaction']);
      assert.deepEqual(
        by('douyin:示例区旧号')?.findings.map((f) => f.rule),
        ['account_closed_not_cancelled'],
      );
      const counts = runCounts(run);
      assert.equal(counts.accounts, 3);
      assert.equal(counts.failed, 1);
      assert.deepEqual(counts.failing, [
        { account: 'weibo:示例区教育', vetoes: ['account_stale', 'account_no_interaction'] },
      ]);
      // On 12-01 the wechat account's last post (11-20) was 11 days old: a warning, not yet a veto.
      const earlier = await checkAccounts(rt.ctx, null, localDate('2026-12-01'));
      assert.deepEqual(
        earlier.accounts.find((a) => a.key === 'wechat:示例区发布')?.findings.map((f) => f.severity),
        ['warning'],
      );

      const id = (await rt.ctx.repos.media.accountByKey('douyin', '示例区旧号'))?.id ?? '';
      await recordAccountEvent(rt.ctx, null, id, {
        kind: 'cancelled',
        on: '2026-12-06',
        announcement: '该账号自即日起注销。',
      });
      const matrix = await publicMediaMatrix(rt.ctx);
      assert.deepEqual(
        matrix.platforms.map((p) => [p.platform, p.accounts.map((a) => `${a.name}/${a.orgName}`)]),
        [
          ['wechat', ['示例区发布/示例区人民政府']],
          ['weibo', ['示例区教育/示例区教育局']],
        ],
      );
      assert.deepEqual(
        matrix.closures.map((c) => `${c.name} ${c.kind} ${c.on} ${c.announcement}`),
        ['示例区旧号 cancelled 2026-12-06 该账号自即日起注销。'],
      );
      assert.doesNotMatch(JSON.stringify(matrix), /王五|ownerContact|feedUrl/);
      assert.equal((await checkAccounts(rt.ctx, null)).accounts.find((a) => a.account.id === id)?.findings.length, 0);
    });
  });
}
