/**
 * 互动回应差 (国办秘函〔2019〕19号): in the year before the monitoring point, a 政务咨询类 column that left valid
 * messages unanswered for more than 3 months. The messages come from the registry (registered or imported for an
 * `interaction` column): received date and answered date (null while unanswered).
 */
import type { MonitorFinding } from './finding.js';
import { daysBetween } from './list-dates.js';

/** One message of an interaction column. */
export interface InteractionMessage {
  /** ISO dates. */
  receivedOn: string;
  answeredOn: string | null;
  /** Messages that are not valid (spam, duplicates) are marked by the office and not counted. */
  valid?: boolean;
}

/** Thresholds (19号 互动回应差 sub-rule 2: 1 year window, 3 months to answer). */
export interface InteractionSettings {
  windowDays: number;
  answerDays: number;
}

/** The defaults: a year, and 3 months taken as 90 days [U: 19号 says "3个月"]. */
export const DEFAULT_INTERACTION_SETTINGS: InteractionSettings = { windowDays: 365, answerDays: 90 };

/**
 * `interaction_unanswered`: one veto finding per column whose valid messages received within the window were left
 * unanswered (or answered) after more than `answerDays`.
 */
export function interactionFindings(
  column: { name: string; url: string },
  messages: readonly InteractionMessage[],
  asOf: string,
  s: InteractionSettings = DEFAULT_INTERACTION_SETTINGS,
): MonitorFinding[] {
  const late = messages.filter((m) => {
    if (m.valid === false) return false;
    const age = daysBetween(m.receivedOn, asOf);
    if (age < 0 || age > s.windowDays) return false;
    const waited = daysBetween(m.receivedOn, m.answeredOn && m.answeredOn <= asOf ? m.answeredOn : asOf);
    return waited > s.answerDays;
  });
  if (late.length === 0) return [];
  const oldest = late.reduce((a, b) => (a.receivedOn <= b.receivedOn ? a : b));
  return [
    {
      rule: 'interaction_unanswered',
      severity: 'veto',
      url: column.url,
      column: column.name,
      message: `栏目“${column.name}”近一年有 ${late.length} 条留言超过 ${s.answerDays} 天未答复`,
      evidence: { late: late.length, oldestReceivedOn: oldest.receivedOn, answerDays: s.answerDays },
    },
  ];
}
