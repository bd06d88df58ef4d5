// Notices over the real use cases: the 行政复议机关 each organization of the demo tree names, the review route
// per outcome group, and the 决定公开告知书 to a third party that objected (art. 32), on both databases.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipReason, suiteRuntime } from '../../support/runtime.js';
import { beforeSuite } from '../../support/suite.js';
import { caseStaff, makeApplication } from '../../factories/applications.js';
import { demoOrgs } from '../../factories/orgs.js';
import { actOnApplication } from '../../../src/app/applications/act-on-application.js';
import { saveNoticeSettings, seedReconsiderationBody } from '../../../src/app/applications/notice-settings.js';
import type { NoticeDocument } from '../../../src/domain/notices/notice.js';
import { makeStaff } from '../../factories/staff.js';

for (const dialect of DIALECTS) {
  describe(`notices: review bodies and the third party (${dialect})`, { skip: skipReason(dialect) }, () => {
    const rt = suiteRuntime(dialect);
    const s = beforeSuite(async () => {
      const orgs = await demoOrgs(rt);
      const at = async (name: string) => {
        const org = orgs.named(name);
        return { org, staff: await caseStaff(rt, { orgId: org.id, prefix: `o${org.id.slice(-6)}` }) };
      };
      const admin = await makeStaff(rt, 'notice.admin', ['admin']);
      return {
        orgs,
        admin,
        root: await at('示例区人民政府'),
        edu: await at('示例区教育局'),
        town: await at('示例区示例镇人民政府'),
        street: await at('示例区城关街道办事处'),
      };
    });
    const docsOf = async (id: string): Promise<NoticeDocument[]> =>
      (await rt.ctx.repos.notices.forApplication(id)).map((n) => n.body as NoticeDocument);
    const replyText = async (id: string) => {
      const reply = (await docsOf(id)).find((d) => d.kind === 'reply');
      assert.ok(reply);
      return reply.paragraphs.join('\n');
    };

    test('a sent reply names the district government for a department, a township and a street, and the city for the root', async () => {
      for (const [who, body] of [
        ['edu', '示例区人民政府'],
        ['town', '示例区人民政府'],
        ['street', '示例区人民政府'],
        ['root', '示例市人民政府'],
      ] as const) {
        const { org, staff } = s[who];
        const { id } = await makeApplication(rt, { state: 'replied', staff, org: org.creditCode });
        const text = await replyText(id);
        assert.match(text, new RegExp(`60日内向${body}申请行政复议；也可以`), who);
        assert.doesNotMatch(text, /上一级人民政府|本级人民政府申请/, who);
      }
    });

    test('a refusal tells the applicant to seek reconsideration first; the unavailable group follows the setting', async () => {
      const { org, staff } = s.edu;
      const refused = await makeApplication(rt, {
        state: 'replied',
        staff,
        org: org.creditCode,
        reply: { outcome: 'withheld.internal_affairs', reasons: '属于内部工作流程信息。' },
      });
      assert.match(
        await replyText(refused.id),
        /第二十三条的规定，您应当自收到本告知书之日起60日内先向示例区人民政府申请行政复议/,
      );
      const notHeld = { outcome: 'unavailable.not_held' };
      const before = await makeApplication(rt, { state: 'replied', staff, org: org.creditCode, reply: notHeld });
      assert.match(await replyText(before.id), /6个月内向有管辖权的人民法院提起行政诉讼/);
      await saveNoticeSettings(rt.ctx, s.admin, org.id, { reviewRoutes: { unavailable: 'reconsideration_first' } });
      const afterSetting = await makeApplication(rt, { state: 'replied', staff, org: org.creditCode, reply: notHeld });
      const text = await replyText(afterSetting.id);
      assert.match(text, /先向示例区人民政府申请行政复议/);
      assert.doesNotMatch(text, /6个月内/);
    });

    test('a root government whose review body is not set cannot draft a reply, with a Chinese message', async () => {
      const { org, staff } = s.root;
      await seedReconsiderationBody(rt.ctx.repos, org.id, '', rt.ctx.clock.nowIso());
      try {
        const { id } = await makeApplication(rt, { state: 'registered', staff, org: org.creditCode });
        await assert.rejects(
          actOnApplication(rt.ctx, staff.handler, id, 'draft_reply', { outcome: 'disclosed' }),
          (e: Error & { fieldErrors?: Record<string, string> }) =>
            /行政复议机关/.test(e.message) && /告知书设置/.test(e.fieldErrors?.reconsiderationBody ?? ''),
        );
      } finally {
        await seedReconsiderationBody(rt.ctx.repos, org.id, '示例市人民政府', rt.ctx.clock.nowIso());
      }
    });

    const consulted = async (objection: boolean | undefined, reply: Record<string, unknown>) => {
      const { org, staff } = s.edu;
      const { id } = await makeApplication(rt, { state: 'registered', staff, org: org.creditCode });
      await actOnApplication(rt.ctx, staff.handler, id, 'start_consultation', {
        kind: 'third_party',
        party: '示例建设有限公司',
      });
      await actOnApplication(rt.ctx, staff.handler, id, 'end_consultation', {
        opinion: '工程价款属于商业秘密，不同意公开。',
        ...(objection === undefined ? {} : { objection }),
      });
      return { id, staff, reply };
    };
    const answer = async (c: Awaited<ReturnType<typeof consulted>>) => {
      await actOnApplication(rt.ctx, c.staff.handler, c.id, 'draft_reply', c.reply);
      await actOnApplication(rt.ctx, c.staff.legal, c.id, 'pass_legal_review', { confidentialityReviewed: true });
      await actOnApplication(rt.ctx, c.staff.signer, c.id, 'approve_reply', {});
      await actOnApplication(rt.ctx, c.staff.handler, c.id, 'send_reply', { method: 'email' });
      return docsOf(c.id);
    };

    test('disclosing over a third party’s objection writes it a 决定公开告知书 with the content and reasons, not mailed to the applicant', async () => {
      const c = await consulted(true, {
        outcome: 'partially_disclosed',
        reasons: '个人身份信息不予公开。',
      });
      await assert.rejects(
        actOnApplication(rt.ctx, c.staff.handler, c.id, 'draft_reply', c.reply),
        (e: Error) => /决定公开告知书（第三方）缺少内容/.test(e.message) && /决定公开的理由/.test(e.message),
      );
      c.reply.disclosureReasons = '工程使用财政资金，价款关系公共利益。';
      const docs = await answer(c);
      assert.deepEqual(
        docs.map((d) => d.kind),
        ['acknowledgement', 'consultation_third_party', 'reply', 'disclosure_third_party'],
      );
      const letter = docs[3];
      assert.ok(letter);
      assert.equal(letter.addressee, '示例建设有限公司：');
      assert.match(letter.docNo, /〔2025〕\d+号$/);
      assert.notEqual(letter.docNo, docs[2]?.docNo);
      const text = letter.paragraphs.join('\n');
      assert.match(text, /您（单位）的意见：工程价款属于商业秘密，不同意公开。/);
      assert.match(text, /决定向申请人公开上述政府信息中可以公开的部分/);
      assert.match(text, /决定公开的理由：工程使用财政资金，价款关系公共利益。/);
      assert.match(text, /60日内向示例区人民政府申请行政复议；也可以/);
      assert.doesNotMatch(text, /张三|上一级人民政府/);
      const mails = (await rt.ctx.repos.outbox.due('2099-01-01T00:00:00Z', 1000)).filter((m) => m.refId === c.id);
      assert.deepEqual(
        mails.map((m) => m.kind).filter((k) => k.startsWith('notice.')),
        ['notice.acknowledgement', 'notice.reply'],
        'the applicant gets the reply only',
      );
    });

    test('no 决定公开告知书 without a recorded objection, or when the reply does not disclose', async () => {
      const silent = await answer(await consulted(undefined, { outcome: 'disclosed' }));
      assert.ok(!silent.some((d) => d.kind === 'disclosure_third_party'));
      const agreed = await answer(await consulted(false, { outcome: 'disclosed' }));
      assert.ok(!agreed.some((d) => d.kind === 'disclosure_third_party'));
      const refused = await answer(
        await consulted(true, { outcome: 'withheld.third_party_rights', reasons: '公开会损害第三方合法权益。' }),
      );
      assert.ok(!refused.some((d) => d.kind === 'disclosure_third_party'));
    });
  });
}
