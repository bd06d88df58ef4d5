/** @jsxImportSource hono/jsx */
// The back-office page of one annual report: state and dates, the findings of R1–R8, the workflow
// buttons the record allows, downloads, the report as it will be published, and the editing forms
// (narrative sections 一/五/六, the section-二 cells typed in, their CSV import). Forms work without
// JavaScript; typed values come back on errors.
import type { ReportRecord, FigureSource } from '../../../app/reports/annual-reports.js';
import type { VersionEntry } from '../../../domain/reports/report-correction.js';
import { DataTable } from '../../common/blocks.js';
import type { ReportTask } from '../../../domain/reports/report-readiness.js';
import type { Actor } from '../../../domain/policies/actor.js';
import type { ManualArticle20Field } from '../../../domain/reports/compute.js';
import { NARRATIVE_KEYS, REPORT_FORMAT_LABELS, SECTION_TITLES } from '../../../domain/reports/labels.js';
import { REPORT_STATE_LABELS } from '../../../domain/reports/report-policy.js';
import { AdminLayout } from '../../common/layout.js';
import { ErrorSummary, Field, FileField, PostForm } from '../../common/forms.js';
import { formatInstant } from '../../common/time.js';
import { ExportLinks, FindingsTable, ReportTables } from './annual-report-common.js';
import { publicReportHref, publicVersionHref } from '../../public/reports/annual-report-public-views.js';
import { DueDate, REPORTS_PATH, reportHref } from './annual-report-views.js';

/** One section-二 cell typed in or imported. */
export type ManualField = ManualArticle20Field;

/** The form field of a section-二 cell. */
export const figureField = (key: string): string => `a20.${key}`;

/** The form's labels (for the error summary): narrative headings and the cells' labels. */
export function reportFormLabels(fields: readonly ManualField[]): Record<string, string> {
  const labels: Record<string, string> = { csv: 'CSV 文件', reason: '退回理由', withdrawReason: '撤回理由' };
  for (const k of NARRATIVE_KEYS) labels[k] = SECTION_TITLES[k];
  for (const f of fields) labels[figureField(f.key)] = `第二部分 ${f.label}`;
  return labels;
}

/** The stored values of the editing form (narratives and the section-二 cells) as strings. */
export function formValuesOf(record: ReportRecord, fields: readonly ManualField[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const k of NARRATIVE_KEYS) values[k] = record.report.sections[k] ?? '';
  for (const f of fields) {
    const v = (record.report.article20[f.row] as Record<string, unknown> | undefined)?.[f.column];
    values[figureField(f.key)] = typeof v === 'number' ? String(v) : '';
  }
  return values;
}

function sourceText(s: FigureSource | undefined): string {
  if (!s) return '来源：尚未填写';
  const how = `${s.source === 'csv' ? 'CSV 导入' : '手工录入'}${s.note ? `（${s.note}）` : ''}`;
  return `来源：${how}${s.by ? `，${s.by}` : ''}，${formatInstant(s.at)}`;
}

type PageProps = {
  actor: Actor;
  csrf: string;
  flash?: string;
  record: ReportRecord;
  fields: readonly ManualField[];
  /** The editing form's values as typed (after an error) or as stored. */
  values: Record<string, string>;
  errors?: Record<string, string>;
  message?: string;
  reason?: string;
  withdrawReason?: string;
};

/** What the state line adds: where the figures come from now. */
function figuresNote(r: ReportRecord): string {
  if (r.correctingSince) {
    return '（更正中：下方为更正稿，表中由系统统计的数字已按当前数据重新统计；门户仍显示现行版本，发布更正后替换）';
  }
  return r.state === 'draft' ? '（表中数字为按当前办理情况实时统计的结果，报送后固定）' : '（表中数字已于报送时固定）';
}

function StatusList(p: { record: ReportRecord }) {
  const r = p.record;
  return (
    <dl class="report-status">
      <dt>报告状态</dt>
      <dd>
        <strong>{r.withdrawal && r.state === 'draft' ? '已撤回（编制中）' : REPORT_STATE_LABELS[r.state]}</strong>
        {figuresNote(r)}
      </dd>
      <dt>索引号</dt>
      <dd>{r.indexNo ?? '首次公开发布时生成'}</dd>
      <dt>报告格式</dt>
      <dd>{REPORT_FORMAT_LABELS[r.format]}</dd>
      <dt>法定公布期限</dt>
      <dd>
        <DueDate dueOn={r.dueOn} late={r.late && !r.internalDueOn} />
        （《条例》第四十九条）
      </dd>
      {r.internalDueOn ? (
        <>
          <dt>内部报送期限</dt>
          <dd>
            <DueDate dueOn={r.internalDueOn} late={r.late} />
          </dd>
        </>
      ) : null}
      <dt>报送时间</dt>
      <dd>{formatInstant(r.submittedAt)}</dd>
      <dt>公开发布时间</dt>
      <dd>
        {formatInstant(r.publishedAt)}
        {r.state === 'published' ? (
          <>
            　<a href={publicReportHref(r.creditCode, r.year)}>在门户网站查看</a>
          </>
        ) : null}
      </dd>
      {r.returnedReason ? (
        <>
          <dt>退回理由</dt>
          <dd class="warn">{r.returnedReason}</dd>
        </>
      ) : null}
      {r.withdrawal ? (
        <>
          <dt>撤回</dt>
          <dd class="warn">
            {`${formatInstant(r.withdrawal.at)}，${r.withdrawal.by}：${r.withdrawal.reason}`}
            （门户已不再显示本报告；更正后重新公开发布时须填写更正说明）
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/** How a version stands, for the back office. */
function versionStanding(v: VersionEntry): string {
  if (v.status.kind === 'current') return '现行版本（门户显示）';
  if (v.status.kind === 'corrected') return `已更正（${v.status.on}，见第${v.status.by}版）`;
  return `已撤回（${formatInstant(v.status.at)}）`;
}

/** The published versions with their 更正说明, each linked to its public page while it is public. */
function Versions(p: { record: ReportRecord }) {
  const r = p.record;
  if (r.versions.length === 0) return null;
  const href = (v: VersionEntry) =>
    v.status.kind === 'current'
      ? publicReportHref(r.creditCode, r.year)
      : publicVersionHref(r.creditCode, r.year, v.version);
  return (
    <section aria-labelledby="versions">
      <h2 id="versions">已发布的版本</h2>
      <DataTable class="report-versions-admin" cols={['版本', '发布时间', '状态', '更正说明']}>
        {r.versions.map((v) => (
          <tr>
            <td>{v.status.kind === 'withdrawn' ? `第${v.version}版` : <a href={href(v)}>{`第${v.version}版`}</a>}</td>
            <td>{formatInstant(v.publishedAt)}</td>
            <td>{versionStanding(v)}</td>
            <td class="pre">
              {v.correction
                ? `更正日期：${v.correction.on}\n更正内容：${v.correction.what}\n更正原因：${v.correction.why}`
                : '—'}
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

/** Where each task links: a section to its place on the page, the steps to their parts or pages. */
function taskHref(r: ReportRecord, key: ReportTask['key']): string {
  if (key === 'publish') {
    if (r.state === 'published' && !(r.correctingSince && r.can.publish)) return publicReportHref(r.creditCode, r.year);
    return r.can.publish ? `${reportHref(r.orgId, r.year)}/publish` : '#workflow';
  }
  if (key === 'check') return '#findings';
  if (key === 'submit') return '#workflow';
  return (NARRATIVE_KEYS as readonly string[]).includes(key) && r.can.edit ? `#f-${key}` : `#preview`;
}

/** The task list: sections 一–六 each 未完成/已完成, then 检查 → 报送 → 公开, each linked to its step. */
function TaskList(p: { record: ReportRecord }) {
  const r = p.record;
  return (
    <nav aria-labelledby="tasks" class="report-tasks">
      <h2 id="tasks">编制进度</h2>
      <ol>
        {r.tasks.map((t) => (
          <li class={t.done ? 'task-done' : 'task-open'}>
            <a href={taskHref(r, t.key)}>{t.label}</a>
            <strong class={t.done ? 'ok' : 'warn'}>{t.done ? '已完成' : '未完成'}</strong>
            {t.note ? <span class="muted">{t.note}</span> : null}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** A form of one button that posts the CSRF token to `action`. */
function ButtonForm(p: { action: string; csrf: string; label: string }) {
  return (
    <PostForm action={p.action} csrf={p.csrf} class="inline">
      <button type="submit">{p.label}</button>
    </PostForm>
  );
}

/** A form of one required reason and its button (退回, 撤回). */
function ReasonForm(p: {
  action: string;
  csrf: string;
  name: string;
  label: string;
  value?: string;
  error?: string;
  hint: string;
  button: [label: string, className: string];
}) {
  return (
    <PostForm action={p.action} csrf={p.csrf} class="report-reason">
      <Field name={p.name} label={p.label} value={p.value} error={p.error} required multiline hint={p.hint} />
      <button type="submit" class={p.button[1]}>
        {p.button[0]}
      </button>
    </PostForm>
  );
}

/** The label of the publishing link: 公开发布 the first time, 发布更正 when the report was published before. */
const publishLabel = (r: ReportRecord): string => (r.versions.length > 0 ? '发布更正' : '公开发布');

/** Submit / publish / return / correct / withdraw, each only when the actor may do it. */
function WorkflowActions(p: {
  record: ReportRecord;
  csrf: string;
  reason?: string;
  error?: string;
  withdrawReason?: string;
  withdrawError?: string;
}) {
  const r = p.record;
  const base = reportHref(r.orgId, r.year);
  const { submit, publish, correct, withdraw } = r.can;
  if (!submit && !publish && !r.can.return && !correct && !withdraw) {
    return <p class="muted">当前没有可执行的报送、发布或更正操作。</p>;
  }
  return (
    <div class="report-actions">
      {submit ? <ButtonForm action={`${base}/submit`} csrf={p.csrf} label="报送上级" /> : null}
      {publish ? (
        <a class="button" href={`${base}/publish`}>
          {publishLabel(r)}
        </a>
      ) : null}
      {correct && !r.correctingSince ? (
        <PostForm action={`${base}/correct`} csrf={p.csrf} class="report-correct">
          <p class="hint">
            发现已公开的报告有错误时，可以更正：按现行版本修改文字或数字（系统统计的数字会按当前数据重新统计），检查通过后发布更正并填写更正说明。更正发布前，门户仍显示现行版本；原版本发布后仍可查阅，标注“已更正”。
          </p>
          <button type="submit" class="secondary">
            更正报告
          </button>
        </PostForm>
      ) : null}
      {correct && r.correctingSince ? (
        <ButtonForm action={`${base}/cancel-correction`} csrf={p.csrf} label="放弃更正" />
      ) : null}
      {r.can.return ? (
        <ReasonForm
          action={`${base}/return`}
          csrf={p.csrf}
          name="reason"
          label="退回理由"
          value={p.reason}
          error={p.error}
          hint="退回后报告回到草稿状态，编制单位可以看到退回理由。"
          button={['退回修改', 'secondary']}
        />
      ) : null}
      {withdraw ? (
        <ReasonForm
          action={`${base}/withdraw`}
          csrf={p.csrf}
          name="withdrawReason"
          label="撤回理由"
          value={p.withdrawReason}
          error={p.withdrawError}
          hint="撤回后报告的全部版本从门户网站撤下（原网址提示已撤回），撤回理由记入操作日志。报告回到编制状态，可以更正后重新公开发布。"
          button={['从门户撤回', 'danger']}
        />
      ) : null}
    </div>
  );
}

/** The narrative textareas and the section-二 cells, saved together (`saveReportDraft`). */
function DraftForm(p: {
  record: ReportRecord;
  csrf: string;
  fields: readonly ManualField[];
  values: Record<string, string>;
  errors: Record<string, string>;
}) {
  const base = reportHref(p.record.orgId, p.record.year);
  const v = p.values;
  const e = p.errors;
  return (
    <PostForm action={`${base}/draft`} csrf={p.csrf} class="report-form">
      <fieldset>
        <legend>报告正文（第一、五、六部分）</legend>
        {NARRATIVE_KEYS.map((k) => (
          <Field name={k} label={SECTION_TITLES[k]} value={v[k]} error={e[k]} multiline />
        ))}
      </fieldset>
      <fieldset>
        <legend>第二部分 主动公开政府信息情况（需录入的数字）</legend>
        <p class="hint">
          规章和行政规范性文件的件数由主动公开目录自动统计，不在此填写。其余数字来自其他业务系统：逐项录入，或用下方的
          CSV 文件导入。金额可填小数（万元），“本年增/减”可填负数，其余为非负整数；不填表示表中留空。
        </p>
        <div class="figure-grid">
          {p.fields.map((f) => (
            <Field
              name={figureField(f.key)}
              label={f.label}
              value={v[figureField(f.key)]}
              error={e[figureField(f.key)]}
              inputmode={f.decimal || f.signed ? 'text' : 'numeric'}
              hint={sourceText(p.record.sources[f.key])}
            />
          ))}
        </div>
      </fieldset>
      <button type="submit">保存草稿</button>
    </PostForm>
  );
}

/** The CSV import of the section-二 figures (`importArticle20Csv`). */
function CsvForm(p: { record: ReportRecord; csrf: string; fields: readonly ManualField[]; error?: string }) {
  const base = reportHref(p.record.orgId, p.record.year);
  return (
    <PostForm action={`${base}/figures.csv`} csrf={p.csrf} multipart class="report-form">
      <fieldset>
        <legend>从 CSV 文件导入第二部分数字</legend>
        <FileField
          name="csv"
          label="CSV 文件"
          accept=".csv,text/csv"
          required
          error={p.error}
          hint={`UTF-8 或 GBK 编码的 CSV 文件，每行一个单元格：栏目,数值[,备注]。栏目可写代码（如 ${p.fields[0]?.key ?? 'licensing.decisions'}）或中文名称（如“${p.fields[0]?.label ?? '行政许可：本年处理决定数量'}”），第一行可以是表头“栏目,数值,备注”。有一处错误时整个文件都不导入，并指出出错的行和列。`}
        />
        <button type="submit" class="secondary">
          导入
        </button>
      </fieldset>
    </PostForm>
  );
}

/** `/admin/reports/:orgId/:year`. */
export function ReportPage(p: PageProps) {
  const r = p.record;
  const base = reportHref(r.orgId, r.year);
  const e = p.errors ?? {};
  const formErrors = Object.fromEntries(
    Object.entries(e).filter(([k]) => k !== 'reason' && k !== 'csv' && k !== 'withdrawReason'),
  );
  return (
    <AdminLayout
      title={`${r.orgName} ${r.year} 年度报告`}
      actor={p.actor}
      csrf={p.csrf}
      path={REPORTS_PATH}
      flash={p.flash}
    >
      <ErrorSummary message={p.message} errors={e} labels={reportFormLabels(p.fields)} />
      <StatusList record={r} />
      <TaskList record={r} />
      <Versions record={r} />
      <section aria-labelledby="findings">
        <h2 id="findings">检查结果</h2>
        <FindingsTable findings={r.findings} />
      </section>
      <section aria-labelledby="workflow">
        <h2 id="workflow">报送与发布</h2>
        <WorkflowActions
          record={r}
          csrf={p.csrf}
          reason={p.reason}
          error={e.reason}
          withdrawReason={p.withdrawReason}
          withdrawError={e.withdrawReason}
        />
      </section>
      <section aria-labelledby="downloads">
        <h2 id="downloads">下载</h2>
        <ExportLinks href={(k) => `${base}/export.${k}`} label="下载本报告" />
      </section>
      <section aria-labelledby="preview">
        <h2 id="preview">按公布格式预览</h2>
        <ReportTables report={r.report} format={r.format} notes={r.figureNotes} demote />
      </section>
      {r.can.edit ? (
        <section aria-labelledby="edit">
          <h2 id="edit">编辑报告</h2>
          <PostForm action={`${base}/regenerate`} csrf={p.csrf} class="report-regenerate">
            <p class="hint">
              根据本年度的办理数据、上年度报告和收费记录重新生成第一、五、六部分的草稿，替换已保存的文字（未保存的修改会丢失）。
            </p>
            <button type="submit" class="secondary">
              从数据重新生成草稿
            </button>
          </PostForm>
          <DraftForm record={r} csrf={p.csrf} fields={p.fields} values={p.values} errors={formErrors} />
          <CsvForm record={r} csrf={p.csrf} fields={p.fields} error={e.csv} />
        </section>
      ) : null}
      <p>
        <a href={`${REPORTS_PATH}?${new URLSearchParams({ org: r.orgId, year: String(r.year) }).toString()}`}>
          返回年度报告列表
        </a>
      </p>
    </AdminLayout>
  );
}
