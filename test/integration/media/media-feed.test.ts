// Reading posts from accounts' feeds over a real loopback HTTP server, on both dialects: RSS and Atom entries become
// posts at the office's local time, undated entries are left out, a second read adds nothing, and a feed that fails
// is reported without stopping the others.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { createAccount } from '../../../src/app/media/manage-accounts.js';
import { pollFeeds } from '../../../src/app/media/poll-feeds.js';
import { checkAccounts } from '../../../src/app/media/check-accounts.js';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>示例区发布</title>
<item><title><![CDATA[示例区召开河长制工作会议 & 部署冬季巡河]]></title><link>https://mp.example/a/1</link>
<pubDate>Sun, 06 Dec 2026 01:30:00 GMT</pubDate></item>
<item><title>没有日期的推文</title><link>https://mp.example/a/2</link></item>
<item><title>关于&#x6C5B;期安全的提示</title><link>https://mp.example/a/3</link><pubDate>Tue, 01 Dec 2026 18:00:00 +0800</pubDate></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>示例区教育</title>
<entry><title type="html">2027年春季招生简章</title><link rel="alternate" href="https://weibo.example/s/9"/>
<published>2026-11-20T23:10:00Z</published></entry>
</feed>`;

for (const dialect of DIALECTS) {
  describe(`政务新媒体 feeds (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    let server: Server;
    let base = '';
    let hits = 0;

    before(async () => {
      server = createServer((req, res) => {
        hits += 1;
        if (req.url === '/rss.xml') res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS);
        else if (req.url === '/atom.xml') res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(ATOM);
        else res.writeHead(500).end('down');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      rt = await openTestRuntime(dialect, { start: '2026-12-07T02:00:00Z' });
      const root = (await rt.ctx.repos.orgs.list()).find((o) => o.parentId === null)?.id ?? '';
      const account = (platform: string, name: string, feedUrl: string) =>
        createAccount(rt.ctx, null, {
          platform,
          name,
          orgId: root,
          interaction: '1',
          filingNo: 'BA',
          openedOn: '2024-01-01',
          feedUrl,
        });
      await account('wechat', '示例区发布', `${base}/rss.xml`);
      await account('weibo', '示例区教育', `${base}/atom.xml`);
      await account('douyin', '示例区视频', `${base}/broken.xml`);
      await account('toutiao', '无订阅', '');
    });
    after(async () => {
      await rt.close();
      await new Promise((resolve) => server.close(resolve));
    });

    test('should add dated entries at local time, skip undated ones, and report a failing feed', async () => {
      const polls = await pollFeeds(rt.ctx, null);
      assert.deepEqual(
        polls.map((p) => [p.account, p.inserted, p.duplicates, p.undated, p.error ?? '']),
        [
          ['douyin:示例区视频', 0, 0, 0, '订阅地址返回 HTTP 500'],
          ['wechat:示例区发布', 2, 0, 1, ''],
          ['weibo:示例区教育', 1, 0, 0, ''],
        ],
      );
      assert.equal(hits, 3, 'the account without a feed URL is not fetched');
      const wechat = await rt.ctx.repos.media.accountByKey('wechat', '示例区发布');
      const posts = await rt.ctx.repos.media.posts(wechat?.id ?? '', { limit: 10, offset: 0 });
      assert.deepEqual(
        posts.rows.map((p) => [p.postedAt, p.title, p.url, p.source]),
        [
          ['2026-12-06T09:30', '示例区召开河长制工作会议 & 部署冬季巡河', 'https://mp.example/a/1', 'feed'],
          ['2026-12-01T18:00', '关于汛期安全的提示', 'https://mp.example/a/3', 'feed'],
        ],
      );
      const weibo = await rt.ctx.repos.media.accountByKey('weibo', '示例区教育');
      const atom = await rt.ctx.repos.media.posts(weibo?.id ?? '', { limit: 10, offset: 0 });
      assert.deepEqual(
        atom.rows.map((p) => [p.postedAt, p.url]),
        [['2026-11-21T07:10', 'https://weibo.example/s/9']],
      );
      const run = await checkAccounts(rt.ctx, null);
      assert.deepEqual(run.accounts.find((a) => a.key === 'wechat:示例区发布')?.findings, []);
      assert.deepEqual(run.accounts.find((a) => a.key === 'weibo:示例区教育')?.summary.vetoes, ['account_stale']);
    });

    test('should add nothing when the feeds are read again', async () => {
      const polls = await pollFeeds(rt.ctx, null);
      assert.deepEqual(
        polls.filter((p) => !p.error).map((p) => [p.account, p.inserted, p.duplicates]),
        [
          ['wechat:示例区发布', 0, 2],
          ['weibo:示例区教育', 0, 1],
        ],
      );
      const audited = await rt.ctx.repos.audit.list({ action: 'media.feed_read' }, { limit: 10 });
      assert.equal(audited.length, 2);
    });
  });
}
