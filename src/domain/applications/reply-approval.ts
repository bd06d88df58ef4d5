// What a reply's approval covers and what archiving a case assigns (docs/decisions/0012-reply-approval.md):
// the reply's attachments (the information provided; checked by content, never by the declared type), the
// approval hash over the draft 答复告知书 and the attachments — what the signer approves is what `send_reply`
// sends — and the 档号 and 保管期限 recorded by `archive`.
import { ConflictError, DomainError } from '../core/domain-error.js';
import { err, ok, type Result } from '../core/result.js';
import type { NoticeDocument } from '../notices/notice.js';
import { fillNumberPattern, patternTokens } from '../notices/doc-no.js';
import {
  MAX_ATTACHMENT_BYTES,
  formatSize,
  isAttachmentMime,
  sniffAttachmentType,
} from '../publications/attachments.js';
import type { ApplicationSnapshot, ApplicationState } from './application.js';

/** Code of a reply that differs from what the signer approved (the draft notice or an attachment changed). */
export const CHANGED_SINCE_APPROVAL = 'changed_since_approval';

/** Code of an attachment change outside drafting (the reply is in legal review, awaiting approval or approved). */
export const NOT_DRAFTING = 'not_drafting';

/** Code of a refused attachment (type, size, name). */
export const INVALID_REPLY_FILE = 'invalid_reply_file';

/** The default size limit of one attachment, bytes (20 MB, as for the attachments of publications). */
export const DEFAULT_REPLY_FILE_MAX_BYTES = MAX_ATTACHMENT_BYTES;

/** The one state in which a reply's attachments may change: the case is being handled and drafted (承办). */
export const REPLY_FILES_EDITABLE_IN: ApplicationState = 'registered';

const WEBP = 'image/webp';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The extensions each accepted type may carry. */
const EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  'application/pdf': ['pdf'],
  [DOCX]: ['docx'],
  [XLSX]: ['xlsx'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/gif': ['gif'],
  [WEBP]: ['webp'],
};

/** One attachment of a reply as the approval hash covers it. */
export type ReplyFileFacts = { sha256: string; name: string; mime: string; size: number };

/**
 * Checks an uploaded attachment of a reply: PDF, DOCX, XLSX or an image (PNG, JPEG, GIF, WebP), by its first bytes
 * (a DOCX or XLSX must be a ZIP holding `[Content_Types].xml` and `word/` or `xl/` entries), an extension that
 * matches the content, not empty and at most `maxBytes`.
 * @returns the content type found, or a DomainError `invalid_reply_file` with a Chinese message
 */
export function checkReplyFile(name: string, bytes: Uint8Array, maxBytes: number): Result<string, DomainError> {
  const refuse = (message: string) => err(new DomainError(INVALID_REPLY_FILE, message));
  if (name.trim() === '') return refuse('附件应有文件名');
  if (bytes.byteLength === 0) return refuse(`附件“${name}”是空文件`);
  if (bytes.byteLength > maxBytes) return refuse(`附件“${name}”超过${formatSize(maxBytes)}，请压缩或拆分后上传`);
  const mime = replyFileType(name, bytes);
  if (mime === undefined) return refuse(`附件“${name}”的内容不是PDF、DOCX、XLSX或图片（PNG、JPG、GIF、WebP）`);
  const ext = name.toLowerCase().split('.').pop() ?? '';
  if (!(EXTENSIONS[mime] ?? []).includes(ext)) {
    return refuse(`附件“${name}”的扩展名与内容不符（内容为${(EXTENSIONS[mime] ?? [])[0]?.toUpperCase()}文件）`);
  }
  return ok(mime);
}

/** What a file's content says it is, or undefined when it is none of the accepted types. */
function replyFileType(name: string, bytes: Uint8Array): string | undefined {
  const latin = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (latin(0, 4) === 'RIFF' && latin(8, 12) === 'WEBP') return WEBP;
  const sniffed = sniffAttachmentType(name, bytes);
  if (sniffed === DOCX || sniffed === XLSX || sniffed === 'application/zip') {
    const names = zipEntryNames(bytes) ?? [];
    if (!names.includes('[Content_Types].xml')) return undefined;
    if (names.some((n) => n.startsWith('word/'))) return DOCX;
    if (names.some((n) => n.startsWith('xl/'))) return XLSX;
    return undefined;
  }
  return isAttachmentMime(sniffed) ? sniffed : undefined;
}

/**
 * The entry names of a ZIP file, from its central directory (APPNOTE.TXT §4.3.12, §4.3.16).
 * @returns the names, or undefined when the bytes hold no readable central directory
 */
export function zipEntryNames(bytes: Uint8Array): string[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: 22 bytes plus a comment of at most 65535.
  let end = -1;
  for (let i = bytes.byteLength - 22; i >= Math.max(0, bytes.byteLength - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const names: string[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== 0x02014b50) return undefined;
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    names.push(new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + skip;
  }
  return names;
}

/**
 * The part of a draft notice the signer approves: all of it but the document number and the date of the letter,
 * which `send_reply` fills in (the number is assigned in the register's order when the letter goes out).
 */
export function approvedNoticeContent(doc: NoticeDocument): Omit<NoticeDocument, 'docNo' | 'signature'> & {
  signature: { orgName: string };
} {
  const { docNo: _docNo, signature, ...rest } = doc;
  return { ...rest, signature: { orgName: signature.orgName } };
}

/**
 * The approval hash: SHA-256 over a canonical JSON text (keys sorted) of the draft notice's approved content
 * and the attachments in their order, each by its own SHA-256, name, type and size.
 * @param sha256 the hash function (hex of the UTF-8 text)
 */
export function replyApprovalHash(
  draft: NoticeDocument,
  files: readonly ReplyFileFacts[],
  sha256: (text: string) => string,
): string {
  const attachments = files.map(({ sha256: hash, name, mime, size }) => ({ sha256: hash, name, mime, size }));
  return sha256(canonicalJson({ notice: approvedNoticeContent(draft), attachments }));
}

/** JSON with object keys sorted at every level: the same value gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The hash the last approval recorded (`approve_reply` {approvedHash}), or null for a case approved without one. */
export function approvedHashOf(app: Pick<ApplicationSnapshot, 'events'>): string | null {
  const hash = app.events.findLast((e) => e.action === 'approve_reply')?.params.approvedHash;
  return typeof hash === 'string' ? hash : null;
}

/**
 * Whether the reply about to be sent is the one approved.
 * @param current the approval hash of the stored draft notice and the attachments now
 * @returns a ConflictError `changed_since_approval` when they differ from what the signer approved
 */
export function checkSendsApproved(
  app: Pick<ApplicationSnapshot, 'events'>,
  current: string,
): Result<void, DomainError> {
  const approved = approvedHashOf(app);
  if (approved === null || approved === current) return ok(undefined);
  return err(
    new ConflictError(
      CHANGED_SINCE_APPROVAL,
      '答复告知书草稿或附件在审批后发生了变化，与审批通过的内容不一致，不能送达；请退回重新起草并报审批',
    ),
  );
}

/**
 * Whether a reply's attachments may change now: only while the case is being drafted (承办), never in legal
 * review, awaiting approval or approved, so that what is reviewed and approved stays what is sent.
 */
export function checkReplyFilesEditable(state: ApplicationState): Result<void, DomainError> {
  return state === REPLY_FILES_EDITABLE_IN
    ? ok(undefined)
    : err(
        new ConflictError(
          NOT_DRAFTING,
          '答复附件只能在承办起草阶段上传或删除；送审、待审批或已审批的答复须先退回承办人重新起草',
        ),
      );
}

/** The drafting round of a case: 1 before the first draft, one more after each `draft_reply`. */
export function draftRound(app: Pick<ApplicationSnapshot, 'events'>): number {
  return app.events.filter((e) => e.action === 'draft_reply').length + 1;
}

/**
 * 保管期限 of a case file (文书档案保管期限: 永久, 定期30年, 定期10年 — 《机关文件材料归档范围和文书档案保管期限规定》,
 * 国家档案局令第8号, art. 8), with the code the 档号 carries (Y, D30, D10, as DA/T 22-2015 writes them).
 */
export const RETENTION_PERIODS = ['permanent', '30y', '10y'] as const;
/** One retention period. */
export type RetentionPeriod = (typeof RETENTION_PERIODS)[number];
/** Chinese names of the retention periods. */
export const RETENTION_LABELS: Readonly<Record<RetentionPeriod, string>> = {
  permanent: '永久',
  '30y': '30年',
  '10y': '10年',
};
/** The code of each period in a 档号. */
export const RETENTION_CODES: Readonly<Record<RetentionPeriod, string>> = {
  permanent: 'Y',
  '30y': 'D30',
  '10y': 'D10',
};
/** The default period of a disclosure case file when the setting is not changed. */
export const DEFAULT_RETENTION: RetentionPeriod = '10y';

/** The default 档号 pattern, e.g. 示例区政府-2025-D10-0001. */
export const DEFAULT_ARCHIVE_NO_PATTERN = '{org}-{yyyy}-{retention}-{serial:4}';

/** Code of a bad 档号 pattern. */
export const INVALID_ARCHIVE_NO = 'invalid_archive_no_pattern';

/**
 * Formats a 档号 from a pattern with the tokens {org} (the organization's short name), {yyyy} (the year of filing),
 * {retention} (Y, D30, D10) and exactly one {serial} or {serial:N} (padded to N digits).
 * @returns the number, or a DomainError `invalid_archive_no_pattern`
 */
export function formatArchiveNo(
  pattern: string,
  parts: { org: string; year: number; retention: RetentionPeriod; serial: number },
): Result<string, DomainError> {
  const { tokens, serials } = patternTokens(pattern);
  const unknown = tokens.filter((t) => !t.startsWith('serial') && !['org', 'yyyy', 'retention'].includes(t));
  if (unknown.length > 0 || serials !== 1) {
    return err(
      new DomainError(INVALID_ARCHIVE_NO, '档号格式应包含且只包含一个 {serial}，可用占位符：{org} {yyyy} {retention}'),
    );
  }
  return ok(
    fillNumberPattern(pattern, parts.serial, (token) =>
      token === 'org' ? parts.org : token === 'yyyy' ? String(parts.year) : RETENTION_CODES[parts.retention],
    ),
  );
}
