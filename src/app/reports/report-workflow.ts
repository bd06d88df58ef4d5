// The report's workflow: draft → submitted to the supervising organization → published
// (《政府信息公开条例》第四十九条), and back to draft when the supervisor returns it. Findings of severity
// error (R1–R8, src/domain/reports/check-report.ts, and a 【请补充】 placeholder left in a section) block
// submitting and publishing; the figures are frozen on submission. A year's report is published from 1 January of
// the next year (src/domain/reports/report-readiness.ts).
import type { Actor } from '../../domain/policies/actor.js';
import type { Finding } from '../../domain/reports/finding.js';
import { REPORT_STATE_LABELS, type ReportAction } from '../../domain/reports/report-policy.js';
import { ruleLabel, tooEarlyToPublish } from '../../domain/reports/report-readiness.js';
import { actorLabel } from '../actors.js';
import { conflict, invalid } from '../errors.js';
import { changeReport, loadReport, reportWithFindings, type ReportRecord } from './annual-reports.js';
import type { CorrectionNoteInput } from '../../domain/reports/report-correction.js';
import {
  correctionPreview,
  publishVersion,
  UNCHANGED_CORRECTION,
  type CorrectionPreview,
  type PublishFacts,
} from './report-corrections.js';
import type { StoredReport } from './ports.js';
import { BACK_TO_DRAFT, reportFor, type ReportContext, type ReportData, type ReportOrg } from './report-context.js';

/** Longest reason for returning a report. */
export const MAX_RETURN_REASON = 2000;

type Move = Extract<ReportAction, 'report.submit' | 'report.return'>;

/** The audit action of each move. */
const AUDIT_ACTIONS: Record<Move, string> = {
  'report.submit': 'report.submitted',
  'report.return': 'report.returned',
};

/** Cell of a finding, for the message listing the errors. */
const cellOf = (f: Finding): string => [f.where.section, f.where.row, f.where.column].filter(Boolean).join('.');

/** An error finding in one line: its rule and message. */
const errorLine = (f: Finding): string => `${ruleLabel(f.rule)} ${f.message}`;

/** Throws `invalid` listing every error finding, in Chinese, with its cell. */
function blockOnErrors(findings: Finding[], what: string): void {
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length === 0) return;
  const fieldErrors = Object.fromEntries(
    errors.map((f, i) => [`${f.rule}#${i + 1}${cellOf(f) ? `:${cellOf(f)}` : ''}`, f.message]),
  );
  throw invalid(`报告有${errors.length}项错误，不能${what}：${errors.map(errorLine).join('；')}`, fieldErrors);
}

/** Runs one workflow move in a transaction: checks the right, applies and audits it, reads the record again. */
async function move(
  ctx: ReportContext,
  actor: Actor | null,
  orgId: string,
  year: number,
  action: Move,
  apply: (stored: StoredReport, repos: ReportData, o: ReportOrg, now: string) => Promise<Record<string, unknown>>,
): Promise<ReportRecord> {
  const { o } = await reportFor(ctx.repos, actor, action, orgId, year);
  await changeReport(ctx, actor, o, year, { right: action, action: AUDIT_ACTIONS[action] }, (stored, repos, now) =>
    apply(stored, repos, o, now),
  );
  return loadReport(ctx, actor, orgId, year);
}

/**
 * Freezes the figures as they are now (a submitted report's snapshot, else the draft computed in the
 * transaction, so what is checked is what is stored), refusing on error findings, and moves the record
 * on: submitted, or published (which also submits a draft).
 */
async function freezeAs(
  state: 'submitted' | 'published',
  stored: StoredReport,
  repos: ReportData,
  o: ReportOrg,
  done: PublishFacts,
): Promise<Record<string, unknown>> {
  const early = state === 'published' ? tooEarlyToPublish(stored.year, done.today) : null;
  if (early) throw conflict(early);
  const { report, findings } = await reportWithFindings(repos, o, stored.year, stored, ['submitted']);
  blockOnErrors(findings, state === 'submitted' ? '报送' : stored.version > 0 ? '发布更正' : '发布');
  const published = state === 'published' ? await publishVersion(stored, repos, o.org, report, done) : {};
  Object.assign(stored, {
    state,
    snapshot: report,
    submittedAt: stored.submittedAt ?? done.now,
    submittedBy: stored.submittedBy ?? done.by,
    returnedReason: null,
  });
  return { warnings: findings.length, ...published };
}

/** A workflow move of one organization's report of a year, returning the record after it. */
type WorkflowMove = (ctx: ReportContext, actor: Actor | null, orgId: string, year: number) => Promise<ReportRecord>;

/** The facts of a freezing move made now by the actor. */
const factsNow = (ctx: ReportContext, actor: Actor | null, now: string, note?: CorrectionNoteInput): PublishFacts => ({
  now,
  by: actorLabel(actor),
  today: ctx.clock.today(),
  dateOf: (instant) => ctx.clock.dateOf(instant),
  ...(note ? { note } : {}),
});

/**
 * Submits a draft to the supervising organization: the figures and narrative are frozen as they are now.
 * @throws AppError 'invalid' listing the error findings (nothing changes); 'forbidden' unless a compiler and a draft
 */
export const submitReport: WorkflowMove = (ctx, actor, orgId, year) =>
  move(ctx, actor, orgId, year, 'report.submit', (stored, repos, o, now) =>
    freezeAs('submitted', stored, repos, o, factsNow(ctx, actor, now)),
  );

/**
 * Publishes the report (art. 49): a submitted report as it was submitted, a draft as it is now
 * (publishing a draft also submits it), as its first version with a new 索引号. Once published, a version never
 * changes: a correction (report-corrections.ts) is published here too, as the next version with its 更正说明
 * (`note`, required then), audited as `report.corrected`.
 * @throws AppError 'invalid' listing the error findings, or the note's field errors; 'conflict' before 1 January of
 *   the next year (office date), or for a correction that changes nothing; 'forbidden' unless a publisher of the
 *   organization
 */
export async function publishReport(
  ctx: ReportContext,
  actor: Actor | null,
  orgId: string,
  year: number,
  note?: CorrectionNoteInput,
): Promise<ReportRecord> {
  const { o, stored } = await reportFor(ctx.repos, actor, 'report.publish', orgId, year);
  const correction = (stored?.version ?? 0) > 0;
  const audit = { right: 'report.publish', action: correction ? 'report.corrected' : 'report.published' } as const;
  await changeReport(ctx, actor, o, year, audit, (s, repos, now) => {
    if (s.version > 0 !== correction) throw conflict('报告刚刚由他人发布，请刷新页面后重试');
    return freezeAs('published', s, repos, o, factsNow(ctx, actor, now, note));
  });
  return loadReport(ctx, actor, orgId, year);
}

/**
 * Returns a submitted report to its organization as a draft, with the reason (退回修改).
 * @throws AppError 'invalid' without a reason; 'forbidden' unless an overseer of a supervising organization and the
 *   report is submitted
 */
export async function returnReport(
  ctx: ReportContext,
  actor: Actor | null,
  orgId: string,
  year: number,
  reason: string,
): Promise<ReportRecord> {
  const text = (reason ?? '').trim();
  return move(ctx, actor, orgId, year, 'report.return', async (stored) => {
    if (text === '') throw invalid('请填写退回理由', { reason: '请填写退回理由，说明需要修改的内容' });
    if (text.length > MAX_RETURN_REASON) {
      throw invalid('退回理由过长', { reason: `退回理由最多 ${MAX_RETURN_REASON} 字` });
    }
    if (stored.state !== 'submitted') throw conflict(`报告当前为“${REPORT_STATE_LABELS[stored.state]}”状态，不能退回`);
    Object.assign(stored, { ...BACK_TO_DRAFT, returnedReason: text });
    return { reason: text };
  });
}

/**
 * What the publishing confirmation shows: the report as it would go public, what still stops it and, when it is
 * published again (a correction, or after a withdrawal), what the 更正说明 needs.
 */
export type PublishConfirmation = { record: ReportRecord; blockers: string[]; correction: CorrectionPreview | null };

/**
 * The confirmation before publishing: the record, and every reason publishing would be refused now (the year
 * has not ended, error findings), so the page says so before the click.
 * @throws AppError 'forbidden' unless a publisher of the organization and the report is not yet published
 */
export async function publishConfirmation(
  ctx: ReportContext,
  actor: Actor | null,
  orgId: string,
  year: number,
): Promise<PublishConfirmation> {
  await reportFor(ctx.repos, actor, 'report.publish', orgId, year);
  const record = await loadReport(ctx, actor, orgId, year);
  const early = tooEarlyToPublish(year, ctx.clock.today());
  const errors = record.findings.filter((f) => f.severity === 'error').map(errorLine);
  const correction = await correctionPreview(ctx, record);
  const unchanged = correction && record.state === 'published' && correction.unchanged ? [UNCHANGED_CORRECTION] : [];
  return { record, blockers: [...(early ? [early] : []), ...errors, ...unchanged], correction };
}
