/** @jsxImportSource hono/jsx */
// Views of the 复议/诉讼/投诉 register: the filtered list with section 四, the case form, the read-only page, 403.
import type { Actor } from '../../../domain/policies/actor.js';
import type { OrgNode } from '../../../domain/orgs/organization.js';
import {
  LITIGATION_ROUTES,
  LITIGATION_ROUTE_LABELS,
  REVIEW_FIELD_LABELS,
  REVIEW_KINDS,
  REVIEW_KIND_LABELS,
  REVIEW_RESULTS,
  REVIEW_RESULT_LABELS,
  REVIEW_COUNTING_LABELS,
  REVIEW_COUNTING_NOTES,
  caseTypeLabel,
  type ReviewCase,
  type ReviewCountingRule,
  type ReviewSummary,
} from '../../../domain/reviews/review-case.js';
import { REVIEW_COLUMNS, REVIEW_ROWS } from '../../../domain/reports/annual-report.js';
import { REVIEW_COLUMN_LABELS } from '../../../domain/reports/labels.js';
import { AdminLayout } from '../../common/layout.js';
import { ErrorSummary, Field, FilterForm, PostForm, Select, boundFields, labelledOptions } from '../../common/forms.js';
import { DataTable } from '../../common/blocks.js';

const PATH = '/admin/reviews';

/** The list filter as typed in the query string. */
export type ReviewListQuery = { org: string; kind: string; year: string; result: string };

type Base = { actor: Actor; csrf: string; flash?: string };

const orgOptions = (orgs: readonly OrgNode[]): [string, string][] =>
  orgs.map((o): [string, string] => [o.id, `${'　'.repeat(o.depth)}${o.name}${o.retiredAt ? '（已撤销）' : ''}`]);

/** The register: filters, the cases, and section 四 when one organization and one year are chosen. */
export function ReviewListPage(
  p: Base & {
    orgs: OrgNode[];
    orgName: (id: string) => string;
    cases: ReviewCase[];
    query: ReviewListQuery;
    errors: Record<string, string>;
    canCreate: boolean;
    summary?: ReviewSummary;
    /** The section 四 counting rule in force (the year filter follows it). */
    counting: ReviewCountingRule;
  },
) {
  const q = p.query;
  return (
    <AdminLayout title="复议、诉讼和投诉登记" actor={p.actor} csrf={p.csrf} path={PATH} flash={p.flash}>
      {p.canCreate ? (
        <p>
          <a class="button" href={`${PATH}/new`}>
            登记案件
          </a>
        </p>
      ) : null}
      <FilterForm action={PATH} label="筛选案件">
        <Select name="org" label="机构" value={q.org} options={[['', '全部机构'], ...orgOptions(p.orgs)]} />
        <Select
          name="kind"
          label="类别"
          value={q.kind}
          options={labelledOptions(REVIEW_KINDS, REVIEW_KIND_LABELS, '全部类别')}
        />
        <Field
          name="year"
          label="统计年度"
          value={q.year}
          error={p.errors.year}
          inputmode="numeric"
          hint={`${REVIEW_COUNTING_LABELS[p.counting]}：列出计入该年度报告第四部分的案件`}
        />
        <Select
          name="result"
          label="结果"
          value={q.result}
          options={labelledOptions(REVIEW_RESULTS, REVIEW_RESULT_LABELS, '全部结果')}
        />
      </FilterForm>
      {p.summary ? (
        <SummaryTable
          summary={p.summary}
          caption={`${p.orgName(q.org)} ${q.year} 年度报告第四部分（${REVIEW_COUNTING_NOTES[p.counting]}举报投诉不计入）`}
        />
      ) : null}
      <DataTable
        caption={`共 ${p.cases.length} 件`}
        captionClass="muted"
        cols={['立案（收到）日期', '类别', '案号', '机构', '争议事项', '关联申请', '结果', '审结日期']}
      >
        {p.cases.map((c) => (
          <tr>
            <td>
              <a href={`${PATH}/${c.id}`}>{c.filedOn}</a>
            </td>
            <td>{caseTypeLabel(c)}</td>
            <td>{c.caseNo || '—'}</td>
            <td>{p.orgName(c.orgId)}</td>
            <td>{c.subject}</td>
            <td>{c.applicationTrackingCode ?? '—'}</td>
            <td>{REVIEW_RESULT_LABELS[c.result]}</td>
            <td>{c.resultOn ?? '—'}</td>
          </tr>
        ))}
      </DataTable>
    </AdminLayout>
  );
}

/** Section 四 in the official layout (国办公开办函〔2021〕30号, table 四): 行政复议 ×5, 行政诉讼 (直接起诉 ×5, 复议后起诉 ×5). */
export function SummaryTable(p: { summary: ReviewSummary; caption: string }) {
  return (
    <div class="table-wrap">
      <table class="report-table">
        <caption>{p.caption}</caption>
        <thead>
          <tr>
            <th scope="colgroup" colspan={5} rowspan={2}>
              行政复议
            </th>
            <th scope="colgroup" colspan={10}>
              行政诉讼
            </th>
          </tr>
          <tr>
            <th scope="colgroup" colspan={5}>
              {LITIGATION_ROUTE_LABELS.direct}
            </th>
            <th scope="colgroup" colspan={5}>
              {LITIGATION_ROUTE_LABELS.after_reconsideration}
            </th>
          </tr>
          <tr>
            {REVIEW_ROWS.flatMap(() => REVIEW_COLUMNS.map((col) => <th scope="col">{REVIEW_COLUMN_LABELS[col]}</th>))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {REVIEW_ROWS.flatMap((row) =>
              REVIEW_COLUMNS.map((col) => <td data-cell={`${row}.${col}`}>{p.summary[row][col]}</td>),
            )}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** The create/edit form. Typed values come back as they were typed. */
export function ReviewFormPage(
  p: Base & {
    id?: string;
    orgs: OrgNode[];
    orgName?: string;
    values: Record<string, string>;
    errors?: Record<string, string>;
    message?: string;
  },
) {
  const L = REVIEW_FIELD_LABELS;
  const { field: f, select } = boundFields(L, p.values, p.errors);
  const dateHint = '格式：YYYY-MM-DD，如 2025-03-01';
  return (
    <AdminLayout title={p.id ? '编辑案件' : '登记案件'} actor={p.actor} csrf={p.csrf} path={PATH} flash={p.flash}>
      <PostForm action={p.id ? `${PATH}/${p.id}` : `${PATH}/new`} csrf={p.csrf}>
        <ErrorSummary message={p.message} errors={p.errors} labels={L} />
        {p.id ? (
          <p>
            {L.orgId}：{p.orgName}
          </p>
        ) : (
          select('orgId', [['', '请选择'], ...orgOptions(p.orgs)], { required: true })
        )}
        <fieldset>
          <legend>案件情况</legend>
          {select('kind', labelledOptions(REVIEW_KINDS, REVIEW_KIND_LABELS, '请选择'), { required: true })}
          {select('litigationRoute', labelledOptions(LITIGATION_ROUTES, LITIGATION_ROUTE_LABELS, '（仅行政诉讼填写）'))}
          {f('caseNo')}
          {f('filedOn', { required: true, hint: dateHint, inputmode: 'numeric' })}
          {f('body', { required: true })}
          {f('claimantName', { hint: '个人信息：仅供本机构工作人员及经授权人员查看，不在门户公开，不写入审计日志' })}
          {f('subject', {
            required: true,
            multiline: true,
            hint: '被申请复议、被诉或被投诉的行为，如某号不予公开告知书',
          })}
          {f('trackingCode', { hint: '所涉政府信息公开申请的查询码（本机构受理的申请）；无关联申请的可不填' })}
        </fieldset>
        <fieldset>
          <legend>审结（办结）情况</legend>
          {select('result', labelledOptions(REVIEW_RESULTS, REVIEW_RESULT_LABELS))}
          {f('resultOn', { hint: `${dateHint}；尚未审结的不填`, inputmode: 'numeric' })}
          {f('handling', { multiline: true, hint: '举报投诉的调查处理情况；复议、诉讼可写明决定或裁判要点' })}
          {f('notes', { multiline: true })}
        </fieldset>
        <button type="submit">保存</button> <a href={PATH}>返回列表</a>
      </PostForm>
    </AdminLayout>
  );
}

/** A case for readers who may not edit it (supervisors). */
export function ReviewDetailPage(p: Base & { review: ReviewCase; orgName: string }) {
  const c = p.review;
  const L = REVIEW_FIELD_LABELS;
  const rows: [string, string][] = [
    [L.orgId, p.orgName],
    [L.kind, caseTypeLabel(c)],
    [L.caseNo, c.caseNo || '—'],
    [L.filedOn, c.filedOn],
    [L.body, c.body],
    [L.claimantName, c.claimantName || '—'],
    [L.subject, c.subject],
    [L.trackingCode, c.applicationTrackingCode ?? '—'],
    [L.result, REVIEW_RESULT_LABELS[c.result]],
    [L.resultOn, c.resultOn ?? '—'],
    [L.handling, c.handling || '—'],
    [L.notes, c.notes || '—'],
  ];
  return (
    <AdminLayout title="案件详情" actor={p.actor} csrf={p.csrf} path={PATH}>
      <dl>
        {rows.map(([k, val]) => (
          <>
            <dt>{k}</dt>
            <dd>{val}</dd>
          </>
        ))}
      </dl>
      <p>
        <a href={PATH}>返回列表</a>
      </p>
    </AdminLayout>
  );
}
