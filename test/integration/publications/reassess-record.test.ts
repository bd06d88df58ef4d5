// Recording art. 18 re-assessments on both dialects: keeping an item withheld restarts the yearly
// clock (off the due list), opening a registered item up sends it back through the review chain
// before it reaches the portal, the register, ledger and audit trail record who decided what, and
// wrong roles, wrong input and wrong states change nothing.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipReason, suiteRuntime } from '../../support/runtime.js';
import { datedPublishing, WITHHELD_FIELDS, type DatedPublishing } from '../../factories/publications.js';
import { recordReassessment, reassessmentPanel } from '../../../src/app/publications/reassessment.js';
import { reassessmentDue } from '../../../src/app/publications/publication-queries.js';
import { actOnPublication } from '../../../src/app/publications/act-on-publication.js';
import { AppError } from '../../../src/app/errors.js';

const withheld = { ...WITHHELD_FIELDS, kind: 'other_document', title: '关于内部人事安排的请示' };

for (const dialect of DIALECTS) {
  describe(`art. 18 re-assessment (${dialect})`, { skip: skipReason(dialect) }, () => {
    const rt = suiteRuntime(dialect, { start: '2024-10-09T02:00:00Z' });
    let p: DatedPublishing;
    const id = { kept: '', registered: '', inReview: '', proactive: '' };
    const code = (e: unknown) => (e instanceof AppError ? e.code : String(e));

    before(async () => {
      p = await datedPublishing(rt, 'ra');
      id.kept = (await p.draft('2024-10-09', withheld)).id;
      id.registered = await p.published('2024-10-09', '2024-10-10', {
        ...withheld,
        title: '已登记的不予公开信息',
        body: '<p>情势变化后可以公开的内容</p>',
      });
      id.inReview = (await p.draft('2024-10-11', { ...withheld, title: '审核中的不予公开信息' })).id;
      id.proactive = (await p.draft('2024-10-11', { title: '主动公开的通知' })).id;
      p.at('2025-10-09');
      await actOnPublication(rt.ctx, p.editor, id.inReview, 'submit');
    });

    test('should list the items whose yearly re-assessment has come', async () => {
      const due = await reassessmentDue(rt.ctx, p.head);
      assert.deepEqual(
        due.map((i) => i.id).sort(),
        [id.kept, id.registered].sort(),
        'registered a year ago; the item drafted on 2024-10-11 is due in two days',
      );
    });

    test('should keep an item withheld, restart its clock from the assessment date and record who decided', async () => {
      const r = await recordReassessment(rt.ctx, p.head, id.kept, {
        decision: 'keep_withheld',
        assessedOn: '2025-10-08',
        withheldGround: 'process_info',
        reason: '仍属过程性信息，公开会影响决策',
      });
      assert.equal(r.nextDueOn, '2026-10-08');
      const pub = await rt.ctx.repos.publications.byId(id.kept);
      assert.equal(pub?.reassessOn, '2026-10-08');
      assert.equal(pub?.withheldGround, 'process_info');
      assert.equal(pub?.state, 'draft');
      assert.ok(!(await reassessmentDue(rt.ctx, p.head)).some((i) => i.id === id.kept), 'off the due list');
      const ledger = pub?.reviews.at(-1);
      assert.equal(ledger?.action, 'reassess');
      assert.match(ledger?.comment ?? '', /继续不予公开（评估日期2025-10-08）：仍属过程性信息/);
      const panel = await reassessmentPanel(rt.ctx, p.head, id.kept);
      assert.equal(panel.history.length, 1);
      assert.equal(panel.history[0]?.actorLabel, 'ra.head（head）');
      assert.equal(panel.history[0]?.disclosureAfter, 'withheld');
      assert.ok(panel.canRecord && !panel.due);
      const audit = await rt.ctx.repos.audit.list(
        { action: 'publication.reassessed', entityId: id.kept },
        { limit: 5 },
      );
      assert.equal(audit.length, 1);
      assert.match(audit[0]?.afterJson ?? '', /"reassessOn":"2026-10-08"/);
    });

    test('should send a registered item back to draft when opened up, and publish it only through the chain', async () => {
      assert.equal((await rt.ctx.repos.publications.liveVersion(id.registered))?.fields.disclosure, 'withheld');
      await recordReassessment(rt.ctx, p.signer, id.registered, {
        decision: 'to_proactive',
        reason: '相关工作已完成，可以公开',
      });
      const pub = await rt.ctx.repos.publications.byId(id.registered);
      assert.equal(pub?.state, 'draft');
      assert.equal(pub?.disclosure, 'proactive');
      assert.equal(pub?.withheldGround, null);
      assert.equal(pub?.reassessOn, null);
      const live = () => rt.ctx.repos.publications.listLive({ orgIds: [p.root.id] }, { limit: 50, offset: 0 });
      assert.ok(!(await live()).items.some((i) => i.id === id.registered), 'not on the portal before review');
      await p.publish(id.registered, '2025-10-10');
      assert.ok(
        (await live()).items.some((i) => i.id === id.registered),
        'on the portal after the chain',
      );
      const panel = await reassessmentPanel(rt.ctx, p.signer, id.registered);
      assert.ok(!panel.withheld && !panel.canRecord);
      assert.equal(panel.history[0]?.decision, 'to_proactive');
    });

    test('should refuse other roles, wrong input and wrong states, changing nothing', async () => {
      await assert.rejects(
        recordReassessment(rt.ctx, p.editor, id.inReview, {
          decision: 'keep_withheld',
          withheldGround: 'internal_affairs',
          reason: '理由',
        }),
        (e) => code(e) === 'forbidden',
      );
      await assert.rejects(
        recordReassessment(rt.ctx, p.head, id.inReview, { decision: 'keep_withheld', withheldGround: '', reason: '' }),
        (e: unknown) => {
          assert.ok(e instanceof AppError && e.code === 'invalid');
          assert.deepEqual(Object.keys(e.fieldErrors).sort(), ['reason', 'withheldGround']);
          return true;
        },
      );
      await assert.rejects(
        recordReassessment(rt.ctx, p.head, id.inReview, { decision: 'to_on_request', reason: '可以依申请提供' }),
        (e) => code(e) === 'conflict',
      );
      await assert.rejects(
        recordReassessment(rt.ctx, p.head, id.proactive, {
          decision: 'keep_withheld',
          withheldGround: 'internal_affairs',
          reason: '理由',
        }),
        (e) => code(e) === 'conflict',
      );
      await assert.rejects(
        recordReassessment(rt.ctx, p.head, 'no-such-id', { decision: 'keep_withheld' }),
        (e) => code(e) === 'not_found',
      );
      const pub = await rt.ctx.repos.publications.byId(id.inReview);
      assert.equal(pub?.disclosure, 'withheld');
      assert.equal(pub?.state, 'submitted');
      assert.equal((await rt.ctx.repos.reassessments.forPublication(id.inReview)).length, 0);
      // Keeping an item in review withheld is fine: the chain is not disturbed.
      await recordReassessment(rt.ctx, p.head, id.inReview, {
        decision: 'keep_withheld',
        withheldGround: 'internal_affairs',
        reason: '仍属内部事务',
      });
      assert.equal((await rt.ctx.repos.publications.byId(id.inReview))?.state, 'submitted');
    });
  });
}
