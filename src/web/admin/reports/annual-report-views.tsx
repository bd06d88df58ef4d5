/** @jsxImportSource hono/jsx */
// Back-office views of the annual report: the register (choose organization and year; the subtree's
// units with state, findings and due date). The report page itself is in annual-report-page-views.tsx,
// the rollup in annual-report-rollup-views.tsx.
import type { Actor } from '../../../domain/policies/actor.js';
import { ORG_KIND_LABELS, type OrgNode } from '../../../domain/orgs/organization.js';
import { REPORT_STATE_LABELS } from '../../../domain/reports/report-policy.js';
import type { UnitStatus } from '../../../app/reports/report-rollup.js';
import type { ReportRegister } from '../../../app/reports/report-pages.js';
import { AdminLayout } from '../../common/layout.js';
import { Field, FilterForm, Select } from '../../common/forms.js';
import type { FieldErrors } from '../../common/validation.js';
import type { ReportQuery } from './report-query.js';
import { DataTable } from '../../common/blocks.js';

/** The register's path. */
export const REPORTS_PATH = '/admin/reports';
/** A report's page. */
export const reportHref = (orgId: string, year: number | string): string =>
  `${REPORTS_PATH}/${encodeURIComponent(orgId)}/${year}`;
/** The rollup page of a subtree. */
export const rollupHref = (orgId: string, year: number | string): string =>
  `${REPORTS_PATH}/rollup?${new URLSearchParams({ org: orgId, year: String(year) }).toString()}`;
/** The internal deadline settings (annual-report-deadline-routes.tsx). */
export const REPORT_DEADLINES_PATH = `${REPORTS_PATH}/deadlines`;

type Base = { actor: Actor; csrf: string; flash?: string };

/** Organizations as options, indented by depth. */
export const orgOptions = (orgs: readonly OrgNode[]): [string, string][] =>
  orgs.map((o): [string, string] => [o.id, `${'　'.repeat(o.depth)}${o.name}`]);

/** The organization-and-year chooser, or the year alone without `orgs` (GET, works without JavaScript). */
export function ReportChooser(p: {
  action: string;
  orgs?: readonly OrgNode[];
  query: Partial<ReportQuery>;
  errors: FieldErrors;
  submit: string;
  label: string;
  yearHint?: string;
}) {
  return (
    <FilterForm action={p.action} label={p.label} submit={p.submit}>
      {p.orgs ? (
        <Select name="org" label="机构" value={p.query.org} error={p.errors.org} options={orgOptions(p.orgs)} />
      ) : null}
      <Field
        name="year"
        label="报告年度"
        value={p.query.year}
        error={p.errors.year}
        inputmode="numeric"
        hint={p.yearHint ?? '四位数字，如 2025'}
      />
    </FilterForm>
  );
}

/** The due date with the late marker (red) of a unit or report. */
export function DueDate(p: { dueOn: string; late: boolean }) {
  return p.late ? <span class="late">{p.dueOn}（已逾期）</span> : <span>{p.dueOn}</span>;
}

/** The subtree's units for a supervisor: state, errors/warnings, due date (late in red), a link to each report. */
export function UnitStatusTable(p: { units: readonly UnitStatus[]; year: number; caption: string }) {
  const minDepth = Math.min(...p.units.map((u) => u.depth));
  return (
    <DataTable
      class="report-units"
      caption={p.caption}
      cols={['机构', '类别', '报告状态', { label: '错误', class: 'num' }, { label: '提示', class: 'num' }, '公布期限']}
    >
      {p.units.map((u) => (
        <tr class={u.late ? 'late-row' : undefined}>
          <th scope="row" class={`depth-${Math.min(3, u.depth - minDepth)}`}>
            <a href={reportHref(u.orgId, p.year)}>{u.orgName}</a>
          </th>
          <td>{ORG_KIND_LABELS[u.kind]}</td>
          <td>{REPORT_STATE_LABELS[u.state]}</td>
          <td class={u.errors > 0 ? 'num error' : 'num'}>{u.errors}</td>
          <td class="num">{u.warnings}</td>
          <td>
            <DueDate dueOn={u.dueOn} late={u.late} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/**
 * `/admin/reports`: choose organization and year; the chosen organization's report link and, for supervisors, its
 * units.
 */
export function ReportIndexPage(
  p: Base & {
    orgs: readonly OrgNode[];
    query: ReportQuery;
    errors: FieldErrors;
    can: { setDeadlines: boolean };
    register?: ReportRegister;
  },
) {
  const r = p.register;
  const units = r?.units ?? [];
  const late = units.filter((u) => u.late).length;
  return (
    <AdminLayout title="政府信息公开工作年度报告" actor={p.actor} csrf={p.csrf} path={REPORTS_PATH} flash={p.flash}>
      <p>
        年度报告第三、四部分和第二部分第（一）项由系统根据本年度办理的申请、复议诉讼登记和主动公开目录自动统计；其余数字在报告页录入或导入。报告按《条例》第五十条的格式检查（规则
        R1–R8），有错误的不能报送或公开。
      </p>
      <ReportChooser
        action={REPORTS_PATH}
        orgs={p.orgs}
        query={p.query}
        errors={p.errors}
        submit="查看"
        label="选择机构和年度"
      />
      {p.can.setDeadlines ? (
        <p>
          <a href={REPORT_DEADLINES_PATH}>内部报送期限设置</a>
        </p>
      ) : null}
      {r ? (
        <section aria-labelledby="chosen">
          <h2 id="chosen">{`${r.orgName} ${r.year} 年度报告`}</h2>
          <p class="actions-row">
            <a class="button" href={reportHref(r.orgId, r.year)}>
              打开本机构报告
            </a>
            {units.length > 1 ? (
              <a class="button secondary" href={rollupHref(r.orgId, r.year)}>
                汇总下级单位报告
              </a>
            ) : null}
          </p>
          {units.length > 0 ? (
            <UnitStatusTable
              units={units}
              year={r.year}
              caption={`本级及下级单位 ${r.year} 年度报告情况：共 ${units.length} 个单位${late > 0 ? `，逾期未报送 ${late} 个` : ''}`}
            />
          ) : null}
        </section>
      ) : null}
    </AdminLayout>
  );
}
