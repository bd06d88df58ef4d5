// Use cases of one organization's annual report (《政府信息公开条例》第四十九条、第五十条): read it (a draft
// computed live from the work, a submitted or published one from its frozen snapshot), save the narrative
// and the typed section-二 figures, and redraft the narrative from the data.
import type { Actor } from '../../domain/policies/actor.js';
import type { AnnualReport, ReportFormat } from '../../domain/reports/annual-report.js';
import { checkReport } from '../../domain/reports/check-report.js';
import { reportTasks, unfinishedSectionFindings, type ReportTask } from '../../domain/reports/report-readiness.js';
import type { Finding } from '../../domain/reports/finding.js';
import { reportFormatOf } from '../../domain/reports/compute.js';
import { NARRATIVE_KEYS, type NarrativeKey } from '../../domain/reports/labels.js';
import type { ReportAction, ReportState } from '../../domain/reports/report-policy.js';
import { versionHistory, type VersionEntry } from '../../domain/reports/report-correction.js';
import { computedFigureNotes, type FigureNotes } from '../../domain/reports/figure-notes.js';
import { reviewCountingRule } from '../reviews/review-counting.js';
import type { AppContext } from '../context.js';
import { actorLabel, auditBy } from '../actors.js';
import { invalid, notFound } from '../errors.js';
import type { FigureSource, StoredReport } from './ports.js';
import { computeDraft, previousReport } from './report-compute.js';
import {
  duesFor,
  effectiveDueOn,
  isLateReport,
  mayReport,
  reportFor,
  requireReport,
  type ReportContext,
  type ReportData,
  type ReportOrg,
} from './report-context.js';
import { mergeFigures, parseFigures } from './report-figures.js';

export type { ReportState } from '../../domain/reports/report-policy.js';
export type { FigureSource } from './ports.js';

/**
 * What the actor may do with a report (the report policy applied to the record as it is): `correct` begins or
 * abandons a correction of the published report, `withdraw` takes it off the portal.
 */
export type ReportAbilities = {
  edit: boolean;
  submit: boolean;
  publish: boolean;
  return: boolean;
  correct: boolean;
  withdraw: boolean;
};

/** One organization's report for one year as the back office shows it, with what the actor may do. */
export type ReportRecord = {
  orgId: string;
  orgName: string;
  creditCode: string;
  year: number;
  format: ReportFormat;
  state: ReportState;
  report: AnnualReport;
  findings: Finding[];
  sources: Record<string, FigureSource>;
  dueOn: string;
  internalDueOn: string | null;
  late: boolean;
  submittedAt: string | null;
  publishedAt: string | null;
  returnedReason: string | null;
  /** 索引号 (from the first publication on). */
  indexNo: string | null;
  /** A correction of the published report under way since then: the record shows the corrected draft. */
  correctingSince: string | null;
  /** The last withdrawal from the portal, while the report is not published again. */
  withdrawal: { at: string; by: string; reason: string } | null;
  /** The published versions, oldest first, with their 更正说明 and standing. */
  versions: VersionEntry[];
  /** Sections 一–六, then 检查 → 报送 → 公开: where the report stands. */
  tasks: ReportTask[];
  /** Why the figures the system computes (section 二 (一), 三, 四) are what they are: shown beside their tables. */
  figureNotes: FigureNotes;
  can: ReportAbilities;
};

/** What the draft form sends: narrative texts and section-二 cells as typed (MANUAL_ARTICLE20_FIELDS key → text). */
export type ReportDraftInput = {
  sections?: Partial<Record<NarrativeKey, string>>;
  article20?: Record<string, string>;
};

/** Longest narrative section accepted. */
export const MAX_SECTION_CHARS = 50_000;

/** A new, empty draft record for (org, year) in the format the year requires. */
export function newStoredReport(
  ctx: Pick<AppContext, 'crypto'>,
  orgId: string,
  year: number,
  now: string,
): StoredReport {
  return {
    id: ctx.crypto.newId(),
    orgId,
    year,
    format: reportFormatOf(year),
    state: 'draft',
    sections: {},
    figures: {},
    sources: {},
    snapshot: null,
    returnedReason: null,
    submittedAt: null,
    submittedBy: null,
    publishedAt: null,
    publishedBy: null,
    createdAt: now,
    updatedAt: now,
    indexNo: null,
    version: 0,
    correctingSince: null,
    withdrawnAt: null,
    withdrawnBy: null,
    withdrawnReason: null,
  };
}

/** The figures' findings (R1–R8) and the unfinished sections'. */
const allFindings = (report: AnnualReport, previous: AnnualReport | null | undefined): Finding[] => [
  ...unfinishedSectionFindings(report.sections),
  ...checkReport(report, { previous }),
];

/**
 * The report and its findings: the frozen snapshot once submitted (`frozenFrom` names the states whose
 * snapshot counts), else — a draft, or the correction under way of a published report — the live draft;
 * R1–R8 with last year's report for R6/R7, and an error for each narrative section still holding a 【请补充】
 * placeholder.
 */
export async function reportWithFindings(
  repos: ReportData,
  o: ReportOrg,
  year: number,
  stored: StoredReport | undefined,
  frozenFrom: readonly ReportState[] = ['submitted', 'published'],
): Promise<{ report: AnnualReport; findings: Finding[] }> {
  if (stored?.snapshot && frozenFrom.includes(stored.state) && stored.correctingSince === null) {
    const previous = (await previousReport(repos, o.org, year)).report;
    return { report: stored.snapshot, findings: allFindings(stored.snapshot, previous) };
  }
  const { report, previous } = await computeDraft(repos, o.org, year, stored);
  return { report, findings: allFindings(report, previous) };
}

/** Builds the record of a report as the actor sees it. */
async function recordOf(
  ctx: ReportContext,
  actor: Actor | null,
  o: ReportOrg,
  year: number,
  stored: StoredReport | undefined,
): Promise<ReportRecord> {
  const state = stored?.state ?? 'draft';
  const [{ report, findings }, dues, versions, reviewCounting] = await Promise.all([
    reportWithFindings(ctx.repos, o, year, stored),
    duesFor(ctx.repos, o.orgs, year, [o.org]),
    stored && stored.version > 0 ? ctx.repos.annualReports.versions(stored.id) : Promise.resolve([]),
    reviewCountingRule(ctx.repos),
  ]);
  const due = dues.get(o.org.id)!; // duesFor covers every organization it is given
  const may = (action: ReportAction) => mayReport(actor, action, o, stored);
  return {
    orgId: o.org.id,
    orgName: o.org.name,
    creditCode: o.org.creditCode,
    year,
    format: report.format,
    state,
    report,
    findings,
    sources: stored?.sources ?? {},
    dueOn: due.dueOn,
    // The internal date only where it is the one in effect (it never extends art. 49's date).
    internalDueOn: effectiveDueOn(due) === due.dueOn ? null : effectiveDueOn(due),
    late: isLateReport(due, state, ctx.clock.today()),
    submittedAt: stored?.submittedAt ?? null,
    publishedAt: stored?.publishedAt ?? null,
    returnedReason: stored?.returnedReason ?? null,
    indexNo: stored?.indexNo ?? null,
    correctingSince: stored?.correctingSince ?? null,
    withdrawal:
      stored?.withdrawnAt && state !== 'published'
        ? { at: stored.withdrawnAt, by: stored.withdrawnBy ?? '', reason: stored.withdrawnReason ?? '' }
        : null,
    versions: versionHistory(versions),
    tasks: reportTasks({ report, findings, state, today: ctx.clock.today(), correcting: !!stored?.correctingSince }),
    figureNotes: computedFigureNotes(report.format, reviewCounting),
    can: {
      edit: may('report.edit'),
      submit: may('report.submit'),
      publish: may('report.publish'),
      return: may('report.return'),
      correct: may('report.correct'),
      withdraw: may('report.withdraw'),
    },
  };
}

/**
 * One organization's report for a year. A draft shows the figures computed now; a submitted or
 * published report shows its frozen snapshot.
 * @throws AppError 'not_found' (unknown organization), 'forbidden' (the actor may not read it), 'invalid' (year
 *   before 2019)
 */
export async function loadReport(
  ctx: ReportContext,
  actor: Actor | null,
  orgId: string,
  year: number,
): Promise<ReportRecord> {
  const { o, stored } = await reportFor(ctx.repos, actor, 'report.read', orgId, year);
  return recordOf(ctx, actor, o, year, stored);
}

/** Reads a record again after a change, as the actor now sees it. */
async function reloaded(ctx: ReportContext, actor: Actor | null, o: ReportOrg, year: number): Promise<ReportRecord> {
  return recordOf(ctx, actor, o, year, await ctx.repos.annualReports.get(o.org.id, year));
}

/** Validates the narrative texts: every error at once, keyed by section. */
function parseSections(input: ReportDraftInput['sections']): {
  sections: Partial<Record<NarrativeKey, string>>;
  errors: Record<string, string>;
} {
  const sections: Partial<Record<NarrativeKey, string>> = {};
  const errors: Record<string, string> = {};
  for (const [key, raw] of Object.entries(input ?? {})) {
    if (!(NARRATIVE_KEYS as readonly string[]).includes(key)) {
      errors[key] = `未知的报告部分“${key}”`;
      continue;
    }
    const text = String(raw ?? '')
      .replace(/\r\n?/g, '\n')
      .trim();
    if (text.length > MAX_SECTION_CHARS) errors[key] = `内容过长（最多 ${MAX_SECTION_CHARS} 字）`;
    else sections[key as NarrativeKey] = text;
  }
  return { sections, errors };
}

/**
 * Runs a change on the report record in one transaction (created on first use; the right re-checked there)
 * and audits it: an edit of the draft with what it changed, a workflow move with the state before and after.
 * @returns the record after the change
 */
export async function changeReport(
  ctx: ReportContext,
  actor: Actor | null,
  o: ReportOrg,
  year: number,
  audit: { right: ReportAction; action: string },
  change: (stored: StoredReport, repos: ReportData, now: string) => Promise<Record<string, unknown>>,
): Promise<StoredReport> {
  const now = ctx.clock.nowIso();
  return ctx.uow.run(async (repos) => {
    const existing = await repos.annualReports.get(o.org.id, year);
    requireReport(actor, audit.right, o, existing);
    const stored = existing ?? newStoredReport(ctx, o.org.id, year, now);
    const before = { state: existing?.state ?? null };
    const after = await change(stored, repos, now);
    stored.updatedAt = now;
    await repos.annualReports.save(stored);
    await repos.audit.append(
      auditBy(actor, {
        action: audit.action,
        entityType: 'annual_report',
        entityId: stored.id,
        orgId: o.org.id,
        before: audit.right === 'report.edit' ? null : before,
        after: audit.right === 'report.edit' ? { year, ...after } : { year, state: stored.state, ...after },
      }),
      now,
    );
    return stored;
  });
}

/**
 * Saves the narrative and the typed section-二 cells of a draft. Each cell that changes records its
 * source (typed by whom, when).
 * @throws AppError 'invalid' with a Chinese message per field (section key or cell key), nothing saved;
 *   'forbidden' unless a compiler of the organization and the report is a draft
 */
export async function saveReportDraft(
  ctx: ReportContext,
  actor: Actor | null,
  orgId: string,
  year: number,
  input: ReportDraftInput,
): Promise<ReportRecord> {
  const { o, stored: existing } = await reportFor(ctx.repos, actor, 'report.edit', orgId, year);
  const format = existing?.format ?? reportFormatOf(year);
  const { sections, errors: sectionErrors } = parseSections(input.sections);
  const { values, errors: figureErrors } = parseFigures(format, input.article20 ?? {});
  const errors = { ...sectionErrors, ...figureErrors };
  if (Object.keys(errors).length > 0) throw invalid('报告草稿有误，请按提示更正', errors);
  const by = actorLabel(actor);
  const edit = { right: 'report.edit', action: 'report.draft_saved' } as const;
  await changeReport(ctx, actor, o, year, edit, async (stored, _repos, at) => {
    const changed = mergeFigures(stored, values, () => ({ source: 'manual', note: '后台填写', by, at }));
    const edited = NARRATIVE_KEYS.filter((k) => sections[k] !== undefined && sections[k] !== stored.sections[k]);
    stored.sections = { ...stored.sections, ...sections };
    return { figuresChanged: changed, figures: Object.fromEntries(values), sectionsChanged: edited };
  });
  return reloaded(ctx, actor, o, year);
}

/**
 * Replaces the narrative of a draft with the text drafted from this year's data (sections 一、五、六).
 * @throws AppError 'forbidden' unless a compiler of the organization and the report is a draft
 */
export async function regenerateNarrative(
  ctx: ReportContext,
  actor: Actor | null,
  orgId: string,
  year: number,
): Promise<ReportRecord> {
  const { o } = await reportFor(ctx.repos, actor, 'report.edit', orgId, year);
  const edit = { right: 'report.edit', action: 'report.narrative_regenerated' } as const;
  await changeReport(ctx, actor, o, year, edit, async (stored, repos) => {
    const { drafted } = await computeDraft(repos, o.org, year, { ...stored, sections: {} });
    stored.sections = { ...drafted };
    return { sectionsChanged: NARRATIVE_KEYS };
  });
  return reloaded(ctx, actor, o, year);
}

/**
 * The id of the organization with this unified social credit code (the CLI names organizations so).
 * @throws AppError 'not_found'
 */
export async function reportOrgId(ctx: Pick<ReportContext, 'repos'>, creditCode: string): Promise<string> {
  const org = await ctx.repos.orgs.byCreditCode(creditCode.trim().toUpperCase());
  if (!org) throw notFound(`统一社会信用代码为 ${creditCode} 的机构`);
  return org.id;
}
