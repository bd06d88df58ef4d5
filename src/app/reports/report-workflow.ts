// The report's workflow (issue 5 "Workflow and rollup"): draft → submitted to the supervising
// organization → published, and back to draft when the supervisor returns it. Findings of severity
// error (R1–R8, SPEC §1.7) block submitting and publishing; the figures are frozen on submission.
import type { AppContext, Repos } from '../context.js';
import type { Actor } from '../../domain/policies/actor.js';
import { checkReport } from '../../domain/reports/check-report.js';
import type { Finding } from '../../domain/reports/finding.js';
import type { AnnualReport } from '../../domain/reports/annual-report.js';
import { REPORT_STATE_LABELS, type ReportAction } from '../../domain/reports/report-policy.js';
import { actorLabel, auditBy } from '../actors.js';
import { conflict, invalid } from '../errors.js';
import { loadReport, newStoredReport, type ReportRecord } from './annual-reports.js';
import type { StoredReport } from './ports.js';
import { computeDraft, previousReport } from './report-compute.js';
import { loadReportOrg, requireReport, type ReportOrg } from './report-context.js';

/** Longest reason for returning a report. */
export const MAX_RETURN_REASON = 2000;

/** The audit action of each move. */
const AUDIT_ACTIONS: Record<Extract<ReportAction, 'report.submit' | 'report.publish' | 'report.return'>, string> = {
  'report.submit': 'report.submitted',
  'report.publish': 'report.published',
  'report.return': 'report.returned',
};

/** Cell of a finding, for the message listing the errors. */
const cellOf = (f: Finding): string => [f.where.section, f.where.row, f.where.column].filter(Boolean).join('.');

/**
 * The figures as they will be frozen, with their findings: the snapshot of a submitted report, else
 * the draft computed now (in the transaction, so what is checked is what is stored).
 */
async function frozenFigures(
  repos: Repos,
  o: ReportOrg,
  year: number,
  stored: StoredReport,
): Promise<{ report: AnnualReport; findings: Finding[] }> {
  if (stored.state === 'submitted' && stored.snapshot) {
    const previous = (await previousReport(repos, o.org, year)).report;
    return { report: stored.snapshot, findings: checkReport(stored.snapshot, { previous }) };
  }
  const { report, previous } = await computeDraft(repos, o.org, year, stored);
  return { report, findings: checkReport(report, { previous }) };
}

/** Throws `invalid` listing every error finding, in Chinese, with its cell. */
function blockOnErrors(findings: Finding[], what: string): void {
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length === 0) return;
  const fieldErrors = Object.fromEntries(
    errors.map((f, i) => [`${f.rule}#${i + 1}${cellOf(f) ? `:${cellOf(f)}` : ''}`, f.message]),
  );
  throw invalid(
    `报告有${errors.length}项错误，不能${what}：${errors.map((f) => `${f.rule} ${f.message}`).join('；')}`,
    fieldErrors,
  );
}

/** Runs one workflow move in a transaction: loads the record, checks the right, applies and audits it. */
async function move(
  ctx: AppContext,
  actor: Actor | null,
  orgId: string,
  year: number,
  action: keyof typeof AUDIT_ACTIONS,
  apply: (stored: StoredReport, repos: Repos, o: ReportOrg, now: string) => Promise<Record<string, unknown>>,
): Promise<ReportRecord> {
  const o = await loadReportOrg(ctx.repos, orgId, year);
  requireReport(actor, action, o, (await ctx.repos.annualReports.get(orgId, year))?.state ?? null);
  const now = ctx.clock.nowIso();
  await ctx.uow.run(async (repos) => {
    const existing = await repos.annualReports.get(orgId, year);
    requireReport(actor, action, o, existing?.state ?? null);
    const stored = existing ?? newStoredReport(ctx, orgId, year, now);
    const before = { state: existing?.state ?? null };
    const after = await apply(stored, repos, o, now);
    stored.updatedAt = now;
    await repos.annualReports.save(stored);
    await repos.audit.append(
      auditBy(actor, {
        action: AUDIT_ACTIONS[action],
        entityType: 'annual_report',
        entityId: stored.id,
        orgId,
        before,
        after: { year, state: stored.state, ...after },
      }),
      now,
    );
  });
  return loadReport(ctx, actor, orgId, year);
}

/**
 * Submits a draft to the supervising organization: the figures and narrative are frozen as they are now.
 * @throws AppError 'invalid' listing the error findings (nothing changes); 'forbidden' unless a compiler and a draft
 */
export async function submitReport(
  ctx: AppContext,
  actor: Actor | null,
  orgId: string,
  year: number,
): Promise<ReportRecord> {
  return move(ctx, actor, orgId, year, 'report.submit', async (stored, repos, o, now) => {
    const { report, findings } = await frozenFigures(repos, o, year, stored);
    blockOnErrors(findings, '报送');
    Object.assign(stored, {
      state: 'submitted',
      snapshot: report,
      submittedAt: now,
      submittedBy: actorLabel(actor),
      returnedReason: null,
    });
    return { warnings: findings.length };
  });
}

/**
 * Publishes the report (art. 49): a submitted report as it was submitted, a draft as it is now
 * (publishing a draft also submits it). The published snapshot never changes afterwards.
 * @throws AppError 'invalid' listing the error findings; 'forbidden' unless a publisher of the organization
 */
export async function publishReport(
  ctx: AppContext,
  actor: Actor | null,
  orgId: string,
  year: number,
): Promise<ReportRecord> {
  return move(ctx, actor, orgId, year, 'report.publish', async (stored, repos, o, now) => {
    const { report, findings } = await frozenFigures(repos, o, year, stored);
    blockOnErrors(findings, '发布');
    const by = actorLabel(actor);
    Object.assign(stored, {
      state: 'published',
      snapshot: report,
      submittedAt: stored.submittedAt ?? now,
      submittedBy: stored.submittedBy ?? by,
      publishedAt: now,
      publishedBy: by,
      returnedReason: null,
    });
    return { warnings: findings.length };
  });
}

/**
 * Returns a submitted report to its organization as a draft, with the reason (退回修改).
 * @throws AppError 'invalid' without a reason; 'forbidden' unless an overseer of a supervising organization and the
 *   report is submitted
 */
export async function returnReport(
  ctx: AppContext,
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
    Object.assign(stored, {
      state: 'draft',
      snapshot: null,
      submittedAt: null,
      submittedBy: null,
      returnedReason: text,
    });
    return { reason: text };
  });
}
