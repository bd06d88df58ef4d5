/**
 * Correcting and withdrawing a published annual report (《政府信息公开条例》第四十九条、第五十条: each body publishes
 * its report; 第六条: 行政机关应当及时、准确地公开政府信息 — a report found wrong is corrected in public, with a
 * 更正说明, rather than replaced silently).
 * A correction publishes a new version with its note (date, what changed, why) and keeps the earlier versions
 * readable, each marked 已更正 with the date; a withdrawal takes every version off the portal. Pure: today's date
 * comes in.
 */
import { canonicalJson } from '../applications/reply-approval.js';
import { formatChineseDate, isLocalDate, type LocalDate } from '../core/local-date.js';
import { err, ok, type Result } from '../core/result.js';
import type { AnnualReport } from './annual-report.js';
import { MANUAL_ARTICLE20_FIELDS, type ManualArticle20 } from './compute-article20.js';
import { findingPlace, NARRATIVE_KEYS, SECTION_TITLES, type NarrativeKey } from './labels.js';

/** The public 更正说明 of a corrected version. */
export type CorrectionNote = {
  /** 更正日期. */
  on: LocalDate;
  /** 更正内容: what changed (parts, figures, text). */
  what: string;
  /** 更正原因. */
  why: string;
};

/** The note as typed in the form (untrimmed). */
export type CorrectionNoteInput = { correctedOn?: string; correctionWhat?: string; correctionWhy?: string };

/** Longest 更正内容, 更正原因 and 撤回理由 accepted. */
export const MAX_CORRECTION_TEXT = 2000;

const clean = (text: string | undefined): string =>
  String(text ?? '')
    .replace(/\r\n?/g, '\n')
    .trim();

/**
 * Validates a 更正说明, every error at once (keys: the form's fields): the date is required, a real date, not after
 * today and not before the version it corrects was published; what changed and why are required.
 * @param bounds today (office date) and the day the version being corrected went public
 */
export function parseCorrectionNote(
  input: CorrectionNoteInput,
  bounds: { today: LocalDate; correctedSince: LocalDate },
): Result<CorrectionNote, Record<string, string>> {
  const errors: Record<string, string> = {};
  const on = clean(input.correctedOn);
  if (on === '') errors.correctedOn = '请填写更正日期';
  else if (!isLocalDate(on)) errors.correctedOn = '更正日期应为真实日期，格式如 2026-03-05';
  else if (on > bounds.today) errors.correctedOn = `更正日期不能晚于今天（${formatChineseDate(bounds.today)}）`;
  else if (on < bounds.correctedSince) {
    errors.correctedOn = `更正日期不能早于被更正版本的发布日期（${formatChineseDate(bounds.correctedSince)}）`;
  }
  const text = (key: 'correctionWhat' | 'correctionWhy', missing: string, name: string): string => {
    const value = clean(input[key]);
    if (value === '') errors[key] = missing;
    else if (value.length > MAX_CORRECTION_TEXT) errors[key] = `${name}最多 ${MAX_CORRECTION_TEXT} 字`;
    return value;
  };
  const what = text('correctionWhat', '请填写更正内容：更正了报告的哪一部分、哪些数字或文字', '更正内容');
  const why = text('correctionWhy', '请填写更正原因', '更正原因');
  if (Object.keys(errors).length > 0) return err(errors);
  return ok({ on: on as LocalDate, what, why });
}

/**
 * Validates the reason of a withdrawal (撤回理由): required, at most {@link MAX_CORRECTION_TEXT} characters.
 * @returns the trimmed reason, or the Chinese message of the field `reason`
 */
export function parseWithdrawReason(reason: string | undefined): Result<string, Record<string, string>> {
  const text = clean(reason);
  if (text === '') return err({ reason: '请填写撤回理由：说明报告为什么要从门户网站撤下' });
  if (text.length > MAX_CORRECTION_TEXT) return err({ reason: `撤回理由最多 ${MAX_CORRECTION_TEXT} 字` });
  return ok(text);
}

/** One published version as the history reads it. */
export type VersionFacts = {
  version: number;
  /** When it went public (ISO instant). */
  publishedAt: string;
  /** Its 更正说明 (version 2 on). */
  correction: CorrectionNote | null;
  /** When the report's withdrawal took it off the portal. */
  withdrawnAt: string | null;
};

/** Where a version stands: the one the portal shows, an earlier one replaced by a correction, or withdrawn. */
export type VersionStatus =
  { kind: 'current' } | { kind: 'corrected'; on: LocalDate; by: number } | { kind: 'withdrawn'; at: string };

/** A version with its standing, as the public history lists it. */
export type VersionEntry = VersionFacts & { status: VersionStatus };

/**
 * The versions of a report with their standing, oldest first: a withdrawn version stays withdrawn; among the
 * others the newest is current and each earlier one is 已更正 on the date of the correction that replaced it.
 */
export function versionHistory(versions: readonly VersionFacts[]): VersionEntry[] {
  const sorted = [...versions].sort((a, b) => a.version - b.version);
  const live = sorted.filter((v) => v.withdrawnAt === null);
  return sorted.map((v): VersionEntry => {
    if (v.withdrawnAt !== null) return { ...v, status: { kind: 'withdrawn', at: v.withdrawnAt } };
    const next = live.find((n) => n.version > v.version);
    if (!next) return { ...v, status: { kind: 'current' } };
    // Publishing a later version requires its note; the publication day only keeps the type total.
    const on = next.correction?.on ?? (next.publishedAt.slice(0, 10) as LocalDate);
    return { ...v, status: { kind: 'corrected', on, by: next.version } };
  });
}

/**
 * The 更正说明 the portal shows, oldest first: those of the versions still public (a withdrawn version's note left
 * the portal with it).
 */
export function publicCorrectionNotes(entries: readonly VersionEntry[]): CorrectionNote[] {
  return entries.flatMap((v) => (v.correction && v.status.kind !== 'withdrawn' ? [v.correction] : []));
}

/**
 * The editable parts of a published report: its narrative and its typed section-二 cells, so that a correction
 * (or the draft after a withdrawal) starts from exactly what was published. The computed figures are not
 * carried: they are computed again from the recorded work.
 */
export function editablePartsOf(report: AnnualReport): {
  sections: Partial<Record<NarrativeKey, string>>;
  figures: ManualArticle20;
} {
  const figures: ManualArticle20 = {};
  for (const f of MANUAL_ARTICLE20_FIELDS(report.format)) {
    const value = (report.article20[f.row] as Record<string, unknown> | undefined)?.[f.column];
    (figures[f.row] ??= {})[f.column] = typeof value === 'number' ? value : null;
  }
  const unit = report.article20.procurement?.unit;
  if (unit) (figures.procurement ??= {}).unit = unit;
  const sections: Partial<Record<NarrativeKey, string>> = {};
  for (const [k, v] of Object.entries(report.sections)) if (typeof v === 'string') sections[k as NarrativeKey] = v;
  return { sections, figures };
}

/** Whether two reports publish the same text and figures (a correction must change something). */
export function sameReport(a: AnnualReport, b: AnnualReport): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** A cell as printed in a change: a number, or 空白 for a blank. */
const shown = (v: unknown): string => (typeof v === 'number' ? String(v) : '空白');

/** The cells of one table section (row → column → value) that differ, in the later report's order. */
function changedCells(
  section: 'article20' | 'applications' | 'reviews',
  before: Record<string, Record<string, unknown> | undefined>,
  after: Record<string, Record<string, unknown> | undefined>,
): string[] {
  const out: string[] = [];
  const rows = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  for (const row of rows) {
    const [a, b] = [before[row] ?? {}, after[row] ?? {}];
    for (const column of [...new Set([...Object.keys(b), ...Object.keys(a)])]) {
      if (column === 'unit' || (a[column] ?? null) === (b[column] ?? null)) continue;
      out.push(`${findingPlace({ section, row, column })}：${shown(a[column])} → ${shown(b[column])}`);
    }
  }
  return out;
}

/**
 * What a correction changes, in Chinese, for the officer who writes the 更正内容: each narrative section whose text
 * differs and each table cell with its value before and after (`主动公开政府信息情况 / 行政许可 / 本年处理决定数量：12 → 13`).
 */
export function reportChanges(before: AnnualReport, after: AnnualReport): string[] {
  const text = NARRATIVE_KEYS.filter((k) => (before.sections[k] ?? '') !== (after.sections[k] ?? '')).map(
    (k) => `${SECTION_TITLES[k]}：文字有修改`,
  );
  const table = <T extends object>(section: 'article20' | 'applications' | 'reviews', a: T, b: T) =>
    changedCells(section, a as Record<string, Record<string, unknown>>, b as Record<string, Record<string, unknown>>);
  const header =
    canonicalJson([before.organization, before.contact]) !== canonicalJson([after.organization, after.contact]);
  return [
    ...(header ? ['机构名称或联系方式有修改'] : []),
    ...text,
    ...table('article20', before.article20, after.article20),
    ...table('applications', before.applications, after.applications),
    ...table('reviews', before.reviews, after.reviews),
  ];
}
