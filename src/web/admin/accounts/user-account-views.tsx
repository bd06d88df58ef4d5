/** @jsxImportSource hono/jsx */
// Views of one account: its summary, the edit form, password reset, (de)activation and the handover (交接) page.
import type { Actor } from '../../../domain/policies/actor.js';
import { USER_STATUS_LABELS, type UserWithRoles } from '../../../domain/users/user.js';
import type { AccountPage } from '../../../app/users/user-scope.js';
import { AdminLayout } from '../../common/layout.js';
import { ErrorSummary, Field, PostForm, Select } from '../../common/forms.js';
import { formatInstant } from '../../common/time.js';
import { USER_LABELS, type UserFormValues } from './user-form.js';
import {
  AccountFields,
  PasswordFields,
  RoleMatrix,
  grantsLabel,
  orgLabel,
  personLabel,
  type FormErrors,
} from './user-views.js';

/** Props of the account page; each of its three forms carries its own errors. */
export type EditPageProps = {
  actor: Actor;
  csrf: string;
  page: AccountPage;
  values: UserFormValues;
  flash?: string;
  edit?: FormErrors;
  password?: FormErrors;
  status?: FormErrors;
  personalData?: FormErrors & { values?: { orgId?: string; reason?: string } };
};

/**
 * The flash message after a handover, from the counts carried in the redirect (numbers only).
 * @param labels the registered handover steps' labels, in order
 */
export function handoverFlash(
  roles: number,
  moved: readonly number[],
  labels: readonly string[],
  successor?: UserWithRoles,
): string {
  // Modules with nothing to move are left out of the sentence.
  const parts = [`${roles}个角色`, ...labels.flatMap((l, i) => ((moved[i] ?? 0) > 0 ? [`${l}${moved[i]}项`] : []))];
  return `交接完成：${parts.join('、')}已转交给${successor ? personLabel(successor) : '接手人员'}，原账号已停用。`;
}

/** The account page: summary, then (for those who may) edit, password reset and status forms. */
export function UserEditPage(p: EditPageProps) {
  const { user: u, can } = p.page;
  return (
    <AdminLayout title={`账号：${personLabel(u)}`} actor={p.actor} csrf={p.csrf} path="/admin/users" flash={p.flash}>
      <AccountSummary page={p.page} />
      {can.update ? <EditForm {...p} /> : <p class="muted">您可以查阅该账号，但无权修改。</p>}
      {can.update ? <PasswordForm id={u.id} csrf={p.csrf} {...p.password} /> : null}
      {can.update ? <StatusForm id={u.id} csrf={p.csrf} active={u.status === 'active'} {...p.status} /> : null}
      <PersonalDataGrants {...p} />
      {can.handover ? (
        <div>
          <h2>交接</h2>
          <p>工作调动或离职时，将该账号的全部角色和未办结的工作一次性转给接手人员，并停用该账号。</p>
          <p>
            <a class="button secondary" href={`/admin/users/${u.id}/handover`}>
              办理交接
            </a>
          </p>
        </div>
      ) : null}
      <p>
        <a href={`/admin/accounts/${u.id}/tokens`}>查看该账号的接口令牌</a>
      </p>
      <p>
        <a href="/admin/users">返回账号列表</a>
      </p>
    </AdminLayout>
  );
}

/** Labels of the grant form's fields. */
const GRANT_LABELS: Record<string, string> = { orgId: '授权范围（机构及其下级机构）', reason: '授权理由' };

/**
 * The account's `view_personal_data` grants (docs/security/privacy.md): the live and revoked ones, a revoke button
 * on each live grant the actor administers, and the form to grant one on a subtree the actor administers.
 */
function PersonalDataGrants(p: EditPageProps) {
  const { user: u, orgLabels, personalData: pd } = p.page;
  const e = p.personalData;
  if (pd.grants.length === 0 && pd.orgs.length === 0) return null;
  return (
    <section aria-labelledby="pd-h">
      <h2 id="pd-h">查看申请人个人信息的授权</h2>
      <p class="muted">
        申请人的个人信息仅由办理机关及其协办人员查看。经授权的账号可查看授权范围内申请的个人信息，每次查看均记入审计日志。
      </p>
      {pd.grants.length === 0 ? (
        <p>该账号没有查看申请人个人信息的授权。</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">授权范围</th>
              <th scope="col">理由</th>
              <th scope="col">授权人、时间</th>
              <th scope="col">状态</th>
            </tr>
          </thead>
          <tbody>
            {pd.grants.map((g) => (
              <tr>
                <td>{`${orgLabel(orgLabels, g.orgId)}及其下级机构`}</td>
                <td>{g.reason}</td>
                <td>{`${g.grantedByLabel}，${formatInstant(g.grantedAt)}`}</td>
                <td>
                  {g.revokedAt !== null ? (
                    `已由${g.revokedByLabel ?? ''}于${formatInstant(g.revokedAt)}撤销`
                  ) : g.canRevoke ? (
                    <PostForm action={`/admin/users/${u.id}/personal-data/${g.id}/revoke`} csrf={p.csrf}>
                      <button type="submit" class="secondary">
                        撤销授权
                      </button>
                    </PostForm>
                  ) : (
                    '有效'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pd.orgs.length > 0 ? (
        <PostForm action={`/admin/users/${u.id}/personal-data`} csrf={p.csrf} class="narrow">
          <h3>新增授权</h3>
          <ErrorSummary message={e?.message} errors={e?.errors} labels={GRANT_LABELS} />
          <Select
            name="orgId"
            label={GRANT_LABELS.orgId ?? ''}
            value={e?.values?.orgId}
            error={e?.errors?.orgId}
            required
            options={[['', '请选择机构'], ...pd.orgs.map((o): [string, string] => [o.id, o.name])]}
          />
          <Field
            name="reason"
            label={GRANT_LABELS.reason ?? ''}
            value={e?.values?.reason}
            error={e?.errors?.reason}
            required
          />
          <button type="submit">授权</button>
        </PostForm>
      ) : null}
    </section>
  );
}

function AccountSummary(p: { page: AccountPage }) {
  const { user: u, successor, orgLabels } = p.page;
  return (
    <dl class="info">
      <dt>用户名</dt>
      <dd>{u.username}</dd>
      <dt>姓名</dt>
      <dd>{u.displayName || '—'}</dd>
      <dt>所属机构</dt>
      <dd>{orgLabel(orgLabels, u.orgId)}</dd>
      <dt>角色</dt>
      <dd>{grantsLabel(orgLabels, u.roles, '\n')}</dd>
      <dt>状态</dt>
      <dd>{USER_STATUS_LABELS[u.status]}</dd>
      {successor ? (
        <>
          <dt>交接</dt>
          <dd>{`已交接给 ${personLabel(successor)}`}</dd>
        </>
      ) : null}
      <dt>最近登录</dt>
      <dd>{formatInstant(u.lastLoginAt)}</dd>
      {u.mustChangePassword ? (
        <>
          <dt>密码</dt>
          <dd>下次登录时须修改密码</dd>
        </>
      ) : null}
    </dl>
  );
}

function EditForm(p: EditPageProps) {
  const e = p.edit?.errors ?? {};
  return (
    <PostForm action={`/admin/users/${p.page.user.id}`} csrf={p.csrf}>
      <h2>账号信息与角色</h2>
      <ErrorSummary message={p.edit?.message} errors={p.edit?.errors} labels={USER_LABELS} />
      <AccountFields values={p.values} errors={e} orgs={p.page.orgs} />
      <RoleMatrix
        orgs={p.page.orgs}
        checked={p.values.roles}
        adding={p.values.adding}
        error={e.roles}
        pickError={e.grantOrg}
      />
      <button type="submit">保存</button>
    </PostForm>
  );
}

function PasswordForm(p: { id: string; csrf: string } & FormErrors) {
  return (
    <PostForm action={`/admin/users/${p.id}/password`} csrf={p.csrf} class="narrow">
      <h2>重置密码</h2>
      <ErrorSummary message={p.message} errors={p.errors} labels={{ password: '临时密码', confirm: '确认临时密码' }} />
      <p class="muted">
        设置临时密码并当面或电话告知本人。该用户已登录的会话将被注销、接口令牌全部失效，下次登录时须修改密码。
      </p>
      <PasswordFields labels={['临时密码', '确认临时密码']} errors={p.errors ?? {}} />
      <button type="submit" class="secondary">
        重置密码
      </button>
    </PostForm>
  );
}

function StatusForm(p: { id: string; csrf: string; active: boolean } & FormErrors) {
  return (
    <PostForm action={`/admin/users/${p.id}/status`} csrf={p.csrf} class="narrow">
      <h2>{p.active ? '停用账号' : '重新启用账号'}</h2>
      <ErrorSummary message={p.message} errors={p.errors} />
      <input type="hidden" name="active" value={p.active ? '0' : '1'} />
      <p class="muted">
        {p.active
          ? '停用后该账号不能登录，已登录的会话和接口令牌随即失效；账号及其记录予以保留以备查考。'
          : '重新启用后该账号可以再次登录。'}
      </p>
      <button type="submit" class="secondary">
        {p.active ? '停用' : '重新启用'}
      </button>
    </PostForm>
  );
}

/** The handover page: what will move, the choice of successor, and the confirmation. */
export function HandoverPage(
  p: {
    actor: Actor;
    csrf: string;
    page: AccountPage & { candidates: UserWithRoles[] };
    toUserId: string;
  } & FormErrors,
) {
  const { user: u, orgLabels, candidates, handoverSteps } = p.page;
  return (
    <AdminLayout title={`交接：${personLabel(u)}`} actor={p.actor} csrf={p.csrf} path="/admin/users">
      <p>
        交接将把该账号的全部角色和未办结的工作一次性转给接手人员，并停用该账号。停用的账号予以保留，供历史记录查考。
      </p>
      <h2>将转交的内容</h2>
      <ul>
        <li>{`角色：${grantsLabel(orgLabels, u.roles, '、', '（无）')}`}</li>
        {handoverSteps.map((label) => (
          <li>{`${label}：全部未办结事项`}</li>
        ))}
      </ul>
      {handoverSteps.length === 0 ? <p class="muted">目前没有登记交接事项的业务模块，本次只转交角色。</p> : null}
      {candidates.length === 0 ? (
        <p class="warn">没有可选择的接手人员：接手人员须为您有权管理的机构中启用的账号。</p>
      ) : (
        <PostForm action={`/admin/users/${u.id}/handover`} csrf={p.csrf} class="narrow">
          <ErrorSummary message={p.message} errors={p.errors} labels={USER_LABELS} />
          <Select
            name="toUserId"
            label={USER_LABELS.toUserId ?? ''}
            value={p.toUserId}
            error={p.errors?.toUserId}
            required
            options={[
              ['', '请选择接手人员'],
              ...candidates.map((c): [string, string] => [c.id, `${personLabel(c)}，${orgLabel(orgLabels, c.orgId)}`]),
            ]}
          />
          <p>{`确认后，${personLabel(u)} 的账号将被停用，不能再登录。`}</p>
          <button type="submit">确认交接</button> <a href={`/admin/users/${u.id}`}>取消</a>
        </PostForm>
      )}
    </AdminLayout>
  );
}
