// Unit tests of the narrative drafts: numbers from the data, the year-on-year phrase as the seed
// writes it, last year's problems first, the processing fees in section 六.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnnualReport } from './annual-report.js';
import { composeReport, type ApplicationTally } from './compute.js';
import {
  draftSections,
  formatYuan,
  hasPlaceholder,
  yearOnYear,
  type NarrativeInput,
  type SupervisionFacts,
} from './narrative.js';
import { localDate } from '../core/local-date.js';
import { emptyReviews, publicationCounts } from './test-support.js';

const tally = (
  rows: [ApplicationTally['bucket'], number, ('natural_person' | 'legal_person')?][],
): ApplicationTally[] =>
  rows.map(([bucket, count, type]) => ({
    applicantType: type ?? 'natural_person',
    applicantSubtype: type === 'legal_person' ? 'business' : null,
    bucket,
    count,
  }));

function report(year: number, t: ApplicationTally[]): AnnualReport {
  const reviews = emptyReviews();
  return composeReport({
    year,
    organization: { name: '示例区人民政府办公室', creditCode: null },
    contact: { address: null, postcode: null, phone: null },
    tally: t,
    reviews,
    publications: publicationCounts(year, { normative: { made: 3, repealed: 1, inForce: 40 } }),
    manual: {},
  });
}

const thisYear = report(
  2023,
  tally([
    ['new', 17],
    ['new', 1, 'legal_person'],
    ['disclosed', 5],
    ['disclosed', 1, 'legal_person'],
    ['partially_disclosed', 1],
    ['withheld.internal_affairs', 2],
    ['unavailable.not_held', 6],
    ['other.fee_unpaid', 2],
    ['carried_forward', 1],
  ]),
);
const lastYear = report(
  2022,
  tally([
    ['new', 12],
    ['disclosed', 12],
  ]),
);

function input(over: Partial<NarrativeInput> = {}): NarrativeInput {
  return {
    report: thisYear,
    previous: lastYear,
    publications: publicationCounts(2023, {
      newByKind: { rule: 0, normative: 3, other_document: 10, interpretation: 4, news: 120, other: 5 },
      keyAreaItems: 30,
      documentsPublished: 13,
      documentsWithInterpretation: 4,
    }),
    reviewCounting: 'result_year',
    noticesIssued: 25,
    fees: { notices: 2, chargedYuan: 3100, collectedYuan: 2000.5 },
    previousProblems: '一是个别部门尚未将政府信息公开纳入办文办会程序。\n二是依申请公开答复质量有待提高。',
    ...over,
  };
}

test('the year-on-year phrase: 增长/下降 in whole percent, 持平, unknown last year', () => {
  assert.equal(yearOnYear(18, 12), '，较去年同期增长50%');
  assert.equal(yearOnYear(17, 11), '，较去年同期增长55%', 'rounded: 6/11 = 54.5%, written as the seed does');
  assert.equal(yearOnYear(9, 12), '，较去年同期下降25%');
  assert.equal(yearOnYear(12, 12), '，与去年同期持平');
  assert.equal(yearOnYear(1001, 1000), '，与去年同期基本持平');
  assert.equal(yearOnYear(3, 0), '，上年同期为0件');
  assert.equal(yearOnYear(3, null), '');
});

test('the overview states published items, applications with the change, results, notices, reviews', () => {
  const { overview } = draftSections(input());
  assert.match(overview, /^2023年，示例区人民政府办公室认真贯彻落实《中华人民共和国政府信息公开条例》/);
  assert.match(
    overview,
    /\n（一）主动公开情况\n全年主动公开政府信息142条，其中行政规范性文件3件、其他文件10件、政策解读4条、新闻动态120条、其他信息5条；涉及重点领域的信息30条；发布文件13件，其中4件配套发布政策解读；本年制发行政规范性文件3件、废止1件，现行有效40件。\n/,
  );
  assert.match(
    overview,
    /全年共收到政府信息公开申请18件，较去年同期增长50%，其中自然人申请17件、法人或其他组织申请1件；上年结转0件。/,
  );
  assert.match(
    overview,
    /本年度办结17件，其中予以公开6件、部分公开1件、不予公开2件、无法提供6件、其他处理2件；结转下年度继续办理1件。/,
  );
  assert.match(overview, /全年共制发各类告知书25份。全年未发生因政府信息公开引起的行政复议、行政诉讼。/);
  for (const part of ['（三）政府信息管理情况', '（四）政府信息公开平台建设情况', '（五）监督保障情况']) {
    assert.ok(overview.includes(`\n${part}\n【请补充：`), part);
  }
  assert.ok(hasPlaceholder(overview));
});

test('without last year the change is left out; reviews are counted when there are any', () => {
  const withReviews: AnnualReport = {
    ...thisYear,
    reviews: {
      ...thisYear.reviews,
      reconsideration: { upheld: 1, corrected: 1, other: 0, pending: 0, total: 2 },
      litigation_direct: { upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 },
    },
  };
  const { overview } = draftSections(input({ previous: null, report: withReviews }));
  assert.match(overview, /全年共收到政府信息公开申请18件，其中自然人/);
  assert.match(overview, /全年因政府信息公开工作被申请行政复议2件、被提起行政诉讼1件，其中结果被纠正1件。/);
});

test('the narrative states the section 四 counting rule the figures were computed with', () => {
  const byResult = draftSections(input()).overview;
  assert.match(
    byResult,
    /行政复议、行政诉讼。行政复议、行政诉讼案件按结果年度统计：案件计入作出结果的年度；截至当年12月31日尚未审结的案件计入当年“尚未审结”/,
  );
  const byFiling = draftSections(input({ reviewCounting: 'filing_year' })).overview;
  assert.match(byFiling, /行政复议、行政诉讼案件按立案年度统计：案件只计入立案年度/);
  assert.doesNotMatch(byFiling, /按结果年度统计/);
});

test('the 2019 format writes 规范性文件 with its own columns and 其他处理 from its single row', () => {
  const old = report(
    2020,
    tally([
      ['new', 3],
      ['other.correction_lapsed', 2],
      ['other.other', 1],
    ]),
  );
  old.article20.normative = { new_made: 1, new_published: 1, total_published: 42 };
  const { overview } = draftSections(input({ report: old, previous: null }));
  assert.match(overview, /本年新制作规范性文件1件、新公开1件，对外公开总数量42件/);
  assert.match(overview, /本年度办结3件，其中其他处理3件/);
});

test('section 五 starts from last year’s problems, then a placeholder for this year', () => {
  const { problems } = draftSections(input());
  assert.equal(
    problems,
    '上年度存在的问题及改进情况：一是个别部门尚未将政府信息公开纳入办文办会程序。\n二是依申请公开答复质量有待提高。\n本年度存在的主要问题及改进措施：【请补充：本年度工作中存在的主要问题和下一步改进措施】',
  );
  assert.match(draftSections(input({ previousProblems: null })).problems, /^上年度存在的问题及改进情况：【请补充：/);
  assert.match(draftSections(input({ previousProblems: '  ' })).problems, /^上年度存在的问题及改进情况：【请补充：/);
});

test('section 六 states the processing fees, or that none were charged', () => {
  assert.match(
    draftSections(input()).other,
    /^本年度共发出收费通知2件，收取信息处理费2000\.50元（收费通知所列金额合计3100元）。\n【请补充：/,
  );
  assert.match(
    draftSections(input({ fees: { notices: 1, chargedYuan: 600, collectedYuan: 600 } })).other,
    /^本年度共发出收费通知1件，收取信息处理费600元。\n/,
  );
  assert.match(
    draftSections(input({ fees: { notices: 0, chargedYuan: 0, collectedYuan: 0 } })).other,
    /^本年度未收取信息处理费。\n/,
  );
  assert.equal(formatYuan(0.1 + 0.2), '0.30');
  assert.equal(formatYuan(5500), '5500');
});

test('drafts are pure: the same input gives the same text', () => {
  assert.deepEqual(draftSections(input()), draftSections(input()));
});

/** Supervision facts with nothing recorded but what `over` sets. */
function facts(over: Partial<SupervisionFacts> = {}): SupervisionFacts {
  return {
    government: true,
    sites: 0,
    accounts: 0,
    siteChecks: 0,
    letters: 0,
    training: { sessions: 0, participants: 0, byKind: { centralized: 0, thematic: 0, guidance: 0 } },
    attended: { sessions: 0, participants: 0 },
    assessment: null,
    socialReviews: [],
    accountability: [],
    ...over,
  };
}

const section = (overview: string, heading: string): string =>
  overview.slice(overview.indexOf(heading)).split('\n')[1] ?? '';

test('平台建设 cites the platforms monitored, the checks run and the 提醒函 in the published register', () => {
  const { overview } = draftSections(
    input({ supervision: facts({ sites: 2, accounts: 5, siteChecks: 42, letters: 6 }) }),
  );
  assert.equal(
    section(overview, '（四）政府信息公开平台建设情况'),
    '纳入常态化监测的政府网站2个、政务新媒体账号5个；全年共开展政务网站检测42次，发布提醒函6份。',
  );
  const registryOnly = draftSections(input({ supervision: facts({ sites: 2, accounts: 5 }) })).overview;
  assert.match(
    section(registryOnly, '（四）政府信息公开平台建设情况'),
    /^【请补充：/,
    'no check nor letter in the year',
  );
  const department = draftSections(input({ supervision: facts({ government: false, letters: 1 }) })).overview;
  assert.equal(section(department, '（四）政府信息公开平台建设情况'), '全年收到提醒函1份。');
});

test('监督保障 cites the training (sessions, kinds, 人次), the assessment and the oversight records', () => {
  const supervision = facts({
    training: { sessions: 3, participants: 120, byKind: { centralized: 1, thematic: 2, guidance: 0 } },
    attended: { sessions: 1, participants: 4 },
    assessment: { schemes: 1, units: 12, grades: { 优秀: 3, 良好: 6, 合格: 3, 不合格: 0 } },
    socialReviews: [{ occurredOn: localDate('2023-06-01'), unit: '区教育局', subject: '满意度测评', result: '满意' }],
    accountability: [],
  });
  assert.equal(
    section(draftSections(input({ supervision })).overview, '（五）监督保障情况'),
    '组织开展政务公开工作考核，考核单位12个，其中优秀3个、良好6个、合格3个；' +
      '组织政府信息公开培训3次（集中培训1次、专题培训2次），参训人员120人次；' +
      '参加上级组织的政府信息公开培训1次，参训人员4人次；开展社会评议1次。',
  );
});

test('nothing recorded: the 平台建设 and 监督保障 placeholders stay as before', () => {
  for (const supervision of [undefined, facts()]) {
    const { overview } = draftSections(input({ supervision }));
    assert.match(section(overview, '（四）政府信息公开平台建设情况'), /^【请补充：政府网站、政务新媒体等/);
    assert.match(section(overview, '（五）监督保障情况'), /^【请补充：工作考核、社会评议、培训和责任追究等情况】$/);
  }
});

test('a government with training but no 考核、评议、追究 keeps a placeholder for them; a department does not', () => {
  const training = { sessions: 2, participants: 30, byKind: { centralized: 2, thematic: 0, guidance: 0 } };
  const government = section(draftSections(input({ supervision: facts({ training }) })).overview, '（五）监督保障情况');
  assert.equal(government, '组织政府信息公开培训2次，参训人员30人次。【请补充：工作考核、社会评议和责任追究等情况】');
  const department = draftSections(input({ supervision: facts({ government: false, training }) })).overview;
  assert.equal(section(department, '（五）监督保障情况'), '组织政府信息公开培训2次，参训人员30人次。');
});

test("a government's section 五 reports 考核、社会评议和责任追究结果 from the records (art. 50(4))", () => {
  const supervision = facts({
    socialReviews: [
      { occurredOn: localDate('2023-05-20'), unit: '区教育局', subject: '政务公开满意度测评', result: '满意率96%' },
    ],
    accountability: [
      { occurredOn: localDate('2023-09-03'), unit: '某镇', subject: '逾期答复申请', result: '通报批评' },
    ],
  });
  const { problems } = draftSections(input({ supervision }));
  assert.match(
    problems,
    /\n考核、社会评议和责任追究结果情况：2023年5月20日，对区教育局开展社会评议（政务公开满意度测评），评议结果：满意率96%；2023年9月3日，就逾期答复申请对某镇进行责任追究，处理结果：通报批评。$/,
  );
  assert.match(draftSections(input({ supervision: facts() })).problems, /考核、社会评议和责任追究结果情况：【请补充：/);
  assert.ok(!draftSections(input({ supervision: facts({ government: false }) })).problems.includes('责任追究结果'));
  assert.ok(!draftSections(input()).problems.includes('责任追究结果'), 'no facts: section 五 as before');
});
