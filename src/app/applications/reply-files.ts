// A reply's attachments and its draft notice (docs/decisions/0012-reply-approval.md): the handler uploads the
// information provided while drafting; the handler, the legal reviewer and the signer (the roles of the case's
// organization that see personal data) read the draft 答复告知书 and download the attachments; the approval hash
// over both is recorded at approve_reply and checked again at send_reply.
import type { ApplicationContext, ApplicationUseCaseRepos, ReplyFileRecord } from './ports.js';
import type { Actor } from '../../domain/policies/actor.js';
import type { ApplicationSnapshot } from '../../domain/applications/application.js';
import type { NoticeDocument } from '../../domain/notices/notice.js';
import {
  approvedHashOf,
  checkReplyFile,
  checkReplyFilesEditable,
  draftRound,
  replyApprovalHash,
  REPLY_FILES_EDITABLE_IN,
} from '../../domain/applications/reply-approval.js';
import { AppError, forbidden, fromDomainError, notFound } from '../errors.js';
import { auditBy } from '../actors.js';
import { accessTo, auditGrantedView, loadCase, type CaseAccess, type CaseContext } from './case-context.js';
import { currentReplyDraft } from './notices.js';
import { renderNoticeDocx } from './notice-queries.js';
import { noticeSettings } from './notice-settings.js';
import { replySettings } from './reply-settings.js';

/** An attachment as pages and the API list it. */
export type ReplyFileItem = Pick<ReplyFileRecord, 'id' | 'name' | 'mime' | 'size' | 'sha256' | 'round' | 'uploadedAt'>;

/** What the case page shows of the reply: the draft notice, the attachments, the approval, what the actor may do. */
export type ReplyPanel = {
  /** The stored draft of the latest draft_reply, if any. */
  draft: { seq: number; title: string } | null;
  files: ReplyFileItem[];
  /** The hash recorded by the last approval (when the case is approved or sent). */
  approvedHash: string | null;
  /** The size limit of one attachment, bytes. */
  maxFileBytes: number;
  can: { editFiles: boolean };
};

/**
 * A case the actor may read the reply of: those who see its applicant's personal data (the reply and its files
 * name and may quote the applicant), with their access.
 */
async function readableCase(
  ctx: ApplicationContext,
  actor: Actor,
  caseId: string,
): Promise<CaseContext & { access: CaseAccess }> {
  const c = await loadCase(ctx.repos, caseId);
  const access = await accessTo(ctx.repos, actor, c);
  if (access.personal === null) throw notFound('申请');
  return { ...c, access };
}

const item = (f: ReplyFileRecord): ReplyFileItem => ({
  id: f.id,
  name: f.name,
  mime: f.mime,
  size: f.size,
  sha256: f.sha256,
  round: f.round,
  uploadedAt: f.uploadedAt,
});

/**
 * The reply part of the case page, or null for an actor who may not see it (supervisors, admins).
 */
export async function replyPanel(ctx: ApplicationContext, actor: Actor, caseId: string): Promise<ReplyPanel | null> {
  const c = await readableCase(ctx, actor, caseId).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'not_found') return null;
    throw e;
  });
  if (!c) return null;
  const [draft, files, settings] = await Promise.all([
    currentReplyDraft(ctx.repos, c.app),
    ctx.repos.replyFiles.forApplication(caseId),
    replySettings(ctx.repos),
  ]);
  return {
    draft: draft ? { seq: draft.seq, title: draft.body.title } : null,
    files: files.map(item),
    approvedHash: ['approved', 'replied', 'archived'].includes(c.app.state) ? approvedHashOf(c.app) : null,
    maxFileBytes: settings.maxFileBytes,
    can: {
      editFiles: c.app.state === REPLY_FILES_EDITABLE_IN && c.access.works,
    },
  };
}

/** Only a handler of the case (its 协办 helper drafts too), only while drafting. */
function checkMayEdit(c: { app: CaseContext['app']; access: CaseAccess }): void {
  if (!c.access.works) throw forbidden('只有本案的承办人可以上传或删除答复附件');
  const editable = checkReplyFilesEditable(c.app.state);
  if (!editable.ok) throw fromDomainError(editable.error);
}

/**
 * Adds an attachment to the reply being drafted, its type read from its content.
 * @throws AppError 'invalid' (field `attachment`) for a refused file, 'conflict' `not_drafting` outside drafting,
 *   'forbidden' unless a handler of the case, 'not_found'
 */
export async function uploadReplyFile(
  ctx: ApplicationContext,
  actor: Actor,
  caseId: string,
  upload: { name: string; content: Uint8Array },
): Promise<ReplyFileItem> {
  const c = await readableCase(ctx, actor, caseId);
  checkMayEdit(c);
  const name = upload.name.trim().split(/[\\/]/).pop() ?? '';
  const { maxFileBytes } = await replySettings(ctx.repos);
  const checked = checkReplyFile(name, upload.content, maxFileBytes);
  if (!checked.ok) throw fromDomainError(checked.error, { attachment: checked.error.message });
  const now = ctx.clock.nowIso();
  return ctx.uow.run(async (r) => {
    const fileId = await r.files.put(upload.content, checked.value, now);
    const record: ReplyFileRecord = {
      id: ctx.crypto.newId(),
      applicationId: caseId,
      fileId,
      name,
      mime: checked.value,
      size: upload.content.byteLength,
      sha256: fileId,
      round: draftRound(c.app),
      uploadedBy: actor.userId,
      uploadedAt: now,
    };
    await r.replyFiles.insert(record);
    await auditFiles(r, actor, c, now, {
      action: 'added',
      before: null,
      after: { file: record.id, name, sha256: fileId },
    });
    return item(record);
  });
}

/**
 * Removes an attachment from the reply being drafted.
 * @throws AppError as uploadReplyFile; 'not_found' for an attachment of another case
 */
export async function removeReplyFile(
  ctx: ApplicationContext,
  actor: Actor,
  caseId: string,
  fileId: string,
): Promise<void> {
  const c = await readableCase(ctx, actor, caseId);
  const file = (await ctx.repos.replyFiles.forApplication(caseId)).find((f) => f.id === fileId);
  if (!file) throw notFound('附件');
  checkMayEdit(c);
  const now = ctx.clock.nowIso();
  await ctx.uow.run(async (r) => {
    await r.replyFiles.remove(fileId);
    await auditFiles(r, actor, c, now, {
      action: 'removed',
      before: { file: fileId, name: file.name, sha256: file.sha256 },
      after: null,
    });
  });
}

/** The audit entry of an attachment added to or removed from a case's reply. */
async function auditFiles(
  r: ApplicationUseCaseRepos,
  actor: Actor,
  c: CaseContext,
  now: string,
  change: {
    action: 'added' | 'removed';
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  },
): Promise<void> {
  const { action, ...values } = change;
  const entry = { action: `application.reply_file_${action}`, entityType: 'application', entityId: c.app.id };
  await r.audit.append(auditBy(actor, { ...entry, orgId: c.org.id, ...values }), now);
}

/** One stored attachment's bytes as a download. */
export async function fileDownload(
  repos: ApplicationUseCaseRepos,
  file: ReplyFileRecord,
): Promise<{ bytes: Uint8Array; mime: string; name: string }> {
  const stored = await repos.files.get(file.fileId);
  if (!stored) throw notFound('附件');
  return { bytes: stored.content, mime: file.mime, name: file.name };
}

/**
 * An attachment of a case's reply, for the roles of the case that see personal data.
 * @throws AppError 'not_found' (also for a case the actor may not see)
 */
export async function replyFileContent(
  ctx: ApplicationContext,
  actor: Actor,
  caseId: string,
  fileId: string,
): Promise<{ bytes: Uint8Array; mime: string; name: string }> {
  const c = await readableCase(ctx, actor, caseId);
  const file = (await ctx.repos.replyFiles.forApplication(caseId)).find((f) => f.id === fileId);
  if (!file) throw notFound('附件');
  await auditGrantedView(ctx, actor, c.access, {
    action: 'application.reply_file_viewed',
    entityType: 'application',
    entityId: caseId,
    orgId: c.org.id,
    detail: { fileId },
  });
  return fileDownload(ctx.repos, file);
}

/** The draft notice with what its print view needs. */
export type ReplyDraftView = { doc: NoticeDocument; caseId: string; orgId: string; hasSeal: boolean };

/**
 * The draft 答复告知书 of the latest draft_reply, for the roles of the case that see personal data.
 * @throws AppError 'not_found' when there is none or the actor may not see it
 */
export async function replyDraftNotice(ctx: ApplicationContext, actor: Actor, caseId: string): Promise<ReplyDraftView> {
  const c = await readableCase(ctx, actor, caseId);
  const draft = await currentReplyDraft(ctx.repos, c.app);
  if (!draft) throw notFound('答复告知书草稿');
  await auditGrantedView(ctx, actor, c.access, {
    action: 'application.reply_draft_viewed',
    entityType: 'application',
    entityId: caseId,
    orgId: c.org.id,
  });
  const hasSeal = (await noticeSettings(ctx.repos, c.org)).sealFileId !== null;
  return { doc: draft.body, caseId, orgId: c.org.id, hasSeal };
}

/** The draft 答复告知书 as a DOCX. */
export async function replyDraftDocx(
  ctx: ApplicationContext,
  actor: Actor,
  caseId: string,
): Promise<{ bytes: Uint8Array; mime: string; name: string }> {
  const view = await replyDraftNotice(ctx, actor, caseId);
  const c = await loadCase(ctx.repos, caseId);
  return renderNoticeDocx(ctx, c.org, view.doc, `${view.doc.title}（草稿）-${c.app.trackingCode}.docx`);
}

/**
 * The approval hash of the reply as stored now: the draft of the latest draft_reply and the attachments.
 * @returns null for a case drafted before drafts were stored
 */
export async function currentReplyHash(
  ctx: Pick<ApplicationContext, 'crypto'> & { repos: ApplicationUseCaseRepos },
  app: Pick<ApplicationSnapshot, 'id' | 'events'>,
): Promise<string | null> {
  const draft = await currentReplyDraft(ctx.repos, app);
  if (!draft) return null;
  const files = await ctx.repos.replyFiles.forApplication(app.id);
  return replyApprovalHash(draft.body, files, (text) => ctx.crypto.sha256(text));
}
