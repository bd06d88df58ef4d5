// Moves real cases through the statutory procedure for the report tests: submit on the portal form,
// register, draft the reply with an outcome, legal review, approval, service — or withdraw, or a fee.
import { submitApplication } from '../../../src/app/applications/submit-application.js';
import { actOnApplication } from '../../../src/app/applications/act-on-application.js';
import { creditCodeCheckChar } from '../../../src/domain/orgs/credit-code.js';
import type { Outcome } from '../../../src/domain/applications/application.js';
import type { Actor } from '../../../src/domain/policies/actor.js';
import type { TestRuntime } from '../../support/runtime.js';
import { sampleForm } from '../../support/staff.js';

/** The case-working staff of one organization. */
export type CaseStaff = { handler: Actor; legal: Actor; signer: Actor; officeHead: Actor };

/** A valid unified social credit code for a fictional applicant organization. */
export function applicantCreditCode(serial: number): string {
  const first17 = `91999901MA${String(serial).padStart(7, '0')}`;
  return first17 + (creditCodeCheckChar(first17) ?? '0');
}

/** The portal form of an applicant of a type (a legal person of the subtype, natural person otherwise). */
export function applicantForm(subtype: string | null, serial: number): Record<string, unknown> {
  if (subtype === null) return sampleForm();
  return sampleForm({
    applicant: {
      type: 'legal_person',
      subtype,
      name: `示例申请单位${serial}`,
      idNumber: applicantCreditCode(serial),
      legalRepresentative: '赵法人',
      contactPerson: '钱联系',
      phone: '13912345678',
      email: 'org@example.com',
      address: '示例区建设路1号',
      postcode: '999001',
    },
  });
}

/** Submits an online application to the organization on the clock's day, and registers it. */
export async function receive(
  rt: TestRuntime,
  staff: CaseStaff,
  orgCode: string,
  subtype: string | null,
  serial: number,
): Promise<string> {
  const { id } = await submitApplication(rt.ctx, null, {
    orgCreditCode: orgCode,
    channel: 'online',
    form: applicantForm(subtype, serial),
  });
  await actOnApplication(rt.ctx, staff.handler, id, 'register', {});
  return id;
}

/** Drafts the reply with `outcome`, passes legal review, approves and serves it (today). */
export async function reply(rt: TestRuntime, staff: CaseStaff, id: string, outcome: Outcome): Promise<void> {
  await actOnApplication(rt.ctx, staff.handler, id, 'draft_reply', {
    outcome,
    reasons: '经审查，依据相关规定作出本答复。',
    provision: '电子邮件发送',
    legalBasis: '《中华人民共和国政府信息公开条例》',
    previousReply: '示政依申〔2025〕1号，2025年1月10日',
  });
  await actOnApplication(rt.ctx, staff.legal, id, 'pass_legal_review', { confidentialityReviewed: true });
  await actOnApplication(rt.ctx, staff.signer, id, 'approve_reply', {});
  await actOnApplication(rt.ctx, staff.handler, id, 'send_reply', { method: 'email' });
}

/** Issues a fee notice of `pages` pages (国办函〔2020〕109号 by volume) and records its payment. */
export async function chargeAndPay(rt: TestRuntime, staff: CaseStaff, id: string, pages: number): Promise<void> {
  await actOnApplication(rt.ctx, staff.handler, id, 'issue_fee_notice', { pages });
  await actOnApplication(rt.ctx, staff.handler, id, 'record_payment', {});
}

/** Withdraws a case on the applicant's request (counted under （六）3 其他). */
export async function withdraw(rt: TestRuntime, staff: CaseStaff, id: string): Promise<void> {
  await actOnApplication(rt.ctx, staff.handler, id, 'withdraw', { reason: '申请人撤回申请' });
}
