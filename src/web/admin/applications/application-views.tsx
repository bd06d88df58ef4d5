/** @jsxImportSource hono/jsx */
// Views of the back-office case list (依申请公开), the deadline badge and the dashboard cards.
import type { Actor } from '../../../domain/policies/actor.js';
import { APPLICATION_STATES } from '../../../domain/applications/application.js';
import { STATE_LABELS } from '../../../domain/applications/transition-table.js';
import { DEADLINE_STATUS_LABELS } from '../../../domain/applications/labels.js';
import { QUEUE_LABELS, type Queue } from '../../../domain/applications/queues.js';
import type { DeadlineStatus } from '../../../domain/applications/deadlines.js';
import type { ApplicationDashboard } from '../../../app/applications/dashboard.js';
import type { CaseListPage } from '../../../app/applications/application-pages.js';
import { AdminLayout } from '../../common/layout.js';
import { ErrorSummary, Field, FilterForm, Select } from '../../common/forms.js';
import { Pager, pageHref } from '../../common/pager.js';
import { DataTable } from '../../common/blocks.js';

const PATH = '/admin/applications';

/**
 * The due date with a text badge for due-soon, overdue and paused cases, and the working days left
 * (剩余N个工作日, or how many the case is overdue by) when they are known.
 */
export function DueCell(p: {
  dueOn: string | null;
  status: DeadlineStatus;
  provisional?: boolean;
  workingDaysLeft?: number | null;
}) {
  const flagged = p.status === 'due_soon' || p.status === 'overdue' || p.status === 'paused';
  const left = p.workingDaysLeft ?? null;
  return (
    <>
      {p.dueOn ?? '—'}
      {p.provisional ? <span class="badge badge-provisional">暂定</span> : null}
      {flagged ? <span class={`badge badge-${p.status}`}>{DEADLINE_STATUS_LABELS[p.status]}</span> : null}
      {left === null ? null : (
        <span class="muted days-left">{left >= 0 ? `剩余${left}个工作日` : `已超期${-left}个工作日`}</span>
      )}
    </>
  );
}

/** What a case is about, shortened for a list cell (the full request is on the case page). */
const subjectOf = (description: string): string => {
  const chars = [...description.replace(/\s+/g, ' ').trim()];
  return chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : chars.join('');
};

/** A case's 查询码, linked to its page. */
export const CaseCell = (p: { id: string; code: string }) => (
  <td>
    <a href={`${PATH}/${p.id}`}>{p.code}</a>
  </td>
);

/** The list's filters as typed (strings), echoed into the filter form and the pager. */
export type ApplicationListQuery = Record<
  'queue' | 'state' | 'org' | 'mine' | 'open' | 'deadline' | 'from' | 'to' | 'q',
  string
>;

/** Labels of the filters, for the summary of malformed ones. */
export const FILTER_LABELS: Readonly<Record<string, string>> = {
  queue: '待办',
  state: '状态',
  open: '办理情况',
  deadline: '期限',
  from: '收到日期自',
  to: '收到日期至',
  page: '页码',
};

/** The case list with its filters and pager. */
export function ApplicationListPage(p: {
  actor: Actor;
  csrf: string;
  list: CaseListPage;
  query: ApplicationListQuery;
  errors: Record<string, string>;
  page: number;
  pageCount: number;
}) {
  const { list } = p;
  return (
    <AdminLayout title="依申请公开" actor={p.actor} csrf={p.csrf} path={PATH}>
      {list.can.enter ? (
        <p>
          <a class="button" href={`${PATH}/new`}>
            录入申请（当面、信函、传真、电子邮件）
          </a>
        </p>
      ) : null}
      <ErrorSummary
        errors={p.errors}
        labels={FILTER_LABELS}
        message={Object.keys(p.errors).length > 0 ? '部分筛选条件有误，已忽略' : undefined}
      />
      <QueueLinks queues={list.queues} current={p.query.queue} />
      <ListFilters query={p.query} errors={p.errors} orgs={list.orgs} />
      <p class="muted" role="status">
        共 {list.total} 件，第 {p.page} / {p.pageCount} 页
      </p>
      <DataTable
        class="cases"
        cols={['查询码', '申请内容', '收到日期', '申请人', '证件号码', '机构', '状态', '答复期限', '承办人']}
        empty="没有符合条件的申请"
      >
        {list.items.map((r) => (
          <tr>
            <CaseCell id={r.id} code={r.trackingCode} />
            <td>{subjectOf(r.description)}</td>
            <td>{r.receivedOn}</td>
            <td>{r.applicantVisible ? r.applicantMasked : <span class="muted">{r.applicantMasked}</span>}</td>
            <td>{r.idNumberMasked || '—'}</td>
            <td>{r.orgName}</td>
            <td>{STATE_LABELS[r.state]}</td>
            <td>
              <DueCell dueOn={r.dueOn} status={r.status} workingDaysLeft={r.workingDaysLeft} />
            </td>
            <td>{r.handlerLabel}</td>
          </tr>
        ))}
      </DataTable>
      <Pager page={p.page} pageCount={p.pageCount} href={pageHref(PATH, p.query)} />
    </AdminLayout>
  );
}

/** The filters chosen from a fixed list: name, label, the blank choice, the choices. */
const CHOICES: [name: 'open' | 'deadline', label: string, blank: string, options: [string, string][]][] = [
  [
    'open',
    '办理情况',
    '全部',
    [
      ['open', '办理中'],
      ['closed', '已办结'],
    ],
  ],
  [
    'deadline',
    '期限',
    '不限',
    [
      ['overdue', '已逾期'],
      ['due_soon', '即将到期（含已逾期）'],
    ],
  ],
];

const choices = (blank: string, entries: [string, string][]): [string, string][] => [['', blank], ...entries];

/** The actor's work queues as links over the list; the current one is marked. */
function QueueLinks(p: { queues: readonly Queue[]; current: string }) {
  if (p.queues.length === 0) return null;
  return (
    <nav aria-label="我的待办" class="queues">
      <ul class="inline">
        {p.queues.map((q) => (
          <li>
            <a href={`${PATH}?queue=${q}`} aria-current={p.current === q ? 'page' : undefined}>
              {QUEUE_LABELS[q]}
            </a>
          </li>
        ))}
        {p.current ? (
          <li>
            <a href={PATH}>全部申请</a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

function ListFilters(p: { query: ApplicationListQuery; errors: Record<string, string>; orgs: CaseListPage['orgs'] }) {
  const q = p.query;
  const e = p.errors;
  return (
    <FilterForm action={PATH} label="筛选申请">
      <Field name="q" label="搜索（查询码、申请人、内容）" value={q.q} />
      <Select
        name="state"
        label="状态"
        value={q.state}
        error={e.state}
        options={choices(
          '全部状态',
          APPLICATION_STATES.map((s) => [s, STATE_LABELS[s]]),
        )}
      />
      <Select
        name="org"
        label="机构"
        value={q.org}
        options={choices(
          '全部机构',
          p.orgs.map((o) => [o.id, o.name]),
        )}
      />
      {CHOICES.map(([name, label, blank, options]) => (
        <Select name={name} label={label} value={q[name]} error={e[name]} options={choices(blank, options)} />
      ))}
      <Field name="from" label="收到日期自" type="date" value={q.from} error={e.from} />
      <Field name="to" label="收到日期至" type="date" value={q.to} error={e.to} />
      <div class="field">
        <label class="check">
          <input type="checkbox" name="mine" value="1" checked={q.mine === '1'} /> 我承办的
        </label>
      </div>
    </FilterForm>
  );
}

/** The dashboard's 依申请公开 cards: counts and the most urgent cases. */
export function ApplicationDashboardCards(p: { data: ApplicationDashboard }) {
  const d = p.data;
  return (
    <section aria-labelledby="dash-applications">
      <h3 id="dash-applications">依申请公开</h3>
      <div class="grid">
        {d.queues.map(({ queue, count }) => (
          <div class="card">
            <p>{QUEUE_LABELS[queue]}</p>
            <p class="big">{String(count)}</p>
            <a href={`${PATH}?queue=${queue}`}>查看“{QUEUE_LABELS[queue]}”</a>
          </div>
        ))}
      </div>
      <h4>最紧急的申请</h4>
      {d.urgent.length === 0 ? (
        <p class="muted">没有办理中的申请。</p>
      ) : (
        <DataTable class="cases" cols={['查询码', '申请内容', '申请人', '机构', '状态', '答复期限']}>
          {d.urgent.map((r) => (
            <tr>
              <CaseCell id={r.id} code={r.trackingCode} />
              <td>{subjectOf(r.description)}</td>
              <td>{r.applicantMasked}</td>
              <td>{r.orgName}</td>
              <td>{STATE_LABELS[r.state]}</td>
              <td>
                <DueCell dueOn={r.dueOn} status={r.status} workingDaysLeft={r.workingDaysLeft} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
