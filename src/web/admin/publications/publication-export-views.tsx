/** @jsxImportSource hono/jsx */
// The archive export form (art. 25): organization (optionally with its subtree), period and kinds.
import type { Actor } from '../../../domain/policies/actor.js';
import { KIND_LABELS, PUBLICATION_KINDS } from '../../../domain/publications/publication.js';
import { EXPORT_FIELD_LABELS as L } from '../../../domain/publications/export-manifest.js';
import { AdminLayout } from '../../common/layout.js';
import { valueOf } from '../../common/pipeline.js';
import type { FieldErrors, FormValues } from '../../common/validation.js';
import { ErrorSummary, Field, PostForm, Select } from '../../common/forms.js';

/** The export page. */
export function ExportPage(p: {
  actor: Actor;
  csrf: string;
  orgs: [string, string][];
  /** The form as typed: `kinds` the checked kinds, `subtree` '1' when checked. */
  values: FormValues;
  errors?: FieldErrors;
  message?: string;
}) {
  const e = p.errors ?? {};
  const v = (k: string) => valueOf(p.values, k);
  const kinds = [p.values.kinds ?? []].flat();
  return (
    <AdminLayout
      title="导出归档包"
      actor={p.actor}
      csrf={p.csrf}
      path="/admin/publications"
      back={['/admin/publications', '返回信息列表']}
    >
      <p class="muted">
        {'按《中华人民共和国政府信息公开条例》第二十五条，各级人民政府应当向国家档案馆、公共图书馆提供主动公开的政府信息。' +
          '归档包为ZIP文件，内含目录（index.html）、清单（manifest.json、manifest.csv）、每条信息的网页（含信息属性表和正文）及其附件。' +
          '收录期间内曾在网站公开的主动公开信息（之后撤销的注明撤销日期），不含依申请公开、不予公开的信息和任何个人信息。'}
      </p>
      {p.orgs.length === 0 ? <p class="notice">您没有可导出的机关。</p> : null}
      <PostForm action="/admin/publication-export" csrf={p.csrf} class="narrow">
        <ErrorSummary message={p.message} errors={p.errors} labels={L} />
        <Select name="org" label={L.org} value={v('org')} error={e.org} options={p.orgs} required />
        <div class="field">
          <label class="check" for="f-subtree">
            <input id="f-subtree" type="checkbox" name="subtree" value="1" checked={v('subtree') === '1'} />{' '}
            包括所属机构
          </label>
        </div>
        <Field name="from" label={L.from} type="date" value={v('from')} error={e.from} required />
        <Field name="to" label={L.to} type="date" value={v('to')} error={e.to} required />
        <fieldset class={e.kinds ? 'has-error' : undefined} id="f-kinds">
          <legend>体裁（不选则导出全部体裁）</legend>
          {e.kinds ? <p class="error">{e.kinds}</p> : null}
          {PUBLICATION_KINDS.map((k) => (
            <label class="check" for={`f-kind-${k}`}>
              <input id={`f-kind-${k}`} type="checkbox" name="kinds" value={k} checked={kinds.includes(k)} />{' '}
              {KIND_LABELS[k]}
            </label>
          ))}
        </fieldset>
        <button type="submit">生成并下载归档包</button>
      </PostForm>
    </AdminLayout>
  );
}
