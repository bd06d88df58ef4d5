// A 2021-format report built from applications that went through the real
// procedure (several applicant types and outcomes, a case carried over from 2024, one left open at
// the end of 2025, a fee, a withdrawal), the review register and published documents — every cell
// of sections 三 and 四 and of section 二 item (一) checked, and no error found. Both dialects.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { createStaff } from '../../support/staff.js';
import { createReview } from '../../../src/app/reviews/manage-reviews.js';
import { createDraft } from '../../../src/app/publications/drafts.js';
import { actOnPublication } from '../../../src/app/publications/act-on-publication.js';
import { annualPublicationReport } from '../../../src/app/publications/publication-queries.js';
import { loadReport, type ReportRecord } from '../../../src/app/reports/annual-reports.js';
import {
  APPLICANT_COLUMNS,
  REVIEW_COLUMNS,
  REVIEW_ROWS,
  applicationRows,
  type ApplicantColumn,
} from '../../../src/domain/reports/annual-report.js';
import type { Actor } from '../../../src/domain/policies/actor.js';
import { chargeAndPay, receive, reply, withdraw, type CaseStaff } from './procedure.js';
import { makeUser } from './support.js';

/** The expected non-zero cells of section 三 (row → column → count); every other cell is 0. */
const EXPECTED_APPLICATIONS: Record<string, Partial<Record<ApplicantColumn, number>>> = {
  new: { natural_person: 4, business: 1, research: 1, nonprofit: 1, legal_services: 1, other: 1, total: 9 },
  carried_over: { natural_person: 1, total: 1 },
  disclosed: { natural_person: 3, total: 3 },
  partially_disclosed: { business: 1, total: 1 },
  'withheld.state_secret': { research: 1, total: 1 },
  'unavailable.not_held': { nonprofit: 1, total: 1 },
  'unavailable.needs_creation': { natural_person: 1, total: 1 },
  'not_processed.repeated': { legal_services: 1, total: 1 },
  'other.other': { other: 1, total: 1 },
  total: { natural_person: 4, business: 1, research: 1, nonprofit: 1, legal_services: 1, other: 1, total: 9 },
  carried_forward: { natural_person: 1, total: 1 },
};

/**
 * Section 四 under the default rule (a case counts in the year its result is known): one reconsideration upheld in
 * 2025, one filed in 2024 and corrected in 2025, one direct suit pending, one suit after reconsideration decided only
 * in 2026 (尚未审结 on 31 December 2025).
 */
const EXPECTED_REVIEWS: Record<string, Partial<Record<string, number>>> = {
  reconsideration: { upheld: 1, corrected: 1, total: 2 },
  litigation_direct: { pending: 1, total: 1 },
  litigation_after_reconsideration: { pending: 1, total: 1 },
};

for (const dialect of DIALECTS) {
  describe(`annual report from the real procedure (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    let staff: CaseStaff & { rootId: string; rootCode: string };
    let pubs: Record<'editor' | 'r1' | 'r2', Actor>;
    let record: ReportRecord;
    const at = (day: string) => rt.clock.set(`${day}T02:00:00Z`);

    const publish = async (kind: string, title: string, writtenOn: string) => {
      const { id } = await createDraft(rt.ctx, pubs.editor, {
        org: staff.rootCode,
        title,
        kind,
        docNo: `示政规〔${writtenOn.slice(0, 4)}〕${title.length}号`,
        writtenOn,
        body: '<p>正文。</p>',
      });
      await actOnPublication(rt.ctx, pubs.editor, id, 'submit');
      await actOnPublication(rt.ctx, pubs.r1, id, 'approve');
      await actOnPublication(rt.ctx, pubs.r2, id, 'approve');
      await actOnPublication(rt.ctx, staff.signer, id, 'approve');
      await actOnPublication(rt.ctx, staff.signer, id, 'publish');
    };

    before(async () => {
      rt = await openTestRuntime(dialect, { start: '2024-12-20T02:00:00Z' });
      staff = await createStaff(rt);
      pubs = {
        editor: await makeUser(rt, 'zhou.editor', staff.rootId, ['editor']),
        r1: await makeUser(rt, 'wu.reviewer', staff.rootId, ['reviewer']),
        r2: await makeUser(rt, 'zheng.reviewer', staff.rootId, ['reviewer']),
      };
      // 2024: a case received and closed in 2024 (not in the 2025 report), one still open at the year end, a 规章.
      const closedIn2024 = await receive(rt, staff, staff.rootCode, 'business', 1);
      const carried = await receive(rt, staff, staff.rootCode, null, 2);
      await publish('rule', '示例区城市绿化管理办法', '2024-11-01');
      at('2024-12-30');
      await reply(rt, staff, closedIn2024, 'disclosed');
      // 2025.
      at('2025-01-10');
      await reply(rt, staff, carried, 'disclosed');
      at('2025-03-03');
      const cases: [string | null, Parameters<typeof reply>[3] | 'withdraw' | 'fee'][] = [
        [null, 'disclosed'],
        ['business', 'partially_disclosed'],
        ['research', 'withheld.state_secret'],
        ['nonprofit', 'unavailable.not_held'],
        ['legal_services', 'not_processed.repeated'],
        ['other', 'withdraw'],
        [null, 'fee'],
        [null, 'unavailable.needs_creation'],
      ];
      for (const [i, [subtype, outcome]] of cases.entries()) {
        const id = await receive(rt, staff, staff.rootCode, subtype, 10 + i);
        if (outcome === 'withdraw') await withdraw(rt, staff, id);
        else if (outcome === 'fee') {
          await chargeAndPay(rt, staff, id, 40);
          await reply(rt, staff, id, 'disclosed');
        } else await reply(rt, staff, id, outcome);
      }
      await publish('normative', '示例区关于规范老旧小区改造的通知', '2025-02-20');
      const review = (over: Record<string, string>) =>
        createReview(rt.ctx, staff.officeHead, {
          orgId: staff.rootId,
          caseNo: `示复〔2025〕${over.filedOn}`,
          body: '示例区人民政府',
          claimantName: '孙申请',
          subject: '政府信息公开答复',
          ...over,
        });
      at('2025-12-15');
      await receive(rt, staff, staff.rootCode, null, 30); // open at the year end
      await review({ kind: 'reconsideration', filedOn: '2025-04-01', result: 'upheld', resultOn: '2025-06-01' });
      await review({ kind: 'litigation', litigationRoute: 'direct', filedOn: '2025-09-01', result: 'pending' });
      await review({ kind: 'complaint', filedOn: '2025-09-02', result: 'pending' }); // not in section 四
      // filed in 2024, decided in 2025: counted in 2025 with its result
      await review({ kind: 'reconsideration', filedOn: '2024-12-02', result: 'corrected', resultOn: '2025-02-01' });
      at('2026-01-15');
      await review({
        kind: 'litigation',
        litigationRoute: 'after_reconsideration',
        filedOn: '2025-05-01',
        result: 'corrected',
        resultOn: '2026-01-15',
      });
      await receive(rt, staff, staff.rootCode, null, 31); // received in 2026: not in the 2025 report
      at('2026-01-20');
      record = await loadReport(rt.ctx, staff.officeHead, staff.rootId, 2025);
    });
    after(() => rt.close());

    test('should compute every cell of section 三 in the 2021 format', () => {
      assert.equal(record.format, '2021');
      assert.equal(record.state, 'draft');
      for (const row of applicationRows('2021')) {
        for (const col of APPLICANT_COLUMNS) {
          assert.equal(
            record.report.applications[row]?.[col],
            EXPECTED_APPLICATIONS[row]?.[col] ?? 0,
            `三 ${row} ${col}`,
          );
        }
      }
      assert.deepEqual(Object.keys(record.report.applications).sort(), applicationRows('2021').sort());
    });

    test('should compute every cell of section 四 from the register (results as at 31 December)', () => {
      for (const row of REVIEW_ROWS) {
        for (const col of REVIEW_COLUMNS) {
          assert.equal(record.report.reviews[row]?.[col], EXPECTED_REVIEWS[row]?.[col] ?? 0, `四 ${row} ${col}`);
        }
      }
    });

    test('should compute section 二 item (一) from the publications and leave the typed cells blank', async () => {
      assert.deepEqual(record.report.article20.rules, { made: 0, repealed: 0, in_force: 1 });
      assert.deepEqual(record.report.article20.normative, { made: 1, repealed: 0, in_force: 1 });
      const counts = await annualPublicationReport(rt.ctx, null, staff.rootId, 2025);
      assert.deepEqual(record.report.article20.normative, {
        made: counts.normative.made,
        repealed: counts.normative.repealed,
        in_force: counts.normative.inForce,
      });
      for (const row of ['licensing', 'penalties', 'enforcement'] as const) {
        assert.deepEqual(record.report.article20[row], { decisions: null });
      }
      assert.deepEqual(record.report.article20.fees, { amount: null });
    });

    test('should find no error (R1–R8, R6/R7 against 2024 computed from the same data) and no warning', () => {
      assert.deepEqual(
        record.findings.filter((f) => f.rule !== 'unfinished'),
        [],
      );
    });

    test('should name each drafted section still asking for text (【请补充】) as unfinished', () => {
      const asking = (['overview', 'problems', 'other'] as const).filter((k) =>
        (record.report.sections[k] ?? '').includes('【请补充'),
      );
      assert.ok(asking.length > 0, 'the drafted narrative leaves what the data cannot say');
      assert.deepEqual(
        record.findings.filter((f) => f.rule === 'unfinished').map((f) => f.where.section),
        asking,
      );
    });

    test('should take the header from the organization record and draft the narrative from the data', async () => {
      const org = (await rt.ctx.repos.orgs.byId(staff.rootId))!;
      assert.deepEqual(record.report.organization, { name: org.name, creditCode: staff.rootCode });
      assert.equal(record.report.contact.phone, org.officePhone);
      assert.equal(record.report.contact.address, org.officeAddress);
      assert.match(record.report.sections.overview ?? '', /全年共收到政府信息公开申请9件/);
      assert.match(record.report.sections.other ?? '', /本年度共发出收费通知1件，收取信息处理费100元/);
      assert.doesNotMatch(JSON.stringify(record.report), /张三|13812345678|示例申请单位/);
    });

    test('should count the fee notice, its payment and the notices issued in 2025', async () => {
      assert.deepEqual(await rt.ctx.repos.reportFacts.fees(staff.rootId, 2025), {
        notices: 1,
        chargedYuan: 100,
        collectedYuan: 100,
      });
      assert.deepEqual(await rt.ctx.repos.reportFacts.fees(staff.rootId, 2024), {
        notices: 0,
        chargedYuan: 0,
        collectedYuan: 0,
      });
      const ids = (
        await rt.ctx.repos.applications.list({ orgIds: [staff.rootId] }, { limit: 100, offset: 0 })
      ).items.map((i) => i.id);
      const notices = (await Promise.all(ids.map((id) => rt.ctx.repos.notices.forApplication(id)))).flat();
      const in2025 = notices.filter((n) => n.issuedOn.startsWith('2025-')).length;
      assert.ok(in2025 >= 10);
      assert.equal(await rt.ctx.repos.reportFacts.noticesIssued(staff.rootId, 2025), in2025);
      assert.match(record.report.sections.overview ?? '', new RegExp(`全年共制发各类告知书${in2025}份`));
    });

    test('should give the statutory due date of a government report and not call it late before then', () => {
      assert.equal(record.dueOn, '2026-03-31');
      assert.equal(record.internalDueOn, null);
      assert.equal(record.late, false);
      assert.equal(record.can.submit, true);
      assert.equal(record.can.publish, true);
      assert.equal(record.can.return, false);
    });
  });
}
