// Sample notices for the notice tests (unit and integration): one issuing office, one applicant, one case.
import type { Outcome } from '../applications/application.js';
import { localDate } from '../core/local-date.js';
import type { Result } from '../core/result.js';
import type { NoticeBase, ReplyNotice } from './notice.js';
import type { TemplateIssue } from './notice-template.js';

/** What every sample notice shares: the office, the applicant (李四 unless given), the case's dates. */
export function sampleNoticeBase(over: Partial<NoticeBase> = {}): NoticeBase {
  return {
    docNo: '示例区政办依申〔2025〕3号',
    org: {
      name: '示例区人民政府办公室',
      officeName: '政务公开科',
      address: '示例区人民路1号',
      phone: '0999-88000001',
      postcode: '100000',
    },
    applicant: { name: '李四', address: '示例区幸福路8号' },
    trackingCode: 'K7QH2M9X',
    receivedOn: localDate('2025-09-26'),
    issuedOn: localDate('2025-09-30'),
    requestDescription: '示例河道整治工程的环评批复。',
    ...over,
  };
}

/** A reply (答复告知书) with the given outcome, issued on 2025-10-20 with both remedy bodies. */
export function sampleReply(outcome: Outcome, over: Partial<ReplyNotice> = {}): ReplyNotice {
  return {
    ...sampleNoticeBase({ docNo: '示例区政办依申〔2025〕12号', issuedOn: localDate('2025-10-20') }),
    kind: 'reply',
    outcome,
    remedies: { reconsiderationBody: '示例区人民政府', court: '示例区人民法院' },
    ...over,
  };
}

/** A build's issues as [code, placeholder, where]; none when it succeeded. */
export function issuesOf<T>(r: Result<T, readonly TemplateIssue[]>): [string, string | undefined, string][] {
  return r.ok ? [] : r.error.map((i) => [i.code, i.placeholder, i.where]);
}
