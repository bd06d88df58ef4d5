// Which notices (告知书) a move issues, generated from the case and the organization's templates,
// numbered with the organization's document-number pattern, stored in the move's transaction.
// Art. 35's steps issue theirs too: 说明理由 → 说明理由告知书, 延迟答复 → 延迟答复告知书.
import type { ApplicationContext, ApplicationUseCaseRepos } from './ports.js';
import type { Action, ApplicationEvent, ApplicationSnapshot, Outcome } from '../../domain/applications/application.js';
import type { Organization } from '../../domain/orgs/organization.js';
import type { LocalDate } from '../../domain/core/local-date.js';
import {
  buildNoticeDocument,
  type NoticeDocument,
  type NoticeBase,
  type NoticeModel,
  type ThirdPartyDisclosureNotice,
} from '../../domain/notices/notice.js';
import { formatNoticeDocNo } from '../../domain/notices/doc-no.js';
import { formatChineseDate } from '../../domain/core/local-date.js';
import { ok } from '../../domain/core/result.js';
import { invalid } from '../errors.js';
import { noticeSettings, type EffectiveNoticeSettings } from './notice-settings.js';
import type { TemplateIssue } from '../../domain/notices/notice-template.js';
import { mailNotice } from './applicant-mail.js';
import { correctedRequest } from '../../domain/applications/labels.js';

/** The case after a move, for the notices it issues. */
export type NoticeTrigger = { app: ApplicationSnapshot; org: Organization; action: Action; on: string; now: string };

/**
 * Issues the notices a move calls for: 登记 → 接收回执, 补正 → 补正告知书, 延期 → 延期答复告知书,
 * 收费 → 收费通知书, 征求意见 → 征求意见书, 送达答复 → 答复告知书 and, to each consulted third party that
 * objected when the reply discloses, 决定公开告知书 (art. 32).
 * @returns ids of the notices created
 * @throws AppError 'invalid' when a template lacks a value (e.g. reasons for a partial disclosure)
 */
export async function issueNoticesFor(
  ctx: ApplicationContext,
  repos: ApplicationUseCaseRepos,
  t: NoticeTrigger,
): Promise<string[]> {
  const settings = await noticeSettings(repos, t.org);
  const event = t.app.events.at(-1);
  if (!event) return [];
  const model = modelFor(t, event, settings);
  if (!model) return [];
  const models = t.action === 'send_reply' ? [model, ...thirdPartyDisclosures(model, t.app, settings)] : [model];
  // The reply sent is the draft the signer approved (docs/decisions/0012-reply-approval.md), when one is stored.
  const approved = t.action === 'send_reply' ? await currentReplyDraft(repos, t.app) : undefined;
  const ids: string[] = [];
  for (const m of models) {
    ids.push(await issueNotice(ctx, repos, t, m, settings, m.kind === 'reply' ? approved?.body : undefined));
  }
  return ids;
}

/**
 * The stored draft notice of the case's latest `draft_reply`, or undefined for a case drafted before drafts were
 * stored.
 */
export async function currentReplyDraft(
  repos: ApplicationUseCaseRepos,
  app: Pick<ApplicationSnapshot, 'id' | 'events'>,
): Promise<{ seq: number; body: NoticeDocument } | undefined> {
  const drafted = app.events.findLast((e) => e.action === 'draft_reply');
  const draft = drafted ? await repos.replyDrafts.latest(app.id) : undefined;
  return draft && draft.seq === drafted?.seq ? { seq: draft.seq, body: draft.body as NoticeDocument } : undefined;
}

async function issueNotice(
  ctx: ApplicationContext,
  repos: ApplicationUseCaseRepos,
  t: NoticeTrigger,
  model: NoticeModel,
  settings: EffectiveNoticeSettings,
  approved?: NoticeDocument,
): Promise<string> {
  const serial = await repos.counters.next(`notice:${t.org.id}:${t.on.slice(0, 4)}`);
  const docNo = formatNoticeDocNo(settings.docNoPattern, {
    orgShortName: t.org.shortName || t.org.name,
    year: Number(t.on.slice(0, 4)),
    serial,
    kind: model.kind,
  });
  if (!docNo.ok) throw invalid(`告知书文号格式有误：${docNo.error.message}`);
  const doc = approved
    ? ok(numbered(approved, docNo.value, t.on as LocalDate))
    : buildNoticeDocument({ ...model, docNo: docNo.value } as NoticeModel, settings.templates);
  if (!doc.ok) throw invalid(`无法生成告知书：${doc.error.map((i) => i.message).join('；')}`, fixHint(doc.error));
  const id = ctx.crypto.newId();
  await mailNotice(repos, () => ctx.crypto.newId(), t.app, t.org, doc.value, t.now);
  await repos.notices.insert({
    id,
    applicationId: t.app.id,
    kind: model.kind,
    docNo: docNo.value,
    issuedOn: t.on,
    body: doc.value,
    servedOn: null,
    serviceMethod: null,
    serviceRef: null,
    createdAt: t.now,
  });
  return id;
}

/** The approved draft as sent: its text unchanged, with the document number and the date of the letter. */
function numbered(draft: NoticeDocument, docNo: string, on: LocalDate): NoticeDocument {
  return { ...draft, docNo, signature: { ...draft.signature, issuedOn: on, date: formatChineseDate(on) } };
}

/** Where to fix what a notice lacks: the review body is a notice setting, the rest is typed when drafting. */
function fixHint(issues: readonly TemplateIssue[]): Record<string, string> {
  return issues.some((i) => i.placeholder === 'reconsiderationBody')
    ? { reconsiderationBody: `请在本机关的告知书设置中填写行政复议机关（${REVIEW_BODY_HINT}）` }
    : { reasons: '请在“起草答复”时填写告知书所需的理由或依据' };
}

const REVIEW_BODY_HINT = '本级人民政府的行政复议机关无法从机构树确定';

/**
 * The 决定公开告知书 owed to each consulted third party that objected (end_consultation {objection}), when the
 * reply discloses all or part of the information (art. 32, last sentence). Pairs each end_consultation with the
 * start_consultation before it; agencies (art. 34) get none.
 */
function thirdPartyDisclosures(
  reply: NoticeModel,
  a: ApplicationSnapshot,
  s: EffectiveNoticeSettings,
): ThirdPartyDisclosureNotice[] {
  if (reply.kind !== 'reply' || (reply.outcome !== 'disclosed' && reply.outcome !== 'partially_disclosed')) return [];
  const draft = [...a.events].reverse().find((x) => x.action === 'draft_reply');
  const reasons = textParam(draft?.params ?? {}, 'disclosureReasons');
  const out: ThirdPartyDisclosureNotice[] = [];
  let started: Readonly<Record<string, unknown>> | undefined;
  for (const e of a.events) {
    if (e.action === 'start_consultation') started = e.params;
    if (e.action !== 'end_consultation' || started === undefined) continue;
    if (started.kind === 'third_party' && e.params.objection === true) {
      const opinion = textParam(e.params, 'opinion');
      out.push({
        docNo: '',
        org: reply.org,
        applicant: { name: '', address: '' },
        trackingCode: reply.trackingCode,
        receivedOn: reply.receivedOn,
        issuedOn: reply.issuedOn,
        requestDescription: reply.requestDescription,
        sealImageRef: s.sealFileId,
        kind: 'disclosure_third_party',
        party: { name: textParam(started, 'party') ?? '', address: '' },
        outcome: reply.outcome,
        remedies: reply.remedies,
        ...(reasons ? { disclosureReasons: reasons } : {}),
        ...(opinion ? { opinion } : {}),
      });
    }
    started = undefined;
  }
  return out;
}

/**
 * What a 补正告知书 asks the applicant to correct (art. 30): the `request_correction` move's items, else its note,
 * one a line; when neither was given, the general request for the features that identify the information.
 */
export function correctionItems(params: Readonly<Record<string, unknown>>): string[] {
  return lines(
    textParam(params, 'items') ??
      textParam(params, 'note') ??
      '申请内容不够明确，请补充所需政府信息的名称、文号或者便于行政机关查询的其他特征性描述。',
  );
}

/** The non-blank lines of a text typed in a form (browsers send a textarea's line breaks as CRLF), trimmed. */
function lines(text: string): string[] {
  return text
    .split(/[\r\n]+/)
    .map((line) => line.trim())
    .filter(Boolean);
}

function textParam(p: Readonly<Record<string, unknown>>, k: string): string | undefined {
  const v = p[k];
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

function modelFor(t: NoticeTrigger, e: ApplicationEvent, s: EffectiveNoticeSettings): NoticeModel | undefined {
  const a = t.app;
  const p = e.params;
  const str = (k: string): string | undefined =>
    typeof p[k] === 'string' && p[k] !== '' ? (p[k] as string) : undefined;
  const base: NoticeBase = {
    docNo: '',
    org: {
      name: t.org.name,
      officeName: t.org.officeName || t.org.name,
      address: t.org.officeAddress || t.org.address,
      phone: t.org.officePhone || t.org.phone,
      postcode: t.org.postcode,
    },
    applicant: { name: a.applicant.name, address: a.applicant.address },
    trackingCode: a.trackingCode,
    receivedOn: a.receivedOn,
    issuedOn: t.on as LocalDate,
    // After a 补正 the notices name the corrected request (art. 30), not the first wording.
    requestDescription: correctedRequest(a) ?? a.request.description,
    sealImageRef: s.sealFileId,
  };
  switch (t.action) {
    case 'register':
      return { ...base, kind: 'acknowledgement', channel: a.channel, dueOn: (a.dueOn ?? t.on) as LocalDate };
    case 'request_correction':
      return {
        ...base,
        kind: 'correction',
        items: correctionItems(p),
        correctionDueOn: (str('dueOn') ?? t.on) as LocalDate,
      };
    case 'extend':
      return {
        ...base,
        kind: 'extension',
        originalDueOn: (previousDue(a) ?? t.on) as LocalDate,
        newDueOn: (a.dueOn ?? t.on) as LocalDate,
        workingDays: Number(p.workingDays),
        ...(str('reason') ? { reason: str('reason') } : {}),
      };
    case 'request_reasons':
      return {
        ...base,
        kind: 'reasons_request',
        reasonsDueOn: (str('dueOn') ?? t.on) as LocalDate,
        items: lines(str('items') ?? ''),
        pausesClock: p.pausesClock === true,
      };
    case 'set_delayed_period':
      return {
        ...base,
        kind: 'delayed_period',
        originalDueOn: (previousDue(a) ?? t.on) as LocalDate,
        delayedDueOn: (a.dueOn ?? str('dueOn') ?? t.on) as LocalDate,
        reason: str('reason') ?? '',
      };
    case 'issue_fee_notice':
      return {
        ...base,
        kind: 'fee',
        basis: p.pages !== undefined ? 'per_page' : 'per_piece',
        quantity: Number(p.pages ?? p.pieces),
        amountYuan: Number(p.amount),
        paymentInstructions: s.paymentInstructions,
        paymentPeriodExcluded: true,
      };
    case 'start_consultation': {
      const party = { name: str('party') ?? '', address: '' };
      return p.kind === 'agency'
        ? { ...base, kind: 'consultation_agency', agency: party }
        : { ...base, kind: 'consultation_third_party', party };
    }
    case 'send_reply':
      return replyModel(base, a, s);
    // Moves that issue no notice of their own.
    case 'assign':
    case 'transfer':
    case 'request_extension':
    case 'record_reasons':
    case 'receive_correction':
    case 'end_consultation':
    case 'record_payment':
    case 'draft_reply':
    case 'pass_legal_review':
    case 'return_from_legal_review':
    case 'approve_reply':
    case 'return_from_approval':
    case 'withdraw':
    case 'archive':
    case 'propose_lapse':
    case 'lapse_correction':
    case 'lapse_fee':
      return undefined;
  }
}

function replyModel(base: NoticeBase, a: ApplicationSnapshot, s: EffectiveNoticeSettings): NoticeModel {
  const draft = [...a.events].reverse().find((x) => x.action === 'draft_reply');
  const dp = draft?.params ?? {};
  const opt = (k: string) => (typeof dp[k] === 'string' && dp[k] !== '' ? { [k]: dp[k] as string } : {});
  return {
    ...base,
    kind: 'reply',
    outcome: a.outcome as Outcome,
    remedies: { reconsiderationBody: s.reviewBody.name ?? '', court: s.court },
    reviewRoutes: s.reviewRoutes,
    ...opt('reasons'),
    ...opt('provision'),
    ...opt('legalBasis'),
    ...opt('referralAgency'),
    ...opt('previousReply'),
  };
}

function previousDue(a: ApplicationSnapshot): string | null {
  return a.events.at(-2)?.dueOn ?? null;
}

/** The document number a draft reply notice carries until it is sent (the number is assigned then). */
export const DRAFT_DOC_NO = '（草稿）';

/**
 * Generates the draft 答复告知书 at drafting time (stored with the draft_reply, shown to the legal reviewer and the
 * signer, covered by the approval hash), and checks that the notices the reply needs can be generated (e.g. reasons
 * for a partial disclosure), so the error reaches the handler now, not after legal review and approval.
 * @returns the draft, numbered DRAFT_DOC_NO and dated the day of drafting
 * @throws AppError 'invalid' naming what the notice lacks
 */
export async function buildReplyDraft(
  repos: ApplicationUseCaseRepos,
  org: Organization,
  app: ApplicationSnapshot,
  on: string,
): Promise<NoticeDocument> {
  const s = await noticeSettings(repos, org);
  const base = modelFor(
    { app, org, action: 'register', on, now: '' },
    app.events.at(-1) ?? ({ params: {} } as ApplicationEvent),
    s,
  );
  if (!base) throw invalid('无法生成答复告知书');
  const {
    kind: _kind,
    channel: _channel,
    dueOn: _dueOn,
    ...common
  } = base as NoticeBase & { kind: string; channel: unknown; dueOn: unknown };
  const reply = { ...replyModel(common, app, s), docNo: DRAFT_DOC_NO } as NoticeModel;
  const doc = buildNoticeDocument(reply, s.templates);
  if (!doc.ok) throw invalid(`答复告知书缺少内容：${doc.error.map((i) => i.message).join('；')}`, fixHint(doc.error));
  for (const notice of thirdPartyDisclosures(reply, app, s)) {
    const letter = buildNoticeDocument({ ...notice, docNo: DRAFT_DOC_NO }, s.templates);
    if (!letter.ok) {
      throw invalid(`决定公开告知书（第三方）缺少内容：${letter.error.map((i) => i.message).join('；')}`, {
        disclosureReasons: '第三方不同意公开而本机关决定公开的，请填写决定公开的理由（条例第三十二条）',
      });
    }
  }
  return doc.value;
}
