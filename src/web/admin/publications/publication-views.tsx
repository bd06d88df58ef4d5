/** @jsxImportSource hono/jsx */
// Views of the 主动公开 back office: the list with its filters and the art. 26 badge, the draft
// form (new and edit) with every metadata field, and the dashboard card.
import type { Actor } from '../../../domain/policies/actor.js';
import {
  DISCLOSURE_LABELS,
  DISCLOSURES,
  KIND_LABELS,
  PUBLICATION_KINDS,
  PUBLICATION_STATES,
  VALIDITIES,
  VALIDITY_LABELS,
  WITHHELD_GROUND_LABELS,
  WITHHELD_GROUNDS,
} from '../../../domain/publications/publication.js';
import { STATE_LABELS } from '../../../domain/publications/transition-table.js';
import type { PublicationStatus } from '../../../domain/publications/deadlines.js';
import {
  loadPublicationDashboard,
  type PublicationDashboard,
  type PublicationRow,
} from '../../../app/publications/back-office.js';
import type { AppContext } from '../../../app/context.js';
import type { PublicationAttachment } from '../../../app/publications/ports.js';
import { AdminLayout } from '../../common/layout.js';
import { Csrf, ErrorSummary, Field, Select } from '../../common/forms.js';
import { CatalogueRowSelect } from '../standard-catalogue/standard-catalogue-form-views.js';
import type { RowChoiceGroup } from '../../../app/standard-catalogue/link-row.js';

/** Chinese labels of the draft form's fields (also for the error summary). */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  org: '发布机构',
  title: '名称',
  category: '类别（栏目）',
  kind: '体裁',
  docNo: '发文字号',
  writtenOn: '成文日期',
  publisher: '发布机构名称',
  topic: '主题分类',
  summary: '内容概述',
  keywords: '关键词',
  keyAreas: '重点领域',
  catalogueRow: '标准目录事项',
  validity: '有效性',
  validityOn: '失效（废止）日期',
  disclosure: '公开属性',
  withheldGround: '不予公开理由',
  major: '重大信息',
  interprets: '所解读文件的索引号',
  body: '正文',
  attachments: '附件',
};

/** Art. 26 statuses as text (a badge never relies on colour alone). */
export const CLOCK_LABELS: Readonly<Record<PublicationStatus, string>> = {
  on_time: '期限内',
  due_soon: '即将到期',
  late: '逾期',
};

/** The art. 26 badge: text for due-soon and late items, nothing otherwise. */
export function ClockBadge(p: { status: PublicationStatus | null }) {
  if (p.status === 'due_soon') return <span class="badge badge-due_soon">即将到期</span>;
  if (p.status === 'late') return <span class="badge badge-overdue">逾期</span>;
  return p.status === null ? <span class="muted">不适用</span> : <span class="muted">{CLOCK_LABELS[p.status]}</span>;
}

/** The list's query as typed, echoed into the filters and the pager. */
export type PublicationListQuery = {
  q: string;
  state: string;
  kind: string;
  category: string;
  org: string;
  page: number;
};

type ListProps = {
  actor: Actor;
  csrf: string;
  rows: PublicationRow[];
  total: number;
  pageSize: number;
  query: PublicationListQuery;
  orgs: [string, string][];
  categories: [string, string][];
  canDraft: boolean;
  catalogueOrgId: string | null;
};

/** The list with its filters and pager. */
export function PublicationListPage(p: ListProps) {
  const pages = Math.max(1, Math.ceil(p.total / p.pageSize));
  const { page: _page, ...filters } = p.query;
  const href = (page: number) =>
    `/admin/publications?${new URLSearchParams({ ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== '')), page: String(page) }).toString()}`;
  return (
    <AdminLayout title="主动公开" actor={p.actor} csrf={p.csrf} path="/admin/publications">
      <p class="actions-row">
        {p.canDraft ? (
          <a class="button" href="/admin/publications/new">
            起草信息
          </a>
        ) : null}
        {p.catalogueOrgId ? <a href={`/admin/orgs/${p.catalogueOrgId}/catalogue`}>信息公开目录与发布设置</a> : null}
        {p.catalogueOrgId ? (
          <a href={`/admin/orgs/${p.catalogueOrgId}/standard-catalogue`}>基层政务公开标准目录</a>
        ) : null}
      </p>
      <form method="get" action="/admin/publications" class="filters" role="search" aria-label="筛选信息">
        <Field name="q" label="搜索（名称、索引号、文号）" value={p.query.q} />
        <Select
          name="state"
          label="状态"
          value={p.query.state}
          options={[
            ['', '全部状态'],
            ['review', '待审核（已送审、审核中）'],
            ...PUBLICATION_STATES.map((s): [string, string] => [s, STATE_LABELS[s]]),
          ]}
        />
        <Select
          name="kind"
          label="体裁"
          value={p.query.kind}
          options={[['', '全部体裁'], ...PUBLICATION_KINDS.map((k): [string, string] => [k, KIND_LABELS[k]])]}
        />
        {p.orgs.length > 1 ? (
          <Select name="org" label="机构" value={p.query.org} options={[['', '全部机构'], ...p.orgs]} />
        ) : null}
        <Select name="category" label="类别" value={p.query.category} options={[['', '全部类别'], ...p.categories]} />
        <button type="submit">筛选</button>
      </form>
      <p class="muted" role="status">
        共 {p.total} 条，第 {p.query.page} / {pages} 页
      </p>
      <div class="table-wrap">
        <table class="publications">
          <thead>
            <tr>
              <th scope="col">索引号</th>
              <th scope="col">名称</th>
              <th scope="col">类别</th>
              <th scope="col">状态</th>
              <th scope="col">成文日期</th>
              <th scope="col">公开时限（第二十六条）</th>
              <th scope="col">发布日期</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.length === 0 ? (
              <tr>
                <td colspan={7} class="muted">
                  没有符合条件的信息
                </td>
              </tr>
            ) : (
              p.rows.map((r) => (
                <tr>
                  <td>{r.indexNo}</td>
                  <td>
                    <a href={`/admin/publications/${r.id}`}>{r.title}</a>
                    {r.major ? <span class="badge badge-major">重大</span> : null}
                    {p.orgs.length > 1 ? <p class="muted">{r.orgName}</p> : null}
                  </td>
                  <td>{r.categoryName}</td>
                  <td>{STATE_LABELS[r.state]}</td>
                  <td>{r.writtenOn}</td>
                  <td>
                    <ClockBadge status={r.clock} />
                  </td>
                  <td>{r.publishedOn ?? '—'}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <nav class="pager" aria-label="翻页">
        {p.query.page > 1 ? (
          <a href={href(p.query.page - 1)} rel="prev">
            ‹ 上一页
          </a>
        ) : null}
        {p.query.page < pages ? (
          <a href={href(p.query.page + 1)} rel="next">
            下一页 ›
          </a>
        ) : null}
      </nav>
    </AdminLayout>
  );
}

type FormProps = {
  actor: Actor;
  csrf: string;
  /** The item edited, or undefined for a new draft. */
  edit?: { id: string; indexNo: string; attachments: PublicationAttachment[] };
  org: { id: string; name: string };
  /** [id, name] of the organizations the actor may draft for (new drafts only). */
  orgs: [string, string][];
  values: Record<string, string>;
  categories: [string, string][];
  keyAreas: string[];
  /** The organization's standard-catalogue rows by key area (the optional link). */
  catalogueRows?: RowChoiceGroup[];
  errors?: Record<string, string>;
  message?: string;
};

/** The draft form: every metadata field, the body and the attachments. */
export function PublicationFormPage(p: FormProps) {
  const v = p.values;
  const e = p.errors ?? {};
  const chosenAreas = (v.keyAreas ?? '').split(',').filter((x) => x !== '');
  const areas = [...p.keyAreas, ...chosenAreas.filter((a) => !p.keyAreas.includes(a))];
  const action = p.edit ? `/admin/publications/${p.edit.id}/edit` : '/admin/publications/new';
  return (
    <AdminLayout
      title={p.edit ? `修改草稿 ${p.edit.indexNo}` : '起草信息'}
      actor={p.actor}
      csrf={p.csrf}
      path="/admin/publications"
    >
      <p>
        <a href={p.edit ? `/admin/publications/${p.edit.id}` : '/admin/publications'}>‹ 返回</a>
      </p>
      <ErrorSummary message={p.message} errors={e} labels={FIELD_LABELS} />
      {!p.edit && p.orgs.length > 1 ? (
        <form method="get" action="/admin/publications/new" class="filters" aria-label="选择发布机构">
          <Select name="org" label="发布机构" value={p.org.id} options={p.orgs} />
          <button type="submit" class="secondary">
            切换机构
          </button>
        </form>
      ) : null}
      <form method="post" action={action} enctype="multipart/form-data" class="publication-form">
        <Csrf token={p.csrf} />
        <input type="hidden" name="org" value={p.org.id} />
        <p>
          发布机构：<strong>{p.org.name}</strong>
        </p>
        <Field name="title" label="名称" value={v.title} error={e.title} required />
        <Select
          name="category"
          label="类别（栏目）"
          value={v.category}
          error={e.category}
          options={[['', '（按体裁自动归入政策文件栏目）'], ...p.categories]}
        />
        <Select
          name="kind"
          label="体裁"
          value={v.kind}
          error={e.kind}
          options={PUBLICATION_KINDS.map((k): [string, string] => [k, KIND_LABELS[k]])}
          required
        />
        <Field name="docNo" label="发文字号" value={v.docNo} error={e.docNo} hint="如：示政发〔2025〕12号" />
        <Field
          name="writtenOn"
          label="成文日期"
          type="date"
          value={v.writtenOn}
          error={e.writtenOn}
          required
          hint="第二十六条的20个工作日自此日起算"
        />
        <Field
          name="publisher"
          label="发布机构名称"
          value={v.publisher}
          error={e.publisher}
          hint="不填则为本机构名称"
        />
        <Field name="topic" label="主题分类" value={v.topic} error={e.topic} />
        <Field name="summary" label="内容概述" value={v.summary} error={e.summary} multiline />
        <Field name="keywords" label="关键词" value={v.keywords} error={e.keywords} hint="多个关键词用逗号分隔" />
        <fieldset>
          <legend>重点领域</legend>
          {areas.length === 0 ? <p class="muted">本机构尚未设置重点领域。</p> : null}
          <div class="checks">
            {areas.map((a, i) => (
              <label class="check" for={`f-keyAreas-${i}`}>
                <input
                  id={`f-keyAreas-${i}`}
                  type="checkbox"
                  name="keyAreas"
                  value={a}
                  checked={chosenAreas.includes(a)}
                />{' '}
                {a}
              </label>
            ))}
          </div>
        </fieldset>
        <CatalogueRowSelect groups={p.catalogueRows ?? []} value={v.catalogueRow} error={e.catalogueRow} />
        <Select
          name="validity"
          label="有效性"
          value={v.validity}
          error={e.validity}
          options={VALIDITIES.map((x): [string, string] => [x, VALIDITY_LABELS[x]])}
        />
        <Field
          name="validityOn"
          label="失效（废止）日期"
          type="date"
          value={v.validityOn}
          error={e.validityOn}
          hint="仅失效或废止的文件填写"
        />
        <Select
          name="disclosure"
          label="公开属性"
          value={v.disclosure}
          error={e.disclosure}
          options={DISCLOSURES.map((x): [string, string] => [x, DISCLOSURE_LABELS[x]])}
        />
        <Select
          name="withheldGround"
          label="不予公开理由"
          value={v.withheldGround}
          error={e.withheldGround}
          options={[
            ['', '（公开属性为不予公开时选择）'],
            ...WITHHELD_GROUNDS.map((g): [string, string] => [g, WITHHELD_GROUND_LABELS[g]]),
          ]}
        />
        <div class="field">
          <label class="check" for="f-major">
            <input id="f-major" type="checkbox" name="major" value="on" checked={v.major === 'on'} />{' '}
            重大信息（须由主要负责同志签发）
          </label>
        </div>
        <Field
          name="interprets"
          label="所解读文件的索引号"
          value={v.interprets}
          error={e.interprets}
          hint="体裁为政策解读时必填"
        />
        <div class={e.body ? 'field has-error' : 'field'}>
          <label for="f-body">正文</label>
          <p class="hint" id="f-body-hint">
            可使用HTML段落、标题、列表、表格和链接；脚本、样式等内容保存时会被清除。
          </p>
          {e.body ? (
            <p class="error" id="f-body-err">
              {e.body}
            </p>
          ) : null}
          <textarea
            id="f-body"
            name="body"
            rows={14}
            class="body-editor"
            aria-describedby={e.body ? 'f-body-hint f-body-err' : 'f-body-hint'}
            aria-invalid={e.body ? 'true' : undefined}
          >
            {v.body ?? ''}
          </textarea>
        </div>
        <Attachments edit={p.edit} error={e.attachments} />
        <button type="submit">{p.edit ? '保存草稿' : '保存为草稿'}</button>
      </form>
    </AdminLayout>
  );
}

function Attachments(p: { edit?: FormProps['edit']; error?: string }) {
  return (
    <fieldset class={p.error ? 'has-error' : undefined}>
      <legend>附件</legend>
      {p.error ? <p class="error">{p.error}</p> : null}
      {p.edit && p.edit.attachments.length > 0 ? (
        <ul class="plain">
          {p.edit.attachments.map((a, i) => (
            <li>
              {a.name}（{formatSize(a.size)}）
              <label class="check" for={`f-remove-${i}`}>
                <input id={`f-remove-${i}`} type="checkbox" name="removeAttachment" value={a.fileId} /> 删除
              </label>
            </li>
          ))}
        </ul>
      ) : null}
      <div class="field">
        <label for="f-attachments">上传附件</label>
        <p class="hint" id="f-attachments-hint">
          PDF、DOCX、XLSX或PNG、JPEG、GIF图片，每个不超过20MB，可多选。表单有误时需重新选择附件。
        </p>
        <input
          id="f-attachments"
          type="file"
          name="attachments"
          multiple
          accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg,.gif"
          aria-describedby="f-attachments-hint"
        />
      </div>
    </fieldset>
  );
}

/** A byte count as KB or MB. */
export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)}MB` : `${Math.max(1, Math.round(bytes / 1024))}KB`;
}

/** The dashboard's 主动公开 card, loading its own numbers (so the dashboard adds one element). */
export async function PublicationDashboardCard(p: { ctx: AppContext; actor: Actor }) {
  return <DashboardCard data={await loadPublicationDashboard(p.ctx, p.actor)} />;
}

function DashboardCard(p: { data: PublicationDashboard }) {
  const d = p.data;
  return (
    <section aria-labelledby="dash-publications">
      <h3 id="dash-publications">主动公开</h3>
      <div class="grid">
        <div class="card">
          <p>待我审核</p>
          <p class="big">{d.awaitingMe}</p>
          <a href="/admin/publications?state=review">查看待审核信息</a>
        </div>
        <div class="card">
          <p>草稿</p>
          <p class="big">{d.drafts}</p>
          <a href="/admin/publications?state=draft">查看草稿</a>
        </div>
        <div class="card">
          <p>超过公开时限（第二十六条）</p>
          <p class="big">{d.late.length}</p>
          {d.dueSoon > 0 ? <p class="warn">另有 {d.dueSoon} 条即将到期</p> : null}
          <a href="/admin/publications">查看信息列表</a>
        </div>
      </div>
      {d.late.length > 0 ? (
        <ul class="plain late-list">
          {d.late.slice(0, 5).map((r) => (
            <li>
              <a href={`/admin/publications/${r.id}`}>{r.title}</a>（成文日期 {r.writtenOn}，{STATE_LABELS[r.state]}）
              <span class="badge badge-overdue">逾期</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
