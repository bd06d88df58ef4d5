/** @jsxImportSource hono/jsx */
// The API-token pages: one's own tokens (create, list, revoke; a new token shown once) and an account's tokens as
// its administrators see them (list, revoke).
import type { Actor } from '../../../domain/policies/actor.js';
import {
  API_TOKEN_SCOPE_LABELS,
  API_TOKEN_SCOPES,
  API_TOKEN_STATE_LABELS,
  MAX_API_TOKEN_DAYS,
} from '../../../domain/users/api-token.js';
import type { IssuedToken, ListedToken, TokenList } from '../../../app/auth/api-token.js';
import { AdminLayout } from '../../common/layout.js';
import { DataTable } from '../../common/blocks.js';
import { Checkbox, ErrorSummary, Field, PostForm, RowAction, Select } from '../../common/forms.js';
import { formatInstant } from '../../common/time.js';
import type { FieldErrors, FormValues } from '../../common/validation.js';
import { valueOf } from '../../common/pipeline.js';
import { personLabel } from './user-views.js';

/** Labels of the new-token form's fields. */
export const TOKEN_LABELS = { name: '令牌名称（用途）', scope: '权限', days: '有效期（天）', never: '永不过期' };

/** Props of a tokens page: the list, where its revoke buttons post, and (own page) the form and a new token. */
export type TokenPageProps = {
  actor: Actor;
  csrf: string;
  list: TokenList;
  /** `own`: the signed-in user's page (/admin/tokens); `account`: an administrator's view of one account. */
  mode: 'own' | 'account';
  flash?: string;
  issued?: IssuedToken;
  values?: FormValues;
  message?: string;
  errors?: FieldErrors;
};

/** Where a token's revoke button posts on each page. */
export const revokeAction = (mode: TokenPageProps['mode'], userId: string, tokenId: string): string =>
  mode === 'own' ? `/admin/tokens/${tokenId}/revoke` : `/admin/accounts/${userId}/tokens/${tokenId}/revoke`;

/** A tokens page. */
export function TokenPage(p: TokenPageProps) {
  const { user, tokens, can } = p.list;
  const title = p.mode === 'own' ? '我的接口令牌' : `接口令牌：${personLabel(user)}`;
  const back: [string, string] | undefined = p.mode === 'account' ? [`/admin/users/${user.id}`, '返回账号'] : undefined;
  return (
    <AdminLayout title={title} actor={p.actor} csrf={p.csrf} flash={p.flash} back={back}>
      <p class="muted">
        接口令牌用于调用 JSON 接口（请求头 Authorization: Bearer
        令牌）。只读令牌只能查询；密码被重置或修改、账号停用时， 该账号的全部令牌随即失效。
      </p>
      {p.issued ? <IssuedNotice issued={p.issued} /> : null}
      <TokenTable tokens={tokens} mode={p.mode} userId={user.id} csrf={p.csrf} canRevoke={can.revoke} />
      {can.create ? <NewTokenForm {...p} /> : null}
    </AdminLayout>
  );
}

function IssuedNotice(p: { issued: IssuedToken }) {
  return (
    <div class="notice" role="status">
      <p>{`令牌“${p.issued.record.name}”已签发。请立即复制保存：令牌只显示这一次，关闭本页后无法再次查看。`}</p>
      <p>
        <code id="new-token">{p.issued.token}</code>
      </p>
    </div>
  );
}

function TokenTable(p: {
  tokens: ListedToken[];
  mode: TokenPageProps['mode'];
  userId: string;
  csrf: string;
  canRevoke: boolean;
}) {
  return (
    <DataTable
      cols={['名称', '权限', '签发时间', '到期时间', '最近使用', '状态', '操作']}
      empty="尚无接口令牌。"
      caption="接口令牌"
      captionClass="vh"
    >
      {p.tokens.map((t) => (
        <tr>
          <td>{t.name}</td>
          <td>{API_TOKEN_SCOPE_LABELS[t.scope]}</td>
          <td>{formatInstant(t.createdAt)}</td>
          <td>{t.expiresAt ? formatInstant(t.expiresAt) : '永不过期'}</td>
          <td>{t.lastUsedAt ? formatInstant(t.lastUsedAt) : '从未使用'}</td>
          <td>
            {t.state === 'revoked'
              ? `${API_TOKEN_STATE_LABELS.revoked}（${formatInstant(t.revokedAt)}）`
              : API_TOKEN_STATE_LABELS[t.state]}
          </td>
          <td>
            {p.canRevoke && t.state !== 'revoked' ? (
              <RowAction
                action={revokeAction(p.mode, p.userId, t.id)}
                csrf={p.csrf}
                label="撤销"
                ariaLabel={`撤销令牌“${t.name}”`}
              />
            ) : (
              '—'
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

function NewTokenForm(p: TokenPageProps) {
  const v = p.values ?? {};
  const e = p.errors ?? {};
  const scopes = API_TOKEN_SCOPES.map((s): [string, string] => [s, API_TOKEN_SCOPE_LABELS[s]]);
  return (
    <PostForm action="/admin/tokens" csrf={p.csrf} class="narrow">
      <h2>签发新令牌</h2>
      <ErrorSummary message={p.message} errors={p.errors} labels={TOKEN_LABELS} />
      <Field name="name" label={TOKEN_LABELS.name} value={valueOf(v, 'name')} error={e.name} required />
      <Select
        name="scope"
        label={TOKEN_LABELS.scope}
        value={valueOf(v, 'scope') || 'read'}
        error={e.scope}
        options={scopes}
        required
      />
      <Field
        name="days"
        label={TOKEN_LABELS.days}
        value={valueOf(v, 'days') || String(p.list.defaultDays)}
        error={e.days}
        inputmode="numeric"
        hint={`1至${MAX_API_TOKEN_DAYS}天，默认${p.list.defaultDays}天`}
      />
      {p.list.can.never ? (
        <Checkbox
          name="never"
          label={TOKEN_LABELS.never}
          checked={valueOf(v, 'never') === '1'}
          hint="仅系统管理员可选；请只为确有需要的系统对接使用，并定期检查。"
          error={e.never}
        />
      ) : null}
      <button type="submit">签发令牌</button>
    </PostForm>
  );
}
