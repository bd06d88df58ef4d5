import { test } from 'node:test';
import assert from 'node:assert/strict';
import { localDate } from '../core/local-date.js';
import { issuesOf, sampleNoticeBase } from './test-support.js';
import {
  buildNoticeDocument,
  NOT_FOR_APPLICANT,
  NOTICE_KIND_LABELS,
  NOTICE_KINDS,
  type NoticeBase,
  type NoticeModel,
  type ThirdPartyDisclosureNotice,
} from './notice.js';
import { placeholdersFor, PLACEHOLDER_LABELS, REQUIRED_PLACEHOLDERS } from './placeholders.js';
import {
  DEFAULT_REMEDIES,
  defaultTemplate,
  TEMPLATE_KEYS,
  validateNoticeTemplate,
  validateRemedyTemplate,
} from './templates.js';

const base: NoticeBase = { ...sampleNoticeBase(), sealImageRef: 'file:seal-1' };

const models: NoticeModel[] = [
  { ...base, kind: 'acknowledgement', channel: 'online', dueOn: localDate('2025-11-03') },
  {
    ...base,
    kind: 'correction',
    items: ['请明确所需信息的文件名称或文号', '请补充身份证明'],
    correctionDueOn: localDate('2025-10-20'),
  },
  {
    ...base,
    kind: 'extension',
    originalDueOn: localDate('2025-11-03'),
    newDueOn: localDate('2025-12-01'),
    workingDays: 20,
    reason: '所需信息涉及多个单位，需要调取、核实',
  },
  {
    ...base,
    kind: 'fee',
    basis: 'per_piece',
    quantity: 45,
    amountYuan: 5500,
    paymentInstructions: '通过非税收入缴款书缴入国库，执收单位：示例区财政局',
  },
  {
    ...base,
    kind: 'consultation_third_party',
    party: { name: '示例建设有限公司', address: '示例区工业路2号' },
    information: '中标单位的报价明细',
  },
  { ...base, kind: 'consultation_agency', agency: { name: '示例区生态环境局', address: '示例区环保路3号' } },
  {
    ...base,
    kind: 'reasons_request',
    reasonsDueOn: localDate('2025-10-20'),
    items: ['申请公开上述信息的用途'],
    pausesClock: true,
  },
  {
    ...base,
    kind: 'delayed_period',
    originalDueOn: localDate('2025-11-03'),
    delayedDueOn: localDate('2025-12-31'),
    reason: '申请公开的信息涉及近十年的档案，数量较大',
  },
];

test('every kind of notice has a default template that validates', () => {
  for (const key of TEMPLATE_KEYS) assert.deepEqual(validateNoticeTemplate(key, defaultTemplate(key)), [], key);
  assert.equal(TEMPLATE_KEYS.length, 9 + 21);
  for (const kind of NOTICE_KINDS) {
    for (const name of [...placeholdersFor(kind), ...REQUIRED_PLACEHOLDERS[kind]]) {
      assert.ok(PLACEHOLDER_LABELS[name], `label for ${name}`);
    }
  }
});

test('each non-reply notice renders with every placeholder filled, the doc number, signature and seal', () => {
  for (const m of models) {
    const r = buildNoticeDocument(m);
    assert.ok(r.ok, `${m.kind}: ${r.ok ? '' : JSON.stringify(r.error)}`);
    const all = [r.value.title, r.value.addressee, ...r.value.paragraphs].join('\n');
    assert.doesNotMatch(all, /\{\{|\}\}/, m.kind);
    assert.equal(r.value.kind, m.kind);
    assert.equal(r.value.docNo, '示例区政办依申〔2025〕3号');
    assert.equal(r.value.signature.date, '2025年9月30日');
    assert.deepEqual(r.value.seal, { imageRef: 'file:seal-1' });
    assert.doesNotMatch(all, /。。/, `${m.kind}: trailing punctuation of the description is not doubled`);
  }
});

const render = (i: number) => {
  const r = buildNoticeDocument(models[i]!);
  assert.ok(r.ok);
  return r.value;
};

test('acknowledgement: receipt date, channel, tracking code and the reply due date', () => {
  const d = render(0);
  assert.equal(d.title, '政府信息公开申请接收回执');
  const body = d.paragraphs.join('\n');
  assert.match(body, /2025年9月26日收到您（单位）通过互联网在线申请渠道提交/);
  assert.match(body, /查询码：K7QH2M9X/);
  assert.match(body, /即2025年11月3日前作出答复/);
});

test('correction: each item is its own numbered paragraph; the period and the lapse consequence (art. 30)', () => {
  const d = render(1);
  assert.equal(d.title, '政府信息公开申请补正告知书');
  assert.ok(d.paragraphs.includes('1. 请明确所需信息的文件名称或文号'));
  assert.ok(d.paragraphs.includes('2. 请补充身份证明'));
  assert.match(d.paragraphs.join(), /请于2025年10月20日前.*视为放弃申请/);
  assert.match(d.paragraphs.join(), /第三十条/);
});

test('extension: reason, days and new due date (art. 33); without a reason the sentence still reads', () => {
  assert.match(
    render(2).paragraphs.join(),
    /因所需信息涉及多个单位，需要调取、核实，本机关不能在原定答复期限2025年11月3日前作出答复.*延长20个工作日，本机关将于2025年12月1日前作出答复/,
  );
  const { reason: _reason, ...noReason } = models[2] as Extract<NoticeModel, { kind: 'extension' }>;
  const r = buildNoticeDocument(noReason);
  assert.ok(r.ok);
  assert.match(r.value.paragraphs[1] ?? '', /^本机关不能在原定答复期限2025年11月3日前作出答复/);
});

test('fee: basis, standard, amount in figures and capitals, 20 working days, consequence', () => {
  const body = render(3).paragraphs.join('\n');
  assert.match(body, /计收方式：按件计收；计费数量：45件/);
  assert.match(body, /应缴金额：人民币5500元（大写：伍仟伍佰元整）/);
  assert.match(body, /收到本通知书之次日起20个工作日内缴纳.*视为放弃申请/);
  assert.doesNotMatch(body, /不计算在答复期限内/, 'the clock note is off by default');
  const paused = buildNoticeDocument({
    ...(models[3] as Extract<NoticeModel, { kind: 'fee' }>),
    paymentPeriodExcluded: true,
    basis: 'per_page',
    quantity: 250,
    amountYuan: 4700,
  });
  assert.ok(paused.ok);
  assert.match(
    paused.value.paragraphs.join(),
    /按量计收；计费数量：250页.*4700元（大写：肆仟柒佰元整）.*不计算在答复期限内/,
  );
});

test('consultation letters go to the third party or agency and never reveal the applicant', () => {
  for (const i of [4, 5]) {
    const d = render(i);
    const all = [d.addressee, ...d.paragraphs].join();
    assert.doesNotMatch(all, /李四|K7QH2M9X|幸福路/);
    assert.match(all, /15个工作日内提出书面意见/);
  }
  assert.equal(render(4).addressee, '示例建设有限公司：');
  assert.match(render(4).paragraphs.join(), /第三十二条.*拟公开的信息：中标单位的报价明细/);
  assert.equal(render(5).addressee, '示例区生态环境局：');
  assert.match(render(5).paragraphs.join(), /第三十四条.*视为同意公开/);
});

test('an organization’s edited template is used; its unknown placeholders and missing values are reported', () => {
  const notices = {
    acknowledgement: {
      title: '{{orgName}}收件回执',
      addressee: '{{applicantName}}：',
      paragraphs: ['收到日期{{receivedOn}}，查询码{{trackingCode}}，{{dueOn}}前答复。{{applicantPhone}}'],
    },
  };
  const r = buildNoticeDocument(models[0]!, { notices });
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.deepEqual(
      r.error.map((i) => [i.code, i.placeholder]),
      [['unknown_placeholder', 'applicantPhone']],
    );
  }
  notices.acknowledgement.paragraphs = ['收到日期{{receivedOn}}，查询码{{trackingCode}}，{{dueOn}}前答复。'];
  const fixed = buildNoticeDocument(models[0]!, { notices });
  assert.ok(fixed.ok);
  assert.equal(fixed.value.title, '示例区人民政府办公室收件回执');
  const blank = buildNoticeDocument({ ...models[0]!, applicant: { name: '', address: '' } });
  assert.deepEqual(issuesOf(blank), [['missing_value', 'applicantName', 'addressee']]);
});

test('validation of edited templates: required placeholders, unknown names, remedy clauses', () => {
  const t = defaultTemplate('reply.withheld.state_secret');
  const noRemedies = { ...t, paragraphs: t.paragraphs.filter((p) => p !== '{{remedies}}') };
  assert.deepEqual(
    validateNoticeTemplate('reply.withheld.state_secret', noRemedies).map((i) => i.placeholder),
    ['remedies'],
  );
  const typo = { ...defaultTemplate('fee'), title: '收费通知书{{feeAmont}}' };
  assert.deepEqual(
    validateNoticeTemplate('fee', typo).map((i) => [i.code, i.placeholder, i.where]),
    [['unknown_placeholder', 'feeAmont', 'title']],
  );
  assert.deepEqual(
    validateNoticeTemplate('acknowledgement', {
      ...defaultTemplate('acknowledgement'),
      paragraphs: ['{{legalBasis}}'],
    }).map((i) => i.placeholder),
    ['legalBasis', 'receivedOn', 'trackingCode', 'dueOn'],
  );
  assert.deepEqual(validateRemedyTemplate('either', DEFAULT_REMEDIES.either), []);
  assert.deepEqual(validateRemedyTemplate('reconsideration_first', DEFAULT_REMEDIES.reconsideration_first), []);
  assert.deepEqual(
    validateRemedyTemplate('either', '可向{{court}}起诉{{x}}').map((i) => i.code),
    ['unknown_placeholder', 'required_placeholder_absent', 'required_text_absent', 'required_text_absent'],
  );
});

test('a reply uses the organization’s remedy clause', () => {
  const r = buildNoticeDocument(
    {
      ...base,
      kind: 'reply',
      outcome: 'disclosed',
      remedies: { reconsiderationBody: '示例区人民政府', court: '示例区人民法院' },
    },
    {
      remedies: {
        either: '不服的，可在60日内向{{reconsiderationBody}}申请行政复议，或在6个月内向{{court}}提起行政诉讼。',
      },
    },
  );
  assert.ok(r.ok);
  assert.ok(
    r.value.paragraphs.includes(
      '不服的，可在60日内向示例区人民政府申请行政复议，或在6个月内向示例区人民法院提起行政诉讼。',
    ),
  );
});

test('the notice to a third party that objected names what is disclosed, why, and its own remedies, never the applicant', () => {
  const notice = (over: Partial<ThirdPartyDisclosureNotice> = {}): ThirdPartyDisclosureNotice => ({
    ...sampleNoticeBase({ issuedOn: localDate('2025-10-20') }),
    kind: 'disclosure_third_party',
    party: { name: '示例建设有限公司', address: '示例区工业路2号' },
    outcome: 'partially_disclosed',
    disclosureReasons: '该工程使用财政资金，工程价款关系公共利益。',
    opinion: '工程价款属于商业秘密。',
    remedies: { reconsiderationBody: '示例区人民政府', court: '示例区人民法院' },
    ...over,
  });
  const r = buildNoticeDocument(notice());
  assert.ok(r.ok);
  const body = r.value.paragraphs.join('\n');
  assert.equal(r.value.kind, 'disclosure_third_party');
  assert.equal(r.value.title, '政府信息公开决定公开告知书');
  assert.equal(r.value.addressee, '示例建设有限公司：');
  assert.match(body, /第三十二条/);
  assert.match(body, /您（单位）不同意公开/);
  assert.match(body, /您（单位）的意见：工程价款属于商业秘密。/);
  assert.match(body, /本机关决定向申请人公开上述政府信息中可以公开的部分，其余内容不予公开/);
  assert.match(body, /决定公开的理由：该工程使用财政资金，工程价款关系公共利益。/);
  assert.match(body, /60日内向示例区人民政府申请行政复议；也可以.*6个月内向示例区人民法院提起行政诉讼/);
  assert.doesNotMatch(`${r.value.addressee}${body}`, /李四|K7QH2M9X|\{\{/);
  const full = buildNoticeDocument(notice({ outcome: 'disclosed', opinion: undefined }));
  assert.ok(full.ok);
  assert.match(full.value.paragraphs.join(), /本机关决定向申请人公开上述政府信息，/);
  assert.doesNotMatch(full.value.paragraphs.join(), /您（单位）的意见：/);
  const { disclosureReasons: _none, ...withoutReasons } = notice();
  assert.deepEqual(issuesOf(buildNoticeDocument(withoutReasons)), [
    ['missing_value', 'disclosureReasons', 'paragraph 4'],
  ]);
  assert.equal(NOTICE_KIND_LABELS.disclosure_third_party, '决定公开告知书（第三方）');
  assert.ok(NOT_FOR_APPLICANT.includes('disclosure_third_party'));
});
