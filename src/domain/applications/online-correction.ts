// A correction (补正, 《政府信息公开条例》第三十条) the applicant sends online from the applicant's page (/track):
// the corrected request and optional files, checked by content. It is a proposal: it changes nothing in the case
// until the handler confirms it with the `receive_correction` move, whose receipt date is the proposal's own
// (第三十一条第三项: an internet submission is received on the day both sides confirm it; the portal confirms on
// the spot, as for an online application — intake.ts RECEIPT_DATE_FIELD.online).
import type { LocalDate } from '../core/local-date.js';
import { err, ok, type Result } from '../core/result.js';
import { isAttachmentMime, sniffAttachmentType, type AttachmentMime } from '../publications/attachments.js';
import type { FieldErrors } from './intake.js';
import { paramSpecs } from './transition-params.js';
import { RULES_2019 } from './rules.js';

/** Where a proposal stands: waiting for the handler, confirmed by a move, or replaced by a later one. */
export const PROPOSAL_STATES = ['pending', 'accepted', 'superseded'] as const;

/** Where a proposal stands. */
export type ProposalState = (typeof PROPOSAL_STATES)[number];

/** Where a proposal stands, as the back office says it. */
export const PROPOSAL_STATE_LABELS: Readonly<Record<ProposalState, string>> = {
  pending: '待确认',
  accepted: '已确认',
  superseded: '已被申请人重新提交的补正替换',
};

/** A file sent with a correction, as stored. */
export type CorrectionFile = { fileId: string; name: string; mime: AttachmentMime; size: number };

/** A correction sent online, as stored. */
export type ProposedCorrection = {
  id: string;
  applicationId: string;
  /** The receipt date (art. 31 item 3): the day it was sent, in the office's time zone. */
  receivedOn: LocalDate;
  correctedRequest: string;
  files: CorrectionFile[];
  state: ProposalState;
  /** The `receive_correction` event that confirmed it (state 'accepted'). */
  eventSeq: number | null;
  createdAt: string;
};

/** At most this many files with one correction. */
export const MAX_CORRECTION_FILES = 5;

/** Largest file sent with a correction, bytes (10 MB); the whole form is also bounded by GONGKAI_UPLOAD_LIMIT_MB. */
export const MAX_CORRECTION_FILE_BYTES = 10 * 1024 * 1024;

/** Longest corrected request: what `receive_correction` accepts as its `correctedRequest`. */
export const MAX_CORRECTED_REQUEST =
  paramSpecs('receive_correction', RULES_2019).find((s) => s.name === 'correctedRequest')?.max ?? 5000;

/** A file as uploaded: its name and bytes (the declared type is never trusted). */
export type CorrectionUpload = { name: string; content: Uint8Array };

/** A correction that passed the checks: the text trimmed, each file with the type its first bytes say. */
export type CheckedCorrection = {
  correctedRequest: string;
  files: { name: string; mime: AttachmentMime; content: Uint8Array }[];
};

/**
 * Checks a correction sent online: the corrected request is required; files are optional, at most
 * {@link MAX_CORRECTION_FILES}, each a PDF, DOCX, XLSX or image by its content and at most
 * {@link MAX_CORRECTION_FILE_BYTES}.
 * @returns the checked correction, or every problem as Chinese messages by field (`correctedRequest`, `files`)
 */
export function checkCorrection(
  text: string,
  uploads: readonly CorrectionUpload[],
): Result<CheckedCorrection, FieldErrors> {
  const errors: FieldErrors = {};
  const correctedRequest = text.trim();
  if (correctedRequest === '') errors.correctedRequest = '请填写补正后的申请内容';
  else if (correctedRequest.length > MAX_CORRECTED_REQUEST) {
    errors.correctedRequest = `补正后的申请内容不能超过${MAX_CORRECTED_REQUEST}字`;
  }
  const files: CheckedCorrection['files'] = [];
  const problems: string[] = [];
  if (uploads.length > MAX_CORRECTION_FILES) problems.push(`最多上传${MAX_CORRECTION_FILES}个文件`);
  for (const f of uploads.slice(0, MAX_CORRECTION_FILES)) {
    const name = f.name.trim() || '未命名文件';
    const mime = sniffAttachmentType(name, f.content);
    if (f.content.byteLength === 0) problems.push(`文件“${name}”是空的`);
    else if (!isAttachmentMime(mime)) problems.push(`文件“${name}”的类型不支持，可上传PDF、DOCX、XLSX文件或图片`);
    else if (f.content.byteLength > MAX_CORRECTION_FILE_BYTES) {
      problems.push(`文件“${name}”超过${MAX_CORRECTION_FILE_BYTES / 1024 / 1024}MB`);
    } else files.push({ name, mime, content: f.content });
  }
  if (problems.length > 0) errors.files = problems.join('；');
  return Object.keys(errors).length > 0 ? err(errors) : ok({ correctedRequest, files });
}
