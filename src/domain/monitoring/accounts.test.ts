import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { localDate } from '../core/local-date.js';
import { accountVerdict, checkAccount, eventError, trafficLight, type MediaAccount } from './accounts.js';
import { csvTable, parseAccountTable, parsePostTable, parsePostedAt, sheetTable } from './accounts-import.js';

const asOf = localDate('2026-12-07');
const account = (over: Partial<MediaAccount> = {}): MediaAccount => ({
  id: 'a1',
  platform: 'wechat',
  name: '示例区发布',
  verifiedName: '示例区人民政府',
  orgId: 'o1',
  filingNo: 'BA-1',
  interaction: true,
  ownerContact: '',
  feedUrl: '',
  openedOn: localDate('2024-01-01'),
  status: 'open',
  createdAt: '',
  updatedAt: '',
  ...over,
});
const rules = (f: { rule: string; severity: string }[]) => f.map((x) => `${x.rule}/${x.severity}`).sort();

describe('account checks', () => {
  test('should pass a filed, interactive account that posted 9 days ago', () => {
    const f = checkAccount({ account: account(), lastPostOn: localDate('2026-11-28') }, asOf);
    assert.deepEqual(f, []);
    assert.deepEqual(accountVerdict(f), { verdict: '合格', score: null, vetoes: [] });
    assert.equal(trafficLight(f), 'green');
  });

  test('should warn from day 10 and veto from day 14 (内容不更新), zombie from day 90', () => {
    const at = (d: string) => rules(checkAccount({ account: account(), lastPostOn: localDate(d) }, asOf));
    assert.deepEqual(at('2026-11-27'), ['account_stale/warning']);
    assert.deepEqual(at('2026-11-24'), ['account_stale/warning']);
    assert.deepEqual(at('2026-11-23'), ['account_stale/veto']);
    assert.deepEqual(at('2026-09-09'), ['account_stale/veto']);
    assert.deepEqual(at('2026-09-08'), ['account_stale/veto', 'account_zombie/veto']);
    const warn = checkAccount({ account: account(), lastPostOn: localDate('2026-11-27') }, asOf);
    assert.equal(warn[0]?.evidence.vetoOn, '2026-12-11');
    assert.equal(trafficLight(warn), 'amber');
    assert.equal(accountVerdict(warn).verdict, '合格');
  });

  test('should follow configured thresholds', () => {
    const t = { staleDays: 7, warnDays: 5, zombieDays: 30 };
    const f = checkAccount({ account: account(), lastPostOn: localDate('2026-11-30') }, asOf, t);
    assert.deepEqual(rules(f), ['account_stale/veto']);
  });

  test('should count an account without posts from its opening, and as never updated without an opening date', () => {
    const young = checkAccount({ account: account({ openedOn: localDate('2026-12-01') }), lastPostOn: null }, asOf);
    assert.deepEqual(young, []);
    const never = checkAccount({ account: account({ openedOn: null }), lastPostOn: null }, asOf);
    assert.deepEqual(rules(never), ['account_stale/veto', 'account_zombie/veto']);
    assert.equal(never[0]?.evidence.lastPostOn, null);
  });

  test('should find no interaction and no 备案, and a closed account never cancelled', () => {
    const f = checkAccount(
      { account: account({ interaction: false, filingNo: '' }), lastPostOn: localDate('2026-12-06') },
      asOf,
    );
    assert.deepEqual(rules(f), ['account_no_interaction/veto', 'account_unfiled/warning']);
    assert.deepEqual(accountVerdict(f).vetoes, ['account_no_interaction']);
    const closed = checkAccount(
      {
        account: account({ status: 'closed', interaction: false }),
        lastPostOn: null,
        stoppedOn: localDate('2026-10-01'),
      },
      asOf,
    );
    assert.deepEqual(rules(closed), ['account_closed_not_cancelled/warning']);
    assert.equal(closed[0]?.evidence.stoppedOn, '2026-10-01');
    assert.deepEqual(
      checkAccount({ account: account({ status: 'cancelled', filingNo: '' }), lastPostOn: null }, asOf),
      [],
    );
    assert.equal(closed[0]?.account, 'wechat:示例区发布');
  });

  test('should require the announcement of 关停 and 注销 and refuse events on a cancelled account', () => {
    const on = localDate('2026-12-01');
    assert.equal(eventError(account(), { kind: 'closed', on, announcement: ' ' })?.field, 'announcement');
    assert.equal(eventError(account(), { kind: 'cancelled', on, announcement: '' })?.field, 'announcement');
    assert.equal(eventError(account(), { kind: 'changed', on, announcement: '' }), undefined);
    assert.equal(eventError(account(), { kind: 'open', on, announcement: '' })?.field, 'kind');
    assert.equal(eventError(account({ status: 'closed' }), { kind: 'open', on, announcement: '' }), undefined);
    assert.equal(
      eventError(account({ status: 'cancelled' }), { kind: 'changed', on, announcement: '' })?.field,
      'kind',
    );
    assert.equal(
      eventError(account(), { kind: 'changed', on: localDate('2023-01-01'), announcement: '' })?.field,
      'on',
    );
  });
});

describe('account and post files', () => {
  const orgs = new Set(['11999901MB00000012']);
  const head = 'platform,name,verifiedName,org,filingNo,interaction,openedOn,status,feedUrl';

  test('should read a valid account file', () => {
    const t = csvTable(
      `\uFEFF${head}\r\nweibo,示例区发布,,11999901mb00000012,,no,2025-01-02,open,https://x.example/feed\r\n`,
    );
    assert.ok(t.ok);
    const r = parseAccountTable(t.table, orgs, asOf);
    assert.ok(r.ok);
    assert.deepEqual(r.rows[0], {
      line: 2,
      platform: 'weibo',
      name: '示例区发布',
      verifiedName: '',
      orgCreditCode: '11999901MB00000012',
      filingNo: '',
      interaction: false,
      openedOn: '2025-01-02',
      status: 'open',
      feedUrl: 'https://x.example/feed',
    });
  });

  test('should name the row and column of every error, in Chinese', () => {
    const t = csvTable(
      `${head}\nqq,示例区发布,,11999901MB00000012,,yes,,open,\nweibo,,,X,,maybe,2027-01-01,gone,\nweibo,甲,,11999901MB00000012,,yes,,open,\nweibo,甲,,11999901MB00000012,,yes,,open,\n`,
    );
    assert.ok(t.ok);
    const r = parseAccountTable(t.table, orgs, asOf);
    assert.ok(!r.ok);
    assert.deepEqual(
      r.errors.map((e) => `${e.row}:${e.column}:${e.cell}`),
      ['2:platform:A2', '3:name:B3', '3:org:D3', '3:interaction:F3', '3:status:H3', '3:openedOn:G3', '5:name:B5'],
    );
    assert.match(r.errors[0]?.message ?? '', /^第2行“platform”列（A2）：平台代码应为/);
    assert.match(r.errors[6]?.message ?? '', /与第4行的账号重复/);
  });

  test('should refuse a wrong header and name the sheet of a workbook', () => {
    const r = parseAccountTable(
      sheetTable('账号', [
        ['platform', 'name'],
        ['wechat', '甲'],
      ]),
      orgs,
      asOf,
    );
    assert.ok(!r.ok);
    assert.equal(r.errors[0]?.sheet, '账号');
    assert.match(r.errors[0]?.message ?? '', /^工作表“账号”第1行：表头应为：platform,name,verifiedName/);
  });

  test('should read posts of known accounts and refuse the rest', () => {
    const known = new Set(['wechat:示例区发布']);
    const ph = 'platform,account,postedAt,title,url,comments,answered';
    const good = csvTable(`${ph}\nwechat,示例区发布,2026/12/1 9:05,要闻,,3,2\n`);
    assert.ok(good.ok);
    const r = parsePostTable(good.table, known, '2026-12-07T23:59');
    assert.ok(r.ok);
    assert.equal(r.rows[0]?.postedAt, '2026-12-01T09:05');
    const bad = csvTable(`${ph}\nweibo,示例区发布,2026-12-31,,ftp://x,a,1\nwechat,示例区发布,2026-12-01,x,,1,2\n`);
    assert.ok(bad.ok);
    const e = parsePostTable(bad.table, known, '2026-12-07T23:59');
    assert.ok(!e.ok);
    assert.deepEqual(
      e.errors.map((x) => `${x.row}:${x.column}`),
      ['2:account', '2:postedAt', '2:title', '2:url', '2:comments', '3:answered'],
    );
  });

  test('should read post times in the usual forms only', () => {
    assert.equal(parsePostedAt('2026-12-01'), '2026-12-01T00:00');
    assert.equal(parsePostedAt('2026-12-01T08:30:59'), '2026-12-01T08:30');
    assert.equal(parsePostedAt('2026-02-30'), undefined);
    assert.equal(parsePostedAt('2026-12-01 24:00'), undefined);
    assert.equal(parsePostedAt('昨天'), undefined);
  });
});
