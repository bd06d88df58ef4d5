// Historical case import on both dialects: all rows or none, errors with line and column.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DIALECTS, skipReason, suiteRuntime } from '../../support/runtime.js';
import { importApplications } from '../../../src/app/applications/import-applications.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/applications/${name}`, import.meta.url), 'utf8');

for (const dialect of DIALECTS) {
  describe(`applications import (${dialect})`, { skip: skipReason(dialect) }, () => {
    const rt = suiteRuntime(dialect);

    test('should report every bad cell with its line and column and import nothing', async () => {
      const r = await importApplications(rt.ctx, fixture('history-bad.csv'));
      assert.equal(r.ok, false);
      const cells = !r.ok ? r.errors.map((e) => `${e.line}:${e.column}`) : [];
      assert.deepEqual(cells, ['2:receivedOn', '3:channel', '3:applicantSubtype', '3:outcome']);
      const orgs = (await rt.ctx.repos.orgs.list()).map((o) => o.id);
      assert.equal((await rt.ctx.repos.applications.list({ orgIds: orgs }, { limit: 10, offset: 0 })).total, 0);
    });

    test('should import closed cases archived with their outcome and open ones on the clock', async () => {
      const r = await importApplications(rt.ctx, fixture('history-2025.csv'));
      assert.deepEqual(r, { ok: true, imported: 3, open: 1 });
      const orgs = (await rt.ctx.repos.orgs.list()).map((o) => o.id);
      const { items } = await rt.ctx.repos.applications.list({ orgIds: orgs }, { limit: 10, offset: 0 });
      const byName = new Map(items.map((i) => [i.applicantName, i]));
      assert.equal(byName.get('张一')?.outcome, 'disclosed');
      assert.equal(byName.get('张一')?.state, 'archived');
      assert.equal(byName.get('示例建筑有限公司')?.description, '某路段施工许可文件，含"附件"');
      const open = byName.get('示例律师事务所');
      assert.equal(open?.state, 'registered');
      // 20 working days after 2025-09-01; Sunday 2025-09-28 is a make-up working day (调休上班).
      assert.equal(open?.dueOn, '2025-09-28');
    });
  });
}
