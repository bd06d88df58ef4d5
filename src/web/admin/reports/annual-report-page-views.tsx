/** @jsxImportSource hono/jsx */
// The back-office page of one annual report: state and dates, the findings of R1–R8, the workflow
// buttons the record allows, downloads, the report as it will be published, and the editing forms
// (narrative sections 一/五/六, the section-二 cells typed in, their CSV import). Forms work without
// JavaScript; typed values come back on errors.
import type { ReportRecord, FigureSource } from '../../../app/reports/annual-reports.js';
import type { ReportTask } from '../../../domain/reports/report-readiness.js';
import type { Actor } from '../../../domain/policies/actor.js';
import type { ManualArticle20Field } from '../../../domain/reports/compute.js';
import { NARRATIVE_KEYS, REPORT_FORMAT_LABELS, SECTION_TITLES } from '../../../domain/reports/labels.js';
import { REPORT_STATE_LABELS } from '../../../domain/reports/report-policy.js';
import { AdminLayout } from '../../common/layout.js';
import { ErrorSummary, Field, FileField, PostForm } from '../../common/forms.js';
import { formatInstant } from '../../common/time.js';
import { ExportLinks, FindingsTable, ReportTables } from './annual-report-common.js';
import { publicReportHref } from '../../public/reports/annual-report-public-views.js';
import { DueDate, REPORTS_PATH, reportHref } from './annual-report-views.js';

/** One section-二 cell typed in or imported. */
export type ManualField = ManualArticle20Field;

/** The form field of a section-二 cell. */
export const figureField = (key: string): string => `a20.${key}`;

/** The form's labels (for the error summary): narrative headings and the cells' labels. */
export function reportFormLabels(fields: readonly ManualField[]): Record<string, string> {
  const labels: Record<string, string> = { csv: 'CSV 文件', reason: '退回理由' };
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
};

function StatusList(p: { record: ReportRecord }) {
  const r = p.record;
  return (
    <dl class="report-status">
      <dt>报告状态</dt>
      <dd>
        <strong>{REPORT_STATE_LABELS[r.state]}</strong>
        {r.state === 'draft' ? '（表中数字为按当前办理情况实时统计的结果，报送后固定）' : '（表中数字已于报送时固定）'}
      </dd>
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
    </dl>
  );
}

/** Where each task links: a section to its place on the page, the steps to their parts or pages. */
function taskHref(r: ReportRecord, key: ReportTask['key']): string {
  if (key === 'publish') {
    if (r.state === 'published') return publicReportHref(r.creditCode, r.year);
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

/** Submit / publish / return, each only when the actor may do it. */
function WorkflowActions(p: { record: ReportRecord; csrf: string; reason?: string; error?: string }) {
  const r = p.record;
  const base = reportHref(r.orgId, r.year);
  if (!r.can.submit && !r.can.publish && !r.can.return) return <p class="muted">当前没有可执行的报送或发布操作。</p>;
  return (
    <div class="report-actions">
      {r.can.submit ? <ButtonForm action={`${base}/submit`} csrf={p.csrf} label="报送上级" /> : null}
      {r.can.publish ? (
        <a class="button" href={`${base}/publish`}>
          公开发布
        </a>
      ) : null}
      {r.can.return ? (
        <PostForm action={`${base}/return`} csrf={p.csrf} class="report-return">
          <Field
            name="reason"
            label="退回理由"
            value={p.reason}
            error={p.error}
            required
            multiline
            hint="退回后报告回到草稿状态，编制单位可以看到退回理由。"
          />
          <button type="submit" class="secondary">
            退回修改
          </button>
        </PostForm>
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
  const formErrors = Object.fromEntries(Object.entries(e).filter(([k]) => k !== 'reason' && k !== 'csv'));
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
      <section aria-labelledby="findings">
        <h2 id="findings">检查结果</h2>
        <FindingsTable findings={r.findings} />
      </section>
      <section aria-labelledby="workflow">
        <h2 id="workflow">报送与发布</h2>
        <WorkflowActions record={r} csrf={p.csrf} reason={p.reason} error={e.reason} />
      </section>
      <section aria-labelledby="downloads">
        <h2 id="downloads">下载</h2>
        <ExportLinks href={(k) => `${base}/export.${k}`} label="下载本报告" />
      </section>
      <section aria-labelledby="preview">
        <h2 id="preview">按公布格式预览</h2>
        <ReportTables report={r.report} format={r.format} demote />
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
