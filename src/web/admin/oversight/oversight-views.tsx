/** @jsxImportSource hono/jsx */
// Views of the 社会评议 and 责任追究 records: the filtered list, the form, the read-only page.
import type { Actor } from '../../../domain/policies/actor.js';
import type { OrgNode } from '../../../domain/orgs/organization.js';
import {
  OVERSIGHT_FIELD_LABELS,
  OVERSIGHT_KINDS,
  OVERSIGHT_KIND_LABELS,
  type OversightRecord,
} from '../../../domain/oversight/oversight.js';
import { AdminLayout } from '../../common/layout.js';
import { ErrorSummary, PostForm, RowAction, Select, boundFields, labelledOptions } from '../../common/forms.js';
import { DataTable, InfoList } from '../../common/blocks.js';
import { orgOptions, RecordFilters } from '../training/training-views.js';

/** The pages' path. */
export const OVERSIGHT_PATH = '/admin/oversight';
const PATH = OVERSIGHT_PATH;

type Base = { actor: Actor; csrf: string; flash?: string };

/** The list filter as typed. */
export type OversightQuery = { org: string; year: string; kind: string };

/** The list of records with its filters. */
export function OversightListPage(
  p: Base & {
    orgs: OrgNode[];
    orgNames: Record<string, string>;
    records: OversightRecord[];
    query: OversightQuery;
    errors: Record<string, string>;
    canCreate: boolean;
  },
) {
  const q = p.query;
  const count = (k: OversightRecord['kind']) => p.records.filter((r) => r.kind === k).length;
  return (
    <AdminLayout title="社会评议和责任追究" actor={p.actor} csrf={p.csrf} path={PATH} flash={p.flash}>
      <p class="hint">
        《中华人民共和国政府信息公开条例》第五十条第四项：人民政府的年度报告应报告考核、社会评议和责任追究结果。
      </p>
      <RecordFilters
        path={PATH}
        label="筛选记录"
        create="登记记录"
        canCreate={p.canCreate}
        orgs={p.orgs}
        query={q}
        yearError={p.errors.year}
      >
        <Select
          name="kind"
          label="类别"
          value={q.kind}
          options={labelledOptions(OVERSIGHT_KINDS, OVERSIGHT_KIND_LABELS, '全部类别')}
        />
      </RecordFilters>
      <p class="totals">
        社会评议 {count('social_review')} 次，责任追究 {count('accountability')} 件
      </p>
      <DataTable
        caption="社会评议和责任追究记录"
        captionClass="vh"
        cols={['日期', '类别', '涉及单位', '事项', '结果', '记录机构']}
        empty="没有符合条件的记录"
      >
        {p.records.map((r) => (
          <tr>
            <td>
              <a href={`${PATH}/${r.id}`}>{r.occurredOn}</a>
            </td>
            <td>{OVERSIGHT_KIND_LABELS[r.kind]}</td>
            <td>{r.unit}</td>
            <td>{r.subject}</td>
            <td>{r.result}</td>
            <td>{p.orgNames[r.orgId] ?? '（未知机构）'}</td>
          </tr>
        ))}
      </DataTable>
    </AdminLayout>
  );
}

/** The create/edit form; typed values come back as typed. */
export function OversightFormPage(
  p: Base & {
    id?: string;
    orgs: OrgNode[];
    orgName?: string;
    values: Record<string, string>;
    errors?: Record<string, string>;
    message?: string;
  },
) {
  const L = OVERSIGHT_FIELD_LABELS;
  const { field: f, select } = boundFields(L, p.values, p.errors);
  return (
    <AdminLayout title={p.id ? '编辑记录' : '登记记录'} actor={p.actor} csrf={p.csrf} path={PATH} flash={p.flash}>
      <PostForm action={p.id ? `${PATH}/${p.id}` : `${PATH}/new`} csrf={p.csrf}>
        <ErrorSummary message={p.message} errors={p.errors} labels={L} />
        {p.id ? (
          <p>
            {L.orgId}：{p.orgName}
          </p>
        ) : (
          select('orgId', [['', '请选择'], ...orgOptions(p.orgs)], { required: true })
        )}
        {select('kind', labelledOptions(OVERSIGHT_KINDS, OVERSIGHT_KIND_LABELS, '请选择'), { required: true })}
        {f('occurredOn', { required: true, hint: '格式：YYYY-MM-DD，如 2026-03-01', inputmode: 'numeric' })}
        {f('unit', { required: true, hint: '被评议或被追究责任的单位' })}
        {f('subject', { required: true, multiline: true, hint: '评议的事项，或被追究的问题' })}
        {f('result', { required: true, multiline: true, hint: '评议结果，或处理结果' })}
        <button type="submit">保存</button> <a href={PATH}>返回列表</a>
      </PostForm>
      {p.id ? <RowAction action={`${PATH}/${p.id}/delete`} csrf={p.csrf} label="删除此记录" /> : null}
    </AdminLayout>
  );
}

/** A record for readers who may not edit it. */
export function OversightDetailPage(p: Base & { record: OversightRecord; orgName: string }) {
  const r = p.record;
  const L = OVERSIGHT_FIELD_LABELS;
  return (
    <AdminLayout title={OVERSIGHT_KIND_LABELS[r.kind]} actor={p.actor} csrf={p.csrf} path={PATH}>
      <InfoList
        rows={[
          [L.orgId, p.orgName],
          [L.kind, OVERSIGHT_KIND_LABELS[r.kind]],
          [L.occurredOn, r.occurredOn],
          [L.unit, r.unit],
          [L.subject, r.subject],
          [L.result, r.result],
        ]}
      />
      <p>
        <a href={PATH}>返回列表</a>
      </p>
    </AdminLayout>
  );
}
