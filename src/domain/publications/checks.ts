// Pre-publication checks (发布前检查), run at submission and at each level; their findings are
// stored with the review row as evidence: wrong and sensitive words from an editable
// list, personal data (resident ID numbers with a valid check digit, mobile numbers), injected
// gambling/pornography spam (the report checker's detector), and links in the body; before submission, the
// fields a 行政规范性文件 must carry, and a warning when a policy document has no interpretation.

import { findSpamSpans } from '../report-check/spam.js';
import type { PublicationKind } from './publication.js';

/** What a finding is about. */
export type CheckRule =
  | 'wrong_word'
  | 'sensitive_word'
  | 'id_number'
  | 'mobile'
  | 'spam'
  | 'broken_link'
  | 'external_link'
  | 'no_interpretation';

/** Chinese names of the checks. */
export const CHECK_RULE_LABELS: Readonly<Record<CheckRule, string>> = {
  wrong_word: '错词',
  sensitive_word: '敏感词',
  id_number: '身份证号码',
  mobile: '手机号码',
  spam: '涉赌涉黄等垃圾信息',
  broken_link: '无法访问的链接',
  external_link: '外部链接',
  no_interpretation: '政策解读',
};

/** One finding. `error`s block approval unless the reviewer confirms them (transitions.ts). */
export type CheckFinding = {
  rule: CheckRule;
  severity: 'error' | 'warning';
  message: string;
  excerpt: string;
  field: 'title' | 'summary' | 'body' | 'kind';
};

/** The fields the checks before submission read. */
type SubmitFields = { kind: PublicationKind; docNo: string; writtenOn: string };

/**
 * Fields a 行政规范性文件 must carry before it is submitted: its 发文字号 and 成文日期 (三统一：统一登记、统一编号、
 * 统一发布; 《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》国办发〔2018〕37号).
 * @returns a Chinese message per missing field (empty when the item may be submitted)
 */
export function submitRefusals(f: SubmitFields): Record<string, string> {
  if (f.kind !== 'normative') return {};
  const rule = '行政规范性文件实行统一登记、统一编号、统一发布（三统一），送审前须填写';
  const out: Record<string, string> = {};
  if (f.docNo.trim() === '') out.docNo = `${rule}发文字号`;
  if (f.writtenOn.trim() === '') out.writtenOn = `${rule}成文日期`;
  return out;
}

/**
 * The warning (never blocking) that a policy document (规章, 行政规范性文件) has no published interpretation: policy
 * documents are published with their interpretation (国办发〔2018〕37号; 《政府信息公开条例》第二十条).
 */
export function interpretationFinding(kind: PublicationKind, interpreted: boolean): CheckFinding | null {
  if (interpreted || (kind !== 'rule' && kind !== 'normative')) return null;
  return {
    rule: 'no_interpretation',
    severity: 'warning',
    message: '本政策文件尚无已发布的政策解读，建议同步起草并发布解读',
    excerpt: '',
    field: 'kind',
  };
}

/** The editable word list (settings key `publications.sensitive_words`). */
export type WordList = {
  /** 错词: a wrong form and the right one. */
  wrong: readonly { wrong: string; right: string }[];
  /** 敏感词: words to avoid, with the reason or preferred wording. */
  sensitive: readonly { word: string; hint: string }[];
};

/** The settings key of the word list. */
export const SENSITIVE_WORDS_KEY = 'publications.sensitive_words';

/**
 * A modest default list of common 错敏词 in government texts: misspellings of the state's and the
 * Party's names, of the Regulation and of remedies, and forms that style guides for official
 * documents (党政机关公文格式 and 新闻出版 usage rules) replace. Admins extend it in settings.
 */
export const DEFAULT_WORD_LIST: WordList = {
  wrong: [
    { wrong: '中华人民共国', right: '中华人民共和国' },
    { wrong: '中华人名共和国', right: '中华人民共和国' },
    { wrong: '中华人民共合国', right: '中华人民共和国' },
    { wrong: '中国共产觉', right: '中国共产党' },
    { wrong: '国务院办工厅', right: '国务院办公厅' },
    { wrong: '政府信息公开条列', right: '政府信息公开条例' },
    { wrong: '行政复义', right: '行政复议' },
    { wrong: '社会主意', right: '社会主义' },
    { wrong: '人民代表大官', right: '人民代表大会' },
  ],
  sensitive: [
    { word: '台湾国', hint: '应称“台湾地区”或“中国台湾”' },
    { word: '大陆和台湾两国', hint: '应称“两岸”' },
    { word: '北朝鲜', hint: '应称“朝鲜”' },
  ],
};

/**
 * What is checked: the title and summary, and the body as its reader gives it (plain text and the
 * addresses its elements link to or load).
 */
export type CheckInput = { title: string; summary: string; bodyText: string; links: readonly string[] };
/** Options: the word list, and whether an internal path resolves (this portal's pages and attachments). */
export type CheckOptions = {
  words: WordList;
  resolveLink: (path: string) => boolean;
  portalOrigins?: readonly string[];
};

/**
 * Runs every check.
 * @returns the findings, in field order
 */
export function prePublicationChecks(input: CheckInput, options: CheckOptions): CheckFinding[] {
  const fields = [
    ['title', input.title],
    ['summary', input.summary],
    ['body', input.bodyText],
  ] as const;
  const textFindings = fields.flatMap(([field, text]) => [
    ...wordFindings(text, field, options.words),
    ...personalDataFindings(text, field),
    ...spamFindingsOf(text, field),
  ]);
  return [...textFindings, ...linkFindings(input.links, options)];
}

function wordFindings(text: string, field: CheckFinding['field'], words: WordList): CheckFinding[] {
  const wrong = words.wrong
    .filter((w) => w.wrong !== '' && text.includes(w.wrong))
    .map((w): CheckFinding => ({
      rule: 'wrong_word',
      severity: 'error',
      message: `疑似错别字“${w.wrong}”，应为“${w.right}”`,
      excerpt: w.wrong,
      field,
    }));
  const sensitive = words.sensitive
    .filter((w) => w.word !== '' && text.includes(w.word))
    .map((w): CheckFinding => ({
      rule: 'sensitive_word',
      severity: 'error',
      message: `敏感表述“${w.word}”：${w.hint}`,
      excerpt: w.word,
      field,
    }));
  return [...wrong, ...sensitive];
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/**
 * Whether an 18-character resident identity number has a valid check digit (GB 11643-1999).
 * @param id 17 digits and a digit or X
 */
export function isValidResidentId(id: string): boolean {
  if (!/^[1-9]\d{16}[\dXx]$/.test(id)) return false;
  const sum = ID_WEIGHTS.reduce((s, w, i) => s + w * Number(id[i]), 0);
  return ID_CHECK[sum % 11] === id[17]?.toUpperCase();
}

/** Masks the middle of a number so the finding does not spread the personal data it reports. */
function mask(s: string): string {
  return `${s.slice(0, 3)}${'*'.repeat(Math.max(0, s.length - 7))}${s.slice(-4)}`;
}

function personalDataFindings(text: string, field: CheckFinding['field']): CheckFinding[] {
  const ids = [...text.matchAll(/(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g)]
    .map((m) => m[0])
    .filter(isValidResidentId);
  const mobiles = [...text.matchAll(/(?<!\d)1[3-9]\d{9}(?!\d)/g)].map((m) => m[0]);
  return [
    ...ids.map((id): CheckFinding => ({
      rule: 'id_number',
      severity: 'error',
      message: `含有公民身份号码 ${mask(id)}，公开前应删除或作去标识化处理`,
      excerpt: mask(id),
      field,
    })),
    ...mobiles.map((m): CheckFinding => ({
      rule: 'mobile',
      severity: 'warning',
      message: `含有手机号码 ${mask(m)}，请确认是否为应公开的办公联系方式`,
      excerpt: mask(m),
      field,
    })),
  ];
}

function spamFindingsOf(text: string, field: CheckFinding['field']): CheckFinding[] {
  return findSpamSpans(text).map((s) => {
    const excerpt = text.slice(s.start, s.end);
    return { rule: 'spam', severity: 'error', message: `发现疑似植入的赌博/色情广告文字“${excerpt}”`, excerpt, field };
  });
}

/** A body's links (href/src values), split into this portal's paths and external addresses. */
export function classifyLinks(
  urls: readonly string[],
  portalOrigins: readonly string[] = [],
): { internal: string[]; external: string[] } {
  const internal: string[] = [];
  const external: string[] = [];
  for (const url of urls) {
    if (url === '' || url.startsWith('#') || /^(mailto|tel|data):/i.test(url)) continue;
    const origin = portalOrigins.find((o) => url.startsWith(o));
    if (origin !== undefined) internal.push(url.slice(origin.length) || '/');
    else if (url.startsWith('/') && !url.startsWith('//')) internal.push(url);
    else external.push(url);
  }
  return { internal: [...new Set(internal)], external: [...new Set(external)] };
}

function linkFindings(links: readonly string[], options: CheckOptions): CheckFinding[] {
  const { internal, external } = classifyLinks(links, options.portalOrigins);
  return [
    ...internal
      .filter((p) => !options.resolveLink(p))
      .map((p): CheckFinding => ({
        rule: 'broken_link',
        severity: 'error',
        message: `站内链接“${p}”无法打开`,
        excerpt: p,
        field: 'body',
      })),
    ...external.map((u): CheckFinding => ({
      rule: 'external_link',
      severity: 'warning',
      message: `外部链接“${u}”未自动检查，请人工核实`,
      excerpt: u,
      field: 'body',
    })),
  ];
}

/**
 * Reads the stored word list, falling back to the default for a missing or malformed value.
 * @param value the settings value
 */
export function wordListFrom(value: unknown): WordList {
  if (typeof value !== 'object' || value === null) return DEFAULT_WORD_LIST;
  const v = value as { wrong?: unknown; sensitive?: unknown };
  if (!Array.isArray(v.wrong) || !Array.isArray(v.sensitive)) return DEFAULT_WORD_LIST;
  const wrong = v.wrong.filter(
    (w): w is { wrong: string; right: string } => typeof w?.wrong === 'string' && typeof w?.right === 'string',
  );
  const sensitive = v.sensitive.filter(
    (w): w is { word: string; hint: string } => typeof w?.word === 'string' && typeof w?.hint === 'string',
  );
  return { wrong, sensitive };
}
