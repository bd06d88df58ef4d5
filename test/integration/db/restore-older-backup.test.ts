// Restore of a backup taken before a migration dropped a column (e.g. search_document.url): the rows come
// back without it, on both dialects.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';

for (const dialect of DIALECTS) {
  describe(`restore of an older backup (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-old-backup-'));
    before(async () => {
      rt = await openTestRuntime(dialect);
    });
    after(async () => {
      await rt.close();
      rmSync(dir, { recursive: true, force: true });
    });

    test('a column the backup carries but the schema no longer has is left out, every row restored', async () => {
      const file = join(dir, 'current.jsonl.gz');
      const rows = await rt.maintenance.backup(file);
      const lines = gunzipSync(readFileSync(file)).toString('utf8').trim().split('\n');
      const aged = lines.map((line, i) => {
        if (i === 0) return line;
        const chunk = JSON.parse(line) as { table: string; rows: Record<string, unknown>[] };
        if (chunk.table !== 'organization') return line;
        return JSON.stringify({ ...chunk, rows: chunk.rows.map((r) => ({ ...r, url: `/org/${String(r.id)}` })) });
      });
      assert.ok(
        aged.some((l) => l.includes('"url"')),
        'the aged backup carries the dropped column',
      );
      const older = join(dir, 'older.jsonl.gz');
      writeFileSync(older, gzipSync(`${aged.join('\n')}\n`));
      const orgsBefore = await rt.ctx.repos.orgs.list({ includeRetired: true });
      assert.equal(await rt.maintenance.restore(older), rows);
      assert.deepEqual(await rt.ctx.repos.orgs.list({ includeRetired: true }), orgsBefore);
    });
  });
}
