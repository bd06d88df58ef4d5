// The section-三 tally in SQL against the reference rule `tallyApplications`, over the same random
// rows, on both dialects; plus the fee and notice aggregates and the query's speed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { tallyApplications, type ApplicationFact } from '../../../src/domain/reports/compute.js';
import { prng, randomFacts, syntheticApplication } from './support.js';

for (const dialect of DIALECTS) {
  describe(`annual report: SQL tally (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    const facts = new Map<string, ApplicationFact[]>();
    let orgIds: string[] = [];
    before(async () => {
      rt = await openTestRuntime(dialect, { start: '2026-11-02T02:00:00Z' });
      orgIds = (await rt.ctx.repos.orgs.list()).slice(0, 3).map((o) => o.id);
      const rand = prng(20251231);
      let serial = 0;
      await rt.ctx.uow.run(async (repos) => {
        for (const [i, orgId] of orgIds.entries()) {
          const list = randomFacts(rand, i === 0 ? 400 : 150);
          facts.set(orgId, list);
          for (const f of list) {
            await repos.applications.insert(
              syntheticApplication(rt.ctx.crypto.newId(), orgId, f, ++serial),
              rt.clock.nowIso(),
            );
          }
        }
      });
    });
    after(() => rt.close());

    test('should count every bucket exactly as tallyApplications does, year by year and organization by organization', async () => {
      for (const year of [2023, 2024, 2025, 2026]) {
        const sql = await rt.ctx.repos.reportFacts.tally(orgIds, year);
        for (const orgId of orgIds) {
          const expected = tallyApplications(facts.get(orgId) ?? [], year);
          assert.deepEqual(sql.get(orgId), expected, `${year} ${orgId}`);
        }
      }
    });

    test('should have counted something in every kind of bucket (the comparison is not vacuous)', async () => {
      const tally = (await rt.ctx.repos.reportFacts.tally([orgIds[0]!], 2025)).get(orgIds[0]!) ?? [];
      const buckets = new Set(tally.map((t) => t.bucket));
      for (const b of ['new', 'carried_over', 'carried_forward', 'disclosed', 'other.other']) {
        assert.ok(buckets.has(b as never), b);
      }
      assert.ok(tally.some((t) => t.applicantType === 'legal_person' && t.applicantSubtype === null));
      assert.ok(tally.reduce((s, t) => s + t.count, 0) > 300);
    });

    test('should answer for an organization without applications, and for none', async () => {
      const empty = (await rt.ctx.repos.orgs.list()).at(-1)!.id;
      assert.deepEqual((await rt.ctx.repos.reportFacts.tally([empty], 2025)).get(empty), []);
      assert.equal((await rt.ctx.repos.reportFacts.tally([], 2025)).size, 0);
    });
  });
}
