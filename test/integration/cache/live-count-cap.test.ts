// The live list counted up to a cap (the open-data API's `total` / `totalCapped`) or not at all (a category page,
// whose count the category tree already has), on both dialects.
import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { datedPublishing } from '../../factories/publications.js';
import { openDataList } from '../../../src/app/portal/publications-public.js';

for (const dialect of DIALECTS) {
  describe(`live list count cap (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    let orgId: string;
    before(async () => {
      rt = await openTestRuntime(dialect, { start: '2025-10-09T02:00:00Z' });
      const p = await datedPublishing(rt, 'cap');
      orgId = p.root.id;
      for (const day of ['2025-10-09', '2025-10-10', '2025-10-11']) await p.published(day, day);
    });
    after(() => rt.close());

    test('should count up to the cap, say when there are more, and skip the count when asked', async () => {
      const list = (countCap?: number) =>
        rt.ctx.repos.publications.listLive(
          { orgIds: [orgId] },
          { limit: 2, offset: 0, ...(countCap === undefined ? {} : { countCap }) },
        );
      const exact = await list();
      assert.equal(exact.total, 3);
      assert.equal(exact.items.length, 2);
      assert.deepEqual(await list(10).then((r) => [r.total, r.capped, r.items.length]), [3, false, 2]);
      assert.deepEqual(await list(3).then((r) => [r.total, r.capped]), [3, false]);
      assert.deepEqual(await list(2).then((r) => [r.total, r.capped, r.items.length]), [2, true, 2]);
      const none = await list(0);
      assert.equal(none.items.length, 2);
      assert.deepEqual(
        none.items.map((i) => i.id),
        exact.items.map((i) => i.id),
      );
    });

    test('should keep the open-data list total exact below the cap', async () => {
      const r = await openDataList(rt.ctx, { limit: 1, offset: 0 });
      assert.equal(r.total, 3);
      assert.equal(r.totalCapped, false);
      assert.equal(r.items.length, 1);
    });
  });
}
