/**
 * Whether a report is ready to go out: unfinished narrative (a 【请补充】 placeholder the draft left, or one
 * typed by hand) is a check error naming its section, and a year's report is published only after that year
 * has ended (《政府信息公开条例》第四十九条: the report is of the previous year's work, published from 1 January).
 * Also the report's task list: sections 一–六, then 检查 → 报送 → 公开. Pure: today's date comes in.
 */
import { formatChineseDate, localDate, type LocalDate } from '../core/local-date.js';
import type { AnnualReport } from './annual-report.js';
import { finding, type Finding } from './finding.js';
import { hasPlaceholder } from './narrative.js';
import { NARRATIVE_KEYS, SECTION_KEYS, SECTION_TITLES, type SectionKey } from './labels.js';
import type { ReportState } from './report-policy.js';

/** A finding's rule as the pages name it: R1–R8 as they are, 待补充 for an unfinished section. */
export const ruleLabel = (rule: Finding['rule']): string => (rule === 'unfinished' ? '待补充' : rule);

/** One error finding per narrative section (一、五、六) that still holds a placeholder. */
export function unfinishedSectionFindings(sections: AnnualReport['sections']): Finding[] {
  return NARRATIVE_KEYS.filter((k) => hasPlaceholder(sections[k] ?? null)).map((k) =>
    finding('unfinished', 'error', `“${SECTION_TITLES[k]}”仍有“【请补充】”的待补充内容，请补充完整并删除该标记`, {
      section: k,
    }),
  );
}

/** The first day a report of `year` may be published: 1 January of the following year. */
export function earliestPublicationOn(year: number): LocalDate {
  return localDate(`${String(year + 1).padStart(4, '0')}-01-01`);
}

/** Why a report of `year` cannot be published on `today` (the year has not ended), or null when it can. */
export function tooEarlyToPublish(year: number, today: LocalDate): string | null {
  const earliest = earliestPublicationOn(year);
  if (today >= earliest) return null;
  return `${year}年度报告须在${formatChineseDate(earliest)}以后公开发布（年度结束后才能报告全年情况），今天是${formatChineseDate(today)}`;
}

/** One line of the task list: done or not, with the anchor or page it links to. */
export type ReportTask = {
  key: SectionKey | 'check' | 'submit' | 'publish';
  label: string;
  done: boolean;
  /** Why it is not done (or where it stands), in Chinese. */
  note: string;
};

/** What the task list reads: the report, its findings, its state (a correction under way or not) and today's date. */
export type TaskInput = {
  report: AnnualReport;
  findings: readonly Finding[];
  state: ReportState;
  today: LocalDate;
  correcting?: boolean;
};

/** A section is done when it is written (一、五、六: non-empty) and no error finding points into it. */
function sectionTask(key: SectionKey, input: TaskInput): ReportTask {
  const errors = input.findings.filter((f) => f.severity === 'error' && f.where.section === key).length;
  const narrative = (NARRATIVE_KEYS as readonly string[]).includes(key);
  const text = narrative ? (input.report.sections[key as (typeof NARRATIVE_KEYS)[number]] ?? '').trim() : null;
  const note = text === '' ? '尚未填写' : errors > 0 ? `有${errors}项错误` : '';
  return { key, label: SECTION_TITLES[key], done: text !== '' && errors === 0, note };
}

/** Where a published report stands: on the portal, with a correction under way or not. */
const publishedNote = (input: TaskInput): string => (input.correcting ? '已在门户公开；更正尚未发布' : '已在门户公开');

/**
 * The report's task list: 一–六 each 未完成/已完成, then 检查 (no error finding), 报送 (submitted or published),
 * 公开 (published; before 1 January of the next year it says from when).
 */
export function reportTasks(input: TaskInput): ReportTask[] {
  const sections = SECTION_KEYS.map((k) => sectionTask(k, input));
  const errors = input.findings.filter((f) => f.severity === 'error').length;
  const warnings = input.findings.length - errors;
  const early = tooEarlyToPublish(input.report.year, input.today);
  const earliest = formatChineseDate(earliestPublicationOn(input.report.year));
  return [
    ...sections,
    {
      key: 'check',
      label: '检查',
      done: errors === 0,
      note: errors > 0 ? `有${errors}项错误须更正` : warnings > 0 ? `通过（${warnings}项提示请核对）` : '通过',
    },
    {
      key: 'submit',
      label: '报送',
      done: input.state !== 'draft',
      note: input.state === 'draft' ? '尚未报送上级' : '已报送上级',
    },
    {
      key: 'publish',
      label: '公开',
      done: input.state === 'published',
      note: input.state === 'published' ? publishedNote(input) : early ? `${earliest}起可以公开` : '尚未公开',
    },
  ];
}
