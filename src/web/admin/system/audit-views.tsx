/** @jsxImportSource hono/jsx */
// Views of the audit trail: the filter form, the entry table with before → after, the chain check result.
import type { Actor } from '../../../domain/policies/actor.js';
import { formatInstant } from '../../common/time.js';
import type { ChainCheck } from '../../../domain/audit/audit-entry.js';
import type { AuditRow } from '../../../app/audit/browse-audit.js';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from '../../../domain/audit/audit-labels.js';
import { AdminLayout } from '../../common/layout.js';
import { ErrorSummary, Field, PostForm, Select } from '../../common/forms.js';
import { DataTable } from '../../common/blocks.js';

/** Action prefixes offered as groups in the filter. */
const ACTION_GROUPS: [string, string][] = [
  ['org.', '机构（全部）'],
  ['user.', '账号（全部）'],
  ['calendar.', '工作日日历（全部）'],
  ['settings.', '网站设置（全部）'],
  ['api_token.', 'API 令牌（全部）'],
  ['application.', '依申请公开（全部）'],
  ['notice.', '告知书（全部）'],
  ['review.', '复议、诉讼、投诉（全部）'],
  ['publication.', '主动公开信息（全部）'],
  ['category.', '栏目（全部）'],
  ['catalogue.', '目录（全部）'],
  ['report.', '年度报告（全部）'],
];

/** Labels of the filter fields (also used in the error summary). */
export const FILTER_LABELS: Record<string, string> = {
  actor: '操作人',
  action: '操作',
  entityType: '对象类型',
  entityId: '对象标识',
  from: '起始日期',
  to: '截止日期',
};

/** What the audit page shows. */
export type AuditPageModel = {
  actor: Actor;
  csrf: string;
  /** The filter as typed (strings), re-rendered in the form. */
  filter: Record<string, string>;
  errors: Record<string, string>;
  message?: string;
  entries: AuditRow[];
  /** Link to the next (older) page, when there is one. */
  olderHref?: string;
  firstPageHref?: string;
};

/** The audit trail page. */
export function AuditPage(p: AuditPageModel) {
  return (
    <AdminLayout title="审计日志" actor={p.actor} csrf={p.csrf} path="/admin/audit">
      <p class="muted">
        每一次状态变更都记录操作人、时间、操作对象及变更前后的内容；记录以哈希链相连，任何修改或删除都可被发现。
      </p>
      <PostForm action="/admin/audit/verify" csrf={p.csrf} class="inline">
        <button type="submit" class="secondary">
          校验哈希链
        </button>
      </PostForm>
      <h2>筛选</h2>
      <ErrorSummary message={p.message} errors={p.errors} labels={FILTER_LABELS} />
      <FilterForm filter={p.filter} errors={p.errors} />
      {p.entries.length === 0 ? <p>没有符合条件的记录。</p> : <EntryTable entries={p.entries} />}
      <nav class="pager" aria-label="翻页">
        {p.firstPageHref ? <a href={p.firstPageHref}>« 最新的记录</a> : null}
        {p.olderHref ? (
          <a href={p.olderHref} rel="next">
            更早的记录 ›
          </a>
        ) : null}
      </nav>
    </AdminLayout>
  );
}

function FilterForm(p: { filter: Record<string, string>; errors: Record<string, string> }) {
  const f = p.filter;
  const action = f.action ?? '';
  const actions: [string, string][] = [
    ['', '全部操作'],
    ...ACTION_GROUPS,
    ...Object.entries(AUDIT_ACTION_LABELS).sort(([a], [b]) => a.localeCompare(b)),
  ];
  if (action && !actions.some(([v]) => v === action)) actions.push([action, action]);
  const type = f.entityType ?? '';
  const types: [string, string][] = [['', '全部类型'], ...Object.entries(AUDIT_ENTITY_LABELS)];
  if (type && !(type in AUDIT_ENTITY_LABELS)) types.push([type, type]);
  return (
    <form method="get" action="/admin/audit" class="filters">
      <Field name="actor" label={FILTER_LABELS.actor ?? ''} value={f.actor} hint="用户名或姓名的一部分" />
      <Select name="action" label={FILTER_LABELS.action ?? ''} value={action} options={actions} />
      <Select name="entityType" label={FILTER_LABELS.entityType ?? ''} value={type} options={types} />
      <Field name="entityId" label={FILTER_LABELS.entityId ?? ''} value={f.entityId} />
      <Field name="from" label={FILTER_LABELS.from ?? ''} type="date" value={f.from} error={p.errors.from} />
      <Field name="to" label={FILTER_LABELS.to ?? ''} type="date" value={f.to} error={p.errors.to} />
      <button type="submit">筛选</button>
      <a href="/admin/audit">清除条件</a>
    </form>
  );
}

/** The back-office page of each object type that has one. */
const OBJECT_PAGES: Record<string, string> = {
  application: '/admin/applications/',
  publication: '/admin/publications/',
  organization: '/admin/orgs/',
  user: '/admin/users/',
  review_case: '/admin/reviews/',
  notice: '/admin/notices/',
};

/** The link to an entry's object page, when its type has one. */
export function objectHref(entityType: string, entityId: string): string | undefined {
  const base = OBJECT_PAGES[entityType];
  return base ? base + encodeURIComponent(entityId) : undefined;
}

function EntryTable(p: { entries: AuditRow[] }) {
  return (
    <DataTable class="audit" cols={[{ label: '序号', class: 'num' }, '时间', '操作人', '操作', '对象', '变更内容']}>
      {p.entries.map((e) => (
        <tr>
          <td class="num">{e.seq}</td>
          <td>
            <time datetime={e.at}>{formatInstant(e.at, { seconds: true })}</time>
          </td>
          <td title={e.actorLabel}>{e.actorName}</td>
          <td>{e.actionLabel}</td>
          <td>
            <Subject entry={e} />
          </td>
          <td>
            <Changes entry={e} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/** The object: its type, its name (or id) linked to its page, and a link to all its entries. */
function Subject(p: { entry: AuditRow }) {
  const e = p.entry;
  const href = objectHref(e.entityType, e.entityId);
  const name = e.subjectName ?? e.entityId;
  const all = `/admin/audit?entityType=${encodeURIComponent(e.entityType)}&entityId=${encodeURIComponent(e.entityId)}`;
  return (
    <>
      {e.typeLabel}
      <br />
      {href ? <a href={href}>{name}</a> : <span>{name}</span>}{' '}
      <a href={all} class="muted" title="该对象的全部记录">
        [全部记录]
      </a>
    </>
  );
}

/** The changed fields, before → after, in Chinese. */
function Changes(p: { entry: AuditRow }) {
  const e = p.entry;
  if (e.beforeJson === null && e.afterJson === null) return <span class="muted">—</span>;
  if (e.changes.length === 0) return <span class="muted">无字段变化</span>;
  const verb = e.beforeJson === null ? '新建' : e.afterJson === null ? '删除' : '修改';
  return (
    <details open={e.changes.length <= 3}>
      <summary>
        {verb}：{e.changes.map((c) => c.label).join('、')}
      </summary>
      <dl class="audit-diff">
        {e.changes.map((c) => (
          <>
            <dt>{c.label}</dt>
            <dd>
              <del>{c.before}</del> → <ins>{c.after}</ins>
            </dd>
          </>
        ))}
      </dl>
    </details>
  );
}

/** The result of checking the hash chain. */
export function VerifyPage(p: { actor: Actor; csrf: string; check: ChainCheck }) {
  const c = p.check;
  return (
    <AdminLayout title="校验哈希链" actor={p.actor} csrf={p.csrf} path="/admin/audit">
      {c.ok ? (
        <p class="flash" role="status">
          校验通过：哈希链完整，共 {c.count} 条记录，未发现篡改或删除。
        </p>
      ) : (
        <div class="error-summary" role="alert" tabindex={-1}>
          <p>校验未通过：哈希链在第 {c.brokenSeq} 条记录处断开。</p>
          <p>
            原因：{c.reason}。此前的 {c.count} 条记录完好。请立即报告系统管理员，并从备份核对。
          </p>
        </div>
      )}
      <p>
        <a href="/admin/audit">返回审计日志</a>
      </p>
    </AdminLayout>
  );
}
