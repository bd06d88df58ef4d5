/** @jsxImportSource hono/jsx */
// Views of the back-office case list (依申请公开), the deadline badge and the dashboard cards, and the
// Chinese labels of the application's coded fields.
import type { Actor } from '../../../domain/policies/actor.js';
import type {
  ApplicantType,
  Carrier,
  Channel,
  Delivery,
  IdType,
  LegalPersonSubtype,
  Outcome,
} from '../../../domain/applications/application.js';
import { APPLICATION_STATES } from '../../../domain/applications/application.js';
import { STATE_LABELS } from '../../../domain/applications/transition-table.js';
import { OUTCOME_INFO, outcomeCitation } from '../../../domain/applications/outcomes.js';
import type { DeadlineStatus } from '../../../domain/applications/deadlines.js';
import type { ApplicationDashboard } from '../../../app/applications/dashboard.js';
import type { StatusRow } from '../../../app/applications/case-lists.js';
import { AdminLayout } from '../../common/layout.js';
import { ErrorSummary, Field, Select } from '../../common/forms.js';

/** Channels as staff name them (art. 31 sets each one's receipt date). */
export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  online: '网上申请',
  in_person: '当面提交',
  registered_mail: '挂号信等需签收的邮寄',
  ordinary_mail: '平常信函（平信）',
  fax: '传真',
  email: '电子邮件',
};

/** Applicant types (the columns of the annual report's section 三). */
export const APPLICANT_TYPE_LABELS: Readonly<Record<ApplicantType, string>> = {
  natural_person: '自然人',
  legal_person: '法人或其他组织',
};

/** Legal-person subtypes. */
export const SUBTYPE_LABELS: Readonly<Record<LegalPersonSubtype, string>> = {
  business: '商业企业',
  research: '科研机构',
  nonprofit: '社会公益组织',
  legal_services: '法律服务机构',
  other: '其他',
};

/** Identity documents. */
export const ID_TYPE_LABELS: Readonly<Record<IdType, string>> = {
  resident_id: '居民身份证',
  passport: '护照',
  hk_macau_permit: '港澳居民来往内地通行证',
  taiwan_permit: '台湾居民来往大陆通行证',
  foreigner_permanent_residence: '外国人永久居留身份证',
  other: '其他',
};

/** Form of provision (载体形式). */
export const CARRIER_LABELS: Readonly<Record<Carrier, string>> = { paper: '纸质', electronic: '电子', disc: '光盘' };

/** Way of obtaining (获取方式). */
export const DELIVERY_LABELS: Readonly<Record<Delivery, string>> = {
  post: '邮寄',
  email: '电子邮件',
  pickup: '当面领取',
  online: '网上获取',
};

/** Deadline statuses, as text (a badge never relies on colour alone). */
export const STATUS_LABELS: Readonly<Record<DeadlineStatus, string>> = {
  on_time: '期限内',
  due_soon: '即将到期',
  overdue: '已逾期',
  closed: '已办结',
  paused: '计时暂停',
};

/**
 * An outcome as the back office shows it: its report row and the article it rests on.
 * @param code the stored outcome, or null
 */
export function outcomeText(code: Outcome | null): string {
  if (code === null) return '—';
  const info = OUTCOME_INFO[code];
  const cite = outcomeCitation(code);
  return `${info.groupLabel}${info.group === 'disclosed' || info.group === 'partially_disclosed' ? '' : ` ${info.label}`}${cite ? `（${cite}）` : ''}`;
}

/** The due date with a text badge for due-soon, overdue and paused cases. */
export function DueCell(p: { dueOn: string | null; status: DeadlineStatus; provisional?: boolean }) {
  const flagged = p.status === 'due_soon' || p.status === 'overdue' || p.status === 'paused';
  return (
    <>
      {p.dueOn ?? '—'}
      {p.provisional ? <span class="badge badge-provisional">暂定</span> : null}
      {flagged ? <span class={`badge badge-${p.status}`}>{STATUS_LABELS[p.status]}</span> : null}
    </>
  );
}

/** The list's query as typed (strings), echoed into the filter form and the pager. */
export type ApplicationListQuery = {
  state: string;
  org: string;
  mine: string;
  open: string;
  deadline: string;
  from: string;
  to: string;
  q: string;
  page: number;
};

type ListProps = {
  actor: Actor;
  csrf: string;
  rows: StatusRow[];
  total: number;
  pageSize: number;
  query: ApplicationListQuery;
  errors: Record<string, string>;
  orgs: [string, string][];
  handlerName: (id: string | null) => string;
  canEnter: boolean;
};

/** The case list with its filters and pager. */
export function ApplicationListPage(p: ListProps) {
  const pages = Math.max(1, Math.ceil(p.total / p.pageSize));
  const { page: _current, ...filters } = p.query;
  const href = (page: number) =>
    `/admin/applications?${new URLSearchParams({ ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== '')), page: String(page) }).toString()}`;
  return (
    <AdminLayout title="依申请公开" actor={p.actor} csrf={p.csrf} path="/admin/applications">
      {p.canEnter ? (
        <p>
          <a class="button" href="/admin/applications/new">
            录入申请（当面、信函、传真、电子邮件）
          </a>
        </p>
      ) : null}
      <ErrorSummary
        errors={p.errors}
        labels={{ from: '收到日期自', to: '收到日期至' }}
        message={Object.keys(p.errors).length > 0 ? '部分筛选条件有误，已忽略' : undefined}
      />
      <ListFilters query={p.query} errors={p.errors} orgs={p.orgs} />
      <p class="muted" role="status">
        共 {p.total} 件，第 {p.query.page} / {pages} 页
      </p>
      <div class="table-wrap">
        <table class="cases">
          <thead>
            <tr>
              <th scope="col">查询码</th>
              <th scope="col">收到日期</th>
              <th scope="col">申请人</th>
              <th scope="col">证件号码</th>
              <th scope="col">机构</th>
              <th scope="col">状态</th>
              <th scope="col">答复期限</th>
              <th scope="col">承办人</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.length === 0 ? (
              <tr>
                <td colspan={8} class="muted">
                  没有符合条件的申请
                </td>
              </tr>
            ) : (
              p.rows.map((r) => (
                <tr>
                  <td>
                    <a href={`/admin/applications/${r.id}`}>{r.trackingCode}</a>
                  </td>
                  <td>{r.receivedOn}</td>
                  <td>{r.applicantVisible ? r.applicantName : <span class="muted">{r.applicantName}</span>}</td>
                  <td>{r.idNumberMasked || '—'}</td>
                  <td>{r.orgName}</td>
                  <td>{STATE_LABELS[r.state]}</td>
                  <td>
                    <DueCell dueOn={r.dueOn} status={r.status} />
                  </td>
                  <td>{p.handlerName(r.handlerId)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <nav class="pager" aria-label="翻页">
        {p.query.page > 1 ? (
          <a href={href(p.query.page - 1)} rel="prev">
            ‹ 上一页
          </a>
        ) : null}
        {p.query.page < pages ? (
          <a href={href(p.query.page + 1)} rel="next">
            下一页 ›
          </a>
        ) : null}
      </nav>
    </AdminLayout>
  );
}

function ListFilters(p: { query: ApplicationListQuery; errors: Record<string, string>; orgs: [string, string][] }) {
  const q = p.query;
  return (
    <form method="get" action="/admin/applications" class="filters" role="search" aria-label="筛选申请">
      <Field name="q" label="搜索（查询码、申请人、内容）" value={q.q} />
      <Select
        name="state"
        label="状态"
        value={q.state}
        options={[['', '全部状态'], ...APPLICATION_STATES.map((s): [string, string] => [s, STATE_LABELS[s]])]}
      />
      <Select name="org" label="机构" value={q.org} options={[['', '全部机构'], ...p.orgs]} />
      <Select
        name="open"
        label="办理情况"
        value={q.open}
        options={[
          ['', '全部'],
          ['open', '办理中'],
          ['closed', '已办结'],
        ]}
      />
      <Select
        name="deadline"
        label="期限"
        value={q.deadline}
        options={[
          ['', '不限'],
          ['overdue', '已逾期'],
          ['due_soon', '即将到期（含已逾期）'],
        ]}
      />
      <Field name="from" label="收到日期自" type="date" value={q.from} error={p.errors.from} />
      <Field name="to" label="收到日期至" type="date" value={q.to} error={p.errors.to} />
      <div class="field">
        <label class="check">
          <input type="checkbox" name="mine" value="1" checked={q.mine === '1'} /> 我承办的
        </label>
      </div>
      <button type="submit">筛选</button>
    </form>
  );
}

/** The dashboard's 依申请公开 cards: counts and the most urgent cases. */
export function ApplicationDashboardCards(p: { data: ApplicationDashboard }) {
  const d = p.data;
  return (
    <section aria-labelledby="dash-applications">
      <h3 id="dash-applications">依申请公开</h3>
      <div class="grid">
        <div class="card">
          <p>待登记</p>
          <p class="big">{d.unregistered}</p>
          <a href="/admin/applications?state=received">查看待登记申请</a>
        </div>
        <div class="card">
          <p>即将到期</p>
          <p class="big">{d.dueSoon}</p>
          <a href="/admin/applications?deadline=due_soon">查看即将到期申请</a>
        </div>
        <div class="card">
          <p>已逾期</p>
          <p class="big">{d.overdue}</p>
          <a href="/admin/applications?deadline=overdue">查看逾期申请</a>
        </div>
      </div>
      <h4>最紧急的申请</h4>
      {d.urgent.length === 0 ? (
        <p class="muted">没有办理中的申请。</p>
      ) : (
        <div class="table-wrap">
          <table class="cases">
            <thead>
              <tr>
                <th scope="col">查询码</th>
                <th scope="col">机构</th>
                <th scope="col">状态</th>
                <th scope="col">答复期限</th>
              </tr>
            </thead>
            <tbody>
              {d.urgent.map((r) => (
                <tr>
                  <td>
                    <a href={`/admin/applications/${r.id}`}>{r.trackingCode}</a>
                  </td>
                  <td>{r.orgName}</td>
                  <td>{STATE_LABELS[r.state]}</td>
                  <td>
                    <DueCell dueOn={r.dueOn} status={r.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
