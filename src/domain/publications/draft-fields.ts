// Validation of a draft's fields (form or JSON), with a Chinese message per field. Catalogue,
// interpreted document and attachments are resolved by the use case.

import { compareDates, isLocalDate, type LocalDate } from '../core/local-date.js';
import { err, ok, type Result } from '../core/result.js';
import { escapeHtml } from '../core/text.js';
import {
  DISCLOSURES,
  KIND_LABELS,
  PUBLICATION_KINDS,
  VALIDITIES,
  WITHHELD_GROUNDS,
  type PublicationFields,
  type PublicationKind,
} from './publication.js';

/** The raw input of a draft. */
export type DraftInput = Readonly<Record<string, unknown>>;

/** Parsed fields, still naming the category and the interpreted document as given. */
export type ParsedDraft = Omit<PublicationFields, 'categoryId' | 'interpretsId'> & {
  category: string;
  interprets: string;
};

/**
 * Chinese names of an item's fields: the draft form and its error summary, the staff API's messages and the
 * import file's (with the import's own 索引号 and 发布日期).
 */
export const PUBLICATION_FIELD_LABELS = {
  org: '发布机关',
  title: '名称',
  category: '栏目',
  kind: '体裁',
  docNo: '发文字号',
  writtenOn: '成文日期',
  publisher: '发布机构',
  topic: '主题分类',
  summary: '内容概述',
  keywords: '关键词',
  keyAreas: '重点领域',
  catalogueRow: '标准目录事项',
  validity: '有效性',
  validityOn: '失效（废止）日期',
  disclosure: '公开属性',
  withheldGround: '不予公开理由',
  major: '重大信息',
  interprets: '所解读文件的索引号',
  body: '正文',
  attachments: '附件',
  indexNo: '索引号',
  publishedOn: '发布日期',
} as const satisfies Readonly<Record<string, string>>;

/** The Chinese name of a field, if it is one of an item's. */
export const fieldLabel = (field: string): string | undefined =>
  (PUBLICATION_FIELD_LABELS as Readonly<Record<string, string>>)[field];

/** Body size limit (the sanitised HTML). */
export const MAX_BODY_CHARS = 2_000_000;

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
const list = (v: unknown): string[] =>
  (Array.isArray(v) ? v.map(str) : str(v).split(/[,，;；、]/)).map((s) => s.trim()).filter((s) => s !== '');
const oneOf = <T extends string>(values: readonly T[], v: unknown, fallback: T | null): T | null => {
  const s = str(v);
  if (s === '') return fallback;
  return (values as readonly string[]).includes(s) ? (s as T) : null;
};

/**
 * Parses and checks a draft.
 * @param input raw fields: title, summary, publisher, docNo, writtenOn, topic, kind, category,
 *   validity, validityOn, disclosure, withheldGround, body, keywords, keyAreas, interprets, major
 * @param today the office's date (成文日期 may not be later)
 * @returns the fields, or per-field Chinese messages
 */
export function parseDraft(input: DraftInput, today: LocalDate): Result<ParsedDraft, Record<string, string>> {
  const e: Record<string, string> = {};
  const title = str(input.title);
  if (title === '') e.title = '请填写名称';
  else if (title.length > 200) e.title = '名称不能超过200个字';
  const kind = oneOf(PUBLICATION_KINDS, input.kind, null);
  if (kind === null) e.kind = '请选择体裁（规章、行政规范性文件、其他文件、政策解读、新闻动态或其他）';
  const writtenOn = str(input.writtenOn);
  if (!isLocalDate(writtenOn)) e.writtenOn = '请按YYYY-MM-DD填写成文日期';
  else if (compareDates(writtenOn, today) > 0) e.writtenOn = '成文日期不能晚于今天';
  const validity = oneOf(VALIDITIES, input.validity, 'valid');
  if (validity === null) e.validity = '有效性应为有效、失效或废止';
  const validityOn = str(input.validityOn);
  if (validity !== 'valid' && validity !== null && !isLocalDate(validityOn)) {
    e.validityOn = '失效或废止的文件请填写失效（废止）日期';
  }
  const disclosure = oneOf(DISCLOSURES, input.disclosure, 'proactive');
  if (disclosure === null) e.disclosure = '公开属性应为主动公开、依申请公开或不予公开';
  const ground = oneOf(WITHHELD_GROUNDS, input.withheldGround, null);
  if (disclosure === 'withheld' && ground === null) e.withheldGround = '不予公开的信息应注明法定理由';
  // 国办发〔2018〕37号: a 规章 or 行政规范性文件 must be published (未经公布的不得作为行政管理依据), and art. 20(一)
  // lists 规章和规范性文件 among the information every office publishes proactively.
  if ((kind === 'rule' || kind === 'normative') && (disclosure === 'on_request' || disclosure === 'withheld')) {
    e.disclosure = `${KIND_LABELS[kind]}必须主动公开，不能设为依申请公开或不予公开（未经公布的规范性文件不得作为行政管理依据）`;
  }
  const body = typeof input.body === 'string' ? input.body : typeof input.bodyHtml === 'string' ? input.bodyHtml : '';
  if (body.trim() === '' && disclosure !== 'withheld') e.body = '请填写正文';
  else if (body.length > MAX_BODY_CHARS) e.body = '正文过长';
  const docNo = str(input.docNo);
  if (docNo.length > 60) e.docNo = '发文字号不能超过60个字';
  const interprets = str(input.interprets);
  if (kind === 'interpretation' && interprets === '') e.interprets = '政策解读应注明所解读文件的索引号';
  if (Object.keys(e).length > 0) return err(e);
  return ok({
    title,
    summary: str(input.summary),
    publisher: str(input.publisher),
    docNo,
    writtenOn: writtenOn as LocalDate,
    topic: str(input.topic),
    kind: kind ?? 'other',
    validity: validity ?? 'valid',
    validityOn: validity === 'valid' ? null : (validityOn as LocalDate),
    disclosure: disclosure ?? 'proactive',
    withheldGround: disclosure === 'withheld' ? ground : null,
    bodyHtml: body,
    keywords: list(input.keywords).join(','),
    keyAreas: list(input.keyAreas),
    major: input.major === true || input.major === 'true' || input.major === '1' || input.major === 'on',
    category: str(input.category),
    interprets,
  });
}

/** Kinds a policy interpretation (政策解读) may explain: 规章, 行政规范性文件 and 其他文件 (国办发〔2018〕37号). */
export const INTERPRETABLE_KINDS: readonly PublicationKind[] = ['rule', 'normative', 'other_document'];

/** What a new interpretation copies from the document it explains. */
export type InterpretedDocument = Pick<
  PublicationFields,
  'title' | 'docNo' | 'topic' | 'keywords' | 'keyAreas' | 'kind'
> & { indexNo: string; orgId: string };

/**
 * The fields of the interpretation draft "为本文件起草解读" starts from: linked to the document by its 索引号, in
 * its organization, topic, keywords and key areas, with an opening sentence naming it (the editor writes on).
 * @param today the office's date (the draft's 成文日期)
 */
export function interpretationDraft(doc: InterpretedDocument, today: LocalDate): DraftInput {
  const named = doc.docNo === '' ? `《${doc.title}》` : `《${doc.title}》（${doc.docNo}）`;
  return {
    org: doc.orgId,
    kind: 'interpretation',
    interprets: doc.indexNo,
    title: `《${doc.title}》政策解读`,
    writtenOn: today,
    topic: doc.topic,
    keywords: doc.keywords,
    keyAreas: [...doc.keyAreas],
    summary: `对${named}的解读。`,
    validity: 'valid',
    disclosure: 'proactive',
    body: `<p>现就${escapeHtml(named)}解读如下。</p>`,
  };
}
