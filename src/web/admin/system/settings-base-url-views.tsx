/** @jsxImportSource hono/jsx */
// The 网站地址 (publicBaseUrl) form of the site settings page: the address absolute links in the
// feeds, the sitemap, the open-data API and the archive package are built from.
import { ErrorSummary, Field, PostForm } from '../../common/forms.js';

/** What the settings page shows of the public address. */
export type BaseUrlFormState = { value: string; error?: string; message?: string };

/** The public address form (its own POST, so a mistake here never loses the footer fields). */
export function BaseUrlForm(p: { csrf: string; state: BaseUrlFormState; canEdit: boolean }) {
  const errors = p.state.error ? { publicBaseUrl: p.state.error } : undefined;
  return (
    <PostForm action="/admin/settings/base-url" csrf={p.csrf} class="narrow">
      <ErrorSummary message={p.state.message} errors={errors} labels={{ publicBaseUrl: '网站地址' }} />
      <fieldset disabled={!p.canEdit}>
        <legend>网站地址</legend>
        <Field
          name="publicBaseUrl"
          label="网站地址"
          value={p.state.value}
          error={p.state.error}
          hint="门户网站对外公开的地址，例如“https://www.example.gov.cn/gongkai”，末尾不加“/”。订阅源（Atom）、站点地图、开放数据接口和归档包中的链接使用此地址；不填写时使用服务器的监听地址（不采用请求中的 Host）。"
        />
      </fieldset>
      {p.canEdit ? <button type="submit">保存网站地址</button> : null}
    </PostForm>
  );
}
