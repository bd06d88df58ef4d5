/** @jsxImportSource hono/jsx */
// The rollup (汇总) of a subtree's annual reports: the summed tables in the official layout, the checks
// run on the sum, the units included and the units still missing, and the rollup's downloads.
import type { Actor } from '../../../domain/policies/actor.js';
import type { OrgNode } from '../../../domain/orgs/organization.js';
import type { Rollup } from '../../../app/reports/report-rollup.js';
import { AdminLayout } from '../../common/layout.js';
import type { FieldErrors } from '../../common/validation.js';
import { ExportLinks, FindingsTable, ReportTables } from './annual-report-common.js';
import { REPORTS_PATH, ReportChooser, UnitStatusTable } from './annual-report-views.js';
import type { Chosen, ReportQuery } from './report-query.js';

/** `/admin/reports/rollup?org=…&year=…`. */
export function RollupPage(p: {
  actor: Actor;
  csrf: string;
  orgs: readonly OrgNode[];
  query: ReportQuery;
  errors: FieldErrors;
  chosen?: Chosen;
  rollup?: Rollup;
}) {
  const c = p.chosen;
  const r = p.rollup;
  const exportQuery = c ? `?${new URLSearchParams({ org: c.orgId, year: String(c.year) }).toString()}` : '';
  return (
    <AdminLayout title="年度报告汇总" actor={p.actor} csrf={p.csrf} path={REPORTS_PATH}>
      <p>
        汇总本级及全部下级单位的年度报告：已报送或已发布的报告按报送时固定的数字，尚在编制的按当前统计的数字，逐格相加后按同样的规则检查。
      </p>
      <ReportChooser
        action={`${REPORTS_PATH}/rollup`}
        orgs={p.orgs}
        query={p.query}
        errors={p.errors}
        submit="汇总"
        label="选择汇总的机构和年度"
      />
      {c && r ? (
        <>
          <section aria-labelledby="missing">
            <h2 id="missing">尚未报送的单位（{r.missing.length} 个）</h2>
            {r.missing.length > 0 ? (
              <UnitStatusTable
                units={r.missing}
                year={c.year}
                caption={`${c.orgName} 下级单位中尚未编制或尚未报送 ${c.year} 年度报告的单位（汇总中按系统当前统计的数字计入）`}
              />
            ) : (
              <p>全部单位均已报送。</p>
            )}
          </section>
          <section aria-labelledby="included">
            <h2 id="included">已报送或已发布的单位（{r.included.length} 个）</h2>
            {r.included.length > 0 ? (
              <UnitStatusTable
                units={r.included}
                year={c.year}
                caption={`按报送时固定的数字计入 ${c.orgName} ${c.year} 年度汇总的单位`}
              />
            ) : (
              <p class="muted">没有可汇总的报告。</p>
            )}
          </section>
          <section aria-labelledby="rollup-findings">
            <h2 id="rollup-findings">汇总检查结果</h2>
            <FindingsTable findings={r.findings} />
          </section>
          <section aria-labelledby="rollup-downloads">
            <h2 id="rollup-downloads">下载汇总</h2>
            <ExportLinks href={(k) => `${REPORTS_PATH}/rollup/export.${k}${exportQuery}`} label="下载汇总报告" />
          </section>
          <section aria-labelledby="rollup-tables">
            <h2 id="rollup-tables">汇总表</h2>
            <ReportTables report={r.report} format={r.report.format} demote />
          </section>
        </>
      ) : null}
    </AdminLayout>
  );
}
