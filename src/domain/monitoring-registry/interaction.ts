// 互动回应差 (国办秘函〔2019〕19号, 单项否决): in the 1 year before the monitoring point, a 政务咨询类 column left
// valid messages unanswered for more than 3 months. Messages are registered or imported per interaction column
// (received date, answered date); this decides which of them count.
import { compareDates, type LocalDate } from '../core/local-date.js';
import type { MonitorFinding } from '../monitoring/finding.js';

/** One message received through an interaction column. */
export type InteractionMessage = { receivedOn: LocalDate; answeredOn: LocalDate | null };

/** The window and the limit of the rule, in months (19号: 12 and 3). */
export type InteractionLimits = { windowMonths: number; answerMonths: number };

/** 国办秘函〔2019〕19号: messages of the 12 months before the check, answered within 3 months. */
export const INTERACTION_LIMITS: InteractionLimits = { windowMonths: 12, answerMonths: 3 };

/** The same day `months` calendar months later (the last day of a shorter month when the day does not exist). */
export function addMonths(d: LocalDate, months: number): LocalDate {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(day, last))}` as LocalDate;
}

/**
 * The messages that break the rule at `asOf`: received in the window before it and not answered within the
 * limit (answered later than received + 3 months, or still unanswered when that day has passed before `asOf`).
 */
export function unansweredMessages<M extends InteractionMessage>(
  messages: readonly M[],
  asOf: LocalDate,
  limits: InteractionLimits = INTERACTION_LIMITS,
): M[] {
  const windowStart = addMonths(asOf, -limits.windowMonths);
  return messages.filter((m) => {
    if (compareDates(m.receivedOn, windowStart) < 0 || compareDates(m.receivedOn, asOf) > 0) return false;
    const limit = addMonths(m.receivedOn, limits.answerMonths);
    if (m.answeredOn !== null) return compareDates(m.answeredOn, limit) > 0;
    return compareDates(asOf, limit) > 0;
  });
}

/**
 * The `interaction_unanswered` finding of one interaction column, or null when none of its messages breaks the
 * rule. A single-veto item of 19号 (互动回应差), so its severity is `veto`.
 */
export function interactionFinding(
  column: { name: string; url: string },
  messages: readonly InteractionMessage[],
  asOf: LocalDate,
  limits: InteractionLimits = INTERACTION_LIMITS,
): MonitorFinding | null {
  const late = unansweredMessages(messages, asOf, limits);
  if (late.length === 0) return null;
  const oldest = late.map((m) => m.receivedOn).sort(compareDates)[0] as LocalDate;
  const open = late.filter((m) => m.answeredOn === null).length;
  return {
    rule: 'interaction_unanswered',
    severity: 'veto',
    url: column.url,
    column: column.name,
    message: `“${column.name}”栏目近${limits.windowMonths}个月内有${late.length}条留言超过${limits.answerMonths}个月未答复`,
    evidence: {
      count: late.length,
      stillOpen: open,
      oldestReceivedOn: oldest,
      windowFrom: addMonths(asOf, -limits.windowMonths),
    },
  };
}
