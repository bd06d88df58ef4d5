/** @jsxImportSource hono/jsx */
// Views of the 主动公开 back office: the register with its filters and the art. 26 badge, the draft
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
import { PUBLICATION_FIELD_LABELS as L } from '../../../domain/publications/draft-fields.js';
import { STATE_LABELS } from '../../../domain/publications/transition-table.js';
import { PUBLICATION_STATUS_LABELS, type PublicationStatus } from '../../../domain/publications/deadlines.js';
import { formatSize } from '../../../domain/publications/attachments.js';
import type { DraftChoices, PublicationDashboard, PublicationRegister } from '../../../app/publications/back-office.js';
import type { PublicationAttachment } from '../../../app/publications/ports.js';
import type { ImportedImage } from '../../../app/publications/word-import.js';
import { AdminLayout } from '../../common/layout.js';
import {
  ErrorSummary,
  Field,
  FieldNotes,
  FileField,
  FilterForm,
  PostForm,
  Select,
  boundFields,
  describedBy,
  labelledOptions,
} from '../../common/forms.js';
import { Pager, pageHref } from '../../common/pager.js';
import type { FieldErrors, FormValues } from '../../common/validation.js';
import { valueOf } from '../../common/pipeline.js';
import { CatalogueRowSelect } from '../standard-catalogue/standard-catalogue-form-views.js';
import { DataTable } from '../../common/blocks.js';

/** The art. 26 badge: text for due-soon and late items, nothing otherwise. */
export function ClockBadge(p: { status: PublicationStatus | null }) {
  if (p.status === 'due_soon') return <span class="badge badge-due_soon">{PUBLICATION_STATUS_LABELS.due_soon}</span>;
  if (p.status === 'late') return <span class="badge badge-overdue">{PUBLICATION_STATUS_LABELS.late}</span>;
  return p.status === null ? (
    <span class="muted">不适用</span>
  ) : (
    <span class="muted">{PUBLICATION_STATUS_LABELS[p.status]}</span>
  );
}

/** The register's filters as typed, echoed into the form and the pager. */
export type RegisterFilters = { q: string; state: string; kind: string; category: string; org: string };

/** The register with its filters and pager. */
export function PublicationListPage(p: {
  actor: Actor;
  csrf: string;
  register: PublicationRegister;
  filters: RegisterFilters;
  errors: FieldErrors;
}) {
  const { register: r, filters: f, errors: e } = p;
  const manyOrgs = r.orgs.length > 1;
  return (
    <AdminLayout title="主动公开" actor={p.actor} csrf={p.csrf} path="/admin/publications">
      <p class="actions-row">
        {r.can.draft ? (
          <a class="button" href="/admin/publications/new">
            起草信息
          </a>
        ) : null}
        {r.catalogueOrgId ? <a href={`/admin/orgs/${r.catalogueOrgId}/catalogue`}>信息公开目录与发布设置</a> : null}
        {r.catalogueOrgId ? (
          <a href={`/admin/orgs/${r.catalogueOrgId}/standard-catalogue`}>基层政务公开标准目录</a>
        ) : null}
      </p>
      <FilterForm action="/admin/publications" label="筛选信息">
        <Field name="q" label="搜索（名称、索引号、文号）" value={f.q} error={e.q} />
        <Select
          name="state"
          label="状态"
          value={f.state}
          error={e.state}
          options={[
            ['', '全部状态'],
            ['review', '待审核（已送审、审核中）'],
            ...labelledOptions(PUBLICATION_STATES, STATE_LABELS),
          ]}
        />
        <Select
          name="kind"
          label={L.kind}
          value={f.kind}
          error={e.kind}
          options={labelledOptions(PUBLICATION_KINDS, KIND_LABELS, '全部体裁')}
        />
        {manyOrgs ? <Select name="org" label="机构" value={f.org} options={[['', '全部机构'], ...r.orgs]} /> : null}
        <Select name="category" label="类别" value={f.category} options={[['', '全部类别'], ...r.categories]} />
      </FilterForm>
      <p class="muted" role="status">
        共 {r.total} 条，第 {r.page} / {r.pageCount} 页
      </p>
      <DataTable
        class="publications"
        cols={[L.indexNo, L.title, '类别', '状态', L.writtenOn, '公开时限（第二十六条）', L.publishedOn]}
        empty="没有符合条件的信息"
      >
        {r.rows.map((row) => (
          <tr>
            <td>{row.indexNo}</td>
            <td>
              <a href={`/admin/publications/${row.id}`}>{row.title}</a>
              {row.major ? <span class="badge badge-major">重大</span> : null}
              {manyOrgs ? <p class="muted">{row.orgName}</p> : null}
            </td>
            <td>{row.categoryName}</td>
            <td>{STATE_LABELS[row.state]}</td>
            <td>{row.writtenOn}</td>
            <td>
              <ClockBadge status={row.clock} />
            </td>
            <td>{row.publishedOn ?? '—'}</td>
          </tr>
        ))}
      </DataTable>
      <Pager page={r.page} pageCount={r.pageCount} href={pageHref('/admin/publications', f)} />
    </AdminLayout>
  );
}

/** The item edited: its id, 索引号 and current attachments. */
export type EditedDraft = { id: string; indexNo: string; attachments: PublicationAttachment[] };

type FormProps = {
  actor: Actor;
  csrf: string;
  /** The item edited, or undefined for a new draft. */
  edit?: EditedDraft;
  choices: DraftChoices;
  values: FormValues;
  /** Images imported from a Word document, not yet saved (the form carries their references). */
  imported?: readonly ImportedImage[];
  errors?: FieldErrors;
  message?: string;
  /** What was done without saving (a Word document's body imported). */
  notice?: string;
};

/** The label of the file field a Word document is imported from, and of the button that imports it. */
const WORD_LABEL = '从Word导入正文';
const IMPORT_BUTTON = '导入Word正文（不保存）';

/** The body's rule (domain/publications/body-text.ts), as the form states it. */
const BODY_HINT =
  '直接输入文字即可：空一行为新段落，单独换行保留为换行。以HTML标签（如<p>、<h2>、<table>）开头的正文按HTML保存，' +
  '可使用段落、标题、列表、表格和链接；脚本、样式等内容保存时会被清除。';

/** The form's labels: the item's fields and the Word document the body is imported from. */
const FORM_LABELS = { ...L, word: WORD_LABEL };

/** The draft form: every metadata field, the body and the attachments. */
export function PublicationFormPage(p: FormProps) {
  const v = (k: string) => valueOf(p.values, k);
  const e = p.errors ?? {};
  const { org, orgs, categories, keyAreas, catalogueRows } = p.choices;
  const given = p.values.keyAreas;
  const chosen = given === undefined ? [] : Array.isArray(given) ? given : [given];
  const areas = [...keyAreas, ...chosen.filter((a) => !keyAreas.includes(a))];
  const action = p.edit ? `/admin/publications/${p.edit.id}/edit` : '/admin/publications/new';
  const { field, select } = boundFields(L, v, e);
  return (
    <AdminLayout
      title={p.edit ? `修改草稿 ${p.edit.indexNo}` : '起草信息'}
      actor={p.actor}
      csrf={p.csrf}
      path="/admin/publications"
      back={[p.edit ? `/admin/publications/${p.edit.id}` : '/admin/publications', '返回']}
      flash={p.notice}
      scripts={['/static/editor.js']}
    >
      <ErrorSummary message={p.message} errors={e} labels={FORM_LABELS} />
      {!p.edit && orgs.length > 1 ? (
        <form method="get" action="/admin/publications/new" class="filters" aria-label="选择发布机构">
          <Select name="org" label="发布机构" value={org.id} options={orgs} />
          <button type="submit" class="secondary">
            切换机构
          </button>
        </form>
      ) : null}
      <PostForm action={action} csrf={p.csrf} multipart class="publication-form">
        <input type="hidden" name="org" value={org.id} />
        <p>
          发布机构：<strong>{org.name}</strong>
        </p>
        {field('title', { required: true })}
        {select('category', [['', '（按体裁自动归入政策文件栏目）'], ...categories])}
        {select('kind', labelledOptions(PUBLICATION_KINDS, KIND_LABELS), { required: true })}
        {field('docNo', { hint: '如：示政发〔2025〕12号' })}
        {field('writtenOn', { type: 'date', required: true, hint: '第二十六条的20个工作日自此日起算' })}
        {field('publisher', { hint: '不填则为本机构名称' })}
        {field('topic')}
        {field('summary', { multiline: true })}
        {field('keywords', { hint: '多个关键词用逗号分隔' })}
        <fieldset>
          <legend>{L.keyAreas}</legend>
          {areas.length === 0 ? <p class="muted">本机构尚未设置重点领域。</p> : null}
          <div class="checks">
            {areas.map((a, i) => (
              <label class="check" for={`f-keyAreas-${i}`}>
                <input id={`f-keyAreas-${i}`} type="checkbox" name="keyAreas" value={a} checked={chosen.includes(a)} />{' '}
                {a}
              </label>
            ))}
          </div>
        </fieldset>
        <CatalogueRowSelect groups={catalogueRows} value={v('catalogueRow')} error={e.catalogueRow} />
        {select('validity', labelledOptions(VALIDITIES, VALIDITY_LABELS))}
        {field('validityOn', { type: 'date', hint: '仅失效或废止的文件填写' })}
        {select('disclosure', labelledOptions(DISCLOSURES, DISCLOSURE_LABELS))}
        {select('withheldGround', [
          ['', '（公开属性为不予公开时选择）'],
          ...labelledOptions(WITHHELD_GROUNDS, WITHHELD_GROUND_LABELS),
        ])}
        <div class="field">
          <label class="check" for="f-major">
            <input id="f-major" type="checkbox" name="major" value="on" checked={v('major') === 'on'} /> {L.major}
            （须由主要负责同志签发）
          </label>
        </div>
        {field('interprets', { hint: '体裁为政策解读时必填' })}
        <WordImport error={e.word} imported={p.imported ?? []} />
        <div class={e.body ? 'field has-error' : 'field'}>
          <label for="f-body" id="f-body-label">
            {L.body}
          </label>
          <FieldNotes id="f-body" hint={BODY_HINT} error={e.body} />
          <textarea
            id="f-body"
            name="body"
            rows={14}
            class="body-editor"
            data-rich-editor="f-body-label"
            aria-describedby={describedBy({ id: 'f-body', hint: BODY_HINT, error: e.body })}
            aria-invalid={e.body ? 'true' : undefined}
          >
            {v('body')}
          </textarea>
        </div>
        <Attachments edit={p.edit} error={e.attachments} />
        <p class="actions-row">
          <button type="submit">{p.edit ? '保存草稿' : '保存为草稿'}</button>
          {/* After the save button, so that Enter in a field still saves. */}
          <button type="submit" name="intent" value="import" class="secondary">
            {IMPORT_BUTTON}
          </button>
        </p>
      </PostForm>
    </AdminLayout>
  );
}

/** "从Word导入正文": the file field, its message, and the images already imported (carried until saved). */
function WordImport(p: { error?: string; imported: readonly ImportedImage[] }) {
  return (
    <>
      <FileField
        name="word"
        label={WORD_LABEL}
        hint={`选择DOCX格式的Word文档，点击表单末尾的“${IMPORT_BUTTON}”：文档的标题、段落、表格、列表和图片替换下面的正文，图片在保存草稿后列为附件。导入后请检查正文再保存；其他已填写的内容保持不变。`}
        error={p.error}
        accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
      />
      {p.imported.length > 0 ? (
        <div class="field imported-images">
          <p>已导入的图片（保存草稿后列为附件）：</p>
          <ul class="plain">
            {p.imported.map((i) => (
              <li>
                <input type="hidden" name="imported" value={i.ref} />
                {i.name}（{formatSize(i.size)}）
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}

function Attachments(p: { edit?: EditedDraft; error?: string }) {
  return (
    <fieldset class={p.error ? 'has-error' : undefined}>
      <legend>{L.attachments}</legend>
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

/** The dashboard's 主动公开 card. */
export function PublicationDashboardCard(p: { data: PublicationDashboard }) {
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
              <a href={`/admin/publications/${r.id}`}>{r.title}</a>（{L.writtenOn} {r.writtenOn}，
              {STATE_LABELS[r.state]}）<span class="badge badge-overdue">{PUBLICATION_STATUS_LABELS.late}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
