// The archive package of a period's published items (Regulation art. 25: "各级人民政府应当……向
// 国家档案馆、公共图书馆……提供主动公开的政府信息"): which items and versions belong in it, where
// each file goes, and the manifest (JSON and CSV) that lists them. The HTML pages are in export-html.ts.
//
// Decision [D]: an item belongs in the package of [from, to] when a 主动公开 version of it was live
// on the portal on at least one day of the period — also when it was withdrawn (撤稿) later in the
// period or afterwards; the withdrawal date is noted. Items withdrawn before the period, and
// 依申请公开 or 不予公开 versions, never belong. The version packed is the last 主动公开 version
// live in the period. No personal data: only the public metadata, body and attachments, never the
// review ledger, editors' names or anything an applicant gave.

import { compareDates, isLocalDate, type LocalDate } from '../core/local-date.js';
import { csvDocument } from '../core/csv.js';
import { err, ok, type Result } from '../core/result.js';
import { ATTACHMENT_TYPES, isAttachmentMime } from './attachments.js';
import {
  KIND_LABELS,
  PUBLICATION_KINDS,
  VALIDITY_LABELS,
  type Disclosure,
  type PublicMetadata,
  type PublicationKind,
} from './publication.js';

/** A version as stored, without its fields: enough to decide whether it belongs in a package. */
export type ExportVersionStamp = {
  version: number;
  /** When the version went up (ISO instant). */
  publishedAt: string;
  /** 发布日期 of the item (the first publication's date, kept by later versions). */
  publishedOn: LocalDate | null;
  disclosure: Disclosure;
  kind: PublicationKind;
};

/** The period of a package, both days included. */
export type ExportPeriod = { from: LocalDate; to: LocalDate };

/** A validated export request. */
export type ExportRequest = { period: ExportPeriod; kinds: readonly PublicationKind[] };

/** One attachment in the package (stored once per content hash). */
export type ExportAttachment = { name: string; mime: string; size: number; path: string };

/** One item of the package: the metadata table of the portal, where its files are, and its withdrawal. */
export type ExportEntry = PublicMetadata & {
  id: string;
  categoryName: string;
  orgName: string;
  /** The portal page: absolute when the site's public address is set, else site-relative. */
  url: string;
  version: number;
  /** The day of 撤稿, or null when still live. */
  withdrawnOn: LocalDate | null;
  /** The item's HTML page inside the package. */
  file: string;
  attachments: readonly ExportAttachment[];
};

/** The export form's fields, for messages. */
export const EXPORT_FIELD_LABELS = {
  org: '机关',
  from: '起始日期',
  to: '截止日期',
  kinds: '体裁',
} as const satisfies Readonly<Record<string, string>>;

/** What the package says about itself. */
export type ExportMeta = {
  organization: { name: string; creditCode: string };
  includeSubtree: boolean;
  period: ExportPeriod;
  kinds: readonly PublicationKind[];
  /** ISO instant the package was made. */
  generatedAt: string;
};

/** The manifest's format name and version (readers check them). */
export const MANIFEST_FORMAT = 'gongkai-archive-package';
export const MANIFEST_VERSION = 1;

/**
 * The day of a version's instant. Instants are UTC text; like the annual counts, the UTC day is used [D]. The
 * withdrawal day is the office's date instead (the caller converts it: it is written into the manifest).
 */
const dayOf = (instant: string): LocalDate => instant.slice(0, 10) as LocalDate;

/**
 * Validates the period and kinds of an export.
 * @param input `from`, `to` (YYYY-MM-DD) and `kinds` (stored kind names; empty means every kind)
 * @returns the request, or Chinese messages per field
 */
export function parseExportRequest(input: {
  from: string;
  to: string;
  kinds: readonly string[];
}): Result<ExportRequest, Record<string, string>> {
  const errors: Record<string, string> = {};
  const from = input.from.trim();
  const to = input.to.trim();
  if (!isLocalDate(from)) errors.from = from === '' ? '请填写起始日期' : '起始日期应为YYYY-MM-DD格式的真实日期';
  if (!isLocalDate(to)) errors.to = to === '' ? '请填写截止日期' : '截止日期应为YYYY-MM-DD格式的真实日期';
  if (isLocalDate(from) && isLocalDate(to) && compareDates(from, to) > 0) errors.to = '截止日期不能早于起始日期';
  const unknown = input.kinds.filter((k) => !(PUBLICATION_KINDS as readonly string[]).includes(k));
  if (unknown.length > 0) errors.kinds = `未知的体裁：${unknown.join('、')}`;
  if (Object.keys(errors).length > 0 || !isLocalDate(from) || !isLocalDate(to)) return err(errors);
  return ok({ period: { from, to }, kinds: PUBLICATION_KINDS.filter((k) => input.kinds.includes(k)) });
}

/**
 * The day a version was withdrawn (撤稿), or null: the first withdrawal on or after the day it went up and before the
 * next version's — a withdrawn item may be revised and published again as a later version (修订后重新发布).
 * @param withdrawals the days of the item's withdrawals in the office's time zone (any order)
 */
export function versionWithdrawnOn(
  versions: readonly ExportVersionStamp[],
  withdrawals: readonly LocalDate[],
  version: number,
): LocalDate | null {
  const sorted = [...versions].sort((a, b) => a.version - b.version);
  const i = sorted.findIndex((v) => v.version === version);
  const v = sorted[i];
  if (!v) return null;
  const start = startOf(v, i);
  const next = sorted[i + 1];
  const within = withdrawals
    .filter((w) => compareDates(w, start) >= 0 && (next === undefined || compareDates(w, dayOf(next.publishedAt)) <= 0))
    .sort(compareDates);
  return within[0] ?? null;
}

/** The first version counts from 发布日期 (imported items keep their original date), later ones from their day. */
const startOf = (v: ExportVersionStamp, index: number): LocalDate =>
  index === 0 && v.publishedOn !== null ? v.publishedOn : dayOf(v.publishedAt);

/**
 * The version of an item to pack, or null when it does not belong in the package: the last
 * 主动公开 version that was live on a day of the period (a version is live from its day until the
 * next version's day, or until its withdrawal's day).
 * @param withdrawn the days of 撤稿 in the office's time zone (one, a list, or null)
 */
export function pickExportVersion(
  versions: readonly ExportVersionStamp[],
  withdrawn: LocalDate | readonly LocalDate[] | null,
  period: ExportPeriod,
): ExportVersionStamp | null {
  const withdrawals = withdrawn === null ? [] : typeof withdrawn === 'string' ? [withdrawn as LocalDate] : withdrawn;
  const sorted = [...versions].sort((a, b) => a.version - b.version);
  let picked: ExportVersionStamp | null = null;
  for (const [i, v] of sorted.entries()) {
    const start = startOf(v, i);
    const next = sorted[i + 1];
    const ends = [next ? dayOf(next.publishedAt) : null, versionWithdrawnOn(sorted, withdrawals, v.version)].filter(
      (d): d is LocalDate => d !== null,
    );
    const end = ends.length === 0 ? null : ends.reduce((a, b) => (compareDates(a, b) <= 0 ? a : b));
    const overlaps = compareDates(start, period.to) <= 0 && (end === null || compareDates(end, period.from) >= 0);
    if (v.disclosure === 'proactive' && v.publishedOn !== null && overlaps) picked = v;
  }
  return picked;
}

/** Characters kept in package paths; everything else becomes `_`. */
const safeSegment = (text: string): string =>
  text
    .replace(/[^0-9A-Za-z._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, 120) || 'item';

/**
 * The path of an item's page, unique within the package.
 * @param taken paths already used (the new path is added)
 */
export function itemPath(indexNo: string, taken: Set<string>): string {
  const base = `items/${safeSegment(indexNo)}`;
  let path = `${base}.html`;
  for (let n = 2; taken.has(path); n++) path = `${base}-${n}.html`;
  taken.add(path);
  return path;
}

/** The path of a stored file in the package: by content hash, so each file is stored once. */
export function attachmentPath(fileId: string, mime: string): string {
  return `attachments/${safeSegment(fileId)}${isAttachmentMime(mime) ? ATTACHMENT_TYPES[mime].ext : '.bin'}`;
}

/** Whether a type is already compressed (storing beats deflating it again). */
export function isCompressedType(mime: string): boolean {
  return mime.startsWith('image/') || mime.includes('openxmlformats');
}

/** The manifest as JSON (UTF-8 text, pretty-printed for people who open it). */
export function manifestJson(meta: ExportMeta, entries: readonly ExportEntry[]): string {
  const attachments = new Set(entries.flatMap((e) => e.attachments.map((a) => a.path)));
  const doc = {
    format: MANIFEST_FORMAT,
    version: MANIFEST_VERSION,
    ...meta,
    itemCount: entries.length,
    attachmentCount: attachments.size,
    items: entries.map((e) => ({ ...e, kindLabel: KIND_LABELS[e.kind], validityLabel: VALIDITY_LABELS[e.validity] })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** CSV columns of the manifest (the portal's metadata table plus kind, withdrawal and file). */
export const CSV_HEADER = [
  '索引号',
  '名称',
  '发布机构',
  '发文字号',
  '成文日期',
  '发布日期',
  '主题分类',
  '体裁',
  '有效性',
  '撤稿日期',
  '网址',
  '文件',
] as const;

/** The manifest as CSV with a UTF-8 byte-order mark (so spreadsheet programs read the Chinese). */
export function manifestCsv(entries: readonly ExportEntry[]): string {
  const rows = entries.map((e) => [
    e.indexNo,
    e.title,
    e.publisher,
    e.docNo,
    e.writtenOn,
    e.publishedOn,
    e.topic || e.categoryName,
    KIND_LABELS[e.kind],
    VALIDITY_LABELS[e.validity],
    e.withdrawnOn ?? '',
    e.url,
    e.file,
  ]);
  return csvDocument([[...CSV_HEADER], ...rows]);
}
