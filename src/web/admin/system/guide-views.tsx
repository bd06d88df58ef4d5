/** @jsxImportSource hono/jsx */
// The back-office editor of an organization's 政府信息公开指南 or 制度 page: the text the portal shows (the
// organization's own, or the default filled from its data), a form to save an edited text, a form to go back to
// the default, and the default text as it reads now.
import { raw } from 'hono/html';
import type { GuideEditor } from '../../../app/portal/org-guide.js';
import type { Actor } from '../../../domain/policies/actor.js';
import { formatChineseDate } from '../../../domain/core/local-date.js';
import { AdminLayout } from '../../common/layout.js';
import { ErrorSummary, FieldNotes, PostForm, describedBy } from '../../common/forms.js';
import { portalUrls } from '../../public/portal/portal-urls.js';

/** The editor's address for an organization's page. */
export const guideEditorHref = (orgId: string, kind: GuideEditor['kind']) =>
  `/admin/orgs/${encodeURIComponent(orgId)}/${kind}`;

/** The editor page, with the text typed after a refusal (else the text shown now) and the messages. */
export function GuideEditorPage(p: {
  actor: Actor;
  csrf: string;
  editor: GuideEditor;
  typed?: string;
  errors?: Record<string, string>;
  message?: string;
  flash?: string;
}) {
  const { org, kind, label, text, template } = p.editor;
  const href = guideEditorHref(org.id, kind);
  const notes = {
    id: 'f-body',
    hint: '可使用HTML段落、标题、列表、表格和链接；脚本、样式等内容保存时会被清除。保存后门户立即显示新文本，更新日期为今天。',
    error: p.errors?.body,
  };
  return (
    <AdminLayout
      title={`${label}：${org.name}`}
      actor={p.actor}
      csrf={p.csrf}
      path="/admin/orgs"
      flash={p.flash}
      back={[`/admin/orgs/${org.id}`, '返回机构信息']}
    >
      <p>
        {text.edited
          ? `门户显示本机构编写的文本，更新日期：${formatChineseDate(text.updatedOn)}。`
          : '本机构尚未编写，门户显示按本机构当前信息生成的默认文本（机构信息变更时随之更新）。'}{' '}
        <a href={portalUrls.directory(org.creditCode, kind)}>在门户查看</a>
      </p>
      <PostForm action={href} csrf={p.csrf}>
        <ErrorSummary message={p.message} errors={p.errors} labels={{ body: label }} />
        <input type="hidden" name="intent" value="save" />
        <div class={notes.error ? 'field has-error' : 'field'}>
          <label for={notes.id}>{label}（HTML）</label>
          <FieldNotes {...notes} />
          <textarea
            id={notes.id}
            name="body"
            rows={24}
            class="body-editor"
            aria-describedby={describedBy(notes)}
            aria-invalid={notes.error ? 'true' : undefined}
          >
            {p.typed ?? text.html}
          </textarea>
        </div>
        <button type="submit">保存并在门户公开</button>
      </PostForm>
      {text.edited ? (
        <PostForm action={href} csrf={p.csrf} class="narrow">
          <input type="hidden" name="intent" value="reset" />
          <p class="muted">恢复后，门户改为显示按本机构当前信息生成的默认文本，本机构编写的文本不再保留。</p>
          <button type="submit" class="secondary">
            恢复默认文本
          </button>
        </PostForm>
      ) : null}
      <details class="guide-template">
        <summary>按本机构当前信息生成的默认文本</summary>
        <div class="pubbody">{raw(template)}</div>
      </details>
    </AdminLayout>
  );
}
