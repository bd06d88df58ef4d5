// Emails to the applicant: on receipt, and with each notice (补正, 延期, 收费, 答复…) a move issues.
import type { ApplicationUseCaseRepos } from './ports.js';
import type { ApplicationSnapshot } from '../../domain/applications/application.js';
import { NOT_FOR_APPLICANT, type NoticeDocument } from '../../domain/notices/notice.js';
import type { Organization } from '../../domain/orgs/organization.js';
import { enqueueMail } from '../mail/outbox.js';

/**
 * Queues the receipt email of a new application (when the applicant gave an email address). It echoes nothing
 * the applicant typed — not even the name, since anyone can type any address into the public form — only the
 * tracking code and the office's own words (docs/security/abuse.md).
 */
export async function mailReceipt(
  repos: ApplicationUseCaseRepos,
  newId: () => string,
  app: Pick<ApplicationSnapshot, 'id' | 'trackingCode' | 'receivedOn' | 'dueOn' | 'applicant'>,
  org: Organization,
  at: string,
): Promise<void> {
  const text = [
    '申请人：',
    '',
    `${org.name}已收到您的政府信息公开申请。`,
    `查询码：${app.trackingCode}`,
    `收到申请日期：${app.receivedOn}`,
    `答复期限：${app.dueOn ?? '—'}（依照《中华人民共和国政府信息公开条例》第三十三条，补正、征求意见等情形下期限按规定计算）`,
    '',
    '您可凭查询码和申请时填写的手机号码或证件号码在网站“申请查询”页面查看办理进度。',
    '',
    org.officeName || org.name,
  ].join('\n');
  await enqueueMail(
    repos,
    newId,
    {
      to: app.applicant.email,
      subject: `【${org.shortName || org.name}】政府信息公开申请已收到（查询码 ${app.trackingCode}）`,
      text,
      kind: 'application.receipt',
      refId: app.id,
    },
    at,
  );
}

/** Queues an email carrying a notice's text to the applicant (not for letters to third parties or agencies). */
export async function mailNotice(
  repos: ApplicationUseCaseRepos,
  newId: () => string,
  app: ApplicationSnapshot,
  org: Organization,
  doc: NoticeDocument,
  at: string,
): Promise<void> {
  if (NOT_FOR_APPLICANT.includes(doc.kind)) return;
  const text = [
    doc.docNo,
    '',
    doc.title,
    '',
    doc.addressee,
    ...doc.paragraphs.map((p) => `　　${p}`),
    '',
    doc.signature.orgName,
    doc.signature.date,
    '',
    `（查询码：${app.trackingCode}。正式文书以加盖印章的纸质或电子文件为准。）`,
  ].join('\n');
  await enqueueMail(
    repos,
    newId,
    {
      to: app.applicant.email,
      subject: `【${org.shortName || org.name}】${doc.title}（${doc.docNo}）`,
      text,
      kind: `notice.${doc.kind}`,
      refId: app.id,
    },
    at,
  );
}
