// The 复议/诉讼/投诉 register's repository on both dialects: insert, read with the linked 查询码,
// update, the list filters (organizations, kind, year, result, application), and the CHECK constraints.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipReason, suiteRuntime } from '../../support/runtime.js';
import { buildReview } from '../../support/reviews.js';
import { demoOrgs } from '../../factories/orgs.js';
import { makeApplication } from '../../factories/applications.js';
import { localDate } from '../../../src/domain/core/local-date.js';
import { summarizeReviews } from '../../../src/domain/reviews/review-case.js';

const AT = '2025-09-28T02:00:00.000Z';

for (const dialect of DIALECTS) {
  describe(`review repository (${dialect})`, { skip: skipReason(dialect) }, () => {
    let edu = '';
    let fin = '';
    let appId = '';
    let tracking = '';
    const rt = suiteRuntime(dialect);
    before(async () => {
      const orgs = await demoOrgs(rt);
      const bureau = orgs.named('示例区教育局');
      edu = bureau.id;
      fin = orgs.named('示例区财政局').id;
      ({ id: appId, trackingCode: tracking } = await makeApplication(rt, { org: bureau.creditCode }));
    });

    test('should insert a case and read it back with the linked tracking code', async () => {
      const c = buildReview(edu, {
        applicationId: appId,
        kind: 'litigation',
        litigationRoute: 'direct',
        result: 'upheld',
        resultOn: localDate('2025-06-30'),
      });
      await rt.ctx.repos.reviews.insert(c);
      assert.deepEqual(await rt.ctx.repos.reviews.byId(c.id), { ...c, applicationTrackingCode: tracking });
      assert.equal(await rt.ctx.repos.reviews.byId('nope'), undefined);
    });

    test('should read a case without an application as having no tracking code', async () => {
      const c = buildReview(fin, { kind: 'complaint' });
      await rt.ctx.repos.reviews.insert(c);
      const got = await rt.ctx.repos.reviews.byId(c.id);
      assert.equal(got?.applicationId, null);
      assert.equal(got?.applicationTrackingCode, null);
      assert.equal(got?.kind, 'complaint');
    });

    test('should update the editable fields and the timestamp, keeping the organization', async () => {
      const c = buildReview(edu);
      await rt.ctx.repos.reviews.insert(c);
      const { orgId: _org, id: _id, createdAt: _c, updatedAt: _u, ...fields } = c;
      await rt.ctx.repos.reviews.update(
        c.id,
        {
          ...fields,
          applicationId: appId,
          result: 'corrected',
          resultOn: localDate('2025-05-20'),
          handling: '撤销原告知书，重新答复',
        },
        AT,
      );
      const got = await rt.ctx.repos.reviews.byId(c.id);
      assert.equal(got?.orgId, edu);
      assert.equal(got?.result, 'corrected');
      assert.equal(got?.resultOn, '2025-05-20');
      assert.equal(got?.handling, '撤销原告知书，重新答复');
      assert.equal(got?.applicationTrackingCode, tracking);
      assert.equal(got?.updatedAt, AT);
      assert.equal(got?.createdAt, c.createdAt);
    });

    test('should filter by organizations, kind, year, result and application, newest filing first', async () => {
      await rt.ctx.repos.reviews.insert(buildReview(edu, { filedOn: localDate('2024-12-31'), caseNo: 'old' }));
      await rt.ctx.repos.reviews.insert(buildReview(edu, { filedOn: localDate('2026-01-01'), caseNo: 'future' }));
      const list = rt.ctx.repos.reviews.list.bind(rt.ctx.repos.reviews);
      assert.deepEqual(await list({ orgIds: [] }), []);
      const eduAll = await list({ orgIds: [edu] });
      assert.equal(eduAll.length, 4);
      assert.deepEqual(
        eduAll.map((c) => c.filedOn),
        [...eduAll.map((c) => c.filedOn)].sort().reverse(),
      );
      assert.equal((await list({ orgIds: [edu, fin] })).length, 5);
      assert.deepEqual(
        (await list({ orgIds: [edu], year: 2024 })).map((c) => c.caseNo),
        ['old'],
      );
      assert.equal((await list({ orgIds: [edu], year: 2025 })).length, 2);
      assert.equal((await list({ orgIds: [edu, fin], kind: 'complaint' })).length, 1);
      assert.equal((await list({ orgIds: [edu], kind: 'litigation' })).length, 1);
      assert.equal((await list({ orgIds: [edu], result: 'pending' })).length, 2);
      assert.equal((await list({ orgIds: [edu], applicationId: appId })).length, 2);
      assert.equal((await list({ orgIds: [edu], limit: 1 }))[0]?.caseNo, 'future');
    });

    test('should feed section 四 of a year from the listed cases', async () => {
      const cases = await rt.ctx.repos.reviews.list({ orgIds: [edu], year: 2025 });
      assert.deepEqual(summarizeReviews(cases, 2025, 'filing_year'), {
        reconsideration: { upheld: 0, corrected: 1, other: 0, pending: 0, total: 1 },
        litigation_direct: { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 },
        litigation_after_reconsideration: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
      });
    });

    test('should list the cases counted in a year under each counting rule', async () => {
      const orgs = await demoOrgs(rt);
      const org = orgs.named('示例区人民政府').id;
      const add = (caseNo: string, filedOn: string, resultOn: string | null) =>
        rt.ctx.repos.reviews.insert(
          buildReview(org, {
            caseNo,
            filedOn: localDate(filedOn),
            result: resultOn === null ? 'pending' : 'upheld',
            resultOn: resultOn === null ? null : localDate(resultOn),
          }),
        );
      await add('decided-next-year', '2024-11-18', '2025-02-10');
      await add('open-at-year-end', '2025-12-15', '2026-01-20');
      await add('never-decided', '2023-06-01', null);
      await add('same-year', '2025-03-03', '2025-06-30');
      await add('decided-before', '2024-02-01', '2024-12-31');
      const listed = async (year: number, rule: 'result_year' | 'filing_year') =>
        (await rt.ctx.repos.reviews.list({ orgIds: [org], countedIn: { year, rule } })).map((c) => c.caseNo).sort();
      assert.deepEqual(await listed(2025, 'result_year'), [
        'decided-next-year',
        'never-decided',
        'open-at-year-end',
        'same-year',
      ]);
      assert.deepEqual(await listed(2024, 'result_year'), ['decided-before', 'decided-next-year', 'never-decided']);
      assert.deepEqual(await listed(2025, 'filing_year'), ['open-at-year-end', 'same-year']);
      assert.deepEqual(await listed(2024, 'filing_year'), ['decided-before', 'decided-next-year']);
      const cases = await rt.ctx.repos.reviews.list({ orgIds: [org], countedIn: { year: 2025, rule: 'result_year' } });
      assert.deepEqual(summarizeReviews(cases, 2025, 'result_year').reconsideration, {
        upheld: 2,
        corrected: 0,
        other: 0,
        pending: 2,
        total: 4,
      });
    });

    test('should find an application by its tracking code', async () => {
      assert.deepEqual(await rt.ctx.repos.reviews.applicationByTrackingCode(tracking), {
        id: appId,
        orgId: edu,
        trackingCode: tracking,
      });
      assert.equal(await rt.ctx.repos.reviews.applicationByTrackingCode('ZZZZ-ZZZZ-ZZZZ'), undefined);
    });

    test('should refuse inconsistent rows by CHECK constraints and unknown links by foreign keys', async () => {
      const bad = [
        buildReview(edu, { kind: 'litigation', litigationRoute: null }),
        buildReview(edu, { kind: 'complaint', litigationRoute: 'direct' }),
        buildReview(edu, { result: 'upheld', resultOn: null }),
        buildReview(edu, { result: 'pending', resultOn: localDate('2025-04-01') }),
        buildReview(edu, { kind: 'appeal' as never }),
        buildReview(edu, { applicationId: 'no-such-application' }),
      ];
      for (const c of bad) {
        await assert.rejects(
          rt.ctx.repos.reviews.insert(c),
          `${c.kind}/${c.litigationRoute}/${c.result}/${c.applicationId}`,
        );
      }
    });
  });
}
