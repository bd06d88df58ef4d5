/** @jsxImportSource hono/jsx */
// The dashboard card of the annual report (issue 5 "Workflow and rollup"): the report due this
// year (last year's, Regulation art. 49) of the user's organization — state, findings, due date —
// and, for a supervisor, the units of its subtree that are late.
import type { AppContext } from '../../../app/context.js';
import { AppError } from '../../../app/errors.js';
import { loadReport, type ReportRecord } from '../../../app/reports/annual-reports.js';
import { reportOverview, type UnitStatus } from '../../../app/reports/report-rollup.js';
import type { Actor } from '../../../domain/policies/actor.js';
import { REPORT_STATE_LABELS } from './annual-report-common.js';
import { loadReportScope } from './annual-report-rollup-routes.js';
import { DueDate, REPORTS_PATH, reportHref } from './annual-report-views.js';

/** Late units listed on the card before "查看全部". */
const LATE_SHOWN = 8;

const orNothing = async <T,>(p: Promise<T>): Promise<T | undefined> => {
  try {
    return await p;
  } catch (e) {
    if (e instanceof AppError) return undefined;
    throw e;
  }
};

/** The card; nothing when the user has no part in any report. */
export async function AnnualReportDashboardCard(p: { ctx: AppContext; actor: Actor }) {
  const year = Number(p.ctx.clock.today().slice(0, 4)) - 1;
  const scope = await loadReportScope(p.ctx, p.actor);
  const own = scope.can('report.read', p.actor.homeOrgId)
    ? await orNothing(loadReport(p.ctx, p.actor, p.actor.homeOrgId, year))
    : undefined;
  // The topmost organizations the user oversees (an admin of the root oversees the whole tree once).
  const overseen = scope.orgsFor('report.rollup');
  const ids = new Set(overseen.map((o) => o.id));
  const roots = overseen.filter((o) => o.parentId === null || !ids.has(o.parentId));
  // The units below (depth > 0): the overseen organization's own report is the first card.
  const units = (await Promise.all(roots.map((o) => orNothing(reportOverview(p.ctx, p.actor, o.id, year))))).flatMap(
    (u) => (u ?? []).filter((x) => x.depth > 0),
  );
  if (!own && roots.length === 0) return null;
  return (
    <Card year={year} own={own} late={units.filter((u) => u.late)} unitCount={units.length} rootId={roots[0]?.id} />
  );
}

function Card(p: {
  year: number;
  own: ReportRecord | undefined;
  late: UnitStatus[];
  unitCount: number;
  rootId: string | undefined;
}) {
  const r = p.own;
  const errors = r ? r.findings.filter((f) => f.severity === 'error').length : 0;
  return (
    <section aria-labelledby="dash-reports">
      <h3 id="dash-reports">{`政府信息公开工作年度报告（${p.year}年度）`}</h3>
      <div class="grid">
        {r ? (
          <div class="card">
            <p>{`${r.orgName}报告`}</p>
            <p class="big">{REPORT_STATE_LABELS[r.state] ?? r.state}</p>
            <p>
              {`错误 ${errors} 项，提示 ${r.findings.length - errors} 项；公布期限 `}
              <DueDate dueOn={r.internalDueOn ?? r.dueOn} late={r.late} />
            </p>
            <a href={reportHref(r.orgId, r.year)}>打开报告</a>
          </div>
        ) : null}
        {p.rootId ? (
          <div class="card">
            <p>下级单位逾期未报送</p>
            <p class={p.late.length > 0 ? 'big late' : 'big'}>{p.late.length}</p>
            <p class="muted">{`共 ${p.unitCount} 个单位`}</p>
            <a href={`${REPORTS_PATH}?${new URLSearchParams({ org: p.rootId, year: String(p.year) }).toString()}`}>
              查看各单位报告情况
            </a>
          </div>
        ) : null}
      </div>
      {p.late.length > 0 ? (
        <ul class="plain late-list">
          {p.late.slice(0, LATE_SHOWN).map((u) => (
            <li>
              <a href={reportHref(u.orgId, p.year)}>{u.orgName}</a>（{REPORT_STATE_LABELS[u.state] ?? u.state}，期限{' '}
              {u.dueOn}）<span class="badge badge-overdue">逾期</span>
            </li>
          ))}
          {p.late.length > LATE_SHOWN ? <li>{`另有 ${p.late.length - LATE_SHOWN} 个单位逾期`}</li> : null}
        </ul>
      ) : null}
    </section>
  );
}
