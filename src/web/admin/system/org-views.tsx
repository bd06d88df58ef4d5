/** @jsxImportSource hono/jsx */
// Views of the organization pages: the tree and the edit form.
import type { Actor } from '../../../domain/policies/actor.js';
import { ORG_FIELD_LABELS, ORG_KINDS, ORG_KIND_LABELS, type OrgNode } from '../../../domain/orgs/organization.js';
import { AdminLayout } from '../../common/layout.js';
import { ErrorSummary, PostForm, Select, boundFields, labelledOptions } from '../../common/forms.js';
import { descendantCount, nest, type Nested } from '../../common/tree.js';

/** Options of an organization select, indented by depth (retired ones marked). */
export function orgOptions(orgs: readonly OrgNode[]): [string, string][] {
  return orgs.map((o): [string, string] => [
    o.id,
    `${'　'.repeat(o.depth)}${o.name}${o.retiredAt ? '（已撤销）' : ''}`,
  ]);
}

/** One organization in the tree: its name (to its page), kind, credit code and state. */
function OrgEntry(p: { o: OrgNode }) {
  const o = p.o;
  return (
    <span class={o.retiredAt ? 'orgtree-node retired' : 'orgtree-node'}>
      <a href={`/admin/orgs/${o.id}`}>{o.name}</a>{' '}
      <span class="muted">
        {ORG_KIND_LABELS[o.kind]} · {o.creditCode}
      </span>
      {o.retiredAt ? <span class="tag">已撤销</span> : null}
    </span>
  );
}

/**
 * A level of the tree as a list: each organization, then its lower units in a `<details>` that opens and closes
 * them (the top two levels start open).
 */
function OrgTreeLevel(p: { items: readonly Nested<OrgNode>[]; depth: number }) {
  return (
    <ul class={p.depth === 0 ? 'orgtree' : undefined}>
      {p.items.map((i) => (
        <li>
          <OrgEntry o={i.node} />
          {i.children.length > 0 ? (
            <details open={p.depth < 1}>
              <summary>
                下级机构（{i.children.length}个
                {descendantCount(i) > i.children.length ? `，共${descendantCount(i)}个` : ''}）
              </summary>
              <OrgTreeLevel items={i.children} depth={p.depth + 1} />
            </details>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The tree of organizations, drawn as nested lists with connecting lines. */
export function OrgListPage(p: { actor: Actor; csrf: string; tree: OrgNode[]; flash?: string }) {
  return (
    <AdminLayout title="机构管理" actor={p.actor} csrf={p.csrf} path="/admin/orgs" flash={p.flash}>
      <p>
        <a class="button" href="/admin/orgs/new">
          新增机构
        </a>
      </p>
      <p class="muted" id="orgtree-note">
        共{p.tree.length}个机构，按隶属关系排列；点击“下级机构”展开或收起。撤销的机构保留在历史记录和年度报告中。
      </p>
      <nav aria-label="机构树" aria-describedby="orgtree-note">
        <OrgTreeLevel items={nest(p.tree)} depth={0} />
      </nav>
    </AdminLayout>
  );
}

type FormProps = {
  actor: Actor;
  csrf: string;
  id?: string;
  values: Record<string, string>;
  errors?: Record<string, string>;
  message?: string;
  /** The organizations it may be placed under (not retired, its own subtree left out). */
  parents: readonly OrgNode[];
  retired?: boolean;
  flash?: string;
};

/** Create/edit form, plus move and retire forms when editing. */
export function OrgFormPage(p: FormProps) {
  const v = p.values;
  const parents: [string, string][] = [['', '（无，作为顶级机构）'], ...orgOptions(p.parents)];
  const e = p.errors ?? {};
  const { field: f, select } = boundFields(ORG_FIELD_LABELS, v, e);
  return (
    <AdminLayout
      title={p.id ? `编辑机构：${v.name ?? ''}` : '新增机构'}
      actor={p.actor}
      csrf={p.csrf}
      path="/admin/orgs"
      flash={p.flash}
    >
      <PostForm action={p.id ? `/admin/orgs/${p.id}` : '/admin/orgs'} csrf={p.csrf}>
        <ErrorSummary message={p.message} errors={p.errors} labels={ORG_FIELD_LABELS} />
        {p.id ? null : select('parentId', parents)}
        {select('kind', labelledOptions(ORG_KINDS, ORG_KIND_LABELS), { required: true })}
        {f('name', { required: true })}
        {f('shortName')}
        {f('creditCode', { required: true, hint: '18位，索引号以此开头' })}
        <fieldset>
          <legend>联系方式（公开）</legend>
          {f('address')}
          {f('postcode', { inputmode: 'numeric' })}
          {f('phone')}
          {f('officeHours')}
        </fieldset>
        <fieldset>
          <legend>政府信息公开工作机构</legend>
          {f('officeName')}
          {f('officeAddress')}
          {f('officePhone')}
          {f('officeFax', {
            inputmode: 'tel',
            hint: '如 0999-88012345；写入政府信息公开指南和申请页面（《条例》第十二条）',
          })}
          {f('officeEmail')}
        </fieldset>
        <fieldset>
          <legend>机构信息（在门户“机构信息”页公开）</legend>
          {f('functions', { multiline: true })}
          {f('leadership', { multiline: true, hint: '每行一位，如“区长：张三（主持全面工作）”' })}
          {f('internalUnits', { multiline: true })}
        </fieldset>
        <button type="submit">保存</button> <a href="/admin/orgs">返回列表</a>
        {p.id ? (
          <>
            {' '}
            <a href={`/admin/orgs/${p.id}/notices`}>告知书设置</a>{' '}
            <a href={`/admin/orgs/${p.id}/guide`}>政府信息公开指南</a>{' '}
            <a href={`/admin/orgs/${p.id}/rules`}>政府信息公开制度</a>
          </>
        ) : null}
      </PostForm>
      {p.id ? (
        <MoveAndRetire
          id={p.id}
          csrf={p.csrf}
          parents={parents}
          parentId={v.parentId ?? ''}
          retired={p.retired ?? false}
          error={e.move}
        />
      ) : null}
    </AdminLayout>
  );
}

function MoveAndRetire(p: {
  id: string;
  csrf: string;
  parents: [string, string][];
  parentId: string;
  retired: boolean;
  error?: string;
}) {
  return (
    <div>
      <h2>调整隶属关系</h2>
      <PostForm action={`/admin/orgs/${p.id}/move`} csrf={p.csrf} class="narrow">
        <Select name="parentId" label="新的上级机构" value={p.parentId} error={p.error} options={p.parents} />
        <button type="submit" class="secondary">
          移动
        </button>
      </PostForm>
      <h2>{p.retired ? '恢复机构' : '撤销机构'}</h2>
      <PostForm action={`/admin/orgs/${p.id}/retire`} csrf={p.csrf} class="narrow">
        <input type="hidden" name="retired" value={p.retired ? '0' : '1'} />
        <p class="muted">撤销后机构不再出现在门户和选择列表中，其历史记录、年度报告和审计日志保留。</p>
        <button type="submit" class="secondary">
          {p.retired ? '恢复' : '撤销'}
        </button>
      </PostForm>
    </div>
  );
}
