/** @jsxImportSource hono/jsx */
// Views of an organization's notice settings (告知书设置): document number, remedy bodies, payment
// instructions, the seal, the list of templates, the template editor with its preview.
import type { Actor } from '../../../domain/policies/actor.js';
import type { Organization } from '../../../domain/orgs/organization.js';
import {
  REMEDY_VARIANT_LABELS,
  TEMPLATE_TEXT_SYNTAX,
  templateKeyLabel,
  type TemplateText,
} from '../../../domain/notices/template-text.js';
import type { TemplateKey } from '../../../domain/notices/templates.js';
import {
  REMEDY_ROUTE_CHOICES,
  REMEDY_VARIANTS,
  REVIEW_ROUTE_GROUPS,
  REVIEW_ROUTE_GROUP_LABELS,
  SETTABLE_REVIEW_ROUTES,
  type RemedyVariant,
} from '../../../domain/notices/reply-outcomes.js';
import {
  remedyVariantOf,
  type EditorKey,
  type TemplateEditor,
} from '../../../app/applications/notice-settings-admin.js';
import { ErrorSummary, Field, FileField, PostForm, Select, boundFields } from '../../common/forms.js';
import { AdminLayout } from '../../common/layout.js';
import { DataTable } from '../../common/blocks.js';
import { NoticeDocument } from './notice-document.js';

const PATH = '/admin/orgs';

type ReviewRouteGroup = (typeof REVIEW_ROUTE_GROUPS)[number];

/** Field labels of the general form. */
export const NOTICE_SETTING_LABELS: Record<string, string> = {
  docNoPattern: '文号格式',
  reconsiderationBody: '行政复议机关',
  court: '人民法院',
  paymentInstructions: '缴费方式说明',
  seal: '印章图片',
};

/** The settings page's URL of an organization. */
export const settingsHref = (orgId: string): string => `/admin/orgs/${orgId}/notices`;
/** The seal image's URL of an organization. */
export const sealHref = (orgId: string): string => `/admin/orgs/${orgId}/notices/seal`;
/** The editor's URL of one template. */
export const templateHref = (orgId: string, key: EditorKey): string => `/admin/orgs/${orgId}/notices/templates/${key}`;

/** The Chinese name of an editable text (template or remedy clause). */
export function editorKeyLabel(key: EditorKey): string {
  const variant = remedyVariantOf(key);
  return variant ? REMEDY_VARIANT_LABELS[variant] : templateKeyLabel(key as TemplateKey);
}

type Base = { actor: Actor; csrf: string; org: Organization; flash?: string };

/** The settings page: general fields with the document-number preview, the seal, the templates. */
export function NoticeSettingsPage(
  p: Base & {
    values: Record<string, string>;
    errors?: Record<string, string>;
    message?: string;
    /** The first number of this year under the typed pattern, or undefined when the pattern is wrong. */
    docNoPreview?: string;
    hasSeal: boolean;
    templates: { key: EditorKey; edited: boolean }[];
    /** The body computed from the tree (what a blank field means). */
    reviewBody?: { name: string | undefined; basis: string };
    /** The review route of every outcome group as notices print it. */
    reviewRoutes: Record<ReviewRouteGroup, RemedyVariant>;
  },
) {
  const e = p.errors ?? {};
  const { field: f } = boundFields(NOTICE_SETTING_LABELS, p.values, e);
  return (
    <AdminLayout title={`告知书设置：${p.org.name}`} actor={p.actor} csrf={p.csrf} path={PATH} flash={p.flash}>
      <p>
        <a href={`/admin/orgs/${p.org.id}`}>返回机构信息</a>
      </p>
      <ErrorSummary message={p.message} errors={p.errors} labels={NOTICE_SETTING_LABELS} />
      <section aria-labelledby="ns-general">
        <h2 id="ns-general">文号与救济途径</h2>
        <PostForm action={settingsHref(p.org.id)} csrf={p.csrf} class="narrow">
          {f('docNoPattern', {
            required: true,
            hint: '可用：{orgShort} 机关简称，{yyyy} 四位年份，{yy} 两位年份，{kind} 文书类别（收、补、延、费、征、答），{serial} 发文顺序号，{serial:3} 顺序号补足3位。例：{orgShort}依申〔{yyyy}〕{serial}号',
          })}
          <p class="docno-preview" role="status">
            {p.docNoPreview === undefined ? (
              '文号格式有误，无法预览。'
            ) : (
              <>
                按此格式，今年第1号告知书（以答复告知书为例）的文号为：<strong>{p.docNoPreview}</strong>
              </>
            )}
          </p>
          {f('reconsiderationBody', {
            hint: `留空则按机构树确定：${p.reviewBody?.name ?? '（无法确定，须填写）'}。依据：${p.reviewBody?.basis ?? ''}`,
          })}
          {f('court', { required: true, hint: '如“示例区人民法院”或“有管辖权的人民法院”' })}
          {f('paymentInstructions', {
            required: true,
            multiline: true,
            hint: '印在收费通知书上：缴费地点、账户或缴款方式',
          })}
          <button type="submit" name="intent" value="save">
            保存
          </button>{' '}
          <button type="submit" name="intent" value="preview" class="secondary">
            预览文号（不保存）
          </button>
        </PostForm>
      </section>
      <ReviewRoutesSection org={p.org} csrf={p.csrf} routes={p.reviewRoutes} errors={e} />
      <SealSection org={p.org} csrf={p.csrf} hasSeal={p.hasSeal} error={e.seal} />
      <TemplateList orgId={p.org.id} templates={p.templates} />
    </AdminLayout>
  );
}

/**
 * The review route of each outcome group (行政复议法 (2023) art. 23): the refusals' route is fixed (复议前置), the
 * others may be set (docs/decisions/0011-review-routes-in-notices.md).
 */
function ReviewRoutesSection(p: {
  org: Organization;
  csrf: string;
  routes: Record<ReviewRouteGroup, RemedyVariant>;
  errors: Record<string, string>;
}) {
  const options = REMEDY_VARIANTS.map((v): [string, string] => [v, REMEDY_ROUTE_CHOICES[v]]);
  return (
    <section aria-labelledby="ns-routes">
      <h2 id="ns-routes">救济途径（复议前置）</h2>
      <p class="muted">
        依《中华人民共和国行政复议法》（2023年修订）第二十三条，对不予公开（含部分公开）的答复，申请人应先申请行政复议；其他答复的救济途径可按本机关掌握的口径设置。
      </p>
      <PostForm action={`${settingsHref(p.org.id)}/routes`} csrf={p.csrf} class="narrow">
        {REVIEW_ROUTE_GROUPS.map((g) =>
          SETTABLE_REVIEW_ROUTES.includes(g) ? (
            <Select
              name={`route.${g}`}
              label={REVIEW_ROUTE_GROUP_LABELS[g]}
              value={p.routes[g]}
              error={p.errors[`route.${g}`]}
              options={options}
            />
          ) : (
            <p>
              {REVIEW_ROUTE_GROUP_LABELS[g]}：{REMEDY_ROUTE_CHOICES[p.routes[g]]}（法定，不可更改）
            </p>
          ),
        )}
        <button type="submit">保存救济途径</button>
      </PostForm>
    </section>
  );
}

function SealSection(p: { org: Organization; csrf: string; hasSeal: boolean; error?: string }) {
  return (
    <section aria-labelledby="ns-seal">
      <h2 id="ns-seal">印章</h2>
      {p.hasSeal ? (
        <div class="seal-current">
          <img src={sealHref(p.org.id)} alt={`${p.org.name}印章（当前）`} />
          <PostForm action={`${sealHref(p.org.id)}/remove`} csrf={p.csrf}>
            <button type="submit" class="secondary">
              删除印章
            </button>
          </PostForm>
        </div>
      ) : (
        <p class="muted">尚未上传印章：告知书上留出“盖章处”，打印后加盖实物印章。</p>
      )}
      <PostForm action={sealHref(p.org.id)} csrf={p.csrf} multipart class="narrow">
        <FileField
          name="seal"
          label={p.hasSeal ? '更换印章图片' : '上传印章图片'}
          hint="PNG 格式，建议透明背景、红色印文，不超过 1 MB。上传后打印的告知书和 Word 文档都会带有印章。"
          error={p.error}
          accept="image/png"
          required
        />
        <button type="submit" class="secondary">
          上传
        </button>
      </PostForm>
    </section>
  );
}

function TemplateList(p: { orgId: string; templates: { key: EditorKey; edited: boolean }[] }) {
  return (
    <section aria-labelledby="ns-templates">
      <h2 id="ns-templates">告知书模板</h2>
      <p class="muted">未修改的模板使用系统默认文本。修改只影响本机构今后出具的告知书。</p>
      <DataTable cols={['文书', '状态', '操作']}>
        {p.templates.map((t) => (
          <tr>
            <td>{editorKeyLabel(t.key)}</td>
            <td>{t.edited ? <strong>已修改</strong> : <span class="muted">默认</span>}</td>
            <td>
              <a href={templateHref(p.orgId, t.key)} aria-label={`编辑 ${editorKeyLabel(t.key)}`}>
                编辑
              </a>
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

/** The template editor: the typed (or current) text, problems, placeholders, default text, preview. */
export function TemplateEditorPage(p: Base & { editor: TemplateEditor & { problems: string[] }; hasSeal: boolean }) {
  const ed = p.editor;
  const action = templateHref(p.org.id, ed.key);
  const isRemedy = ed.key.startsWith('remedies.');
  return (
    <AdminLayout
      title={`编辑模板：${editorKeyLabel(ed.key)}`}
      actor={p.actor}
      csrf={p.csrf}
      path={PATH}
      flash={p.flash}
    >
      <p>
        <a href={settingsHref(p.org.id)}>返回告知书设置</a>　<span class="muted">{p.org.name}</span>
      </p>
      {ed.problems.length > 0 ? (
        <div class="error-summary" role="alert" tabindex={-1}>
          <p>模板有以下问题，未保存：</p>
          <ul>
            {ed.problems.map((m) => (
              <li>{m}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <p>{ed.overrideText ? '本机构正在使用修改后的模板。' : '本机构正在使用默认模板。'}</p>
      <div class="template-editor">
        <PostForm action={action} csrf={p.csrf}>
          {isRemedy ? null : <Field name="title" label="标题" value={ed.text.title} required />}
          {isRemedy ? null : (
            <Field name="addressee" label="称呼（抬头）" value={ed.text.addressee} hint="如 {{applicantName}}：" />
          )}
          <div class="field">
            <label for="f-body">{isRemedy ? '条款正文' : '正文'}</label>
            <p class="hint" id="f-body-hint">
              {isRemedy ? '插入答复告知书的 {{remedies}} 处。' : '段落之间空一行；条件段落见下方“写法说明”。'}
            </p>
            <textarea
              id="f-body"
              name="body"
              rows={isRemedy ? 8 : 22}
              class="template-body"
              aria-describedby="f-body-hint"
            >
              {ed.text.body}
            </textarea>
          </div>
          <button type="submit" name="intent" value="save">
            保存
          </button>{' '}
          <button type="submit" name="intent" value="preview" class="secondary">
            预览（不保存）
          </button>
        </PostForm>
        {ed.overrideText ? (
          <PostForm action={action} csrf={p.csrf}>
            <input type="hidden" name="intent" value="reset" />
            <button type="submit" class="secondary">
              恢复默认
            </button>
          </PostForm>
        ) : null}
        <aside class="template-help" aria-label="模板写法">
          <h2>写法说明</h2>
          <ul>
            {(isRemedy ? TEMPLATE_TEXT_SYNTAX.slice(1, 2) : TEMPLATE_TEXT_SYNTAX).map((s) => (
              <li>{s}</li>
            ))}
          </ul>
          <PlaceholderTable placeholders={ed.placeholders} />
        </aside>
      </div>
      <details class="template-default">
        <summary>默认模板</summary>
        <TextBlock text={ed.defaultText} />
      </details>
      <Preview editor={ed} sealSrc={p.hasSeal ? sealHref(p.org.id) : undefined} />
    </AdminLayout>
  );
}

function PlaceholderTable(p: { placeholders: TemplateEditor['placeholders'] }) {
  return (
    <DataTable class="placeholders" caption="可用的占位符（标 * 的必须保留）" cols={['占位符', '含义']}>
      {p.placeholders.map((x) => (
        <tr>
          <td>
            <code>{`{{${x.name}}}`}</code>
            {x.required ? (
              <span class="req" title="必须保留">
                {' '}
                *
              </span>
            ) : null}
          </td>
          <td>
            {x.label}
            {x.required ? '（必须）' : ''}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

function TextBlock(p: { text: TemplateText }) {
  const head = [p.text.title && `标题：${p.text.title}`, p.text.addressee && `称呼：${p.text.addressee}`]
    .filter(Boolean)
    .join('\n');
  return <pre class="template-text">{head ? `${head}\n\n${p.text.body}` : p.text.body}</pre>;
}

function Preview(p: { editor: TemplateEditor; sealSrc?: string }) {
  const pv = p.editor.preview;
  return (
    <section aria-labelledby="tpl-preview" class="template-preview">
      <h2 id="tpl-preview">预览（示例数据）</h2>
      {pv === undefined ? <p class="muted">更正上述问题后显示预览。</p> : null}
      {pv && !pv.ok ? (
        <div class="warn" role="status">
          <p>按示例数据无法生成告知书；实际出具时缺少下列内容也会失败：</p>
          <ul>
            {pv.error.map((i) => (
              <li>{i.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {pv && pv.ok ? <NoticeDocument doc={pv.value} sealSrc={p.sealSrc} /> : null}
    </section>
  );
}
