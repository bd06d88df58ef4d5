/**
 * Integrity of gongkai's own portal: proving that what a publication page serves is what the review chain
 * approved. At publication, the canonical content record of the version made live (title, the metadata table as
 * served, the body HTML as served, each attachment's name and the SHA-256 of its bytes) is hashed and written to
 * the hash-chained audit trail, one digest per part so that a later difference can be named. The monitor rebuilds
 * the same record from the page it fetched and the attachments it downloaded, and compares. A difference is a
 * `tampered` finding: 《政府网站与政务新媒体检查指标》 (国办秘函〔2019〕19号) counts content altered on a site
 * (内容被篡改) that is not dealt with among the 安全、泄密事故 single-veto items; a person confirms it first
 * (NEEDS_CONFIRMATION).
 *
 * Canonical form (docs/monitoring-integrity.md): the record below as JSON with object keys sorted and no
 * whitespace (`canonicalJson`, the audit chain's own serialisation), UTF-8, hashed with SHA-256 (lowercase hex).
 * Every string is the text as the page shows it (after HTML entity decoding), except the body, which is the exact
 * HTML between the page's body markers. Hash functions are parameters: this module does no I/O.
 */
import { canonicalJson } from '../audit/audit-entry.js';
import { validityText } from '../publications/export-html.js';
import { PUBLICATION_FIELD_LABELS } from '../publications/draft-fields.js';
import { KIND_LABELS, type PublicMetadata } from '../publications/publication.js';
import type { MonitorFinding } from './finding.js';

/** The version of the canonical form (a new form gets a new name; recorded entries keep theirs). */
export const INTEGRITY_FORMAT = 'gongkai-integrity/1';

/** The audit action that records a published version's content digests. */
export const INTEGRITY_AUDIT_ACTION = 'publication.integrity';

/** The id of the page's JSON data block naming the item and version it serves (type application/json: inert). */
export const INTEGRITY_BLOCK_ID = 'gongkai-integrity';

/** The attribute marking the title and each metadata cell the record covers (`data-integrity="docNo"`). */
export const INTEGRITY_ATTR = 'data-integrity';

/** The attribute marking each attachment link (its text is the attachment's name, its href the download). */
export const INTEGRITY_ATTACHMENT_ATTR = 'data-integrity-attachment';

/** HTML comments around the served body (a sanitised body holds no comments, so the markers cannot collide). */
export const BODY_MARKERS = { start: '<!--gongkai-integrity:body-->', end: '<!--/gongkai-integrity:body-->' } as const;

/** The metadata cells the record covers, as the portal's 信息属性 table shows them. */
export const INTEGRITY_METADATA_KEYS = [
  'indexNo',
  'topic',
  'publisher',
  'writtenOn',
  'docNo',
  'publishedOn',
  'validity',
  'kind',
] as const;
/** One metadata key. */
export type IntegrityMetadataKey = (typeof INTEGRITY_METADATA_KEYS)[number];

/** An attachment as served: its name and the SHA-256 of its bytes (lowercase hex). */
export type IntegrityAttachment = { name: string; sha256: string };

/** The canonical content record of one published version. */
export type IntegrityRecord = {
  format: typeof INTEGRITY_FORMAT;
  item: string;
  version: number;
  title: string;
  metadata: Record<IntegrityMetadataKey, string>;
  bodyHtml: string;
  attachments: IntegrityAttachment[];
};

/**
 * The metadata cells as the portal shows them: 发文字号 '—' when there is none, 有效性 and 体裁 by their labels,
 * 主题分类 as stored ('' when none: the page then shows the category's name, which belongs to the catalogue and
 * may change freely, so it is not marked).
 */
export function servedMetadata(m: PublicMetadata): Record<IntegrityMetadataKey, string> {
  return {
    indexNo: m.indexNo,
    topic: m.topic,
    publisher: m.publisher,
    writtenOn: m.writtenOn,
    docNo: m.docNo || '—',
    publishedOn: m.publishedOn,
    validity: validityText(m),
    kind: KIND_LABELS[m.kind],
  };
}

/** The record of a version about to go live, from its fields (attachments' digests: their stored files' ids). */
export function publishedRecord(
  item: string,
  version: number,
  m: PublicMetadata,
  bodyHtml: string,
  attachments: readonly IntegrityAttachment[],
): IntegrityRecord {
  return {
    format: INTEGRITY_FORMAT,
    item,
    version,
    title: m.title,
    metadata: servedMetadata(m),
    bodyHtml,
    attachments: attachments.map((a) => ({ name: a.name, sha256: a.sha256 })),
  };
}

/** The canonical text of a record (or of any part of one): sorted keys, no whitespace. */
export const canonicalText = (value: unknown): string => canonicalJson(value) ?? 'null';

/** A part of the record with its own digest: the title, a metadata key, or the body. */
export type IntegrityPart = 'title' | IntegrityMetadataKey | 'body';

/** The parts in the page's order (findings name them so). */
export const INTEGRITY_PARTS: readonly IntegrityPart[] = ['title', ...INTEGRITY_METADATA_KEYS, 'body'];

/** What the audit trail keeps of a published version: the whole digest, one per part, the attachments. */
export type IntegrityDigests = {
  format: string;
  version: number;
  sha256: string;
  parts: Record<IntegrityPart, string>;
  attachments: IntegrityAttachment[];
};

/**
 * The digests of a record.
 * @param sha256 SHA-256 of UTF-8 text, lowercase hex
 */
export function recordDigests(r: IntegrityRecord, sha256: (text: string) => string): IntegrityDigests {
  const parts = {
    title: sha256(canonicalText(r.title)),
    body: sha256(canonicalText(r.bodyHtml)),
  } as Record<IntegrityPart, string>;
  for (const k of INTEGRITY_METADATA_KEYS) parts[k] = sha256(canonicalText(r.metadata[k]));
  return { format: r.format, version: r.version, sha256: sha256(canonicalText(r)), parts, attachments: r.attachments };
}

/** Reads digests back from an audit entry's stored state; undefined when it is not one. */
export function parseDigests(json: string | null): IntegrityDigests | undefined {
  if (json === null) return undefined;
  try {
    const v = JSON.parse(json) as Partial<IntegrityDigests>;
    if (typeof v.sha256 !== 'string' || typeof v.version !== 'number' || !v.parts || !Array.isArray(v.attachments)) {
      return undefined;
    }
    return v as IntegrityDigests;
  } catch {
    return undefined;
  }
}

/** How a served version differs from the recorded one (all empty: it does not). */
export type IntegrityDifference = {
  /** The block names another version than the last one recorded. */
  version: boolean;
  parts: IntegrityPart[];
  /** Names of attachments whose bytes differ. */
  changedAttachments: string[];
  /** Recorded attachments the page no longer lists. */
  missingAttachments: string[];
  /** Attachments the page lists that were never recorded. */
  extraAttachments: string[];
};

/** Compares the served digests with the recorded ones, part by part. */
export function compareDigests(recorded: IntegrityDigests, served: IntegrityDigests): IntegrityDifference {
  const parts = INTEGRITY_PARTS.filter((p) => recorded.parts[p] !== served.parts[p]);
  const servedBy = new Map(served.attachments.map((a) => [a.name, a.sha256]));
  const recordedNames = new Set(recorded.attachments.map((a) => a.name));
  return {
    version: recorded.version !== served.version,
    parts,
    changedAttachments: recorded.attachments
      .filter((a) => servedBy.has(a.name) && servedBy.get(a.name) !== a.sha256)
      .map((a) => a.name),
    missingAttachments: recorded.attachments.filter((a) => !servedBy.has(a.name)).map((a) => a.name),
    extraAttachments: served.attachments.filter((a) => !recordedNames.has(a.name)).map((a) => a.name),
  };
}

/** Whether a comparison found anything (the whole digest may differ only in the order of attachments). */
export const differs = (d: IntegrityDifference, recorded: IntegrityDigests, served: IntegrityDigests): boolean =>
  d.version ||
  d.parts.length > 0 ||
  d.changedAttachments.length + d.missingAttachments.length + d.extraAttachments.length > 0 ||
  recorded.sha256 !== served.sha256;

/** The Chinese name of a part, as the metadata table labels it. */
const PART_LABELS: Readonly<Record<IntegrityPart, string>> = {
  title: '标题',
  body: PUBLICATION_FIELD_LABELS.body,
  indexNo: PUBLICATION_FIELD_LABELS.indexNo,
  topic: PUBLICATION_FIELD_LABELS.topic,
  publisher: PUBLICATION_FIELD_LABELS.publisher,
  writtenOn: PUBLICATION_FIELD_LABELS.writtenOn,
  docNo: PUBLICATION_FIELD_LABELS.docNo,
  publishedOn: PUBLICATION_FIELD_LABELS.publishedOn,
  validity: PUBLICATION_FIELD_LABELS.validity,
  kind: PUBLICATION_FIELD_LABELS.kind,
};

/** Where the page came from and what it is. */
export type IntegrityTarget = { url: string; item: string; indexNo: string; title: string };

/**
 * The `tampered` finding of a page whose content differs from the record made at publication. Severity `veto`:
 * 19号 lists 内容被篡改 not dealt with among the single-veto 安全、泄密事故 (a person confirms it first).
 */
export function tamperedFinding(
  t: IntegrityTarget,
  d: IntegrityDifference,
  recorded: IntegrityDigests,
  served: IntegrityDigests,
): MonitorFinding {
  const named = [
    ...(d.version ? ['版本'] : []),
    ...d.parts.map((p) => PART_LABELS[p]),
    ...d.changedAttachments.map((n) => `附件“${n}”`),
    ...d.missingAttachments.map((n) => `附件“${n}”（页面缺失）`),
    ...d.extraAttachments.map((n) => `附件“${n}”（未经审核）`),
  ];
  return {
    rule: 'tampered',
    severity: 'veto',
    url: t.url,
    message: `页面内容与发布时记录的内容指纹不一致（${named.join('、') || '附件顺序'}），可能在审核流程之外被修改，请核实`,
    evidence: {
      item: t.item,
      indexNo: t.indexNo,
      title: t.title,
      recordedVersion: recorded.version,
      servedVersion: served.version,
      fields: [...(d.version ? ['version'] : []), ...d.parts].join(','),
      attachments: [...d.changedAttachments, ...d.missingAttachments, ...d.extraAttachments].join(','),
      recordedSha256: recorded.sha256,
      servedSha256: served.sha256,
    },
  };
}

/** The `tampered` finding of a live item's page that carries no integrity block or body markers at all. */
export function unmarkedFinding(t: IntegrityTarget, status: number): MonitorFinding {
  return {
    rule: 'tampered',
    severity: 'veto',
    url: t.url,
    message:
      status === 200
        ? '页面缺少内容指纹标记，无法证明所示内容即审核发布的内容，请核实'
        : `已发布信息的页面无法取得（HTTP ${status}），请核实`,
    evidence: { item: t.item, indexNo: t.indexNo, title: t.title, status, fields: 'block', attachments: '' },
  };
}

/** The `tampered` finding of a live item with no record in the audit trail (published outside the chain). */
export function unrecordedFinding(t: IntegrityTarget): MonitorFinding {
  return {
    rule: 'tampered',
    severity: 'veto',
    url: t.url,
    message: '已发布信息在审计记录中没有发布时的内容指纹，可能未经审核流程发布，请核实',
    evidence: { item: t.item, indexNo: t.indexNo, title: t.title, fields: 'record', attachments: '' },
  };
}
