/** @jsxImportSource hono/jsx */
// Back-office pages of the 政府网站工作年度报表 (国办函〔2018〕12号): the filing overview (sites × state × on time,
// late, missing), one report (values with their sources, the form of entered values, the workflow's buttons) and
// the settings (field list, deadline). No inline styles (CSP): classes in app.css.
import type { Actor } from '../../../domain/policies/actor.js';
import { FIELD_GROUPS } from '../../../domain/website-report/fields.js';
import { FILING_STATUS_LABELS, type FilingStatus } from '../../../domain/website-report/report.js';
import type { FieldLine, FilingPage, ReportPage } from '../../../app/website-report/pages.js';
import type { ReportSettingsPage } from '../../../app/website-report/settings.js';
import { AdminLayout } from '../../common/layout.js';
import { DataTable, InfoList } from '../../common/blocks.js';
import { ErrorSummary, Field, FilterForm, PostForm, RowAction, Select } from '../../common/forms.js';

type Page = { actor: Actor; csrf: string; flash?: string };
type Values = Record<string, string | string[]>;
type Form = { values?: Values; errors?: Record<string, string>; message?: string };

const BASE = '/admin/website-report';
const FILINGS = Object.keys(FILING_STATUS_LABELS) as FilingStatus[];

function Tabs() {
  return (
    <nav class="subnav" aria-label="网站年度报表">
      <a href={BASE}>报送情况</a> <a href={`${BASE}/settings`}>报表设置</a>
    </nav>
  );
}

/** The filing overview of a year. */
export function FilingView(p: Page & { data: FilingPage; orgId: string }) {
  const d = p.data;
  return (
    <AdminLayout title="政府网站工作年度报表" actor={p.actor} csrf={p.csrf} flash={p.flash} path={BASE}>
      <Tabs />
      <p>
        各政府网站应于次年1月31日前在本网站首页发布上一年度的工作年度报表（国办函〔2018〕12号）。{d.year}
        年度报表的报送期限：<time datetime={d.due}>{d.due}</time>。
      </p>
      <FilterForm action={BASE} label="筛选报表">
        <Field name="year" label="年度" value={String(d.year)} inputmode="numeric" />
        <Select
          name="org"
          label="机构（含下级）"
          value={p.orgId}
          options={[['', '全部'], ...d.orgs.map((o): [string, string] => [o.id, o.name])]}
        />
      </FilterForm>
      <p class="wr-counts">
        {FILINGS.map((f) => (
          <span class={`wr-filing wr-${f}`}>
            {FILING_STATUS_LABELS[f]}：{d.counts[f]}
          </span>
        ))}
      </p>
      <DataTable cols={['网站', '主办单位', '状态', '报送情况', '发布日期', '操作']} empty="没有登记的网站。">
        {d.rows.map((r) => (
          <tr>
            <td>{r.site.name}</td>
            <td>{r.orgName}</td>
            <td>{r.stateLabel}</td>
            <td>
              <span class={`wr-filing wr-${r.filing}`}>{FILING_STATUS_LABELS[r.filing]}</span>
            </td>
            <td>{r.filedOn ?? ''}</td>
            <td>
              {r.reportId ? (
                <a href={`${BASE}/${r.reportId}`}>查看报表</a>
              ) : (
                <PostForm action={`${BASE}/fill`} csrf={p.csrf} class="inline">
                  <input type="hidden" name="siteId" value={r.site.id} />
                  <input type="hidden" name="year" value={String(d.year)} />
                  <button type="submit" class="secondary" aria-label={`填报${r.site.name}的年度报表`}>
                    自动填报
                  </button>
                </PostForm>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </AdminLayout>
  );
}

function ValueCell(p: { field: FieldLine }) {
  const f = p.field;
  const unit = f.value !== '' && f.unit !== '文本' && f.unit !== '是/否' ? f.unit : '';
  return f.value === '' ? <span class="muted">未填</span> : <>{`${f.value}${unit}`}</>;
}

/** One report: its values, the form of what is entered, and the workflow. */
export function ReportView(p: Page & Form & { data: ReportPage }) {
  const d = p.data;
  const r = d.report;
  const base = `${BASE}/${r.id}`;
  const typed = (id: string, stored: string) => {
    const v = p.values?.[id];
    return typeof v === 'string' ? v : stored;
  };
  return (
    <AdminLayout
      title={`${d.site.name} ${r.year}年度政府网站工作年度报表`}
      actor={p.actor}
      csrf={p.csrf}
      flash={p.flash}
      path={BASE}
    >
      <Tabs />
      <InfoList
        rows={[
          ['主办单位', d.orgName],
          ['状态', d.stateLabel],
          ['报送期限', d.due],
          ['报送情况', FILING_STATUS_LABELS[d.filing]],
          ['最后填报', r.editedLabel || null],
          ['审核人', r.reviewedLabel || null],
          ['发布地址', r.publicationUrl ? <a href={r.publicationUrl}>{r.publicationUrl}</a> : null],
        ]}
      />
      {d.ownFieldList ? null : (
        <p class="muted">报表栏目按国办函〔2018〕12号报表格式的通行理解设置，尚未经核对；可在“报表设置”中调整。</p>
      )}
      <p>
        <a href={`${base}/report.xlsx`}>导出 Excel</a> · <a href={`${base}/report.pdf`}>导出 PDF</a>
      </p>
      <ErrorSummary message={p.message} errors={p.errors ?? {}} />
      {d.can.edit ? (
        <PostForm action={base} csrf={p.csrf}>
          <FieldTable fields={d.fields} edit typed={typed} errors={p.errors ?? {}} />
          <button type="submit">保存填报内容</button>
        </PostForm>
      ) : (
        <FieldTable fields={d.fields} edit={false} typed={typed} errors={{}} />
      )}
      <section aria-labelledby="workflow" class="wr-actions">
        <h2 id="workflow">办理</h2>
        {d.can.fill ? <RowAction action={`${base}/fill`} csrf={p.csrf} label="重新自动填报" /> : null}
        {d.can.review ? <RowAction action={`${base}/review`} csrf={p.csrf} label="审核通过" /> : null}
        {d.reviewBlocked ? <p class="muted">{d.reviewBlocked}，请由另一位管理员或监督人员审核。</p> : null}
        {d.can.reopen ? <RowAction action={`${base}/reopen`} csrf={p.csrf} label="退回修改" /> : null}
        {d.can.publish ? (
          <PostForm action={`${base}/publish`} csrf={p.csrf}>
            <Field
              name="publicationUrl"
              label="本网站发布地址（可选）"
              value={typed('publicationUrl', '')}
              error={p.errors?.publicationUrl}
              hint="留空则以本平台门户的报表页面为发布地址"
            />
            <button type="submit">发布</button>
          </PostForm>
        ) : null}
        {d.can.draft ? <RowAction action={`${base}/draft`} csrf={p.csrf} label="生成主动公开信息草稿" /> : null}
      </section>
    </AdminLayout>
  );
}

function FieldTable(p: {
  fields: readonly FieldLine[];
  edit: boolean;
  typed: (id: string, stored: string) => string;
  errors: Record<string, string>;
}) {
  return (
    <>
      {FIELD_GROUPS.map((group) => {
        const fields = p.fields.filter((f) => f.group === group);
        if (fields.length === 0) return null;
        return (
          <DataTable cols={['指标', '数值', '来源']} caption={group} class="wr-fields">
            {fields.map((f) => (
              <tr class={p.errors[f.id] ? 'has-error' : undefined}>
                <th scope="row">{p.edit && f.entered ? <label for={`f-${f.id}`}>{f.label}</label> : f.label}</th>
                <td>
                  {p.edit && f.entered ? (
                    <>
                      <input
                        id={`f-${f.id}`}
                        name={f.id}
                        value={p.typed(f.id, f.value)}
                        aria-invalid={p.errors[f.id] ? 'true' : undefined}
                        aria-describedby={p.errors[f.id] ? `e-${f.id}` : undefined}
                        placeholder={f.unit === '是/否' ? '是 或 否' : f.unit === '文本' ? '' : f.unit}
                      />
                      {p.errors[f.id] ? (
                        <span class="error" id={`e-${f.id}`}>
                          {p.errors[f.id]}
                        </span>
                      ) : null}
                    </>
                  ) : (
                    <ValueCell field={f} />
                  )}
                </td>
                <td class="muted">{f.source ?? (f.value === '' ? '' : '填报')}</td>
              </tr>
            ))}
          </DataTable>
        );
      })}
    </>
  );
}

/** The settings: the field list (JSON) and the deadline. */
export function SettingsView(p: Page & Form & { data: ReportSettingsPage }) {
  const v = (k: 'fieldsJson' | 'dueMonthDay', stored: string) =>
    typeof p.values?.[k] === 'string' ? (p.values[k] as string) : stored;
  return (
    <AdminLayout title="网站年度报表设置" actor={p.actor} csrf={p.csrf} flash={p.flash} path={BASE}>
      <Tabs />
      <p>
        报表栏目{p.data.own ? '为本单位设置的列表' : '为默认列表（按国办函〔2018〕12号报表格式的通行理解，尚未经核对）'}
        。报送期限默认为次年1月31日。
      </p>
      {p.data.canEdit ? (
        <PostForm action={`${BASE}/settings`} csrf={p.csrf}>
          <ErrorSummary message={p.message} errors={p.errors ?? {}} />
          <Field
            name="dueMonthDay"
            label="报送期限（次年的月-日）"
            value={v('dueMonthDay', p.data.dueMonthDay)}
            error={p.errors?.dueMonthDay}
            hint="MM-DD 格式，默认 01-31"
          />
          <Field
            name="fieldsJson"
            label="报表栏目（JSON）"
            multiline
            value={v('fieldsJson', p.data.fieldsJson)}
            error={p.errors?.fieldsJson}
            hint="每项 { id, label, group, unit, filled }；清空则恢复默认列表"
          />
          <button type="submit">保存设置</button>
        </PostForm>
      ) : (
        <pre class="wordlist">{p.data.fieldsJson}</pre>
      )}
    </AdminLayout>
  );
}
