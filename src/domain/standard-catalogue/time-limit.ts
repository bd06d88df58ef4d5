// 公开时限 of a catalogue row: the text as written, read into a computable rule where it is one, and
// the due date that rule gives (the text is stored verbatim beside the rule).
//
// Typical phrasings of published catalogues: 信息形成或者变更之日起20个工作日内 (the art. 26 period of
// 《政府信息公开条例》: "属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内及时公开");
// 制定或获取信息之日起10个工作日内 (社会救助); 每年1月31日前; 实时公开; 长期公开（动态调整）; 常态化公开;
// 及时公开 (not computable); public-notice periods such as 公示期7个工作日 (a duration, not a deadline).
import { addWorkingDays } from '../calendar/working-days.js';
import type { HolidayCalendar } from '../calendar/holiday-calendar.js';
import { addDays, localDate, yearOf, type LocalDate } from '../core/local-date.js';

/** A computable 公开时限. */
export type TimeLimitRule =
  /** N working days from the day the information is formed or changed (day zero). */
  | { kind: 'working_days_after_change'; days: number }
  /** N calendar days from formation or change. */
  | { kind: 'days_after'; days: number }
  /** Every year by month/day (inclusive). */
  | { kind: 'annual_by'; month: number; day: number }
  /** Every month by the given day (inclusive). */
  | { kind: 'monthly_by'; day: number }
  /** Published as it happens (实时公开): due the day it is formed. */
  | { kind: 'realtime' }
  /** Kept public continuously (长期公开、常态化公开): no due date, only presence. */
  | { kind: 'standing' }
  /** Shown for a period (公示期): how long, not by when. */
  | { kind: 'notice_period'; days: number; working: boolean };

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const NUM = '([0-9]+|[零〇一二两三四五六七八九十]+)';

/**
 * Reads a number written in Arabic digits or Chinese numerals up to 99 ("20", "二十", "十五", "七").
 * @param text the numeral
 * @returns its value, or NaN when it is not one
 */
export function readNumber(text: string): number {
  if (/^[0-9]+$/.test(text)) return Number(text);
  if (!/^[零〇一二两三四五六七八九十]{1,3}$/.test(text)) return NaN;
  const at = text.indexOf('十');
  if (at < 0) return text.length === 1 ? (DIGITS[text] ?? NaN) : NaN;
  const tens = at === 0 ? 1 : (DIGITS[text.slice(0, at)] ?? NaN);
  const ones = at === text.length - 1 ? 0 : (DIGITS[text.slice(at + 1)] ?? NaN);
  return tens * 10 + ones;
}

/** Full-width digits and spaces to their ASCII forms, so "２０个工作日" reads like "20个工作日". */
function normalize(text: string): string {
  return text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\s\u3000]+/g, '');
}

/** Patterns in priority order: the first deadline found wins; standing/realtime only when no deadline is written. */
const PATTERNS: { re: RegExp; rule: (m: RegExpExecArray) => TimeLimitRule | null }[] = [
  {
    re: new RegExp(`每年(?:度)?${NUM}月${NUM}日(?:前|之前|以前)`),
    rule: (m) => annual(readNumber(m[1] ?? ''), readNumber(m[2] ?? '')),
  },
  { re: new RegExp(`每月${NUM}日(?:前|之前|以前)`), rule: (m) => monthly(readNumber(m[1] ?? '')) },
  {
    re: new RegExp(`公示(?:期|时间)?(?:为|不少于|不得少于)?${NUM}个?工作日`),
    rule: (m) => notice(readNumber(m[1] ?? ''), true),
  },
  {
    re: new RegExp(`公示(?:期|时间)?(?:为|不少于|不得少于)?${NUM}(?:天|日)`),
    rule: (m) => notice(readNumber(m[1] ?? ''), false),
  },
  {
    re: new RegExp(`${NUM}个工作日(?:内|以内)?`),
    rule: (m) => counted('working_days_after_change', readNumber(m[1] ?? '')),
  },
  { re: new RegExp(`${NUM}(?:个自然日|天|日)(?:内|以内)`), rule: (m) => counted('days_after', readNumber(m[1] ?? '')) },
  { re: /实时公开|即时公开|实时更新/, rule: () => ({ kind: 'realtime' }) },
  { re: /长期公开|常态化公开|常年公开|动态调整|持续公开/, rule: () => ({ kind: 'standing' }) },
];

/**
 * Reads a 公开时限 text into a computable rule. A deadline stated anywhere in the text wins over a
 * standing statement, so "除处罚决定外长期公开；处罚决定20个工作日内" (城市综合执法) gives 20
 * working days. A notice period alone ("公示期7个工作日") is kept as such; when the text also states a
 * deadline the deadline wins.
 * @param text the time limit as written
 * @returns the rule, or null when the text states none that can be computed (e.g. "及时公开")
 */
export function parseTimeLimit(text: string): TimeLimitRule | null {
  let t = normalize(text);
  const found = PATTERNS.map((p) => {
    const m = p.re.exec(t);
    if (!m) return null;
    // A notice period's own "7个工作日" must not read again as a deadline.
    t = t.replace(m[0], '｜');
    return p.rule(m);
  });
  const deadline = found.find(
    (r) => r !== null && r.kind !== 'notice_period' && r.kind !== 'standing' && r.kind !== 'realtime',
  );
  return deadline ?? found.find((r) => r !== null) ?? null;
}

/**
 * The date by which something governed by the rule is due.
 * @param rule the rule
 * @param baseDate the day the information was formed or changed (day zero); for the yearly and monthly
 *   rules, the day from which the next deadline is sought (that day itself included)
 * @param calendar the working-day calendar (working-day rules)
 * @returns the due date (inclusive), or null for rules without one (standing, notice periods)
 */
export function dueDate(rule: TimeLimitRule, baseDate: LocalDate, calendar: HolidayCalendar): LocalDate | null {
  switch (rule.kind) {
    case 'working_days_after_change':
      return addWorkingDays(baseDate, rule.days, calendar);
    case 'days_after':
      return addDays(baseDate, rule.days);
    case 'annual_by': {
      const thisYear = monthDay(yearOf(baseDate), rule.month, rule.day);
      return thisYear >= baseDate ? thisYear : monthDay(yearOf(baseDate) + 1, rule.month, rule.day);
    }
    case 'monthly_by': {
      const [y, m] = [yearOf(baseDate), Number(baseDate.slice(5, 7))];
      const thisMonth = clampedDate(y, m, rule.day);
      return thisMonth >= baseDate
        ? thisMonth
        : m === 12
          ? clampedDate(y + 1, 1, rule.day)
          : clampedDate(y, m + 1, rule.day);
    }
    case 'realtime':
      return baseDate;
    case 'standing':
    case 'notice_period':
      return null;
  }
}

/**
 * A short Chinese description of a rule, for lists and exports.
 * @param rule the rule
 */
export function describeTimeLimitRule(rule: TimeLimitRule): string {
  switch (rule.kind) {
    case 'working_days_after_change':
      return `形成或变更之日起${rule.days}个工作日内`;
    case 'days_after':
      return `形成或变更之日起${rule.days}日内`;
    case 'annual_by':
      return `每年${rule.month}月${rule.day}日前`;
    case 'monthly_by':
      return `每月${rule.day}日前`;
    case 'realtime':
      return '实时公开';
    case 'standing':
      return '长期公开';
    case 'notice_period':
      return `公示${rule.days}${rule.working ? '个工作日' : '日'}`;
  }
}

function annual(month: number, day: number): TimeLimitRule | null {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? { kind: 'annual_by', month, day } : null;
}

function monthly(day: number): TimeLimitRule | null {
  return day >= 1 && day <= 31 ? { kind: 'monthly_by', day } : null;
}

function counted(kind: 'working_days_after_change' | 'days_after', days: number): TimeLimitRule | null {
  return Number.isInteger(days) && days > 0 && days <= 366 ? { kind, days } : null;
}

function notice(days: number, working: boolean): TimeLimitRule | null {
  return Number.isInteger(days) && days > 0 ? { kind: 'notice_period', days, working } : null;
}

/** The date y-m-d, or the last day of the month when d is past it (2月30日 → end of February). */
function clampedDate(y: number, m: number, d: number): LocalDate {
  const first = localDate(`${y}-${String(m).padStart(2, '0')}-01`);
  const last = addDays(
    m === 12 ? localDate(`${y + 1}-01-01`) : localDate(`${y}-${String(m + 1).padStart(2, '0')}-01`),
    -1,
  );
  const wanted = addDays(first, d - 1);
  return wanted > last ? last : wanted;
}

function monthDay(y: number, m: number, d: number): LocalDate {
  return clampedDate(y, m, d);
}
