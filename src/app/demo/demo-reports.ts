// Last year's annual reports of the demo district (《政府信息公开条例》第四十九条、第五十条): for every demo
// organization the draft computed from the demo data, its narrative finished where the draft leaves a
// 【请补充：…】 placeholder (placeholders block publishing), its section-二 figures typed in, then published in
// January through the report use cases (checks R1–R8 included).
import { localDate, type LocalDate } from '../../domain/core/local-date.js';
import { MANUAL_ARTICLE20_FIELDS } from '../../domain/reports/compute.js';
import { PLACEHOLDER_OPEN } from '../../domain/reports/narrative.js';
import { NARRATIVE_KEYS } from '../../domain/reports/labels.js';
import { loadReport, saveReportDraft } from '../reports/annual-reports.js';
import { publishReport } from '../reports/report-workflow.js';
import { DEMO_NOTE } from './demo-texts.js';
import { workdayAfter, type DemoEvent, type DemoOrgRef, type DemoWorld } from './demo-timeline.js';

/** What the office writes where the draft asks (by the placeholder's request), in the demo's words. */
const FILLS: readonly [request: string, text: string][] = [
  ['审查、发布程序', '严格执行拟公开信息“起草、初审、复审、签发”三级审核制度，及时调整完善政府信息公开目录。'],
  ['公开平台', '依托区政府门户网站政府信息公开专栏集中发布政府信息，政务新媒体同步转载重要政策。'],
  ['考核、社会评议', '将政务公开纳入年度绩效考核，组织业务培训2次，未发生需要追究责任的情形。'],
  ['上年度报告所列问题', '上年度提出的政策解读形式单一问题，已通过图文解读、新闻发布会等方式改进。'],
  [
    '本年度工作中存在的主要问题',
    '一是部分栏目更新不够及时；二是依申请公开答复说理有待加强。下一步将建立栏目巡查机制，加强业务培训。',
  ],
  ['其他需要报告的事项', '无。'],
];

/** The draft's text with each placeholder replaced by the demo's text for its request. */
export function finishNarrative(text: string): string {
  return text.replace(new RegExp(`${PLACEHOLDER_OPEN}([^】]*)】`, 'g'), (_m, request: string) => {
    const fill = FILLS.find(([key]) => request.includes(key));
    return fill ? fill[1] : DEMO_NOTE;
  });
}

/** Typed section-二 figures: modest, deterministic counts (amounts in 万元 with two decimals). */
function article20Figures(format: '2019' | '2021', seed: number): Record<string, string> {
  return Object.fromEntries(
    MANUAL_ARTICLE20_FIELDS(format).map((f, i) => {
      const n = 1 + ((seed * 7 + i * 3) % 23);
      return [f.key, f.decimal ? (n * 1.25).toFixed(2) : String(f.signed ? n - 5 : n)];
    }),
  );
}

/** The day last year's reports are published: 15 January (a working day) unless today comes first. */
export function reportDay(w: Pick<DemoWorld, 'year' | 'today'>): LocalDate {
  return workdayAfter(localDate(`${w.year}-01-15`), w.today);
}

/** Finishes and publishes one organization's report of last year (the root's editor writes, its head publishes). */
async function finishAndPublish(w: DemoWorld, o: DemoOrgRef): Promise<void> {
  const { editor, head } = w.publishing;
  const draft = await loadReport(w.ctx, editor, o.org.id, w.lastYear);
  const sections = Object.fromEntries(
    NARRATIVE_KEYS.map((k) => [k, finishNarrative(draft.report.sections[k] ?? '') || DEMO_NOTE]),
  );
  await saveReportDraft(w.ctx, editor, o.org.id, w.lastYear, {
    sections,
    article20: article20Figures(draft.format, o.index),
  });
  await publishReport(w.ctx, head, o.org.id, w.lastYear);
}

/** The events publishing last year's report of every demo organization, on {@link reportDay}. */
export function reportEvents(w: DemoWorld): DemoEvent[] {
  const day = reportDay(w);
  return w.orgs.map((o) => ({ day, run: () => finishAndPublish(w, o) }));
}
