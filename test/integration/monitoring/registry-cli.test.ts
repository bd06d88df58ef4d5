// `gongkai monitor …` end to end (the program run in-process) on a SQLite file and a PostgreSQL schema: the
// own portal registered, the registry exported and imported back as CSV (a bad file refused with row and column,
// nothing written), and `monitor run` refusing a missing or double scope with exit status 2.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIALECTS, skipReason } from '../../support/runtime.js';
import { cliSandbox, runGongkaiInProcess, TEST_DEMO_DATA } from '../../support/cli.js';

for (const dialect of DIALECTS) {
  describe(`gongkai monitor (${dialect})`, { skip: skipReason(dialect) }, () => {
    const box = cliSandbox(dialect, 'monreg');
    const env = { ...box.env, ...TEST_DEMO_DATA };
    const gk = (...args: string[]) => runGongkaiInProcess(args, env);
    after(() => box.cleanup());

    test('should register the own portal, export the registry and import it back', async () => {
      const reg = await gk('monitor', 'portal', '--origin', 'http://127.0.0.1:8080');
      assert.equal(reg.code, 0, reg.stderr);
      assert.match(reg.stdout, /已登记本门户/);
      const csv = join(box.dir, 'sites.csv');
      const out = await gk('monitor', 'sites', 'export', csv);
      assert.equal(out.code, 0, out.stderr);
      const text = readFileSync(csv, 'utf8');
      assert.match(text, /门户网站,http:\/\/127\.0\.0\.1:8080\/,/);
      const back = await gk('monitor', 'sites', 'import', csv);
      assert.equal(back.code, 0, back.stderr);
      assert.match(back.stdout, /新增 0 个网站，更新 1 个/);
    });

    test('should refuse a bad registry file naming the cell, and nothing is imported', async () => {
      const bad = join(box.dir, 'bad.csv');
      writeFileSync(
        bad,
        'site,homeUrl,siteCode,org,kind,column,columnUrl,columnKind,intervalDays\n某网站,www.example.test,,X,portal,,,,\n',
      );
      const r = await gk('monitor', 'sites', 'import', bad);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /CSV!B2: 首页网址应以/);
      assert.match(r.stderr, /CSV!D2: 未找到统一社会信用代码为“X”的机构/);
      assert.match(r.stderr, /未导入任何内容/);
    });

    test('should import interaction messages, refusing an unknown column by row and column', async () => {
      const csv = join(box.dir, 'sites2.csv');
      const org = /门户网站,[^,]*,[^,]*,([^,]+),/.exec(readFileSync(join(box.dir, 'sites.csv'), 'utf8'))?.[1] ?? '';
      writeFileSync(
        csv,
        `site,homeUrl,siteCode,org,kind,column,columnUrl,columnKind,intervalDays\n` +
          `信箱网站,http://m.example.test/,,${org},special,局长信箱,http://m.example.test/m/,interaction,\n`,
      );
      assert.equal((await gk('monitor', 'sites', 'import', csv)).code, 0);
      const msgs = join(box.dir, 'messages.csv');
      writeFileSync(
        msgs,
        'site,column,receivedOn,answeredOn,subject\n信箱网站,局长信箱,2026-01-05,,咨询\n信箱网站,没有的栏目,2026-01-06,,咨询\n',
      );
      const bad = await gk('monitor', 'messages', 'import', msgs);
      assert.equal(bad.code, 1);
      assert.match(bad.stderr, /CSV!B3: “没有的栏目”不是该网站的政务咨询类栏目/);
      writeFileSync(msgs, 'site,column,receivedOn,answeredOn,subject\n信箱网站,局长信箱,2026-01-05,2026-01-09,咨询\n');
      const ok = await gk('monitor', 'messages', 'import', msgs);
      assert.equal(ok.code, 0, ok.stderr);
      assert.match(ok.stdout, /留言 1 条/);
    });

    test('should ask for exactly one of --site and --all', async () => {
      assert.equal((await gk('monitor', 'run')).code, 2);
      const both = await gk('monitor', 'run', '--site', '某网站', '--all');
      assert.equal(both.code, 2);
      assert.match(both.stderr, /--site/);
    });
  });
}
