// The demo district's disclosure applications (依申请公开) and its reconsideration case (行政复议): last year's
// cases, all closed with a spread of outcomes (the annual report's section 三), this year's in a spread of states,
// and a 复议 about one of last year's replies. Every case is filed on the portal form and moved on by the case
// workers through the real use cases, each move on its own day.
import { addDays, localDate, type LocalDate } from '../../domain/core/local-date.js';
import { residentIdCheckChar } from '../../domain/applications/contact-checks.js';
import { creditCodeCheckChar } from '../../domain/orgs/credit-code.js';
import type { ApplicationState } from '../../domain/applications/application.js';
import { submitApplication } from '../applications/submit-application.js';
import { actOnApplication } from '../applications/act-on-application.js';
import { createReview, updateReview } from '../reviews/manage-reviews.js';
import { CASE_MOVES, pathTo, withParams, type CaseMove, type CaseStaff } from './application-moves.js';
import { daysAgo, workdayAfter, type DemoEvent, type DemoWorld } from './demo-timeline.js';

/** Organizations (DEMO_ORGS index) that receive demo applications: the root, 区教育局, 区自然资源局. */
export const CASE_ORGS = [0, 2, 5] as const;

/** Fictional applicants: natural persons, then legal persons with their 法人 category (the report's columns). */
const PEOPLE = ['陈示例', '林样本', '赵演示', '周虚构', '吴示范', '郑模拟', '王样例', '冯假设'] as const;
const COMPANIES = [
  ['示例某某房地产开发有限公司', 'business'],
  ['示例区社会发展研究所', 'research'],
  ['示例区助老公益服务中心', 'nonprofit'],
  ['示例某某律师事务所', 'legal_services'],
] as const;

/** A fictional resident ID (region 829901 does not exist; check digit per GB 11643). */
function residentId(n: number): string {
  const first17 = `829901${1960 + (n % 40)}0${1 + (n % 9)}1${n % 10}${String(100 + n).slice(-3)}`;
  return first17 + (residentIdCheckChar(first17) ?? '0');
}

/** A fictional unified social credit code of a company (region 999901). */
function companyCode(n: number): string {
  const first17 = `91999901MA${String(n).padStart(7, '0')}`;
  return first17 + (creditCodeCheckChar(first17) ?? '0');
}

/** The online form of demo applicant `n` asking for `description` (no email: no receipt is queued). */
function form(n: number, description: string): Record<string, unknown> {
  const contact = {
    phone: `1390999${String(1000 + n).slice(-4)}`,
    address: `示例区幸福路${n + 1}号`,
    postcode: '999001',
  };
  const company = n % 3 === 2 ? COMPANIES[n % COMPANIES.length] : undefined;
  const applicant = company
    ? {
        type: 'legal_person',
        subtype: company[1],
        name: company[0],
        idNumber: companyCode(n + 1),
        contactPerson: PEOPLE[n % PEOPLE.length],
        ...contact,
      }
    : {
        type: 'natural_person',
        name: PEOPLE[n % PEOPLE.length],
        idType: 'resident_id',
        idNumber: residentId(n),
        ...contact,
      };
  return { applicant, description, title: '', docNo: '', indexNo: '', carrier: 'paper', delivery: 'post' };
}

/** What the applicants ask for (fictional). */
const REQUESTS = [
  '示例区幸福小区老旧小区改造项目的立项批复文件',
  '示例区人民路改造工程的招标文件及中标结果',
  '本人房屋所在地块的征收补偿方案',
  '示例区上一年度城乡低保资金发放情况',
  '示例区第一中学新校区建设项目环评批复',
  '示例镇某村集体土地流转合同',
  '示例区城市绿化专项资金使用明细',
  '示例区公共停车场收费标准的制定依据',
  '示例区学区划分的依据和调整程序',
  '示例区某地块国有土地使用权出让合同',
] as const;

/** The reply's parameters for an outcome: the 提供方式 of a disclosure, the reasons of a refusal. */
function reply(outcome: string): Record<string, unknown> {
  if (outcome === 'disclosed') return { outcome, provision: '随本告知书邮寄提供' };
  if (outcome === 'partially_disclosed') {
    return {
      outcome,
      provision: '随本告知书邮寄提供可以公开的部分',
      reasons: '其中涉及第三方个人信息的内容不予公开。',
    };
  }
  return { outcome, reasons: '经检索本机关档案和业务系统，依法作出上述答复。（示例数据）' };
}

const M = CASE_MOVES;
/** The reply by post, through legal review and approval. */
const answer = (outcome: string): CaseMove[] => [
  withParams(M.draftReply, reply(outcome)),
  M.passReview,
  M.approve,
  withParams(M.send, { method: 'post' }),
];
/** 分配承办人: the handler assigns the case to another handler of the organization. */
const assign = (to: keyof CaseStaff): CaseMove => ({
  who: 'handler',
  action: 'assign',
  params: (_clock, staff) => ({ handler: staff[to].username }),
});
const extend: CaseMove = {
  who: 'officeHead',
  action: 'extend',
  params: () => ({ workingDays: 20, reason: '所需信息涉及多个部门，需协调调取，无法在规定期限内答复。' }),
};
const correction: CaseMove[] = [
  M.requestCorrection,
  {
    who: 'handler',
    action: 'receive_correction',
    params: () => ({ correctedRequest: '补正后：明确了所需文件的名称和形成时间。' }),
  },
];
const payment: CaseMove[] = [M.feeNotice, { who: 'handler', action: 'record_payment', params: () => ({}) }];

/** Last year's cases of the root (all closed): the moves after registration. */
const CLOSED: readonly CaseMove[][] = [
  [...answer('disclosed'), M.archive],
  [...answer('partially_disclosed'), M.archive],
  [...correction, ...answer('disclosed'), M.archive],
  [...answer('withheld.third_party_rights'), M.archive],
  [...answer('unavailable.not_held'), M.archive],
  [...payment, ...answer('disclosed'), M.archive],
  [extend, ...answer('withheld.process_information'), M.archive],
  [...answer('unavailable.needs_creation'), M.archive],
  [M.withdraw, M.archive],
  [...answer('not_processed.petition_or_complaint'), M.archive],
  [...answer('disclosed')],
];

/** This year's cases of the root: the states they are left in, with the moves that bring them there. */
const OPEN: readonly [ApplicationState | 'extended' | 'corrected', CaseMove[]][] = [
  ['received', []],
  ['registered', [assign('handler2')]],
  ['awaiting_correction', [M.requestCorrection]],
  ['corrected', correction],
  ['in_consultation', [M.consult]],
  ['awaiting_payment', [M.feeNotice]],
  ['extended', [extend]],
  ['in_legal_review', answer('disclosed').slice(0, 1)],
  ['awaiting_approval', answer('disclosed').slice(0, 2)],
  ['approved', answer('disclosed').slice(0, 3)],
  ['replied', answer('partially_disclosed')],
  ['archived', [...answer('disclosed'), M.archive]],
];

/** Days between a case's moves (registration the next working day). */
const GAP: Partial<Record<string, number>> = {
  register: 1,
  assign: 0,
  receive_correction: 5,
  end_consultation: 10,
  record_payment: 4,
  extend: 12,
  draft_reply: 4,
  pass_legal_review: 2,
  approve_reply: 1,
  send_reply: 1,
  archive: 6,
};

/** One case: where and when it is filed, by whom, whether it is registered, and its moves after registration. */
type CasePlan = { org: number; received: LocalDate; n: number; register?: boolean; moves: readonly CaseMove[] };

/** The events of a case: the filing on its day, then each move on the working day its gap leads to. */
function caseEvents(w: DemoWorld, plan: CasePlan, filed: Map<CasePlan, string>): DemoEvent[] {
  const o = w.orgs.find((x) => x.index === plan.org);
  const staff = w.caseStaff.get(plan.org);
  if (!o || !staff) return [];
  let id = '';
  const events: DemoEvent[] = [
    {
      day: plan.received,
      run: async () => {
        const made = await submitApplication(w.ctx, null, {
          orgCreditCode: o.org.creditCode,
          channel: 'online',
          form: form(plan.n, REQUESTS[plan.n % REQUESTS.length] ?? REQUESTS[0]),
        });
        id = made.id;
        filed.set(plan, made.trackingCode);
      },
    },
  ];
  let day = plan.received;
  for (const m of [...(plan.register === false ? [] : pathTo('registered')), ...plan.moves]) {
    day = workdayAfter(addDays(day, GAP[m.action] ?? 2), w.today);
    events.push({
      day,
      run: async () => void (await actOnApplication(w.ctx, staff[m.who], id, m.action, m.params(w.clock, staff))),
    });
  }
  return events;
}

/** Days a case's moves take (registration and some slack included). */
const span = (moves: readonly CaseMove[]): number => moves.reduce((s, m) => s + (GAP[m.action] ?? 2) + 1, 3);

/** The filing day of last year's case `i`: from February to October, on a working day. */
function lastYearDay(w: DemoWorld, i: number): LocalDate {
  const month = String(2 + (i % 9)).padStart(2, '0');
  const day = String(8 + ((i * 5) % 17)).padStart(2, '0');
  return workdayAfter(localDate(`${w.lastYear}-${month}-${day}`), w.today);
}

/**
 * The events of the demo applications and of the reconsideration case: last year's cases of the root and of two
 * departments, filed from February to October and closed the same year; this year's cases, each filed long enough
 * ago for its moves to have happened by today; and a 复议 about a refusal on third-party grounds.
 */
export function applicationEvents(w: DemoWorld): { events: DemoEvent[]; cases: number } {
  const plans: CasePlan[] = CLOSED.map((moves, i) => ({ org: 0, received: lastYearDay(w, i), n: i, moves }));
  for (const [k, org] of CASE_ORGS.slice(1).entries()) {
    for (const [i, moves] of [CLOSED[0], CLOSED[4], CLOSED[8]].entries()) {
      plans.push({ org, received: lastYearDay(w, 3 * k + i + 2), n: 20 + 3 * k + i, moves: moves ?? [] });
    }
  }
  for (const [i, [state, moves]] of OPEN.entries()) {
    const received = daysAgo(w, span(moves) + (i % 4));
    plans.push({ org: 0, received, n: 40 + i, register: state !== 'received', moves });
  }
  plans.push({ org: 2, received: daysAgo(w, 2), n: 60, moves: [] });
  plans.push({ org: 5, received: daysAgo(w, 20), n: 61, moves: answer('disclosed').slice(0, 1) });
  const filed = new Map<CasePlan, string>();
  const events = plans.flatMap((plan) => caseEvents(w, plan, filed));
  const refused = plans.find((p) => p.moves === CLOSED[3]);
  if (refused) events.push(...reviewEvents(w, refused, () => filed.get(refused) ?? ''));
  return { events, cases: plans.length };
}

/**
 * The reconsideration case: the applicant refused on third-party grounds applies to the city government for
 * 行政复议 some weeks after the reply; it upholds the reply two months later (section 四 of last year's report).
 */
function reviewEvents(w: DemoWorld, plan: CasePlan, trackingCode: () => string): DemoEvent[] {
  const root = w.orgs[0];
  const staff = w.caseStaff.get(0);
  if (!root || !staff) return [];
  const filedOn = workdayAfter(addDays(plan.received, 45), w.today);
  const decided = workdayAfter(addDays(filedOn, 60), w.today);
  let id = '';
  const input = (result: string, resultOn = '') => ({
    orgId: root.org.id,
    trackingCode: trackingCode(),
    kind: 'reconsideration',
    caseNo: `示市复〔${w.lastYear}〕17号`,
    filedOn,
    body: '示例市人民政府',
    claimantName: PEOPLE[plan.n % PEOPLE.length],
    subject: '不予公开政府信息告知书（涉及第三方个人信息）',
    result,
    resultOn,
    handling: result === 'pending' ? '已向复议机关提交答复书和证据材料。' : '复议机关决定维持原答复。',
    notes: '（示例数据）',
  });
  return [
    { day: filedOn, run: async () => void (id = (await createReview(w.ctx, staff.officeHead, input('pending'))).id) },
    { day: decided, run: async () => void (await updateReview(w.ctx, staff.officeHead, id, input('upheld', decided))) },
  ];
}
