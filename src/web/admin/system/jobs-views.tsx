/** @jsxImportSource hono/jsx */
// The background jobs page: counts per queue and state (with a bar of each queue's share of the jobs), the filter,
// and the newest jobs with their error.
import type { Actor } from '../../../domain/policies/actor.js';
import type { JobsPage } from '../../../app/jobs/jobs-page.js';
import { JOB_STATES, type JobState } from '../../../app/jobs/ports.js';
import { AdminLayout } from '../../common/layout.js';
import { DataTable } from '../../common/blocks.js';
import { ErrorSummary } from '../../common/forms.js';
import { formatInstant } from '../../common/time.js';

/** The Chinese name of each state. */
export const JOB_STATE_LABELS: Record<JobState, string> = {
  created: '排队中',
  retry: '等待重试',
  active: '运行中',
  completed: '已完成',
  failed: '失败',
  cancelled: '已取消',
};

const ENGINE_LABELS = { 'pg-boss': 'PostgreSQL（pg-boss，多进程共享）', 'in-process': '本进程内（SQLite）' } as const;

/** The jobs page. */
export function JobsPageView(p: {
  actor: Actor;
  csrf: string;
  page: JobsPage;
  filter: { state?: JobState; queue?: string };
  errors: Record<string, string>;
}) {
  const { page } = p;
  const label = (queue: string) => page.labels[queue] ?? queue;
  const total = page.queues.reduce((n, q) => n + JOB_STATES.reduce((m, s) => m + q.counts[s], 0), 0);
  return (
    <AdminLayout title="后台任务" actor={p.actor} csrf={p.csrf} path="/admin/system/jobs">
      <p class="muted">
        任务引擎：{ENGINE_LABELS[page.engine]}
        {page.running ? '，运行中。' : '，本进程未运行任务引擎（由服务进程执行）。'}
        每项任务在所有服务进程中只执行一次，失败后按递增间隔重试。
      </p>
      <ErrorSummary errors={p.errors} labels={{ state: '状态', queue: '任务' }} />
      <h2 id="queues">各类任务</h2>
      <DataTable
        cols={['任务', ...JOB_STATES.map((s) => JOB_STATE_LABELS[s]), '占比']}
        labelledBy="queues"
        empty="暂无任务记录。"
      >
        {page.queues.map((q) => {
          const n = JOB_STATES.reduce((m, s) => m + q.counts[s], 0);
          return (
            <tr>
              <th scope="row">
                <a href={`/admin/system/jobs?queue=${encodeURIComponent(q.queue)}`}>{label(q.queue)}</a>
              </th>
              {JOB_STATES.map((s) => (
                <td class="num" data-state={s}>
                  {q.counts[s]}
                </td>
              ))}
              <td>
                <meter min={0} max={total} value={n} aria-label={`${label(q.queue)}：${n} 项`} />
              </td>
            </tr>
          );
        })}
      </DataTable>
      <h2 id="jobs">最近的任务</h2>
      <nav class="filters" aria-label="按状态筛选">
        <a href="/admin/system/jobs" aria-current={!p.filter.state && !p.filter.queue ? 'page' : undefined}>
          全部
        </a>
        {JOB_STATES.map((s) => (
          <>
            {' '}
            <a href={`/admin/system/jobs?state=${s}`} aria-current={p.filter.state === s ? 'page' : undefined}>
              {JOB_STATE_LABELS[s]}
            </a>
          </>
        ))}
      </nav>
      <DataTable
        cols={['任务', '状态', '键', '重试次数', '创建时间', '开始时间', '结束时间', '错误']}
        labelledBy="jobs"
        empty="没有符合条件的任务。"
      >
        {page.jobs.map((j) => (
          <tr data-job={j.id} data-state={j.state}>
            <td>{label(j.queue)}</td>
            <td>{JOB_STATE_LABELS[j.state]}</td>
            <td>{j.key ?? '—'}</td>
            <td class="num">{j.retries}</td>
            <td>{formatInstant(j.createdAt, { seconds: true })}</td>
            <td>{j.startedAt ? formatInstant(j.startedAt, { seconds: true }) : '—'}</td>
            <td>{j.finishedAt ? formatInstant(j.finishedAt, { seconds: true }) : '—'}</td>
            <td class="error">{j.error ?? ''}</td>
          </tr>
        ))}
      </DataTable>
    </AdminLayout>
  );
}
