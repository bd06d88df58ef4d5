/** @jsxImportSource hono/jsx */
// Views of the audit trail: the filter form, the entry table with before → after, the chain check result.
import type { Actor } from '../../../domain/policies/actor.js';
import { formatInstant } from '../../common/time.js';
import type { AuditEntry, ChainCheck } from '../../../domain/audit/audit-entry.js';
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
  entries: AuditEntry[];
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
  const actions: [string, string][] = [['', '全部操作'], ...ACTION_GROUPS, ...Object.entries(AUDIT_ACTION_LABELS)];
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

function EntryTable(p: { entries: AuditEntry[] }) {
  return (
    <DataTable class="audit" cols={[{ label: '序号', class: 'num' }, '时间', '操作人', '操作', '对象', '变更内容']}>
      {p.entries.map((e) => (
        <tr>
          <td class="num">{e.seq}</td>
          <td>
            <time datetime={e.at}>{formatInstant(e.at, { seconds: true })}</time>
          </td>
          <td>{e.actorLabel === 'system' ? '系统' : e.actorLabel}</td>
          <td>
            {AUDIT_ACTION_LABELS[e.action] ?? e.action}
            <br />
            <code class="muted">{e.action}</code>
          </td>
          <td>
            {AUDIT_ENTITY_LABELS[e.entityType] ?? e.entityType}
            <br />
            <a
              href={`/admin/audit?entityType=${encodeURIComponent(e.entityType)}&entityId=${encodeURIComponent(e.entityId)}`}
              title="该对象的全部记录"
            >
              <code>{e.entityId}</code>
            </a>
          </td>
          <td>
            <Change before={e.beforeJson} after={e.afterJson} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/** A one-line summary of a change and, on demand, both sides as pretty JSON. */
function Change(p: { before: string | null; after: string | null }) {
  if (p.before === null && p.after === null) return <span class="muted">—</span>;
  const before = parse(p.before);
  const after = parse(p.after);
  const keys = changedKeys(before, after);
  const summary =
    p.before === null ? '新建' : p.after === null ? '删除' : keys.length > 0 ? `修改：${keys.join('、')}` : '查看内容';
  const sides: [label: string, value: unknown, json: string | null][] = [
    ['变更前', before, p.before],
    ['变更后', after, p.after],
  ];
  return (
    <details>
      <summary>{summary}</summary>
      <div class="audit-diff">
        {sides.map(([side, value, json]) => (
          <div>
            <p>
              <strong>{side}</strong>
            </p>
            <pre>{pretty(value, json)}</pre>
          </div>
        ))}
      </div>
    </details>
  );
}

function parse(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return json;
  }
}

function pretty(value: unknown, raw: string | null): string {
  return raw === null ? '（无）' : typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

function changedKeys(before: unknown, after: unknown): string[] {
  const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (!isObj(before) || !isObj(after)) return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).slice(0, 8);
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
