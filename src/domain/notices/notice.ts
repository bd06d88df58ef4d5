// Notices (告知书): the letters an office sends while handling a disclosure application, as a pure
// model → structured document step. The HTML view and the DOCX writer only lay the document out.
//
// Kinds: 接收回执 (acknowledgement), 补正告知书 (art. 30), 延期答复告知书 (art. 33), 收费通知书
// (art. 42; 国办函〔2020〕109号), 征求第三方意见书 (art. 32), 征求意见书 to a co-producing agency
// (art. 34), 依申请公开政府信息告知书 (the reply, arts. 36–39, one template per outcome code) and
// 决定公开告知书 to a third party that objected (art. 32, last sentence).
import type { Outcome } from '../applications/application.js';
import type { LocalDate } from '../core/local-date.js';
import { err, ok, type Result } from '../core/result.js';
import {
  paragraphApplies,
  paragraphText,
  renderTemplate,
  type NoticeTemplate,
  type PlaceholderValues,
  type TemplateIssue,
} from './notice-template.js';
import { noticeValues } from './notice-values.js';
import { describePlaceholder } from './placeholders.js';
import { remedyTemplate, templateFor, templateKeyOf, type OrgNoticeTemplates, type TemplateKey } from './templates.js';
import { remedyVariantFor } from './reply-outcomes.js';

import type { NoticeKind, NoticeModel, ReplyNotice, ThirdPartyDisclosureNotice } from './notice-model.js';

export { NOTICE_KINDS } from './notice-model.js';
export type {
  NoticeKind,
  NoticeOrg,
  NoticeParty,
  NoticeBase,
  AcknowledgementNotice,
  CorrectionNotice,
  ExtensionNotice,
  FeeBasis,
  FeeNotice,
  ThirdPartyConsultationNotice,
  AgencyConsultationNotice,
  RemedyBodies,
  ReplyNotice,
  ThirdPartyDisclosureNotice,
  NoticeModel,
} from './notice-model.js';
export { NOTICE_KIND_LABELS, NOT_FOR_APPLICANT } from './notice-model.js';

/** A generated notice, ready for layout (HTML, DOCX) and for storage as JSON (notice.body_json). */
export type NoticeDocument = {
  kind: NoticeKind;
  templateKey: TemplateKey;
  /** The outcome code for replies, else null. */
  outcome: Outcome | null;
  docNo: string;
  title: string;
  /** E.g. 张三： */
  addressee: string;
  /** Body paragraphs, each printed with a two-character first-line indent. */
  paragraphs: string[];
  signature: { orgName: string; issuedOn: LocalDate; date: string };
  /** The seal area; imageRef is the uploaded seal, null for an empty placeholder. */
  seal: { imageRef: string | null };
};

/**
 * Generates a notice from its model and the organization's templates (defaults where none).
 * @param model the notice data
 * @param templates the organization's edited templates, if any
 * @returns the document, or every template problem and missing value found
 */
export function buildNoticeDocument(
  model: NoticeModel,
  templates: OrgNoticeTemplates = {},
): Result<NoticeDocument, TemplateIssue[]> {
  const key = templateKeyOf(model);
  const issues: TemplateIssue[] = [];
  const remedies =
    model.kind === 'reply' || model.kind === 'disclosure_third_party'
      ? renderRemedies(model, templates, issues)
      : undefined;
  const values = noticeValues(model, remedies);
  const rendered = renderNotice(templateFor(key, templates), values, issues);
  if (issues.length > 0) return err(issues);
  return ok({
    kind: model.kind,
    templateKey: key,
    outcome: model.kind === 'reply' ? model.outcome : null,
    docNo: model.docNo,
    ...rendered,
    signature: { orgName: model.org.name, issuedOn: model.issuedOn, date: values.issuedOn ?? '' },
    seal: { imageRef: model.sealImageRef ?? null },
  });
}

function renderRemedies(
  model: ReplyNotice | ThirdPartyDisclosureNotice,
  templates: OrgNoticeTemplates,
  issues: TemplateIssue[],
): string {
  // A third party contests the decision to disclose: both routes are open to it (art. 23 ¶1 (4) is the applicant's).
  const variant =
    model.kind === 'reply' ? remedyVariantFor(model.outcome, model.issuedOn, model.reviewRoutes) : 'either';
  const values: PlaceholderValues = {
    reconsiderationBody: model.remedies.reconsiderationBody.trim() || undefined,
    court: model.remedies.court?.trim() || '有管辖权的人民法院',
  };
  return collect(renderTemplate(remedyTemplate(variant, templates), values), `remedies.${variant}`, issues);
}

function renderNotice(template: NoticeTemplate, values: PlaceholderValues, issues: TemplateIssue[]) {
  const paragraphs: string[] = [];
  template.paragraphs.forEach((p, i) => {
    if (!paragraphApplies(p, values)) return;
    const text = collect(renderTemplate(paragraphText(p), values), `paragraph ${i + 1}`, issues);
    paragraphs.push(
      ...text
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== ''),
    );
  });
  return {
    title: collect(renderTemplate(template.title, values), 'title', issues),
    addressee: collect(renderTemplate(template.addressee, values), 'addressee', issues),
    paragraphs,
  };
}

function collect(r: ReturnType<typeof renderTemplate>, where: string, issues: TemplateIssue[]): string {
  for (const name of r.unknown) {
    issues.push({ code: 'unknown_placeholder', placeholder: name, where, message: `未知的占位符 {{${name}}}` });
  }
  for (const name of r.missing) {
    issues.push({ code: 'missing_value', placeholder: name, where, message: `缺少内容：${describePlaceholder(name)}` });
  }
  for (const m of r.malformed) {
    issues.push({ code: 'malformed_placeholder', placeholder: m, where, message: `占位符格式错误：“${m}”` });
  }
  return r.text;
}
