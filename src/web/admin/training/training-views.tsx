/** @jsxImportSource hono/jsx */
// Views of the training records (培训): the list with its year filter and totals, the form (fields, participants by
// organization, materials), and the read-only page.
import type { Child } from 'hono/jsx';
import type { Actor } from '../../../domain/policies/actor.js';
import type { OrgNode } from '../../../domain/orgs/organization.js';
import {
  TRAINING_FIELD_LABELS,
  TRAINING_KINDS,
  TRAINING_KIND_LABELS,
  headcountOf,
  type TrainingSession,
  type TrainingTotals,
} from '../../../domain/training/training.js';
import { ATTACHMENT_MIMES, attachmentTypeLabel, formatSize } from '../../../domain/publications/attachments.js';
import { AdminLayout } from '../../common/layout.js';
import {
  ErrorSummary,
  FileField,
  FilterForm,
  PostForm,
  RowAction,
  Select,
  Field,
  boundFields,
  labelledOptions,
} from '../../common/forms.js';
import { DataTable, InfoList } from '../../common/blocks.js';

/** The pages' path. */
export const TRAINING_PATH = '/admin/training';
const PATH = TRAINING_PATH;

type Base = { actor: Actor; csrf: string; flash?: string };

/** Organizations as select options, indented by depth. */
export const orgOptions = (orgs: readonly OrgNode[]): [string, string][] =>
  orgs.map((o): [string, string] => [o.id, `${'　'.repeat(o.depth)}${o.name}${o.retiredAt ? '（已撤销）' : ''}`]);

/** `（集中培训 1 次，专题培训 2 次）` over the kinds held; empty when none. */
function kindsOf(t: TrainingTotals): string {
  const held = TRAINING_KINDS.filter((k) => t.byKind[k] > 0).map((k) => `${TRAINING_KIND_LABELS[k]} ${t.byKind[k]} 次`);
  return held.length > 0 ? `（${held.join('，')}）` : '';
}

/**
 * The head of a record list: the create link (for writers), then the filters — organization (with its subtree),
 * any `children`, year.
 */
export function RecordFilters(p: {
  path: string;
  label: string;
  create: string;
  canCreate: boolean;
  orgs: readonly OrgNode[];
  query: { org: string; year: string };
  yearError?: string;
  children?: Child;
}) {
  return (
    <>
      {p.canCreate ? (
        <p>
          <a class="button" href={`${p.path}/new`}>
            {p.create}
          </a>
        </p>
      ) : null}
      <FilterForm action={p.path} label={p.label}>
        <Select
          name="org"
          label="机构（含下级）"
          value={p.query.org}
          options={[['', '全部机构'], ...orgOptions(p.orgs)]}
        />
        {p.children}
        <Field
          name="year"
          label="年度"
          value={p.query.year}
          error={p.yearError}
          inputmode="numeric"
          hint="留空：全部年度"
        />
      </FilterForm>
    </>
  );
}

/** The list filter as typed. */
export type TrainingQuery = { org: string; year: string };

/** The list: filters, the year's totals and the sessions. */
export function TrainingListPage(
  p: Base & {
    orgs: OrgNode[];
    orgNames: Record<string, string>;
    sessions: TrainingSession[];
    totals: TrainingTotals;
    query: TrainingQuery;
    errors: Record<string, string>;
    canCreate: boolean;
  },
) {
  const q = p.query;
  return (
    <AdminLayout title="培训记录" actor={p.actor} csrf={p.csrf} path={PATH} flash={p.flash}>
      <RecordFilters
        path={PATH}
        label="筛选培训记录"
        create="登记培训"
        canCreate={p.canCreate}
        orgs={p.orgs}
        query={q}
        yearError={p.errors.year}
      />
      <p class="totals">
        {q.year ? `${q.year}年` : '全部年度'}共组织培训 {p.totals.sessions} 次，参训 {p.totals.participants} 人次
        {kindsOf(p.totals)}
      </p>
      <DataTable
        caption="培训记录"
        captionClass="vh"
        cols={[
          '培训日期',
          '培训名称',
          '形式',
          '组织单位',
          '记录机构',
          '参训单位',
          { label: '参训人次', class: 'num' },
          '材料',
        ]}
        empty="没有符合条件的培训记录"
      >
        {p.sessions.map((s) => (
          <tr>
            <td>
              <a href={`${PATH}/${s.id}`}>{s.heldOn}</a>
            </td>
            <td>{s.title}</td>
            <td>{TRAINING_KIND_LABELS[s.kind]}</td>
            <td>{s.organizer}</td>
            <td>{p.orgNames[s.orgId] ?? '（未知机构）'}</td>
            <td>{s.participants.length}</td>
            <td class="num">{headcountOf(s)}</td>
            <td>{s.materials.length}</td>
          </tr>
        ))}
      </DataTable>
    </AdminLayout>
  );
}

/** The form: the session's fields, a participants row per organization, materials to add and those kept. */
export function TrainingFormPage(
  p: Base & {
    id?: string;
    orgs: OrgNode[];
    participantOrgs: OrgNode[];
    orgName?: string;
    values: Record<string, string>;
    errors?: Record<string, string>;
    message?: string;
    session?: TrainingSession;
  },
) {
  const L = TRAINING_FIELD_LABELS;
  const errors = p.errors ?? {};
  const { field: f, select } = boundFields(L, p.values, errors);
  const action = p.id ? `${PATH}/${p.id}` : `${PATH}/new`;
  return (
    <AdminLayout title={p.id ? '编辑培训记录' : '登记培训'} actor={p.actor} csrf={p.csrf} path={PATH} flash={p.flash}>
      <PostForm action={action} csrf={p.csrf} multipart>
        <ErrorSummary message={p.message} errors={errors} labels={{ ...L, materials: '培训材料' }} />
        {p.id ? (
          <p>
            {L.orgId}：{p.orgName}
          </p>
        ) : (
          select('orgId', [['', '请选择'], ...orgOptions(p.orgs)], { required: true })
        )}
        {f('heldOn', { required: true, hint: '格式：YYYY-MM-DD，如 2026-03-01', inputmode: 'numeric' })}
        {f('title', { required: true })}
        {f('organizer', { required: true, hint: '如：区政务公开办；外单位组织的照写' })}
        {select('kind', labelledOptions(TRAINING_KINDS, TRAINING_KIND_LABELS, '请选择'), { required: true })}
        {f('notes', { optional: true, multiline: true })}
        <fieldset id="f-participants" class={errors.participants ? 'has-error' : undefined}>
          <legend>{L.participants}</legend>
          <p class="hint">填写参训单位的人数；参训账号（用户名，以逗号或空格分隔）选填，须为该单位的账号。</p>
          {errors.participants ? <p class="error">{errors.participants}</p> : null}
          <DataTable caption="各单位参训人数" captionClass="vh" cols={['单位', '参训人数', '参训账号（选填）']}>
            {p.participantOrgs.map((o) => (
              <tr>
                <th scope="row">
                  <label for={`hc-${o.id}`}>{`${'　'.repeat(o.depth)}${o.name}`}</label>
                </th>
                <td>
                  <input
                    id={`hc-${o.id}`}
                    name={`hc.${o.id}`}
                    inputmode="numeric"
                    size={5}
                    value={p.values[`hc.${o.id}`] ?? ''}
                  />
                </td>
                <td>
                  <input name={`acc.${o.id}`} aria-label={`${o.name}参训账号`} value={p.values[`acc.${o.id}`] ?? ''} />
                </td>
              </tr>
            ))}
          </DataTable>
        </fieldset>
        <FileField
          name="materials"
          label="上传培训材料（选填）"
          hint="可上传PDF、DOCX、XLSX或图片，每个不超过20MB；可多选"
          error={errors.materials}
          accept={ATTACHMENT_MIMES.join(',')}
          multiple
        />
        <button type="submit">保存</button> <a href={PATH}>返回列表</a>
      </PostForm>
      {p.session ? <Materials session={p.session} csrf={p.csrf} canWrite /> : null}
      {p.id ? <RowAction action={`${PATH}/${p.id}/delete`} csrf={p.csrf} label="删除此培训记录" /> : null}
    </AdminLayout>
  );
}

/** The materials of a session, each downloadable; writers may remove one. */
function Materials(p: { session: TrainingSession; csrf: string; canWrite: boolean }) {
  const s = p.session;
  return (
    <DataTable caption="培训材料" cols={['文件', '类型', '大小', ...(p.canWrite ? ['操作'] : [])]} empty="没有材料">
      {s.materials.map((m) => (
        <tr>
          <td>
            <a href={`${PATH}/${s.id}/materials/${m.sort}`}>{m.name}</a>
          </td>
          <td>{attachmentTypeLabel(m.mime)}</td>
          <td>{formatSize(m.size)}</td>
          {p.canWrite ? (
            <td>
              <RowAction
                action={`${PATH}/${s.id}/materials/${m.sort}/delete`}
                csrf={p.csrf}
                label="删除"
                ariaLabel={`删除材料${m.name}`}
              />
            </td>
          ) : null}
        </tr>
      ))}
    </DataTable>
  );
}

/** A session for readers who may not edit it. */
export function TrainingDetailPage(
  p: Base & { session: TrainingSession; orgNames: Record<string, string>; usernames: Record<string, string> },
) {
  const s = p.session;
  const L = TRAINING_FIELD_LABELS;
  return (
    <AdminLayout title="培训记录" actor={p.actor} csrf={p.csrf} path={PATH}>
      <InfoList
        rows={[
          [L.orgId, p.orgNames[s.orgId] ?? '（未知机构）'],
          [L.heldOn, s.heldOn],
          [L.title, s.title],
          [L.organizer, s.organizer],
          [L.kind, TRAINING_KIND_LABELS[s.kind]],
          [L.notes, s.notes || null],
        ]}
      />
      <DataTable
        caption={`参训情况（共 ${headcountOf(s)} 人次）`}
        cols={['单位', { label: '人数', class: 'num' }, '参训账号']}
      >
        {s.participants.map((pt) => (
          <tr>
            <td>{p.orgNames[pt.orgId] ?? '（未知机构）'}</td>
            <td class="num">{pt.headcount}</td>
            <td>{pt.userIds.map((u) => p.usernames[u] ?? u).join('、') || '—'}</td>
          </tr>
        ))}
      </DataTable>
      <Materials session={s} csrf={p.csrf} canWrite={false} />
      <p>
        <a href={PATH}>返回列表</a>
      </p>
    </AdminLayout>
  );
}
