// `gongkai publications import FILE.jsonl` end to end (the program run in-process), on a
// SQLite file and a PostgreSQL schema: a file with one bad line is refused with that line named and
// nothing written; a good file of a few hundred items shows at once on the portal, in search and in
// the Atom feed of a separately opened instance; importing it again reports every line as a duplicate.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIALECTS, skipReason } from '../../support/runtime.js';
import { cliSandbox, runGongkaiInProcess } from '../../support/cli.js';
import { syntheticDoc } from '../../../bench/lib/synthetic-text.js';

const ITEMS = 240;

for (const dialect of DIALECTS) {
  describe(`gongkai publications import (${dialect})`, { skip: skipReason(dialect) }, () => {
    const box = cliSandbox(dialect, 'pubimport');
    const { dir, env } = box;
    const file = (name: string, lines: string[]) => {
      const path = join(dir, name);
      writeFileSync(path, `${lines.join('\n')}\n`);
      return path;
    };
    let root = '';
    const line = (n: number, over: Record<string, unknown> = {}) => {
      const s = syntheticDoc(n, { orgs: 1, bodyWords: 40 });
      return JSON.stringify({
        org: root,
        title: s.title,
        kind: 'other_document',
        docNo: s.docNo,
        writtenOn: s.publishedOn,
        publishedOn: s.publishedOn,
        summary: s.summary,
        body: `<p>${s.body}</p>`,
        indexNo: `${root}/${s.publishedOn.slice(0, 4)}-${String(n + 1).padStart(5, '0')}`,
        ...over,
      });
    };
    /** A page of a separately opened instance: its status and text. */
    const page = async (get: (path: string) => Promise<Response>, path: string) => {
      const res = await get(path);
      return { status: res.status, text: await res.text() };
    };
    const published = () =>
      box.withInstance(
        async (rt) =>
          (
            await rt.ctx.repos.publications.list(
              { orgIds: (await rt.ctx.repos.orgs.list()).map((o) => o.id) },
              { limit: 1, offset: 0 },
            )
          ).total,
      );

    after(() => box.cleanup());

    test('should refuse a file with one bad line, name the line and field, and write nothing', async () => {
      const orgs = await runGongkaiInProcess(['org', 'list', '--json'], env);
      assert.equal(orgs.code, 0, orgs.stderr);
      root = (JSON.parse(orgs.stdout) as { creditCode: string }[])[0]?.creditCode ?? '';
      const lines = Array.from({ length: 20 }, (_, i) => line(i));
      lines[12] = line(12, { writtenOn: '2099-01-01' });
      const r = await runGongkaiInProcess(['publications', 'import', file('bad.jsonl', lines)], env);
      assert.equal(r.code, 1, r.stdout);
      assert.match(r.stderr, /bad\.jsonl: 第13行 writtenOn（成文日期）：成文日期不能晚于今天/);
      assert.match(r.stderr, /文件有 \d+ 处错误，未导入任何内容/);
      assert.doesNotMatch(r.stderr, /第(1|2|12|14)行/);
      assert.equal(await published(), 0);
    });

    test('should load a good file at once onto the portal, into search and the Atom feed', async () => {
      const lines = Array.from({ length: ITEMS }, (_, i) => line(i));
      lines.push(
        line(ITEMS, {
          title: '示例区碳达峰行动实施方案',
          publishedOn: '2025-09-30',
          writtenOn: '2025-09-01',
          indexNo: `${root}/2025-09999`,
        }),
      );
      const path = file('good.jsonl', lines);
      const dry = await runGongkaiInProcess(['publications', 'import', path, '--dry-run'], env);
      assert.equal(dry.code, 0, dry.stderr);
      assert.match(dry.lastLine, new RegExp(`可导入 ${ITEMS + 1} 条`));
      assert.equal(await published(), 0, 'a dry run writes nothing');
      const r = await runGongkaiInProcess(['publications', 'import', path], env);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.lastLine, `已导入 / imported ${ITEMS + 1} 条`);
      assert.match(r.stderr, /导入 \/ importing .*100%/, 'progress bar');
      await box.withInstance(async (rt, get) => {
        const id = await rt.ctx.repos.publications.idByIndexNo(`${root}/2025-09999`);
        const item = await page(get, `/publications/${id}`);
        assert.equal(item.status, 200);
        assert.ok(
          item.text.includes(`<td data-integrity="indexNo">${root}/2025-09999</td>`) &&
            item.text.includes('<td data-integrity="publishedOn">2025-09-30</td>'),
        );
        const search = await page(get, `/search?q=${encodeURIComponent('碳达峰')}`);
        assert.ok(search.text.includes(`href="/publications/${id}"`), 'in search');
        const feed = await page(get, `/org/${root}/feed.atom`);
        assert.ok(feed.text.includes('示例区碳达峰行动实施方案'), 'in the feed (newest first)');
        const home = await page(get, `/org/${root}/statutory`);
        assert.ok(home.text.includes(`（${ITEMS + 1}）`), 'counted on the column');
      });
      assert.equal(await published(), ITEMS + 1);
    });

    test('should report every line of a second import of the same file as a duplicate', async () => {
      const r = await runGongkaiInProcess(['publications', 'import', join(dir, 'good.jsonl')], env);
      assert.equal(r.code, 1);
      assert.equal(r.stderr.match(/索引号“[^”]+”已存在/g)?.length, ITEMS + 1);
      assert.match(r.stderr, /第1行 indexNo（索引号）/);
      assert.match(r.stderr, new RegExp(`文件有 ${ITEMS + 1} 处错误，未导入任何内容`));
      assert.equal(await published(), ITEMS + 1);
    });
  });
}
