/** @jsxImportSource hono/jsx */
// Back-office views of 政务新媒体: the list with each account's traffic light, the account form, one account with
// its lifecycle events and posts, and the forms that go with them.
import type { Actor } from '../../../domain/policies/actor.js';
import type { Organization } from '../../../domain/orgs/organization.js';
import type { MediaImportError } from '../../../domain/monitoring/accounts-import.js';
import { ACCOUNT_HEADER, POST_HEADER } from '../../../domain/monitoring/accounts-import.js';
import {
  ACCOUNT_STATUSES,
  ACCOUNT_STATUS_LABELS,
  EVENT_LABELS,
  PLATFORMS,
  PLATFORM_LABELS,
  type AccountStatus,
} from '../../../domain/monitoring/accounts.js';
import type { MonitorFinding } from '../../../domain/monitoring/finding.js';
import type { AccountCheck, AccountCheckRun } from '../../../app/media/check-accounts.js';
import type { AccountPage } from '../../../app/media/media-pages.js';
import { AdminLayout } from '../../common/layout.js';
import { DataTable, InfoList } from '../../common/blocks.js';
import { Checkbox, ErrorSummary, Field, FileField, PostForm, Select, labelledOptions } from '../../common/forms.js';
import { Pager } from '../../common/pager.js';

/** Form values as typed. */
type Values = Record<string, string>;

const LIGHT_LABELS = { red: '不合格', amber: '预警', green: '合格' } as const;
const SEVERITY_LABELS: Readonly<Record<MonitorFinding['severity'], string>> = {
  veto: '单项否决',
  deduction: '扣分',
  warning: '预警',
};

/** Labels of the account form's fields (the error summary's too). */
export const ACCOUNT_FIELD_LABELS: Readonly<Record<string, string>> = {
  platform: '平台',
  name: '账号名称',
  verifiedName: '认证名称',
  orgId: '主办单位',
  filingNo: '备案号',
  interaction: '互动功能',
  ownerContact: '负责人及联系方式',
  feedUrl: '订阅地址（RSS/Atom）',
  openedOn: '开设日期',
};

const EVENT_FIELD_LABELS: Readonly<Record<string, string>> = {
  kind: '事项',
  on: '日期',
  announcement: '公告内容',
  note: '备注',
};

const POST_FIELD_LABELS: Readonly<Record<string, string>> = {
  postedAt: '发布时间',
  title: '标题',
  url: '链接',
  comments: '留言数',
  answered: '已回复数',
};

/** The account's traffic light: its colour as a class, its meaning as text. */
function Light(p: { light: AccountCheck['light'] }) {
  return <span class={`light light-${p.light}`}>{LIGHT_LABELS[p.light]}</span>;
}

function Findings(p: { findings: MonitorFinding[] }) {
  if (p.findings.length === 0) return <span class="muted">无</span>;
  return (
    <ul class="plain">
      {p.findings.map((f) => (
        <li>
          <span class={`sev sev-${f.severity}`}>{SEVERITY_LABELS[f.severity]}</span> {f.message}
        </li>
      ))}
    </ul>
  );
}

type Common = { actor: Actor; csrf: string; flash?: string };

/** The list of accounts, their check as of today, and the import forms. */
export function MediaListView(
  p: Common & {
    run: AccountCheckRun;
    canWrite: boolean;
    canSettings?: boolean;
    thresholdForm?: { values: Values; errors: Record<string, string>; message?: string };
    importErrors?: { kind: 'accounts' | 'posts'; errors: MediaImportError[] };
    message?: string;
    fileError?: { kind: 'accounts' | 'posts'; message: string };
  },
) {
  const failed = p.run.accounts.filter((a) => a.light === 'red').length;
  return (
    <AdminLayout title="政务新媒体" actor={p.actor} csrf={p.csrf} path="/admin/media" flash={p.flash}>
      <p>
        截至 {p.run.asOf}：{p.run.accounts.length} 个账号，{failed} 个不合格。{p.run.thresholds.staleDays}
        天无更新为单项否决（内容不更新），{p.run.thresholds.warnDays} 天起预警，{p.run.thresholds.zombieDays}
        天以上无更新列为僵尸账号。
      </p>
      {p.canWrite ? (
        <p>
          <a class="button" href="/admin/media/accounts/new">
            登记账号
          </a>
        </p>
      ) : null}
      <DataTable
        cols={['检查结论', '平台', '账号', '主办单位', '状态', '备案', '最近发布', '问题']}
        caption="政务新媒体账号"
        captionClass="vh"
        empty="尚未登记政务新媒体账号。"
      >
        {p.run.accounts.map((a) => (
          <tr>
            <td>
              <Light light={a.light} />
            </td>
            <td>{PLATFORM_LABELS[a.account.platform]}</td>
            <td>
              <a href={`/admin/media/accounts/${a.account.id}`}>{a.account.name}</a>
            </td>
            <td>{a.org?.name ?? ''}</td>
            <td>{ACCOUNT_STATUS_LABELS[a.account.status]}</td>
            <td>{a.account.filingNo || <span class="muted">未备案</span>}</td>
            <td>{a.lastPostOn ?? <span class="muted">无</span>}</td>
            <td>
              <Findings findings={a.findings} />
            </td>
          </tr>
        ))}
      </DataTable>
      <h2>导出</h2>
      <ul class="plain">
        <li>
          账号：<a href="/admin/media/export/accounts.csv">CSV</a> ·{' '}
          <a href="/admin/media/export/accounts.xlsx">XLSX</a>
        </li>
        <li>
          发布记录：<a href="/admin/media/export/posts.csv">CSV</a> · <a href="/admin/media/export/posts.xlsx">XLSX</a>
        </li>
      </ul>
      {p.canWrite ? <ImportForms {...p} /> : null}
      {p.canSettings ? <ThresholdForm {...p} /> : null}
    </AdminLayout>
  );
}

function ImportForms(p: Parameters<typeof MediaListView>[0]) {
  const form = (kind: 'accounts' | 'posts', title: string, header: readonly string[]) => {
    const errors = p.importErrors?.kind === kind ? p.importErrors.errors : [];
    const fileError = p.fileError?.kind === kind ? p.fileError.message : undefined;
    return (
      <section aria-labelledby={`import-${kind}`}>
        <h2 id={`import-${kind}`}>{title}</h2>
        {errors.length > 0 ? (
          <div class="error-summary" role="alert" tabindex={-1}>
            <p>文件有 {errors.length} 处错误，未导入任何内容：</p>
            <ul>
              {errors.map((e) => (
                <li>{e.message}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <PostForm action={`/admin/media/import/${kind}`} csrf={p.csrf} multipart>
          <FileField
            name={kind === 'accounts' ? 'accountsFile' : 'postsFile'}
            label="CSV 或 XLSX 文件"
            hint={`表头：${header.join(',')}。全部正确才导入，有错误时不导入任何内容。`}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            error={fileError}
          />
          <button type="submit">导入</button>
        </PostForm>
      </section>
    );
  };
  return (
    <>
      {form('accounts', '导入账号', ACCOUNT_HEADER)}
      {form('posts', '导入发布记录', POST_HEADER)}
    </>
  );
}

/** The form registering or editing an account. */
export function AccountFormView(
  p: Common & {
    orgs: Organization[];
    values: Values;
    errors?: Record<string, string>;
    message?: string;
    accountId?: string;
  },
) {
  const v = p.values;
  const e = p.errors ?? {};
  const title = p.accountId ? '修改政务新媒体账号' : '登记政务新媒体账号';
  const action = p.accountId ? `/admin/media/accounts/${p.accountId}` : '/admin/media/accounts';
  const orgOptions: [string, string][] = [['', '请选择'], ...p.orgs.map((o): [string, string] => [o.id, o.name])];
  return (
    <AdminLayout title={title} actor={p.actor} csrf={p.csrf} path="/admin/media" back={['/admin/media', '政务新媒体']}>
      <ErrorSummary message={p.message} errors={e} labels={ACCOUNT_FIELD_LABELS} />
      <PostForm action={action} csrf={p.csrf}>
        <Select
          name="platform"
          label="平台"
          value={v.platform}
          error={e.platform}
          options={labelledOptions(PLATFORMS, PLATFORM_LABELS, '请选择')}
          required
        />
        <Field name="name" label="账号名称" value={v.name} error={e.name} required />
        <Field
          name="verifiedName"
          label="认证名称（选填）"
          value={v.verifiedName}
          error={e.verifiedName}
          hint="平台认证的主体名称，应写明主办单位"
        />
        <Select name="orgId" label="主办单位" value={v.orgId} error={e.orgId} options={orgOptions} required />
        <Field
          name="filingNo"
          label="备案号（选填）"
          value={v.filingNo}
          error={e.filingNo}
          hint="在政务新媒体信息报送系统的备案编号；未备案的账号检查时提示"
        />
        <Checkbox
          name="interaction"
          label="提供留言、评论等互动功能"
          checked={['1', 'on', 'yes'].includes(v.interaction ?? '')}
        />
        <Field
          name="openedOn"
          label="开设日期（选填）"
          value={v.openedOn}
          error={e.openedOn}
          hint="YYYY-MM-DD"
          type="date"
        />
        <Field
          name="ownerContact"
          label="负责人及联系方式（选填）"
          value={v.ownerContact}
          error={e.ownerContact}
          hint="仅后台可见，不在网站公开"
        />
        <Field
          name="feedUrl"
          label="订阅地址（RSS/Atom，选填）"
          value={v.feedUrl}
          error={e.feedUrl}
          hint="有订阅地址的账号可自动读取发布记录"
        />
        <button type="submit">保存</button>
      </PostForm>
    </AdminLayout>
  );
}

/** The form state of one of the account page's forms. */
export type PageForm = { form: 'event' | 'post'; values: Values; errors: Record<string, string>; message?: string };

/** One account: its check, details, lifecycle and posts, with the forms for writers. */
export function AccountView(p: Common & { data: AccountPage; page: number; pageSize: number; form?: PageForm }) {
  const { check, events, posts } = p.data;
  const a = check.account;
  const pageCount = Math.max(1, Math.ceil(posts.total / p.pageSize));
  return (
    <AdminLayout
      title={`${PLATFORM_LABELS[a.platform]}「${a.name}」`}
      actor={p.actor}
      csrf={p.csrf}
      path="/admin/media"
      flash={p.flash}
      back={['/admin/media', '政务新媒体']}
    >
      <p>
        检查结论（截至今天）：
        <Light light={check.light} />
      </p>
      <Findings findings={check.findings} />
      <InfoList
        rows={[
          ['平台', PLATFORM_LABELS[a.platform]],
          ['认证名称', a.verifiedName || '未填写'],
          ['主办单位', check.org?.name ?? ''],
          ['状态', ACCOUNT_STATUS_LABELS[a.status]],
          ['备案号', a.filingNo || '未备案'],
          ['互动功能', a.interaction ? '有' : '无'],
          ['开设日期', a.openedOn ?? '未填写'],
          ['负责人及联系方式', a.ownerContact || '未填写'],
          ['订阅地址', a.feedUrl || '无'],
          ['最近发布', check.lastPostOn ?? '无'],
        ]}
      />
      {p.data.can.write ? (
        <p>
          <a href={`/admin/media/accounts/${a.id}/edit`}>修改账号信息</a>
        </p>
      ) : null}
      <h2>开设、变更、关停、注销</h2>
      <DataTable cols={['日期', '事项', '公告内容', '备注', '登记人']} empty="暂无登记。">
        {events.map((e) => (
          <tr>
            <td>{e.on}</td>
            <td>{EVENT_LABELS[e.kind]}</td>
            <td>{e.announcement}</td>
            <td>{e.note}</td>
            <td>{e.actorLabel}</td>
          </tr>
        ))}
      </DataTable>
      {p.data.can.write && a.status !== 'cancelled' ? <EventForm {...p} /> : null}
      <h2>发布记录</h2>
      <DataTable
        cols={['发布时间', '标题', { label: '留言', class: 'num' }, { label: '已回复', class: 'num' }, '来源']}
        empty="暂无发布记录。"
      >
        {posts.rows.map((x) => (
          <tr>
            <td>{x.postedAt.replace('T', ' ')}</td>
            <td>{x.url ? <a href={x.url}>{x.title}</a> : x.title}</td>
            <td class="num">{x.comments}</td>
            <td class="num">{x.answered}</td>
            <td>{SOURCE_LABELS[x.source]}</td>
          </tr>
        ))}
      </DataTable>
      <Pager page={p.page} pageCount={pageCount} href={(n) => `/admin/media/accounts/${a.id}?page=${n}`} />
      {p.data.can.write ? <PostEntryForm {...p} /> : null}
    </AdminLayout>
  );
}

const SOURCE_LABELS = { import: '导入', manual: '手工登记', feed: '订阅读取' } as const;

function EventForm(p: Parameters<typeof AccountView>[0]) {
  const f = p.form?.form === 'event' ? p.form : undefined;
  const v = f?.values ?? {};
  const e = f?.errors ?? {};
  const kinds = ACCOUNT_STATUSES.filter(
    (k) => k !== 'open' || ['suspended', 'closed'].includes(p.data.check.account.status),
  );
  const labels = Object.fromEntries(kinds.map((k) => [k, k === 'open' ? '恢复运营' : EVENT_LABELS[k]])) as Record<
    AccountStatus,
    string
  >;
  return (
    <section aria-labelledby="event-form">
      <h3 id="event-form">登记事项</h3>
      <ErrorSummary message={f?.message} errors={e} labels={EVENT_FIELD_LABELS} />
      <PostForm action={`/admin/media/accounts/${p.data.check.account.id}/events`} csrf={p.csrf}>
        <Select
          name="kind"
          label="事项"
          value={v.kind}
          error={e.kind}
          options={labelledOptions(kinds, labels, '请选择')}
          required
        />
        <Field name="on" label="日期" value={v.on} error={e.on} type="date" required hint="YYYY-MM-DD" />
        <Field
          name="announcement"
          label="公告内容"
          value={v.announcement}
          error={e.announcement}
          multiline
          hint="关停、注销须向社会公告（国办发〔2018〕123号），公告在政务新媒体矩阵页面公开"
        />
        <Field name="note" label="备注（选填）" value={v.note} error={e.note} />
        <button type="submit">登记</button>
      </PostForm>
    </section>
  );
}

function PostEntryForm(p: Parameters<typeof AccountView>[0]) {
  const f = p.form?.form === 'post' ? p.form : undefined;
  const v = f?.values ?? {};
  const e = f?.errors ?? {};
  return (
    <section aria-labelledby="post-form">
      <h3 id="post-form">登记发布记录</h3>
      <ErrorSummary message={f?.message} errors={e} labels={POST_FIELD_LABELS} />
      <PostForm action={`/admin/media/accounts/${p.data.check.account.id}/posts`} csrf={p.csrf}>
        <Field
          name="postedAt"
          label="发布时间"
          value={v.postedAt}
          error={e.postedAt}
          required
          hint="YYYY-MM-DD HH:mm"
        />
        <Field name="title" label="标题" value={v.title} error={e.title} required />
        <Field name="url" label="链接（选填）" value={v.url} error={e.url} />
        <Field name="comments" label="留言数（选填）" value={v.comments} error={e.comments} inputmode="numeric" />
        <Field name="answered" label="已回复数（选填）" value={v.answered} error={e.answered} inputmode="numeric" />
        <button type="submit">登记</button>
      </PostForm>
    </section>
  );
}

const THRESHOLD_LABELS: Readonly<Record<string, string>> = {
  staleDays: '不更新天数（单项否决）',
  warnDays: '预警天数',
  zombieDays: '僵尸账号天数',
};

/** The thresholds of the checks (site settings; root administrators only). */
function ThresholdForm(p: Parameters<typeof MediaListView>[0]) {
  const f = p.thresholdForm;
  const t = p.run.thresholds;
  const v: Values = f?.values ?? {
    staleDays: String(t.staleDays),
    warnDays: String(t.warnDays),
    zombieDays: String(t.zombieDays),
  };
  const e = f?.errors ?? {};
  const hints: Record<string, string> = {
    staleDays: '默认14天：国办秘函〔2019〕19号，监测时间点前2周内无更新即为不合格',
    warnDays: '默认10天：提前预警，部分地方要求至少每10天更新',
    zombieDays: '默认90天：超过3个月未更新列为僵尸账号，应整改或关停、注销',
  };
  return (
    <section aria-labelledby="thresholds">
      <h2 id="thresholds">检查阈值</h2>
      <ErrorSummary message={f?.message} errors={e} labels={THRESHOLD_LABELS} />
      <PostForm action="/admin/media/thresholds" csrf={p.csrf}>
        {(['staleDays', 'warnDays', 'zombieDays'] as const).map((k) => (
          <Field
            name={k}
            label={THRESHOLD_LABELS[k] ?? k}
            value={v[k]}
            error={e[k]}
            hint={hints[k]}
            inputmode="numeric"
            required
          />
        ))}
        <button type="submit">保存阈值</button>
      </PostForm>
    </section>
  );
}
