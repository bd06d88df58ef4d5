import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OUTCOMES, type Outcome } from '../applications/application.js';
import { localDate } from '../core/local-date.js';
import { buildNoticeDocument, type ReplyNotice } from './notice.js';
import { legalBasisFor, REGULATION, remedyVariantFor, type ReviewRoutes } from './reply-outcomes.js';
import { defaultTemplate, validateNoticeTemplate } from './templates.js';
import { issuesOf, sampleReply } from './test-support.js';

const reply = (outcome: Outcome, extra: Partial<ReplyNotice> = {}): ReplyNotice =>
  sampleReply(outcome, { applicant: { name: '张三', address: '示例区幸福路8号' }, ...extra });

test('every outcome code has a default reply template that validates and keeps {{legalBasis}} and {{remedies}}', () => {
  for (const outcome of OUTCOMES) {
    const t = defaultTemplate(`reply.${outcome}`);
    assert.deepEqual(validateNoticeTemplate(`reply.${outcome}`, t), [], outcome);
    const text = t.paragraphs.map((p) => (typeof p === 'string' ? p : p.text)).join('\n');
    assert.match(text, /\{\{legalBasis\}\}/, outcome);
    assert.match(text, /\{\{remedies\}\}/, outcome);
  }
});

test('every outcome except other.other cites an article of the Regulation (or the fee measures)', () => {
  for (const outcome of OUTCOMES) {
    const basis = legalBasisFor(outcome);
    if (outcome === 'other.other') {
      assert.equal(basis, undefined);
      continue;
    }
    assert.ok(basis?.startsWith(REGULATION), outcome);
    assert.match(basis ?? '', /第[一二三四五六七八九十]+条/, outcome);
  }
  assert.equal(legalBasisFor('withheld.state_secret'), `${REGULATION}第十四条、第三十六条第（三）项`);
  assert.equal(legalBasisFor('withheld.third_party_rights'), `${REGULATION}第十五条、第三十六条第（三）项`);
  for (const o of ['internal_affairs', 'process_information', 'enforcement_file'] as const) {
    assert.match(legalBasisFor(`withheld.${o}`) ?? '', /第十六条/);
  }
  assert.equal(legalBasisFor('unavailable.not_held'), `${REGULATION}第三十六条第（四）项`);
  assert.equal(legalBasisFor('unavailable.not_held', { referral: true }), `${REGULATION}第三十六条第（五）项`);
  assert.equal(legalBasisFor('unavailable.needs_creation'), `${REGULATION}第三十八条`);
  assert.equal(legalBasisFor('unavailable.still_unclear'), `${REGULATION}第三十条`);
  assert.equal(legalBasisFor('not_processed.repeated'), `${REGULATION}第三十六条第（六）项`);
  assert.equal(legalBasisFor('not_processed.excessive'), `${REGULATION}第三十五条`);
  assert.match(legalBasisFor('not_processed.petition_or_complaint') ?? '', /第三十九条第一款$/);
  assert.match(legalBasisFor('not_processed.publication') ?? '', /第三十九条第二款$/);
  assert.match(legalBasisFor('disclosed') ?? '', /第三十六条第（二）项$/);
  assert.match(legalBasisFor('partially_disclosed') ?? '', /第三十七条$/);
  assert.match(legalBasisFor('other.fee_unpaid') ?? '', /国办函〔2020〕109号/);
});

test('a reply for every outcome renders fully: decision, article, remedies, signature', () => {
  for (const outcome of OUTCOMES) {
    const extra = {
      reasons: '具体理由见附件说明',
      ...(outcome === 'other.other' ? { legalBasis: `${REGULATION}第三十三条` } : {}),
    };
    const r = buildNoticeDocument(reply(outcome, extra));
    assert.ok(r.ok, `${outcome}: ${r.ok ? '' : JSON.stringify(r.error)}`);
    const body = r.value.paragraphs.join('\n');
    assert.doesNotMatch(`${r.value.title}${r.value.addressee}${body}`, /\{\{|\}\}/, outcome);
    assert.equal(r.value.title, '依申请公开政府信息告知书');
    assert.equal(r.value.addressee, '张三：');
    assert.equal(r.value.outcome, outcome);
    assert.ok(body.includes(legalBasisFor(outcome) ?? `${REGULATION}第三十三条`), `${outcome} cites its basis`);
    assert.match(body, /60日内.*向示例区人民政府申请行政复议/, outcome);
    assert.match(body, /向示例区人民法院提起行政诉讼/, outcome);
    assert.equal(r.value.signature.date, '2025年10月20日');
    assert.equal(r.value.signature.orgName, '示例区人民政府办公室');
  }
});

test('refusals (不予公开) tell the applicant to seek reconsideration first (行政复议法 art. 23), others offer either remedy', () => {
  const withheld = buildNoticeDocument(reply('withheld.state_secret'));
  assert.ok(withheld.ok);
  assert.match(withheld.value.paragraphs.join(), /应当自收到本告知书之日起60日内先向示例区人民政府申请行政复议/);
  assert.match(withheld.value.paragraphs.join(), /第二十三条/);
  const notHeld = buildNoticeDocument(reply('unavailable.not_held'));
  assert.ok(notHeld.ok);
  assert.match(notHeld.value.paragraphs.join(), /6个月内向示例区人民法院提起行政诉讼/);
  assert.equal(remedyVariantFor('partially_disclosed', localDate('2024-01-01')), 'reconsideration_first');
  assert.equal(
    remedyVariantFor('withheld.enforcement_file', localDate('2023-12-31')),
    'either',
    'before the 2023 law took effect',
  );
  for (const o of OUTCOMES) {
    const expected = o.startsWith('withheld.') || o === 'partially_disclosed' ? 'reconsideration_first' : 'either';
    assert.equal(remedyVariantFor(o, localDate('2025-10-20')), expected, o);
  }
});

test('the review route is decided per outcome group: refusals always reconsideration first, the others by setting', () => {
  const on = localDate('2025-10-20');
  // By default (REVIEW_ROUTE_DEFAULTS) the refusals go to reconsideration first, every other group either way.
  const refusals: Outcome[] = ['partially_disclosed', 'withheld.internal_affairs', 'withheld.inquiry_matter'];
  const others: Outcome[] = ['disclosed', 'unavailable.not_held', 'not_processed.repeated', 'other.correction_lapsed'];
  for (const o of refusals) assert.equal(remedyVariantFor(o, on), 'reconsideration_first', o);
  for (const o of others) assert.equal(remedyVariantFor(o, on), 'either', o);
  const strict: ReviewRoutes = {
    unavailable: 'reconsideration_first',
    not_processed: 'reconsideration_first',
    withheld: 'either',
    partially_disclosed: 'either',
  };
  assert.equal(remedyVariantFor('unavailable.needs_creation', on, strict), 'reconsideration_first');
  assert.equal(remedyVariantFor('not_processed.excessive', on, strict), 'reconsideration_first');
  assert.equal(remedyVariantFor('other.fee_unpaid', on, strict), 'either', 'a group the setting leaves alone');
  assert.equal(
    remedyVariantFor('withheld.state_secret', on, strict),
    'reconsideration_first',
    'art. 23 ¶1 (4) is fixed',
  );
  assert.equal(remedyVariantFor('partially_disclosed', on, strict), 'reconsideration_first', 'art. 23 ¶1 (4) is fixed');
  const notHeld = buildNoticeDocument(reply('unavailable.not_held', { reviewRoutes: strict }));
  assert.ok(notHeld.ok);
  assert.match(notHeld.value.paragraphs.join(), /应当自收到本告知书之日起60日内先向示例区人民政府申请行政复议/);
  assert.doesNotMatch(notHeld.value.paragraphs.join(), /6个月内/);
});

test('the court defaults to 有管辖权的人民法院; a blank reconsideration body is a missing value', () => {
  const r = buildNoticeDocument(reply('disclosed', { remedies: { reconsiderationBody: '示例区人民政府' } }));
  assert.ok(r.ok);
  assert.match(r.value.paragraphs.join(), /向有管辖权的人民法院提起行政诉讼/);
  const bad = buildNoticeDocument(reply('disclosed', { remedies: { reconsiderationBody: ' ' } }));
  assert.deepEqual(issuesOf(bad), [['missing_value', 'reconsiderationBody', 'remedies.either']]);
});

test('outcomes that require the handler’s reasons or basis fail without them', () => {
  const partial = buildNoticeDocument(reply('partially_disclosed'));
  assert.equal(partial.ok, false);
  if (!partial.ok) {
    assert.deepEqual(
      partial.error.map((i) => i.placeholder),
      ['reasons'],
    );
  }
  const prohibited = buildNoticeDocument(reply('withheld.prohibited_by_law'));
  assert.equal(prohibited.ok, false, 'the prohibiting law must be named');
  const other = buildNoticeDocument(reply('other.other'));
  assert.equal(other.ok, false);
  if (!other.ok) assert.deepEqual(other.error.map((i) => i.placeholder).sort(), ['legalBasis', 'reasons']);
  if (!other.ok) assert.match(other.error.map((i) => i.message).join(), /缺少内容：法律依据（\{\{legalBasis\}\}）/);
});

test('disclosed: the default says the information is enclosed; a provision text replaces it', () => {
  const enclosed = buildNoticeDocument(reply('disclosed'));
  assert.ok(enclosed.ok);
  assert.ok(enclosed.value.paragraphs.includes('现将该政府信息随本告知书一并提供给您。'));
  const online = buildNoticeDocument(
    reply('disclosed', {
      provision: '该信息已在示例区人民政府门户网站公开，网址为 https://www.example.gov.cn/gk/1。',
      legalBasis: `${REGULATION}第三十六条第（一）项`,
    }),
  );
  assert.ok(online.ok);
  assert.ok(!online.value.paragraphs.includes('现将该政府信息随本告知书一并提供给您。'));
  assert.match(online.value.paragraphs.join(), /第三十六条第（一）项的规定/);
});

test('not held with a referral names the responsible agency under art. 36(5)', () => {
  const r = buildNoticeDocument(
    reply('unavailable.not_held', { referralAgency: '示例区住房和城乡建设局，电话0999-88000009' }),
  );
  assert.ok(r.ok);
  const body = r.value.paragraphs.join();
  assert.match(body, /第三十六条第（五）项的规定，现告知您负责公开该政府信息的行政机关：示例区住房和城乡建设局/);
  assert.doesNotMatch(body, /该政府信息不存在/);
});
