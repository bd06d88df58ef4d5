// The archive export in the back office and on the command line, on both dialects: the form,
// its Chinese errors with what was typed kept, the streamed ZIP download, CSRF and sign-in; and
// `gongkai publications export` writing the package through a temporary file.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { DIALECTS, PG_URL, skipReason, suiteRuntime, type TestRuntime } from '../../support/runtime.js';
import { TestAgent, refusedPage } from '../../support/http.js';
import { STAFF_PASSWORD } from '../../factories/staff.js';
import { datedPublishing, type DatedPublishing } from '../../factories/publications.js';
import { readZip } from '../../support/zip-reader.js';
import { cliSandbox, runGongkai } from '../../support/cli.js';
import { openRuntime } from '../../../src/main.js';
import { bootstrap } from '../../../src/app/bootstrap.js';
import { calendarSeed } from '../../../src/main.js';
import { fixedClock } from '../../../src/adapters/clock.js';

type Manifest = { itemCount: number; items: { title: string }[] };

for (const dialect of DIALECTS) {
  describe(`archive export page (${dialect})`, { skip: skipReason(dialect) }, () => {
    const rt = suiteRuntime(dialect, { start: '2025-03-01T02:00:00Z' });
    let p: DatedPublishing;
    let web: TestAgent;

    before(async () => {
      p = await datedPublishing(rt, 'web');
      const { id } = await p.draft('2025-03-05', {
        title: '示例区河长制工作实施办法',
        attachments: [{ name: '附件.pdf', mime: 'application/pdf', content: new TextEncoder().encode('%PDF-1.4 x') }],
      });
      await p.publish(id, '2025-03-10');
      p.at('2025-10-09');
      web = new TestAgent(rt);
      assert.equal((await web.login('web.editor', STAFF_PASSWORD)).status, 303);
    });

    test('should show the form with the organizations, last year and every kind', async () => {
      const res = await web.get('/admin/publication-export');
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.ok(
        html.includes(`<option value="${p.root.creditCode}" selected="">${p.root.name}</option>`) ||
          html.includes(`value="${p.root.creditCode}" selected`),
      );
      assert.ok(html.includes('value="2024-01-01"') && html.includes('value="2024-12-31"'));
      assert.ok(html.includes('行政规范性文件') && html.includes('name="kinds"'));
      assert.ok(html.includes('第二十五条'));
    });

    test('should stream the ZIP of the period as a download', async () => {
      const res = await web.post('/admin/publication-export', {
        org: p.root.creditCode,
        from: '2025-01-01',
        to: '2025-12-31',
        kinds: ['normative'],
      });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/zip');
      assert.match(
        res.headers.get('content-disposition') ?? '',
        new RegExp(`attachment; filename="${p.root.creditCode}_2025-01-01_2025-12-31.zip"`),
      );
      const zip = readZip(new Uint8Array(await res.arrayBuffer()));
      const manifest = JSON.parse(zip.get('manifest.json')?.content.toString('utf8') ?? '{}') as Manifest;
      assert.deepEqual(
        manifest.items.map((i) => i.title),
        ['示例区河长制工作实施办法'],
      );
      assert.equal([...zip.keys()].filter((k) => k.startsWith('attachments/')).length, 1);
    });

    test('should re-render the form with Chinese errors and the values typed', async () => {
      const res = await web.post('/admin/publication-export', {
        org: p.root.creditCode,
        from: '2025-12-31',
        to: '2025-01-01',
        kinds: ['normative'],
        subtree: '1',
      });
      await refusedPage(res, [
        '截止日期不能早于起始日期',
        'value="2025-12-31"',
        /id="f-kind-normative"[^>]*checked/,
        /id="f-subtree"[^>]*checked/,
      ]);
    });

    test('should refuse a post without the CSRF token and send strangers to sign in', async () => {
      const forged = await web.post(
        '/admin/publication-export',
        { org: p.root.creditCode, from: '2025-01-01', to: '2025-12-31' },
        { csrf: false },
      );
      assert.equal(forged.status, 403);
      const stranger = new TestAgent(rt);
      const res = await stranger.get('/admin/publication-export');
      assert.equal(res.status, 303);
      assert.match(res.headers.get('location') ?? '', /^\/admin\/login/);
    });
  });

  describe(`gongkai publications export (${dialect})`, { skip: skipReason(dialect) }, () => {
    const box = cliSandbox(dialect, 'exp');
    const { dir, schema, env } = box;
    let creditCode = '';

    before(async () => {
      if (dialect === 'postgres') {
        const c = new pg.Client({ connectionString: PG_URL });
        await c.connect();
        await c.query(`CREATE SCHEMA ${schema}`);
        await c.end();
      }
      const clock = fixedClock('2025-03-01T02:00:00Z');
      const db =
        dialect === 'sqlite'
          ? { kind: 'sqlite' as const, file: join(dir, 'gongkai.sqlite') }
          : { kind: 'postgres' as const, url: PG_URL ?? '', schema, poolSize: 2 };
      const inner = await openRuntime(db, {
        timeZone: 'Asia/Shanghai',
        sessionIdleMinutes: 30,
        sessionMaxHours: 12,
        clock,
      });
      const boot = await bootstrap(inner.ctx, calendarSeed, 'orgs');
      const rt = { ...inner, clock, boot } as TestRuntime;
      const p = await datedPublishing(rt, 'cli');
      creditCode = p.root.creditCode;
      for (const [n, day] of [
        [1, '2025-03-10'],
        [2, '2025-04-10'],
        [3, '2025-05-10'],
      ] as const) {
        const { id } = await p.draft(day, { title: `第${n}号通知`, kind: 'other_document' });
        await p.publish(id, day);
      }
      await inner.close();
    });
    after(() => box.cleanup());

    test('should write the package with a progress bar and report the counts', () => {
      const out = join(dir, 'archive.zip');
      const r = runGongkai(
        ['publications', 'export', '--org', creditCode, '--from', '2025-04-01', '--to', '2025-04-30', '--out', out],
        env,
      );
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /导出 \/ exporting/);
      assert.match(r.lastLine, /已导出 \/ exported 2 条信息/);
      const manifest = JSON.parse(
        readZip(readFileSync(out)).get('manifest.json')?.content.toString('utf8') ?? '{}',
      ) as Manifest;
      assert.deepEqual(
        manifest.items.map((i) => i.title),
        ['第1号通知', '第2号通知'],
        'live in April: not the one published in May',
      );
      assert.deepEqual(
        readdirSync(dir).filter((f) => f.endsWith('.part')),
        [],
      );
    });

    test('should name the wrong option in Chinese and write nothing', () => {
      const out = join(dir, 'bad.zip');
      const r = runGongkai(
        ['publications', 'export', '--org', creditCode, '--from', '2025-13-01', '--to', '2025-12-31', '--out', out],
        env,
      );
      assert.equal(r.code, 1);
      assert.match(r.stderr, /from: 起始日期应为YYYY-MM-DD格式的真实日期/);
      assert.ok(!existsSync(out) && !existsSync(`${out}.part`));
      const missing = runGongkai(
        ['publications', 'export', '--org', creditCode, '--from', '2025-01-01', '--to', '2025-12-31'],
        env,
      );
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /缺少必需选项 '--out/);
    });
  });
}
