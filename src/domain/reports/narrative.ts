/**
 * Drafts of the narrative sections (一、五、六), written from the data in the manner of published
 * reports (the seed: "全年共受理并办结政府信息依申请公开18件，较去年同期增长55%"). Staff edit them
 * in the back office; what the data cannot say is left as a 【请补充：…】 placeholder.
 *
 * Content follows the format's instructions (国办公开办函〔2021〕30号): 一 covers 主动公开, 依申请公开, 政府信息
 * 管理, 平台建设, 监督保障 (for governments also 考核、评议、责任追究, art. 50(4)); 五 starts from the
 * previous report's problems; 六 states the 信息处理费 collected under 国办函〔2020〕109号 (the
 * format's instructions do not spell this out). Pure: no clock, every number comes in.
 *
 * 平台建设 and 监督保障 cite the supervision records when there are any (website checks, 提醒函, training, the
 * assessment, 社会评议 and 责任追究), in the register of published reports ("全年共开展政务网站检测40次，发布提醒函6
 * 份", "组织政府信息公开培训3次，参训人员120人次"); a government's section 五 also reports 考核、社会评议和责任追究结果
 * (《条例》第五十条第四项). Nothing recorded: the placeholder stays.
 */
import type { AnnualPublicationCounts } from '../publications/annual-counts.js';
import { KIND_LABELS, PUBLICATION_KINDS } from '../publications/publication.js';
import { REVIEW_COUNTING_NOTES, type ReviewCountingRule } from '../reviews/review-case.js';
import type { AnnualReport, ApplicationRow, Cell } from './annual-report.js';
import { formatChineseDate } from '../core/local-date.js';
import { TRAINING_KINDS, TRAINING_KIND_LABELS, type TrainingTotals } from '../training/training.js';
import type { OversightRecord } from '../oversight/oversight.js';
import { GRADES } from '../assessment/scheme.js';

/** The assessment (考核) of the year as the report cites it: schemes used, units assessed, units by grade. */
export type AssessmentFacts = { schemes: number; units: number; grades: Record<string, number> };

/** A 社会评议 or 责任追究 record as the report cites it. */
export type OversightNote = Pick<OversightRecord, 'occurredOn' | 'unit' | 'subject' | 'result'>;

/**
 * The supervision facts of the year, over the organization (a government: its subtree): the monitoring records,
 * the training records, the assessment and the 社会评议/责任追究 records.
 */
export type SupervisionFacts = {
  /** Whether the report is a government's (section 五 then reports 考核、社会评议和责任追究结果, art. 50(4)). */
  government: boolean;
  /** Websites registered for monitoring, 政务新媒体 accounts running. */
  sites: number;
  accounts: number;
  /** Website checks finished in the year. */
  siteChecks: number;
  /** 提醒函 issued in the year (a government's: to its subtree; others': received). */
  letters: number;
  /** Sessions held by the organization (its subtree), and sessions elsewhere it attended. */
  training: TrainingTotals;
  attended: { sessions: number; participants: number };
  /** Null when no assessment of the year is recorded. */
  assessment: AssessmentFacts | null;
  socialReviews: OversightNote[];
  accountability: OversightNote[];
};

export type NarrativeInput = {
  report: AnnualReport;
  /** Last year's report, for the year-on-year change; null when unknown. */
  previous: AnnualReport | null;
  publications: AnnualPublicationCounts;
  /** The section 四 counting rule the figures were computed with; the narrative states it. */
  reviewCounting: ReviewCountingRule;
  /** 告知书 issued in the year (all kinds). */
  noticesIssued: number;
  /** 信息处理费 of the year: fee notices issued, amounts on them and amounts paid, in 元. */
  fees: { notices: number; chargedYuan: number; collectedYuan: number };
  /** Section 五 of last year's report; null when unknown. */
  previousProblems: string | null;
  /** The supervision records of the year; absent: none recorded (the placeholders stay). */
  supervision?: SupervisionFacts;
};

export type NarrativeDraft = { overview: string; problems: string; other: string };

/** Starts a placeholder in any spelling staff meet: the draft's 【请补充：…】 and a bare 【请补充】 typed by hand. */
export const PLACEHOLDER_MARK = '【请补充';
/** Opens every placeholder the draft writes. */
export const PLACEHOLDER_OPEN = `${PLACEHOLDER_MARK}：`;

const todo = (what: string): string => `${PLACEHOLDER_OPEN}${what}】`;

/** Whether a text still holds a placeholder (the draft's or one typed by hand): the report is unfinished. */
export function hasPlaceholder(text: string | null): boolean {
  return text !== null && text.includes(PLACEHOLDER_MARK);
}

const n = (v: Cell | undefined): number => (typeof v === 'number' ? v : 0);
const total = (r: AnnualReport, row: ApplicationRow): number => n(r.applications?.[row]?.total);

/** A yuan amount as written in reports: integers plain, otherwise two decimals. */
export function formatYuan(amount: number): string {
  const cents = Math.round(amount * 100);
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}

/**
 * The year-on-year phrase for a count, e.g. `，较去年同期增长55%` (percent rounded; "持平" when
 * equal, "基本持平" when the change rounds to 0%). Empty when last year is unknown.
 */
export function yearOnYear(current: number, previous: number | null): string {
  if (previous === null) return '';
  if (current === previous) return '，与去年同期持平';
  if (previous === 0) return '，上年同期为0件';
  const pct = Math.round((Math.abs(current - previous) * 100) / previous);
  if (pct === 0) return '，与去年同期基本持平';
  return `，较去年同期${current > previous ? '增长' : '下降'}${pct}%`;
}

/** `其中A1件、B2件` over the non-zero parts; empty when all are zero. */
function parts(items: [label: string, count: number, unit?: string][]): string {
  const shown = items.filter(([, c]) => c > 0).map(([label, c, unit]) => `${label}${c}${unit ?? '件'}`);
  return shown.length > 0 ? `，其中${shown.join('、')}` : '';
}

function proactive(input: NarrativeInput): string {
  const p = input.publications;
  const published = PUBLICATION_KINDS.reduce((s, k) => s + p.newByKind[k], 0);
  const byKind = parts(
    PUBLICATION_KINDS.map((k) => [
      k === 'other' ? '其他信息' : KIND_LABELS[k],
      p.newByKind[k],
      k === 'rule' || k === 'normative' || k === 'other_document' ? '件' : '条',
    ]),
  );
  const out = [`全年主动公开政府信息${published}条${byKind}`];
  if (p.keyAreaItems > 0) out.push(`涉及重点领域的信息${p.keyAreaItems}条`);
  if (p.documentsPublished > 0) {
    out.push(`发布文件${p.documentsPublished}件，其中${p.documentsWithInterpretation}件配套发布政策解读`);
  }
  const a20 = input.report.article20;
  const docs = (['rules', 'normative'] as const).flatMap((row) => {
    const e = a20[row] ?? {};
    const label = row === 'rules' ? '规章' : input.report.format === '2021' ? '行政规范性文件' : '规范性文件';
    if (input.report.format === '2021') {
      return n(e.made) + n(e.repealed) + n(e.in_force) === 0
        ? []
        : [`本年制发${label}${n(e.made)}件、废止${n(e.repealed)}件，现行有效${n(e.in_force)}件`];
    }
    return n(e.new_made) + n(e.new_published) + n(e.total_published) === 0
      ? []
      : [
          `本年新制作${label}${n(e.new_made)}件、新公开${n(e.new_published)}件，对外公开总数量${n(e.total_published)}件`,
        ];
  });
  return `（一）主动公开情况\n${[...out, ...docs].join('；')}。`;
}

function onApplication(input: NarrativeInput): string {
  const r = input.report;
  const received = total(r, 'new');
  const previous = input.previous ? total(input.previous, 'new') : null;
  const natural = n(r.applications.new?.natural_person);
  const sentences = [
    `全年共收到政府信息公开申请${received}件${yearOnYear(received, previous)}${parts([
      ['自然人申请', natural],
      ['法人或其他组织申请', received - natural],
    ])}；上年结转${total(r, 'carried_over')}件`,
  ];
  const sum = (prefix: string) =>
    Object.entries(r.applications).reduce((s, [row, cells]) => s + (row.startsWith(prefix) ? n(cells?.total) : 0), 0);
  const groups = parts([
    ['予以公开', total(r, 'disclosed')],
    ['部分公开', total(r, 'partially_disclosed')],
    ['不予公开', sum('withheld.')],
    ['无法提供', sum('unavailable.')],
    ['不予处理', sum('not_processed.')],
    ['其他处理', sum('other')],
  ]);
  sentences.push(`本年度办结${total(r, 'total')}件${groups}；结转下年度继续办理${total(r, 'carried_forward')}件`);
  sentences.push(`全年共制发各类告知书${input.noticesIssued}份`);
  return `（二）依申请公开情况\n${sentences.join('。')}。${reviewsSentence(r)}${REVIEW_COUNTING_NOTES[input.reviewCounting]}`;
}

function reviewsSentence(r: AnnualReport): string {
  const reconsideration = n(r.reviews.reconsideration?.total);
  const litigation = n(r.reviews.litigation_direct?.total) + n(r.reviews.litigation_after_reconsideration?.total);
  if (reconsideration + litigation === 0) return '全年未发生因政府信息公开引起的行政复议、行政诉讼。';
  const corrected =
    n(r.reviews.reconsideration?.corrected) +
    n(r.reviews.litigation_direct?.corrected) +
    n(r.reviews.litigation_after_reconsideration?.corrected);
  return `全年因政府信息公开工作被申请行政复议${reconsideration}件、被提起行政诉讼${litigation}件${corrected > 0 ? `，其中结果被纠正${corrected}件` : ''}。`;
}

/** Section 一: the two parts the data can tell, then placeholders for the other three (国办公开办函〔2021〕30号). */
function overview(input: NarrativeInput): string {
  const { year, organization } = input.report;
  return [
    `${year}年，${organization.name ?? '本机关'}认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，依法做好政府信息公开工作。`,
    proactive(input),
    onApplication(input),
    `（三）政府信息管理情况\n${todo('政府信息公开审查、发布程序和公开目录维护等情况')}`,
    `（四）政府信息公开平台建设情况\n${platform(input.supervision)}`,
    `（五）监督保障情况\n${supervision(input.supervision)}`,
  ].join('\n');
}

/** Sentences joined as a paragraph: `A；B。`, or the placeholder when there is none. */
const paragraph = (sentences: readonly string[], placeholder: string): string =>
  sentences.length > 0 ? `${sentences.join('；')}。` : todo(placeholder);

/** 平台建设: the platforms monitored, the checks run and the 提醒函 (国办公开办函〔2021〕30号, section 一). */
function platform(f: SupervisionFacts | undefined): string {
  const out: string[] = [];
  // The registry alone (counted today) says nothing of the year: cited only beside the year's checks or letters.
  if (f && f.siteChecks + f.letters > 0) {
    const registered = [
      ...(f.sites > 0 ? [`政府网站${f.sites}个`] : []),
      ...(f.accounts > 0 ? [`政务新媒体账号${f.accounts}个`] : []),
    ];
    if (registered.length > 0) out.push(`纳入常态化监测的${registered.join('、')}`);
    const letters = f.letters > 0 ? `${f.government ? '发布' : '收到'}提醒函${f.letters}份` : '';
    if (f.siteChecks > 0) out.push(`全年共开展政务网站检测${f.siteChecks}次${letters ? `，${letters}` : ''}`);
    else if (letters) out.push(`全年${letters}`);
  }
  return paragraph(out, '政府网站、政务新媒体等公开平台的建设和管理情况');
}

/** `，其中优秀2个、良好3个` over the grades with units, in grade order. */
function gradeParts(grades: Record<string, number>): string {
  const known = [...GRADES, ...Object.keys(grades).filter((g) => !(GRADES as readonly string[]).includes(g))];
  return parts(known.map((g) => [g, grades[g] ?? 0, '个']));
}

/** The assessment's sentence, or '' when none is recorded. */
function assessmentSentence(a: AssessmentFacts | null): string {
  if (a === null || a.schemes === 0) return '';
  return `组织开展政务公开工作考核，考核单位${a.units}个${gradeParts(a.grades)}`;
}

/** 监督保障: the assessment, training, 社会评议 and 责任追究 of the year. */
function supervision(f: SupervisionFacts | undefined): string {
  if (!f) return todo('工作考核、社会评议、培训和责任追究等情况');
  const out: string[] = [];
  const assessed = assessmentSentence(f.assessment);
  if (assessed) out.push(assessed);
  const t = f.training;
  if (t.sessions > 0) {
    const kinds = TRAINING_KINDS.filter((k) => t.byKind[k] > 0).map(
      (k) => `${TRAINING_KIND_LABELS[k]}${t.byKind[k]}次`,
    );
    const byKind = kinds.length > 1 ? `（${kinds.join('、')}）` : '';
    out.push(`组织政府信息公开培训${t.sessions}次${byKind}，参训人员${t.participants}人次`);
  }
  if (f.attended.sessions > 0) {
    out.push(`参加上级组织的政府信息公开培训${f.attended.sessions}次，参训人员${f.attended.participants}人次`);
  }
  if (f.socialReviews.length > 0) out.push(`开展社会评议${f.socialReviews.length}次`);
  if (f.accountability.length > 0) out.push(`对政府信息公开工作中的问题进行责任追究${f.accountability.length}件`);
  const unreported = f.government && !assessed && f.socialReviews.length === 0 && f.accountability.length === 0;
  if (out.length > 0 && unreported) return `${paragraph(out, '')}${todo('工作考核、社会评议和责任追究等情况')}`;
  return paragraph(out, '工作考核、社会评议、培训和责任追究等情况');
}

/** A government's 考核、社会评议和责任追究结果 (《条例》第五十条第四项) from the records; placeholder when none. */
function oversightResults(f: SupervisionFacts | undefined): string {
  const out: string[] = [];
  const assessed = f ? assessmentSentence(f.assessment) : '';
  if (assessed) out.push(assessed);
  for (const r of f?.socialReviews ?? []) {
    out.push(`${formatChineseDate(r.occurredOn)}，对${r.unit}开展社会评议（${r.subject}），评议结果：${r.result}`);
  }
  for (const r of f?.accountability ?? []) {
    out.push(`${formatChineseDate(r.occurredOn)}，就${r.subject}对${r.unit}进行责任追究，处理结果：${r.result}`);
  }
  return paragraph(out, '本年度政府信息公开工作考核、社会评议和责任追究结果');
}

/**
 * Section 五: last year's problems first (国办公开办函〔2021〕30号), then this year's for the office to write; a
 * government's also reports 考核、社会评议和责任追究结果 (《条例》第五十条第四项).
 */
function problems(previousProblems: string | null, f: SupervisionFacts | undefined): string {
  const before = previousProblems?.trim();
  return [
    `上年度存在的问题及改进情况：${before ? before : todo('上年度报告所列问题及其改进情况')}`,
    `本年度存在的主要问题及改进措施：${todo('本年度工作中存在的主要问题和下一步改进措施')}`,
    ...(f?.government ? [`考核、社会评议和责任追究结果情况：${oversightResults(f)}`] : []),
  ].join('\n');
}

/** Section 六: the processing fees of the year (国办函〔2020〕109号), then other matters. */
function other(fees: NarrativeInput['fees']): string {
  const charged =
    fees.chargedYuan !== fees.collectedYuan ? `（收费通知所列金额合计${formatYuan(fees.chargedYuan)}元）` : '';
  const line =
    fees.notices === 0 && fees.collectedYuan === 0 && fees.chargedYuan === 0
      ? '本年度未收取信息处理费。'
      : `本年度共发出收费通知${fees.notices}件，收取信息处理费${formatYuan(fees.collectedYuan)}元${charged}。`;
  return `${line}\n${todo('其他需要报告的事项，如政务公开工作要点落实情况、人大代表建议和政协提案办理结果公开情况；没有的写“无”')}`;
}

/** Drafts sections 一, 五 and 六 from the data. */
export function draftSections(input: NarrativeInput): NarrativeDraft {
  return {
    overview: overview(input),
    problems: problems(input.previousProblems, input.supervision),
    other: other(input.fees),
  };
}
