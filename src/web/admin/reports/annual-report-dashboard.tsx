/** @jsxImportSource hono/jsx */
// The dashboard card of the annual report: the report due this year (last year's, 《政府信息公开条例》
// 第四十九条) of the user's organization — state, findings, due date — and, for a supervisor, the units of
// its subtree that are late. The data comes from `reportDashboardCard` (app/reports/report-pages.ts), which
// the dashboard's query calls.
import type { ReportDashboardCard } from '../../../app/reports/report-pages.js';
import { REPORT_STATE_LABELS } from '../../../domain/reports/report-policy.js';
import { DueDate, REPORTS_PATH, reportHref } from './annual-report-views.js';

/** Late units listed on the card before "查看全部". */
const LATE_SHOWN = 8;

/** The card of the data `reportDashboardCard` returns; nothing when the user has no part in any report. */
export function AnnualReportCard(p: { card: ReportDashboardCard | null }) {
  if (!p.card) return null;
  const { year, own: r, overseen } = p.card;
  const late = overseen?.late ?? [];
  const errors = r ? r.findings.filter((f) => f.severity === 'error').length : 0;
  return (
    <section aria-labelledby="dash-reports">
      <h3 id="dash-reports">{`政府信息公开工作年度报告（${year}年度）`}</h3>
      <div class="grid">
        {r ? (
          <div class="card">
            <p>{`${r.orgName}报告`}</p>
            <p class="big">{REPORT_STATE_LABELS[r.state]}</p>
            <p>
              {`错误 ${errors} 项，提示 ${r.findings.length - errors} 项；公布期限 `}
              <DueDate dueOn={r.internalDueOn ?? r.dueOn} late={r.late} />
            </p>
            <a href={reportHref(r.orgId, r.year)}>打开报告</a>
          </div>
        ) : null}
        {overseen ? (
          <div class="card">
            <p>下级单位逾期未报送</p>
            <p class={late.length > 0 ? 'big late' : 'big'}>{late.length}</p>
            <p class="muted">{`共 ${overseen.unitCount} 个单位`}</p>
            <a href={`${REPORTS_PATH}?${new URLSearchParams({ org: overseen.rootId, year: String(year) }).toString()}`}>
              查看各单位报告情况
            </a>
          </div>
        ) : null}
      </div>
      {late.length > 0 ? (
        <ul class="plain late-list">
          {late.slice(0, LATE_SHOWN).map((u) => (
            <li>
              <a href={reportHref(u.orgId, year)}>{u.orgName}</a>（{REPORT_STATE_LABELS[u.state]}，期限 {u.dueOn}）
              <span class="badge badge-overdue">逾期</span>
            </li>
          ))}
          {late.length > LATE_SHOWN ? <li>{`另有 ${late.length - LATE_SHOWN} 个单位逾期`}</li> : null}
        </ul>
      ) : null}
    </section>
  );
}
