/** @jsxImportSource hono/jsx */
// Back-office pages of website monitoring (监督保障): the dashboard, sites and their form, runs with progress,
// findings (confirm/dismiss), 整改 tasks (mark fixed) and 提醒函. No inline styles (CSP): classes in app.css.
import { raw } from 'hono/html';
import type { Actor } from '../../../domain/policies/actor.js';
import {
  COLUMN_KIND_LABELS,
  COLUMN_KINDS,
  SITE_KIND_LABELS,
  SITE_KINDS,
} from '../../../domain/monitoring-registry/registry.js';
import { CONFIRMATION_LABELS, TASK_STATE_LABELS } from '../../../domain/monitoring-registry/follow-up.js';
import type { MonitoredSite } from '../../../domain/monitoring-registry/registry.js';
import type { FindingRow, Light, MonitoringDashboard, TaskRow } from '../../../app/monitoring/pages.js';
import type { RunView } from '../../../app/monitoring/run-pages.js';
import type { LetterView } from '../../../app/monitoring/letters.js';
import type { MonitorLetter } from '../../../app/monitoring/ports.js';
import { AdminLayout } from '../../common/layout.js';
import { DataTable } from '../../common/blocks.js';
import { ErrorSummary, Field, PostForm, Select } from '../../common/forms.js';

type Page = { actor: Actor; csrf: string; flash?: string };
type Values = Record<string, string | string[]>;

const LIGHT_LABELS: Record<Light, string> = { red: '不合格', amber: '有待整改问题', green: '合格', grey: '尚未监测' };
const RUN_STATES: Record<string, string> = {
  queued: '排队中',
  running: '进行中',
  completed: '已完成',
  failed: '失败',
  cancelled: '已取消',
};
const LETTER_STATES: Record<string, string> = {
  issued: '已生成',
  sent: '已发送',
  delivered: '已送达',
  closed: '已全部整改',
};

function LightMark(p: { light: Light }) {
  return <span class={`light light-${p.light}`}>{LIGHT_LABELS[p.light]}</span>;
}

function Tabs() {
  return (
    <nav class="subnav" aria-label="监督保障">
      <a href="/admin/monitoring">监测概况</a> <a href="/admin/monitoring/sites">网站登记</a>{' '}
      <a href="/admin/monitoring/runs">监测记录</a> <a href="/admin/monitoring/findings">监测问题</a>{' '}
      <a href="/admin/monitoring/tasks">整改任务</a> <a href="/admin/monitoring/letters">提醒函</a>{' '}
      <a href="/admin/monitoring/words">错敏词</a>
    </nav>
  );
}

/** The dashboard. */
export function DashboardView(p: Page & { data: MonitoringDashboard }) {
  return (
    <AdminLayout title="监督保障" actor={p.actor} csrf={p.csrf} flash={p.flash}>
      <h1>监督保障</h1>
      <Tabs />
      <p>
        待整改任务 {p.data.openTasks} 项，其中逾期 {p.data.overdue} 项；待人工确认问题 {p.data.pending} 个。
      </p>
      <h2>各网站</h2>
      <DataTable cols={['网站', '类型', '状态', '最近监测', '得分', '近7天首页可用性', '待整改']} empty="尚未登记网站">
        {p.data.sites.map((s) => (
          <tr>
            <td>
              <a href={`/admin/monitoring/sites/${s.site.id}`}>{s.site.name}</a>
            </td>
            <td>{SITE_KIND_LABELS[s.site.kind]}</td>
            <td>
              <LightMark light={s.light} />
            </td>
            <td>{s.last ? s.last.finishedAt.slice(0, 10) : '—'}</td>
            <td>{s.last?.score ?? '—'}</td>
            <td>
              {s.availability.probes === 0
                ? '尚无监测'
                : `失败 ${s.availability.failures}/${s.availability.probes} 次（${(s.availability.ratio * 100).toFixed(1)}%）` +
                  (s.availability.severity === 'veto'
                    ? '，单项否决'
                    : s.availability.severity === 'warning'
                      ? '，预警'
                      : '')}
            </td>
            <td>{s.openTasks}</td>
          </tr>
        ))}
      </DataTable>
      <h2>各单位</h2>
      <DataTable cols={['单位', '网站数', '状态', '待整改', '逾期']} empty="暂无">
        {p.data.units.map((u) => (
          <tr>
            <td>{u.name}</td>
            <td>{u.sites}</td>
            <td>
              <LightMark light={u.light} />
            </td>
            <td>{u.openTasks}</td>
            <td>{u.overdue}</td>
          </tr>
        ))}
      </DataTable>
      <h2>近12个月趋势</h2>
      <figure class="chart-figure">
        {raw(p.data.trendSvg)}
        <figcaption class="muted">深色：监测网站数；浅色：不合格网站数</figcaption>
      </figure>
    </AdminLayout>
  );
}

/** The sites list with import and export. */
export function SitesView(p: Page & { sites: MonitoredSite[]; canManage: boolean; importErrors?: string[] }) {
  return (
    <AdminLayout title="网站登记" actor={p.actor} csrf={p.csrf} flash={p.flash}>
      <h1>网站登记</h1>
      <Tabs />
      {p.canManage ? (
        <p>
          <a href="/admin/monitoring/sites/new">登记网站</a> · <a href="/admin/monitoring/sites/export.csv">导出 CSV</a>{' '}
          · <a href="/admin/monitoring/sites/export.xlsx">导出 XLSX</a>
        </p>
      ) : null}
      {p.importErrors && p.importErrors.length > 0 ? (
        <div class="error-summary" role="alert">
          <p>文件有错误，未导入任何内容：</p>
          <ul>
            {p.importErrors.map((e) => (
              <li>{e}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <DataTable cols={['网站名称', '首页网址', '类型', '栏目数']} empty="尚未登记网站">
        {p.sites.map((s) => (
          <tr>
            <td>
              <a href={`/admin/monitoring/sites/${s.id}`}>{s.name}</a>
              {s.ownPortal ? '（本门户）' : ''}
            </td>
            <td>{s.homeUrl}</td>
            <td>{SITE_KIND_LABELS[s.kind]}</td>
            <td>{s.columns.length}</td>
          </tr>
        ))}
      </DataTable>
      {p.canManage ? (
        <PostForm action="/admin/monitoring/sites/import" csrf={p.csrf} multipart>
          <div class="field">
            <label for="f-file">导入网站登记表（CSV 或 XLSX）</label>
            <input id="f-file" name="file" type="file" accept=".csv,.xlsx" />
          </div>
          <button type="submit">导入</button>
        </PostForm>
      ) : null}
      {p.canManage ? (
        <PostForm action="/admin/monitoring/sites/own-portal" csrf={p.csrf}>
          <button type="submit">按主动公开目录登记本门户</button>
        </PostForm>
      ) : null}
    </AdminLayout>
  );
}

const text = (v: Values, k: string): string => {
  const x = v[k];
  return Array.isArray(x) ? (x[0] ?? '') : (x ?? '');
};

/** Rows of columns shown in the form: those typed, plus blank rows to add more. */
export const COLUMN_ROWS_EXTRA = 3;

/** The site form (new or edit), with what was typed and every error. */
export function SiteFormView(
  p: Page & {
    siteId?: string;
    values: Values;
    errors?: Record<string, string>;
    message?: string;
    orgs: [string, string][];
  },
) {
  const e = p.errors ?? {};
  const rows = Math.max(...Object.keys(p.values).map((k) => Number(/^columns\.(\d+)\./.exec(k)?.[1] ?? -1)), -1) + 1;
  const action = p.siteId ? `/admin/monitoring/sites/${p.siteId}` : '/admin/monitoring/sites';
  const kinds: [string, string][] = SITE_KINDS.map((k) => [k, SITE_KIND_LABELS[k]]);
  const colKinds: [string, string][] = COLUMN_KINDS.map((k) => [k, COLUMN_KIND_LABELS[k]]);
  return (
    <AdminLayout
      title={p.siteId ? '修改网站' : '登记网站'}
      actor={p.actor}
      csrf={p.csrf}
      back={['/admin/monitoring/sites', '网站登记']}
    >
      <h1>{p.siteId ? '修改网站' : '登记网站'}</h1>
      <ErrorSummary message={p.message} errors={e} />
      <PostForm action={action} csrf={p.csrf}>
        <Field name="name" label="网站名称" required value={text(p.values, 'name')} error={e.name} />
        <Field
          name="homeUrl"
          label="首页网址"
          required
          value={text(p.values, 'homeUrl')}
          error={e.homeUrl}
          hint="如：https://www.example.gov.cn/"
        />
        <Field
          name="siteCode"
          label="网站标识码（选填）"
          value={text(p.values, 'siteCode')}
          error={e.siteCode}
          hint="10位字母或数字"
        />
        <Select
          name="orgId"
          label="主办单位"
          required
          value={text(p.values, 'orgId')}
          error={e.orgId}
          options={[['', '请选择'], ...p.orgs]}
        />
        <Select name="kind" label="网站类型" required value={text(p.values, 'kind')} error={e.kind} options={kinds} />
        <fieldset>
          <legend>栏目（名称留空的行不保存）</legend>
          {Array.from({ length: rows + COLUMN_ROWS_EXTRA }, (_, i) => (
            <div class="column-row">
              <Field
                name={`columns.${i}.name`}
                label={`栏目${i + 1}名称`}
                value={text(p.values, `columns.${i}.name`)}
                error={e[`columns.${i}.name`]}
              />
              <Field
                name={`columns.${i}.url`}
                label="栏目网址"
                value={text(p.values, `columns.${i}.url`)}
                error={e[`columns.${i}.url`]}
              />
              <Select
                name={`columns.${i}.kind`}
                label="栏目类型"
                value={text(p.values, `columns.${i}.kind`)}
                error={e[`columns.${i}.kind`]}
                options={colKinds}
              />
              <Field
                name={`columns.${i}.intervalDays`}
                label="更新周期（天，选填）"
                value={text(p.values, `columns.${i}.intervalDays`)}
                error={e[`columns.${i}.intervalDays`]}
                inputmode="numeric"
              />
            </div>
          ))}
        </fieldset>
        <button type="submit">保存</button>
      </PostForm>
    </AdminLayout>
  );
}

/** One site: its columns, and the run button. */
export function SiteView(
  p: Page & {
    site: MonitoredSite;
    canManage: boolean;
    runError?: string;
    values?: Values;
    messageErrors?: Record<string, string>;
    messageError?: string;
  },
) {
  return (
    <AdminLayout
      title={p.site.name}
      actor={p.actor}
      csrf={p.csrf}
      flash={p.flash}
      back={['/admin/monitoring/sites', '网站登记']}
    >
      <h1>{p.site.name}</h1>
      <p>
        {p.site.homeUrl} · {SITE_KIND_LABELS[p.site.kind]} {p.site.siteCode ? `· 网站标识码 ${p.site.siteCode}` : ''}
      </p>
      <DataTable cols={['栏目', '网址', '类型', '更新周期（天）']} empty="尚未登记栏目">
        {p.site.columns.map((c) => (
          <tr>
            <td>{c.name}</td>
            <td>{c.url}</td>
            <td>{COLUMN_KIND_LABELS[c.kind]}</td>
            <td>{c.intervalDays ?? '—'}</td>
          </tr>
        ))}
      </DataTable>
      {p.canManage ? (
        <>
          <p>
            <a href={`/admin/monitoring/sites/${p.site.id}/edit`}>修改网站和栏目</a>
          </p>
          {p.runError ? (
            <p class="error" role="alert">
              {p.runError}
            </p>
          ) : null}
          <PostForm action="/admin/monitoring/runs" csrf={p.csrf}>
            <input type="hidden" name="siteId" value={p.site.id} />
            <button type="submit">立即监测</button>
          </PostForm>
          {p.site.columns.some((c) => c.kind === 'interaction') ? (
            <PostForm action={`/admin/monitoring/sites/${p.site.id}/messages`} csrf={p.csrf}>
              <h2>登记互动留言</h2>
              <ErrorSummary message={p.messageError} errors={p.messageErrors} />
              <Select
                name="columnId"
                label="政务咨询类栏目"
                value={text(p.values ?? {}, 'columnId')}
                options={p.site.columns.filter((c) => c.kind === 'interaction').map((c) => [c.id, c.name])}
              />
              <Field
                name="receivedOn"
                label="收到日期"
                required
                value={text(p.values ?? {}, 'receivedOn')}
                error={p.messageErrors?.receivedOn}
                hint="YYYY-MM-DD"
              />
              <Field
                name="answeredOn"
                label="答复日期（未答复的不填）"
                value={text(p.values ?? {}, 'answeredOn')}
                error={p.messageErrors?.answeredOn}
                hint="YYYY-MM-DD"
              />
              <Field
                name="subject"
                label="留言标题（选填）"
                value={text(p.values ?? {}, 'subject')}
                error={p.messageErrors?.subject}
              />
              <button type="submit">登记留言</button>
            </PostForm>
          ) : null}
        </>
      ) : null}
    </AdminLayout>
  );
}

/** The run history. */
export function RunsView(p: Page & { runs: RunView[]; canManage: boolean; message?: string }) {
  return (
    <AdminLayout title="监测记录" actor={p.actor} csrf={p.csrf} flash={p.flash}>
      <h1>监测记录</h1>
      <Tabs />
      {p.message ? (
        <p class="error" role="alert">
          {p.message}
        </p>
      ) : null}
      {p.canManage ? (
        <PostForm action="/admin/monitoring/runs" csrf={p.csrf}>
          <input type="hidden" name="all" value="1" />
          <button type="submit">监测全部网站</button>
        </PostForm>
      ) : null}
      <DataTable cols={['发起时间', '范围', '状态', '进度', '问题数', '发起人']} empty="尚无监测记录">
        {p.runs.map((r) => (
          <tr>
            <td>
              <a href={`/admin/monitoring/runs/${r.run.id}`}>{r.run.createdAt.slice(0, 16).replace('T', ' ')}</a>
            </td>
            <td>{r.scope}</td>
            <td>{RUN_STATES[r.run.state]}</td>
            <td>
              {r.run.sitesDone}/{r.run.sitesTotal}
            </td>
            <td>{r.run.findings}</td>
            <td>{r.run.requestedLabel}</td>
          </tr>
        ))}
      </DataTable>
    </AdminLayout>
  );
}

/** One run: progress while it runs (the page refreshes itself), then each site's verdict. */
export function RunView_(p: Page & { view: RunView }) {
  const r = p.view.run;
  const live = r.state === 'queued' || r.state === 'running';
  return (
    <AdminLayout
      title="监测详情"
      actor={p.actor}
      csrf={p.csrf}
      flash={p.flash}
      back={['/admin/monitoring/runs', '监测记录']}
      scripts={live ? ['/static/monitoring.js'] : []}
    >
      <h1>监测详情：{p.view.scope}</h1>
      <p>
        状态：{RUN_STATES[r.state]}；已完成网站 {r.sitesDone}/{r.sitesTotal}；已抓取页面 {r.pages}；发现问题{' '}
        {r.findings} 个{r.error ? `；错误：${r.error}` : ''}
      </p>
      <progress
        max={Math.max(r.sitesTotal, 1)}
        value={r.sitesDone}
        aria-label="监测进度"
        data-refresh={live ? '3' : undefined}
      >
        {r.sitesDone}/{r.sitesTotal}
      </progress>
      {p.view.canCancel ? (
        <PostForm action={`/admin/monitoring/runs/${r.id}/cancel`} csrf={p.csrf}>
          <button type="submit">取消监测</button>
        </PostForm>
      ) : null}
      {p.view.canCircular ? (
        <PostForm action={`/admin/monitoring/runs/${r.id}/circular`} csrf={p.csrf}>
          <button type="submit">生成通报</button>
        </PostForm>
      ) : null}
      <DataTable cols={['网站', '结论', '得分', '单项否决', '问题', '页面', '链接']} empty="尚无结果">
        {p.view.results.map((x) => (
          <tr>
            <td>{x.siteName}</td>
            <td>{x.verdict}</td>
            <td>{x.score ?? '—'}</td>
            <td>{x.vetoes.join('、') || '—'}</td>
            <td>{x.findings}</td>
            <td>{x.pages}</td>
            <td>{x.links}</td>
          </tr>
        ))}
      </DataTable>
    </AdminLayout>
  );
}

/** Open findings: confirm or dismiss those waiting for a person. */
export function FindingsView(
  p: Page & { rows: FindingRow[]; errors?: Record<string, string>; failedId?: string; values?: Values },
) {
  return (
    <AdminLayout title="监测问题" actor={p.actor} csrf={p.csrf} flash={p.flash}>
      <h1>监测问题</h1>
      <Tabs />
      <DataTable cols={['网站', '问题', '规则', '位置', '确认', '整改任务', '操作']} empty="没有未关闭的问题">
        {p.rows.map((r) => (
          <tr>
            <td>{r.siteName}</td>
            <td>{r.finding.message}</td>
            <td>{r.finding.rule}</td>
            <td>{r.finding.column ?? r.finding.url ?? ''}</td>
            <td>{CONFIRMATION_LABELS[r.finding.confirmation]}</td>
            <td>{r.task ? `${TASK_STATE_LABELS[r.task.state]}，期限 ${r.task.dueOn}` : '—'}</td>
            <td>
              {r.canDecide && r.finding.confirmation === 'pending' ? (
                <>
                  <PostForm action={`/admin/monitoring/findings/${r.finding.id}/confirm`} csrf={p.csrf}>
                    <button type="submit">确认问题</button>
                  </PostForm>
                  <PostForm action={`/admin/monitoring/findings/${r.finding.id}/dismiss`} csrf={p.csrf}>
                    <Field
                      id={`f-reason-${r.finding.id}`}
                      name="reason"
                      label="排除理由"
                      value={p.failedId === r.finding.id ? text(p.values ?? {}, 'reason') : ''}
                      error={p.failedId === r.finding.id ? p.errors?.reason : undefined}
                    />
                    <button type="submit">排除</button>
                  </PostForm>
                </>
              ) : null}
            </td>
          </tr>
        ))}
      </DataTable>
    </AdminLayout>
  );
}

/** 整改 tasks: the unit marks its open ones fixed with a note. */
export function TasksView(
  p: Page & { rows: TaskRow[]; errors?: Record<string, string>; failedId?: string; values?: Values },
) {
  return (
    <AdminLayout title="整改任务" actor={p.actor} csrf={p.csrf} flash={p.flash}>
      <h1>整改任务</h1>
      <Tabs />
      <DataTable cols={['单位', '网站', '问题', '期限', '状态', '整改说明', '操作']} empty="没有整改任务">
        {p.rows.map((r) => (
          <tr class={r.overdue ? 'overdue' : undefined}>
            <td>{r.orgName}</td>
            <td>{r.siteName}</td>
            <td>{r.finding?.message ?? ''}</td>
            <td>
              {r.task.dueOn}
              {r.overdue ? '（已逾期）' : ''}
            </td>
            <td>
              {TASK_STATE_LABELS[r.task.state]}
              {r.task.reopened > 0 ? `（复核未通过 ${r.task.reopened} 次）` : ''}
            </td>
            <td>{r.task.fixNote ?? ''}</td>
            <td>
              {r.canFix ? (
                <PostForm action={`/admin/monitoring/tasks/${r.task.id}/fixed`} csrf={p.csrf}>
                  <Field
                    id={`f-note-${r.task.id}`}
                    name="note"
                    label="整改情况"
                    value={p.failedId === r.task.id ? text(p.values ?? {}, 'note') : ''}
                    error={p.failedId === r.task.id ? p.errors?.note : undefined}
                  />
                  <button type="submit">标记已整改</button>
                </PostForm>
              ) : null}
            </td>
          </tr>
        ))}
      </DataTable>
    </AdminLayout>
  );
}

/** The letters, and the form to write one to a unit. */
export function LettersView(
  p: Page & {
    letters: (MonitorLetter & { unitName: string })[];
    units: [string, string][];
    errors?: Record<string, string>;
    message?: string;
    values?: Values;
  },
) {
  const e = p.errors ?? {};
  return (
    <AdminLayout title="提醒函" actor={p.actor} csrf={p.csrf} flash={p.flash}>
      <h1>提醒函</h1>
      <Tabs />
      {p.units.length > 0 ? (
        <PostForm action="/admin/monitoring/letters" csrf={p.csrf}>
          <ErrorSummary message={p.message} errors={e} />
          <Select
            name="orgId"
            label="致单位"
            required
            value={text(p.values ?? {}, 'orgId')}
            error={e.orgId}
            options={p.units}
          />
          <Field
            name="deadlineOn"
            label="整改期限（选填，默认为各任务最晚期限）"
            value={text(p.values ?? {}, 'deadlineOn')}
            error={e.deadlineOn}
            hint="YYYY-MM-DD"
          />
          <button type="submit">生成提醒函</button>
        </PostForm>
      ) : null}
      <DataTable cols={['文号', '致单位', '整改期限', '状态']} empty="尚无提醒函">
        {p.letters.map((l) => (
          <tr>
            <td>
              <a href={`/admin/monitoring/letters/${l.id}`}>{l.docNo}</a>
            </td>
            <td>{l.unitName}</td>
            <td>{l.deadlineOn}</td>
            <td>{LETTER_STATES[l.state]}</td>
          </tr>
        ))}
      </DataTable>
    </AdminLayout>
  );
}

/** One letter for print, with DOCX, email and delivery. */
export function LetterView_(p: Page & { view: LetterView; errors?: Record<string, string>; values?: Values }) {
  const l = p.view.letter;
  return (
    <AdminLayout
      title={l.docNo}
      actor={p.actor}
      csrf={p.csrf}
      flash={p.flash}
      back={['/admin/monitoring/letters', '提醒函']}
    >
      <p class="no-print">
        状态：{LETTER_STATES[l.state]}；所列问题 {p.view.total} 个，未整改 {p.view.open} 个 ·{' '}
        <a href={`/admin/monitoring/letters/${l.id}/letter.docx`}>下载 DOCX</a>
      </p>
      {raw(p.view.html)}
      {p.view.canManage && l.state !== 'closed' ? (
        <div class="no-print">
          <PostForm action={`/admin/monitoring/letters/${l.id}/send`} csrf={p.csrf}>
            <Field
              name="email"
              label="发送至电子邮箱"
              value={text(p.values ?? {}, 'email')}
              error={p.errors?.email}
              type="email"
            />
            <button type="submit">发送</button>
          </PostForm>
          <PostForm action={`/admin/monitoring/letters/${l.id}/delivered`} csrf={p.csrf}>
            <button type="submit">标记已送达</button>
          </PostForm>
        </div>
      ) : null}
    </AdminLayout>
  );
}

/** The office's 错敏词 list: read by everyone who may see monitoring, saved by supervisors of a root organization. */
export function SensitiveWordsView(
  p: Page & {
    data: { text: string; edited: boolean; count: number; canEdit: boolean };
    values?: Values;
    errors?: Record<string, string>;
    message?: string;
  },
) {
  const value = typeof p.values?.words === 'string' ? p.values.words : p.data.text;
  return (
    <AdminLayout title="错敏词" actor={p.actor} csrf={p.csrf} flash={p.flash}>
      <h1>错敏词</h1>
      <Tabs />
      <p>
        网站监测按此词表检查页面和附件中的错误机构名称和不规范用语（共 {p.data.count} 条
        {p.data.edited ? '，本单位已修改' : '，系统默认词表'}）。发现的问题须经人工确认后才计入结果。
      </p>
      {p.data.canEdit ? (
        <PostForm action="/admin/monitoring/words" csrf={p.csrf}>
          <ErrorSummary message={p.message} errors={p.errors ?? {}} />
          <Field
            name="words"
            label="词表"
            multiline
            required
            value={value}
            error={p.errors?.words}
            hint="每行一条：错误写法|建议写法|说明（说明可省略）；以 # 开头的行为注释"
          />
          <button type="submit">保存词表</button>
        </PostForm>
      ) : (
        <pre class="wordlist">{p.data.text}</pre>
      )}
    </AdminLayout>
  );
}
