// The 提醒函 (reminder letter) to a unit about the open findings of its websites: numbered, with the deadline to
// fix and one line per finding, signed by the monitoring office. Laid out like the notices (GB/T 9704-2012: title,
// 发文字号, addressee, body paragraphs with a table-like list, signature and date).
import { formatChineseDate, type LocalDate } from '../core/local-date.js';
import { escapeHtml } from '../core/text.js';

/** One finding as the letter lists it. */
export type LetterItem = { site: string; where: string; problem: string; dueOn: LocalDate };

/** What a letter says. */
export type LetterModel = {
  docNo: string;
  /** The unit written to (the sites' 主办单位). */
  unitName: string;
  /** The office writing (the monitoring organization). */
  issuerName: string;
  issuedOn: LocalDate;
  deadlineOn: LocalDate;
  items: LetterItem[];
};

/** The letter as a document: title, number, addressee, paragraphs, signature. */
export type LetterDocument = {
  docNo: string;
  title: string;
  addressee: string;
  paragraphs: string[];
  signature: { orgName: string; issuedOn: LocalDate; date: string };
};

/** The title of every 提醒函. */
export const LETTER_TITLE = '关于政府网站监测发现问题限期整改的提醒函';

/**
 * Builds the letter's text. 国办秘函〔2019〕19号 asks monitoring bodies to follow up what checks find; the letter names
 * each problem, where it was found and the day by which it must be fixed.
 */
export function buildLetterDocument(m: LetterModel): LetterDocument {
  const deadline = formatChineseDate(m.deadlineOn);
  const lines = m.items.map((it, i) => `${i + 1}. ${it.site}：${it.problem}（${it.where}）`);
  return {
    docNo: m.docNo,
    title: LETTER_TITLE,
    addressee: `${m.unitName}：`,
    paragraphs: [
      `根据《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）的要求，我们对你单位主办的政府网站进行了监测，发现以下${m.items.length}个问题：`,
      ...lines,
      `请于${deadline}前完成整改，并在政务公开平台的整改任务中逐项说明整改情况。逾期未整改的，将在网站检查情况通报中予以通报。`,
      '特此提醒。',
    ],
    signature: { orgName: m.issuerName, issuedOn: m.issuedOn, date: formatChineseDate(m.issuedOn) },
  };
}

/** The letter as a printable HTML fragment (classes styled in app.css; no inline styles). */
export function letterHtml(doc: LetterDocument): string {
  const p = (cls: string, text: string) => `<p class="${cls}">${escapeHtml(text)}</p>`;
  return [
    '<article class="letter">',
    `<h1 class="letter-title">${escapeHtml(doc.title)}</h1>`,
    p('letter-docno', doc.docNo),
    p('letter-addressee', doc.addressee),
    ...doc.paragraphs.map((t) => p('letter-para', t)),
    p('letter-signature', doc.signature.orgName),
    p('letter-date', doc.signature.date),
    '</article>',
  ].join('\n');
}
