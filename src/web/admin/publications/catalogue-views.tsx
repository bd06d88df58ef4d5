/** @jsxImportSource hono/jsx */
// The catalogue page of an organization (/admin/orgs/:id/catalogue): the tree of directories and
// categories with rename, reorder and retire forms, the form adding a category, and the
// publication settings (review levels, which level is 保密审查, 索引号 pattern).
import type { Actor } from '../../../domain/policies/actor.js';
import type { CatalogueAdmin } from '../../../app/publications/manage-catalogue.js';
import type { Category } from '../../../app/publications/ports.js';
import { CATALOGUE_FIELD_LABELS as L, CATEGORY_KIND_LABELS } from '../../../domain/publications/catalogue.js';
import { AdminLayout } from '../../common/layout.js';
import { ErrorSummary, Field, PostForm, Select, type FormPart } from '../../common/forms.js';
import { DataTable } from '../../common/blocks.js';

type Props = {
  actor: Actor;
  csrf: string;
  data: CatalogueAdmin;
  flash?: string;
  message?: string;
  errors?: Record<string, string>;
  /** The add form's values as typed. */
  add?: Record<string, string>;
  /** The settings form's values as typed. */
  settings?: Record<string, string>;
};

/** The settings form's values from a saved config. */
export function settingsValues(config: CatalogueAdmin['config']): Record<string, string> {
  const v: Record<string, string> = { count: String(config.levels.length), indexPattern: config.indexPattern };
  config.levels.forEach((l, i) => {
    v[`label${i + 1}`] = l.label;
    if (l.confidentiality) v.confidential = String(i + 1);
  });
  return v;
}

/** The nodes in display order with their depth. */
function ordered(cats: readonly Category[]): { cat: Category; depth: number; first: boolean; last: boolean }[] {
  const out: { cat: Category; depth: number; first: boolean; last: boolean }[] = [];
  const walk = (parentId: string | null, depth: number) => {
    const kids = cats.filter((c) => c.parentId === parentId);
    kids.forEach((c, i) => {
      out.push({ cat: c, depth, first: i === 0, last: i === kids.length - 1 });
      walk(c.id, depth + 1);
    });
  };
  walk(null, 0);
  return out;
}

/** The catalogue page. */
export function CataloguePage(p: Props) {
  const { org, categories } = p.data;
  const base = `/admin/orgs/${org.id}/catalogue`;
  const rows = ordered(categories);
  const add = p.add ?? { kind: 'category' };
  const s = p.settings ?? settingsValues(p.data.config);
  const e = p.errors ?? {};
  const dirs: [string, string][] = rows
    .filter((r) => r.cat.kind === 'directory' && r.cat.retiredAt === null)
    .map((r) => [r.cat.id, `${'　'.repeat(r.depth)}${r.cat.name}`]);
  return (
    <AdminLayout
      title={`信息公开目录：${org.name}`}
      actor={p.actor}
      csrf={p.csrf}
      path="/admin/publications"
      flash={p.flash}
      back={['/admin/publications', '返回主动公开']}
    >
      <ErrorSummary message={p.message} errors={e} labels={L} />
      <h2 id="tree-h">目录与栏目</h2>
      <DataTable class="catalogue" describedBy="tree-h" cols={['名称', '代码', '类型', '状态', '操作']}>
        {rows.map(({ cat, depth, first, last }) => (
          <tr class={cat.retiredAt ? 'retired' : undefined}>
            <td class={`depth-${Math.min(depth, 3)}`}>
              <PostForm action={base} csrf={p.csrf} class="inline-edit">
                <input type="hidden" name="op" value="rename" />
                <input type="hidden" name="id" value={cat.id} />
                <label class="vh" for={`n-${cat.id}`}>
                  “{cat.name}”的新名称
                </label>
                <input id={`n-${cat.id}`} name="name" value={cat.name} required maxlength={40} />
                <button type="submit" class="secondary">
                  改名
                </button>
              </PostForm>
            </td>
            <td>
              <code>{cat.slug}</code>
            </td>
            <td>{CATEGORY_KIND_LABELS[cat.kind]}</td>
            <td>{cat.retiredAt ? '已停用' : '在用'}</td>
            <td class="ops">
              {!first ? <OpButton base={base} csrf={p.csrf} id={cat.id} op="up" label="上移" name={cat.name} /> : null}
              {!last ? <OpButton base={base} csrf={p.csrf} id={cat.id} op="down" label="下移" name={cat.name} /> : null}
              {cat.retiredAt ? (
                <OpButton base={base} csrf={p.csrf} id={cat.id} op="restore" label="恢复" name={cat.name} />
              ) : (
                <OpButton base={base} csrf={p.csrf} id={cat.id} op="retire" label="停用" name={cat.name} />
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      <h2>新增栏目</h2>
      <PostForm action={base} csrf={p.csrf} class="narrow">
        <input type="hidden" name="op" value="add" />
        <Field name="name" label={L.name} value={add.name} error={e.name} required />
        <Field
          name="slug"
          label={L.slug}
          value={add.slug}
          error={e.slug}
          required
          hint="用于网址，小写字母、数字和连字符，如 rural-revitalization"
        />
        <Select
          name="parentId"
          label={L.parentId}
          value={add.parentId}
          error={e.parentId}
          options={[['', '（无，作为一级目录）'], ...dirs]}
        />
        <Select
          name="kind"
          label={L.kind}
          value={add.kind}
          error={e.kind}
          options={[
            ['category', `${CATEGORY_KIND_LABELS.category}（直接发布信息）`],
            ['directory', `${CATEGORY_KIND_LABELS.directory}（下设栏目）`],
          ]}
        />
        <button type="submit">新增</button>
      </PostForm>
      <SettingsForm base={base} csrf={p.csrf} values={s} errors={e} />
    </AdminLayout>
  );
}

function OpButton(p: { base: string; csrf: string; id: string; op: string; label: string; name: string }) {
  return (
    <PostForm action={p.base} csrf={p.csrf} class="inline">
      <input type="hidden" name="op" value={p.op} />
      <input type="hidden" name="id" value={p.id} />
      <button type="submit" class="secondary" aria-label={`${p.label}“${p.name}”`}>
        {p.label}
      </button>
    </PostForm>
  );
}

function SettingsForm(p: FormPart & { base: string }) {
  const v = p.values;
  return (
    <section aria-labelledby="settings-h">
      <h2 id="settings-h">发布设置</h2>
      <PostForm action={p.base} csrf={p.csrf} class="narrow">
        <input type="hidden" name="op" value="settings" />
        <Field
          name="indexPattern"
          label={L.indexPattern}
          value={v.indexPattern}
          error={p.errors.indexPattern}
          required
          hint="可用{creditCode}（统一社会信用代码）、{yyyy}（年份）、{serial:5}（5位流水号）"
        />
        <fieldset class={p.errors.levels ? 'has-error' : undefined}>
          <legend>审核层级（编审分离、三审三校）</legend>
          {p.errors.levels ? (
            <p class="error" id="f-levels">
              {p.errors.levels}
            </p>
          ) : null}
          <Select
            name="count"
            label="层级数"
            value={v.count}
            options={[
              ['1', '1级'],
              ['2', '2级'],
              ['3', '3级'],
            ]}
          />
          <p class="hint">
            最后一级为签发（签发人；重大信息由主要负责同志签发），之前各级由信息审核人员审核。超出层级数的名称不保存。
          </p>
          {[1, 2, 3].map((i) => (
            <div class="level-row">
              <Field name={`label${i}`} label={`第${i}级名称`} value={v[`label${i}`]} />
              <label class="check" for={`f-conf-${i}`}>
                <input
                  id={`f-conf-${i}`}
                  type="radio"
                  name="confidential"
                  value={String(i)}
                  checked={v.confidential === String(i)}
                />{' '}
                本级负责保密审查（第十七条）
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit">保存发布设置</button>
      </PostForm>
    </section>
  );
}
