// Disclosure applications for tests, made through the real use cases: an online application on the
// portal form, then the statutory procedure's moves (登记, 补正, 征求意见, 收费, 起草答复, 合法性审查, 审批,
// 送达, 归档, 撤回) until the case is in the state asked for.
import { submitApplication } from '../../src/app/applications/submit-application.js';
import { moveApplicationTo } from '../../src/app/demo/application-moves.js';
import type { ApplicationState } from '../../src/domain/applications/application.js';
import type { CaseStaff } from './staff.js';
import { rootOrg, type Rt } from './orgs.js';

export { caseStaff, type CaseStaff } from './staff.js';

/** A valid online application form of a natural person (fields over it as given). */
export function applicationForm(overrides: Record<string, unknown> = {}) {
  return {
    applicant: {
      type: 'natural_person',
      name: '张三',
      idType: 'resident_id',
      idNumber: '11010519491231002X',
      phone: '13812345678',
      email: 'zhangsan@example.com',
      address: '示例区人民路100号',
      postcode: '999001',
    },
    description: '2024年示例区老旧小区改造项目的立项批复文件',
    title: '',
    docNo: '',
    indexNo: '',
    carrier: 'electronic',
    delivery: 'email',
    ...overrides,
  };
}

/** The back office's entry form (/admin/applications/new) for a registered letter from 王五, as posted. */
export const staffEntryLetter = (orgCreditCode: string, over: Record<string, string> = {}): Record<string, string> => ({
  orgCreditCode,
  channel: 'registered_mail',
  'dates.submittedOn': '2025-09-22',
  'dates.signedForOn': '2025-09-25',
  'dates.confirmedOn': '',
  'applicant.type': 'natural_person',
  'applicant.name': '王五',
  'applicant.idType': 'resident_id',
  'applicant.idNumber': '11010519491231002X',
  'applicant.phone': '13912345678',
  'applicant.address': '示例区人民路1号',
  'applicant.postcode': '999001',
  description: '示例区2024年道路维修工程的招标文件',
  carrier: 'paper',
  delivery: 'post',
  submissionKey: '',
  ...over,
});

/**
 * The recorded moves of a case that is registered and assigned, corrected (补正), extended (延期), answered
 * after legal review and approval, and archived: the order the tests drive a full case in.
 */
export const CORRECTED_CASE_MOVES = [
  'submit',
  'register',
  'assign',
  'request_correction',
  'receive_correction',
  'extend',
  'draft_reply',
  'pass_legal_review',
  'approve_reply',
  'send_reply',
  'archive',
] as const;

/**
 * Submits an online application to `org` (credit code; default the root) on the clock's day and brings
 * it to `state` (default received) with the moves of the case workers `staff` (needed beyond received),
 * made at the clock's current time.
 * @param opts.reply parameters of the drafted reply over the default (予以公开, sent by email)
 * @returns the case's id and 查询码
 */
export async function makeApplication(
  rt: Rt,
  opts: {
    state?: ApplicationState;
    staff?: CaseStaff;
    org?: string;
    form?: Record<string, unknown>;
    reply?: Record<string, unknown>;
  } = {},
): Promise<{ id: string; trackingCode: string }> {
  const { id, trackingCode } = await submitApplication(rt.ctx, null, {
    orgCreditCode: opts.org ?? (await rootOrg(rt)).creditCode,
    channel: 'online',
    form: opts.form ?? applicationForm(),
  });
  const state = opts.state ?? 'received';
  if (state !== 'received') {
    if (!opts.staff) throw new Error(`case workers are needed to bring an application to ${state}`);
    await moveApplicationTo(rt.ctx, opts.staff, id, state, opts.reply ? { draft_reply: opts.reply } : {});
  }
  return { id, trackingCode };
}
