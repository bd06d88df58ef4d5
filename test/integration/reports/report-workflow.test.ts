// The report's workflow on both dialects: typed section-二 figures (validation in Chinese, sources),
// CSV import (a bad cell names line and column, nothing saved), submit blocked by a real R6 error and by a
// 【请补充】 left in a section, no publication before 1 January of the next year (office date, the fixed clock),
// publish freezes the figures, return to draft, due dates, rollup with missing units, permissions.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { createStaff } from '../../support/staff.js';
import { submitApplication } from '../../../src/app/applications/submit-application.js';
import { actOnApplication } from '../../../src/app/applications/act-on-application.js';
import { AppError } from '../../../src/app/errors.js';
import { loadReport, saveReportDraft } from '../../../src/app/reports/annual-reports.js';
import { publishReport, returnReport, submitReport } from '../../../src/app/reports/report-workflow.js';
import { importArticle20Csv } from '../../../src/app/reports/report-figures-import.js';
import { buildRollup, reportOverview } from '../../../src/app/reports/report-rollup.js';
import { listPublishedReports, publishedReport, reportHistory } from '../../../src/app/reports/public-reports.js';
import { setInternalReportDue } from '../../../src/app/reports/report-settings.js';
import type { Organization } from '../../../src/domain/orgs/organization.js';
import type { Actor } from '../../../src/domain/policies/actor.js';
import { applicantForm, type CaseStaff } from './procedure.js';
import { caseStaff } from '../../factories/staff.js';
import { makeUser } from './support.js';

const is = (code: string, pattern?: RegExp) => (e: unknown) =>
  e instanceof AppError &&
  e.code === code &&
  (pattern === undefined || pattern.test(`${e.message} ${JSON.stringify(e.fieldErrors)}`));

for (const dialect of DIALECTS) {
  describe(`annual report workflow (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    let staff: CaseStaff & { rootId: string; rootCode: string };
    const org: Record<'dept1' | 'dept2' | 'dept3' | 'dept4' | 'town', Organization> = {} as never;
    const u: Record<string, Actor> = {};
    let pendingReply = '';
    /** The case staff of 示例区发展和改革局 (a case is handled by its own organization's staff). */
    let dept1Staff: CaseStaff;
    const at = (day: string) => rt.clock.set(`${day}T02:00:00Z`);
    /** The compiler writes sections 一、五、六 in full (no placeholder of the draft left). */
    const finish = (actor: Actor, orgId: string, year: number) =>
      saveReportDraft(rt.ctx, actor, orgId, year, {
        sections: { overview: '本年度概述。', problems: '本年度存在的问题及改进措施。', other: '无其他事项。' },
      });

    before(async () => {
      rt = await openTestRuntime(dialect, { start: '2024-12-20T02:00:00Z' });
      staff = await createStaff(rt);
      const orgs = await rt.ctx.repos.orgs.list();
      const named = (name: string) => orgs.find((o) => o.name === name)!;
      Object.assign(org, {
        dept1: named('示例区发展和改革局'),
        dept2: named('示例区教育局'),
        dept3: named('示例区财政局'),
        dept4: named('示例区司法局'),
        town: named('示例区示例镇人民政府'),
      });
      u.editor1 = await makeUser(rt, 'dept1.editor', org.dept1.id, ['editor']);
      u.head1 = await makeUser(rt, 'dept1.head', org.dept1.id, ['office_head']);
      u.editor2 = await makeUser(rt, 'dept2.editor', org.dept2.id, ['editor']);
      u.head2 = await makeUser(rt, 'dept2.head', org.dept2.id, ['office_head']);
      u.editor3 = await makeUser(rt, 'dept3.editor', org.dept3.id, ['editor']);
      u.other = await makeUser(rt, 'dept4.editor', org.dept4.id, ['editor']);
      u.supervisor4 = await makeUser(rt, 'dept4.supervisor', org.dept4.id, ['supervisor']);
      u.supervisor = await makeUser(rt, 'district.supervisor', staff.rootId, ['supervisor']);
      // 2024-12-20: an application reaches the district government and is still open at the year end.
      const { id: misdirected } = await submitApplication(rt.ctx, null, {
        orgCreditCode: staff.rootCode,
        channel: 'online',
        form: applicantForm(null, 1),
      });
      // 2025-01-06: the education bureau publishes its 2024 report (nothing carried forward).
      at('2025-01-06');
      await finish(u.editor2!, org.dept2.id, 2024);
      assert.equal((await publishReport(rt.ctx, u.head2!, org.dept2.id, 2024)).state, 'published');
      // 2025-02-10: the application is transferred to the bureau, which holds the information (转办).
      at('2025-02-10');
      await actOnApplication(rt.ctx, staff.handler, misdirected, 'transfer', {
        org: org.dept2.creditCode,
        reason: '所需信息由区教育局制作和保存',
      });
      // 2025-12-15: the development bureau receives a case and approves its reply, not yet served.
      at('2025-12-15');
      dept1Staff = await caseStaff(rt, { orgId: org.dept1.id, prefix: 'dept1' });
      const { id } = await submitApplication(rt.ctx, null, {
        orgCreditCode: org.dept1.creditCode,
        channel: 'online',
        form: applicantForm('business', 2),
      });
      await actOnApplication(rt.ctx, dept1Staff.handler, id, 'register', {});
      await actOnApplication(rt.ctx, dept1Staff.handler, id, 'draft_reply', {
        outcome: 'disclosed',
        provision: '电子邮件发送',
      });
      await actOnApplication(rt.ctx, dept1Staff.legal, id, 'pass_legal_review', { confidentialityReviewed: true });
      await actOnApplication(rt.ctx, dept1Staff.signer, id, 'approve_reply', {});
      pendingReply = id;
      at('2026-01-05');
    });
    after(() => rt.close());

    test('should reject bad figures with a Chinese message per cell and save nothing', async () => {
      const bad = {
        'licensing.decisions': '12.0',
        'penalties.decisions': '-1',
        'enforcement.decisions': '三',
        'fees.amount': '1.2.3',
        'rules.made': '4',
      };
      await assert.rejects(
        saveReportDraft(rt.ctx, u.editor1!, org.dept1.id, 2025, { article20: bad, sections: { overview: '概述' } }),
        (e) => {
          assert.ok(e instanceof AppError && e.code === 'invalid');
          assert.deepEqual(Object.keys(e.fieldErrors).sort(), [
            'enforcement.decisions',
            'fees.amount',
            'licensing.decisions',
            'penalties.decisions',
            'rules.made',
          ]);
          assert.match(e.fieldErrors['licensing.decisions']!, /“行政许可：本年处理决定数量”应为非负整数/);
          assert.match(e.fieldErrors['penalties.decisions']!, /不能为负数/);
          assert.match(e.fieldErrors['rules.made']!, /不能填写/);
          return true;
        },
      );
      assert.equal(await rt.ctx.repos.annualReports.get(org.dept1.id, 2025), undefined);
    });

    test('should save typed figures (decimals for amounts, full-width digits) with their source, and the narrative', async () => {
      const r = await saveReportDraft(rt.ctx, u.editor1!, org.dept1.id, 2025, {
        article20: { 'licensing.decisions': '１２', 'fees.amount': '3.25', 'penalties.decisions': '' },
        sections: { overview: '  本年度概述。 ' },
      });
      assert.equal(r.state, 'draft');
      assert.equal(r.report.article20.licensing?.decisions, 12);
      assert.equal(r.report.article20.fees?.amount, 3.25);
      assert.equal(r.report.article20.penalties?.decisions, null);
      assert.equal(r.report.sections.overview, '本年度概述。');
      assert.match(r.report.sections.other ?? '', /信息处理费/, 'unsaved sections keep the drafted text');
      assert.deepEqual(
        { ...r.sources['licensing.decisions'], at: '' },
        { source: 'manual', note: '后台填写', by: 'dept1.editor（dept1.editor）', at: '' },
      );
      assert.equal(r.sources['penalties.decisions'], undefined, 'a blank that stays blank is no change');
      const audit = await rt.ctx.repos.audit.list(
        { entityType: 'annual_report', action: 'report.draft_saved' },
        { limit: 5 },
      );
      assert.equal(audit.filter((a) => a.orgId === org.dept1.id).length, 1);
    });

    test('should reject a CSV with a bad cell naming line and column, and import a good one', async () => {
      const bad =
        '栏目,数值,备注\n行政许可：本年处理决定数量,20,许可系统\n行政处罚：本年处理决定数量,abc\nnope.cell,1\n';
      await assert.rejects(importArticle20Csv(rt.ctx, u.editor1!, org.dept1.id, 2025, 'figures.csv', bad), (e) => {
        assert.ok(e instanceof AppError && e.code === 'invalid');
        assert.match(e.message, /第3行第2列：“行政处罚：本年处理决定数量”应为非负整数，收到“abc”/);
        assert.match(e.message, /第4行第1列/);
        return true;
      });
      assert.equal(
        (await loadReport(rt.ctx, u.editor1!, org.dept1.id, 2025)).report.article20.licensing?.decisions,
        12,
        'nothing saved',
      );
      const good = '\ufefflicensing.decisions,20,许可系统导出\n"行政强制：本年处理决定数量",4\n';
      assert.deepEqual(await importArticle20Csv(rt.ctx, u.editor1!, org.dept1.id, 2025, 'figures.csv', good), {
        count: 2,
      });
      const r = await loadReport(rt.ctx, u.editor1!, org.dept1.id, 2025);
      assert.equal(r.report.article20.licensing?.decisions, 20);
      assert.equal(r.report.article20.enforcement?.decisions, 4);
      assert.equal(r.report.article20.fees?.amount, 3.25);
      assert.equal(r.sources['licensing.decisions']?.source, 'csv');
      assert.equal(r.sources['licensing.decisions']?.note, 'figures.csv：许可系统导出');
      await assert.rejects(
        importArticle20Csv(rt.ctx, u.other!, org.dept1.id, 2025, 'figures.csv', good),
        is('forbidden'),
      );
    });

    test('should block the submission of a report whose carry-over differs from last year’s published report (R6)', async () => {
      await finish(u.editor2!, org.dept2.id, 2025);
      const draft = await loadReport(rt.ctx, u.editor2!, org.dept2.id, 2025);
      assert.equal(draft.report.applications.carried_over?.natural_person, 1);
      const r6 = draft.findings.find((f) => f.rule === 'R6');
      assert.equal(r6?.severity, 'error');
      assert.deepEqual(r6?.where, { section: 'applications', row: 'carried_over', column: 'natural_person' });
      await assert.rejects(
        submitReport(rt.ctx, u.editor2!, org.dept2.id, 2025),
        is('invalid', /不能报送.*R6.*上年结转为1/),
      );
      await assert.rejects(publishReport(rt.ctx, u.head2!, org.dept2.id, 2025), is('invalid', /不能发布/));
      assert.equal((await loadReport(rt.ctx, u.editor2!, org.dept2.id, 2025)).state, 'draft');
    });

    test('should block submitting and publishing while a section holds 【请补充】, naming the section', async () => {
      const draft = await loadReport(rt.ctx, u.editor1!, org.dept1.id, 2025);
      assert.match(draft.report.sections.problems ?? '', /【请补充：/, 'the drafted section 五 asks for text');
      const unfinished = draft.findings.filter((f) => f.rule === 'unfinished');
      assert.ok(unfinished.some((f) => f.where.section === 'problems' && f.severity === 'error'));
      assert.ok(!unfinished.some((f) => f.where.section === 'overview'), 'section 一 was written in full');
      assert.equal(draft.tasks.find((t) => t.key === 'problems')?.done, false);
      assert.equal(draft.tasks.find((t) => t.key === 'overview')?.done, true);
      assert.equal(draft.tasks.find((t) => t.key === 'check')?.done, false);
      await assert.rejects(
        submitReport(rt.ctx, u.editor1!, org.dept1.id, 2025),
        is('invalid', /不能报送.*待补充 “五、存在的主要问题及改进情况”仍有“【请补充】”/),
      );
      await assert.rejects(
        publishReport(rt.ctx, u.head1!, org.dept1.id, 2025),
        is('invalid', /不能发布.*五、存在的主要问题及改进情况/),
      );
      // Typed by hand, the bare marker counts too.
      await saveReportDraft(rt.ctx, u.editor1!, org.dept1.id, 2025, {
        sections: { problems: '问题。', other: '其他事项：【请补充】' },
      });
      const typed = await loadReport(rt.ctx, u.editor1!, org.dept1.id, 2025);
      assert.deepEqual(
        typed.findings.filter((f) => f.rule === 'unfinished').map((f) => f.where.section),
        ['other'],
      );
      const finished = await finish(u.editor1!, org.dept1.id, 2025);
      assert.deepEqual(
        finished.findings.filter((f) => f.rule === 'unfinished'),
        [],
      );
      assert.equal(finished.state, 'draft', 'nothing was submitted');
    });

    test('should refuse to publish a year’s report before 1 January of the next year (office date)', async () => {
      at('2025-12-31');
      const record = await loadReport(rt.ctx, u.head1!, org.dept1.id, 2025);
      assert.equal(record.tasks.find((t) => t.key === 'publish')?.note, '2026年1月1日起可以公开');
      await assert.rejects(
        publishReport(rt.ctx, u.head1!, org.dept1.id, 2025),
        is('conflict', /2025年度报告须在2026年1月1日以后公开发布（年度结束后才能报告全年情况），今天是2025年12月31日/),
      );
      assert.equal((await loadReport(rt.ctx, u.head1!, org.dept1.id, 2025)).state, 'draft', 'nothing changed');
      // 2025-12-31T17:00Z is already 1 January 2026 in the office (UTC+8): the office date decides.
      rt.clock.set('2025-12-31T17:00:00Z');
      assert.equal(rt.ctx.clock.today(), '2026-01-01');
      assert.equal(
        (await loadReport(rt.ctx, u.head1!, org.dept1.id, 2025)).tasks.find((t) => t.key === 'publish')?.note,
        '尚未公开',
      );
    });

    test('should publish and freeze the figures: a reply recorded later does not change the published report', async () => {
      await assert.rejects(publishReport(rt.ctx, u.editor1!, org.dept1.id, 2025), is('forbidden'));
      const published = await publishReport(rt.ctx, u.head1!, org.dept1.id, 2025);
      assert.equal(published.state, 'published');
      assert.equal(published.report.applications.carried_forward?.business, 1);
      assert.ok(published.publishedAt && published.submittedAt);
      // The reply was served on 30 December but recorded only now: 2025's live figures change.
      await actOnApplication(rt.ctx, dept1Staff.handler, pendingReply, 'send_reply', {
        method: 'email',
        sentOn: '2025-12-30',
      });
      const live = (await rt.ctx.repos.reportFacts.tally([org.dept1.id], 2025)).get(org.dept1.id)!;
      assert.ok(live.some((t) => t.bucket === 'disclosed' && t.count === 1));
      const after = await loadReport(rt.ctx, u.editor1!, org.dept1.id, 2025);
      assert.deepEqual(after.report, published.report);
      assert.equal(after.report.applications.disclosed?.total, 0);
      assert.deepEqual((await publishedReport(rt.ctx, org.dept1.id, 2025))?.report, published.report);
      assert.deepEqual(await listPublishedReports(rt.ctx, org.dept1.id), [
        { year: 2025, format: '2021', publishedAt: published.publishedAt, version: 1 },
      ]);
      assert.deepEqual(await reportHistory(rt.ctx, org.dept1.id), [{ year: 2025, received: 1, closed: 0 }]);
      await assert.rejects(
        saveReportDraft(rt.ctx, u.editor1!, org.dept1.id, 2025, { sections: { overview: '改' } }),
        is('forbidden'),
      );
      assert.equal(await publishedReport(rt.ctx, org.dept2.id, 2025), undefined, 'a draft is never public');
    });

    test('should let the supervisor return a submitted report to draft with the reason, and only the supervisor', async () => {
      await finish(u.editor3!, org.dept3.id, 2025);
      const submitted = await submitReport(rt.ctx, u.editor3!, org.dept3.id, 2025);
      assert.equal(submitted.state, 'submitted');
      assert.equal(submitted.can.edit, false);
      await assert.rejects(
        saveReportDraft(rt.ctx, u.editor3!, org.dept3.id, 2025, { sections: { overview: '改' } }),
        is('forbidden'),
      );
      await assert.rejects(returnReport(rt.ctx, u.editor3!, org.dept3.id, 2025, '请补充'), is('forbidden'));
      await assert.rejects(returnReport(rt.ctx, u.supervisor4!, org.dept3.id, 2025, '请补充'), is('forbidden'));
      await assert.rejects(returnReport(rt.ctx, u.supervisor!, org.dept3.id, 2025, '  '), is('invalid', /退回理由/));
      assert.equal((await loadReport(rt.ctx, u.supervisor!, org.dept3.id, 2025)).can.return, true);
      const returned = await returnReport(
        rt.ctx,
        u.supervisor!,
        org.dept3.id,
        2025,
        '第二部分行政许可数字未填写，请补充后重新报送。',
      );
      assert.equal(returned.state, 'draft');
      assert.equal(returned.returnedReason, '第二部分行政许可数字未填写，请补充后重新报送。');
      assert.equal(returned.submittedAt, null);
      assert.equal(
        (await saveReportDraft(rt.ctx, u.editor3!, org.dept3.id, 2025, { article20: { 'licensing.decisions': '3' } }))
          .can.submit,
        true,
      );
      const actions = (await rt.ctx.repos.audit.list({ entityType: 'annual_report' }, { limit: 50 })).map(
        (a) => a.action,
      );
      for (const a of ['report.submitted', 'report.returned', 'report.published', 'report.figures_imported']) {
        assert.ok(actions.includes(a), a);
      }
    });

    test('should forbid editors of other organizations and supervisors outside the tree', async () => {
      await assert.rejects(loadReport(rt.ctx, u.other!, org.dept1.id, 2025), is('forbidden'));
      await assert.rejects(
        saveReportDraft(rt.ctx, u.other!, org.dept1.id, 2025, { sections: { overview: 'x' } }),
        is('forbidden'),
      );
      await assert.rejects(
        saveReportDraft(rt.ctx, u.supervisor!, org.dept1.id, 2025, { sections: { overview: 'x' } }),
        is('forbidden'),
      );
      await assert.rejects(submitReport(rt.ctx, u.other!, org.dept3.id, 2025), is('forbidden'));
      await assert.rejects(buildRollup(rt.ctx, u.editor1!, staff.rootId, 2025), is('forbidden'));
      await assert.rejects(reportOverview(rt.ctx, u.supervisor4!, staff.rootId, 2025), is('forbidden'));
      await assert.rejects(loadReport(rt.ctx, u.editor1!, org.dept1.id, 2018), is('invalid'));
      await assert.rejects(loadReport(rt.ctx, u.editor1!, 'no-such-org', 2025), is('not_found'));
    });

    test('should roll the subtree up: every unit summed, submitted/published included, the others listed as missing', async () => {
      const rollup = await buildRollup(rt.ctx, u.supervisor!, staff.rootId, 2025);
      const orgs = await rt.ctx.repos.orgs.list();
      assert.equal(rollup.included.length + rollup.missing.length, orgs.length);
      assert.deepEqual(
        rollup.included.map((s) => [s.orgName, s.state]),
        [['示例区发展和改革局', 'published']],
      );
      const missing = new Map(rollup.missing.map((s) => [s.orgId, s.state]));
      assert.equal(missing.get(org.dept2.id), 'draft', 'its blocked submission left it a draft');
      assert.equal(missing.get(org.dept3.id), 'draft');
      assert.equal(missing.get(org.town.id), 'missing');
      assert.equal(rollup.missing[0]?.orgId, staff.rootId);
      assert.equal(rollup.missing[0]?.depth, 0);
      let newTotal = 0;
      let licensing = 0;
      for (const o of orgs) {
        const r = (await loadReport(rt.ctx, u.supervisor!, o.id, 2025)).report;
        newTotal += r.applications.new?.total ?? 0;
        licensing += r.article20.licensing?.decisions ?? 0;
      }
      assert.equal(rollup.report.applications.new?.total, newTotal);
      assert.equal(rollup.report.applications.carried_over?.natural_person, 1);
      assert.equal(rollup.report.article20.licensing?.decisions, licensing);
      assert.equal(licensing, 23);
      assert.match(rollup.report.organization.name ?? '', /（汇总）$/);
      assert.ok(rollup.findings.every((f) => f.rule !== 'R1' && f.rule !== 'R3' && f.rule !== 'R4'));
    });

    test('should mark late units after their due date, the internal one when set', async () => {
      at('2026-02-05');
      const overview = new Map(
        (await reportOverview(rt.ctx, u.supervisor!, staff.rootId, 2025)).map((s) => [s.orgId, s]),
      );
      assert.equal(overview.get(org.dept2.id)?.dueOn, '2026-01-31');
      assert.equal(overview.get(org.dept2.id)?.late, true);
      assert.equal(overview.get(org.dept2.id)?.errors, 2, 'R6 in the 自然人 and 总计 columns');
      assert.equal(overview.get(org.dept1.id)?.late, false, 'published');
      assert.equal(overview.get(org.town.id)?.late, true, 'townships default to 31 January');
      assert.equal(overview.get(staff.rootId)?.dueOn, '2026-03-31');
      assert.equal(overview.get(staff.rootId)?.late, false);
      await assert.rejects(setInternalReportDue(rt.ctx, u.editor1!, staff.rootId, '01-20'), is('forbidden'));
      await assert.rejects(setInternalReportDue(rt.ctx, u.supervisor!, staff.rootId, '02-30'), is('invalid'));
      at('2026-01-25');
      assert.equal((await loadReport(rt.ctx, u.editor2!, org.dept2.id, 2025)).late, false);
      await setInternalReportDue(rt.ctx, u.supervisor!, staff.rootId, '1-20');
      const record = await loadReport(rt.ctx, u.editor2!, org.dept2.id, 2025);
      assert.equal(record.internalDueOn, '2026-01-20');
      assert.equal(record.late, true);
      assert.equal(
        (await reportOverview(rt.ctx, u.supervisor!, staff.rootId, 2025)).find((s) => s.orgId === org.dept3.id)?.dueOn,
        '2026-01-20',
      );
    });
  });
}
