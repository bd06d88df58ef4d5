/** @jsxImportSource hono/jsx */
// Views of 年报体检 in the back office: the upload form and the results per report.
import type { Actor } from '../../../domain/policies/actor.js';
import type { CheckedReport } from '../../../domain/report-check/check-text.js';
import { APPLICANT_COLUMNS, applicationRows, type Cell } from '../../../domain/reports/annual-report.js';
import { APPLICANT_COLUMN_LABELS, APPLICATION_ROW_LABELS } from '../../../domain/reports/labels.js';
import { DataTable, InfoList } from '../../common/blocks.js';
import { AdminLayout } from '../../common/layout.js';
import { ErrorSummary, FieldNotes, FileField, PostForm, describedBy } from '../../common/forms.js';
import { FindingsTable } from './annual-report-common.js';

const PATH = '/admin/report-check';

/** Labels of the form's fields (also used in the error summary). */
export const REPORT_CHECK_LABELS: Record<string, string> = { files: '报告文件', text: '粘贴报告全文' };

type FormProps = {
  actor: Actor;
  csrf: string;
  text?: string;
  errors?: Record<string, string>;
  message?: string;
  limits: { maxFiles: number; maxFileMb: number };
};

/** The upload form: files and/or pasted text; works without JavaScript. */
export function ReportCheckFormPage(p: FormProps) {
  const e = p.errors ?? {};
  const textNotes = { id: 'f-text', hint: '从网页复制整篇报告（含表格）粘贴到此处，作为一份报告检查。', error: e.text };
  return (
    <AdminLayout title="年报体检" actor={p.actor} csrf={p.csrf} path={PATH}>
      <p>
        上传下级单位已发布的政府信息公开工作年度报告（网页另存的文件、Word 文档、PDF
        或复制的文字），检查表格数字的勾稽关系、格式与年度是否相符、内容是否残缺，以及是否被植入赌博、色情等广告。
      </p>
      <p class="notice">
        上传的文件和文字只在本次检查中读取，检查结果只显示在本页，系统不保存任何上传内容。如需留存，请下载 JSON 结果。
      </p>
      <ErrorSummary message={p.message} errors={e} labels={REPORT_CHECK_LABELS} />
      <PostForm action={PATH} csrf={p.csrf} multipart>
        <FileField
          name="files"
          label={REPORT_CHECK_LABELS.files!}
          multiple
          accept=".txt,.html,.htm,.docx,.pdf,text/plain,text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          error={e.files}
          hint={`可一次选择多个文件（txt、html、docx、pdf），每个文件不超过 ${p.limits.maxFileMb} MB，最多 ${p.limits.maxFiles} 个。`}
        />
        <div class={e.text ? 'field has-error' : 'field'}>
          <label for="f-text">{REPORT_CHECK_LABELS.text}（可选）</label>
          <FieldNotes {...textNotes} />
          <textarea
            id="f-text"
            name="text"
            rows={12}
            aria-describedby={describedBy(textNotes)}
            aria-invalid={e.text ? 'true' : undefined}
          >
            {p.text ?? ''}
          </textarea>
        </div>
        <button type="submit">开始体检</button>
      </PostForm>
    </AdminLayout>
  );
}

const showCell = (v: Cell | undefined): string => (v === undefined ? '—' : v === null ? '' : String(v));

function ApplicationsTable(p: { report: CheckedReport }) {
  const r = p.report;
  if (Object.keys(r.applications).length === 0) return <p>未读取到第三部分表格的数字。</p>;
  const format = r.format ?? r.expectedFormat ?? '2021';
  const extra = Object.keys(r.applications).filter(
    (k) => !(applicationRows(format) as string[]).includes(k),
  ) as (keyof typeof r.applications)[];
  return (
    <DataTable
      caption="第三部分 收到和处理政府信息公开申请情况（读取到的数字；空白为表中留空，“—”为文本中没有）"
      cols={['行', ...APPLICANT_COLUMNS.map((c) => APPLICANT_COLUMN_LABELS[c])]}
    >
      {[...applicationRows(format), ...extra].map((row) => (
        <tr>
          <th scope="row">{APPLICATION_ROW_LABELS[row]}</th>
          {APPLICANT_COLUMNS.map((c) => (
            <td class="num">{showCell(r.applications[row]?.[c])}</td>
          ))}
        </tr>
      ))}
    </DataTable>
  );
}

const fileBase = (name: string): string => name.replace(/\.[^.]*$/, '') || 'report';

/** The format read and the one the year wants, flagged when they differ. */
function FormatText(p: { report: CheckedReport }) {
  const r = p.report;
  const mismatch = r.format !== null && r.expectedFormat !== null && r.format !== r.expectedFormat;
  const expected = r.expectedFormat ? `${r.expectedFormat}年版` : '：未知';
  return (
    <>
      {`${r.format ? `${r.format}年版` : '未识别'}（按年度应为${expected}）`}
      {mismatch ? <strong class="warn">　格式与年度不符</strong> : null}
    </>
  );
}

function ReportResult(p: { report: CheckedReport; index: number; csrf: string }) {
  const r = p.report;
  const id = `r${p.index + 1}`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        {p.index + 1}. {r.file ?? '（未命名）'}
      </h2>
      <InfoList
        rows={[
          ['发布机关', r.organization.name ?? '未识别'],
          ['年度', r.year ?? '未识别'],
          ['表格格式', <FormatText report={r} />],
          ['完整性', r.complete ? '完整' : '不完整（副本在第六部分之前中断）'],
          ['植入广告', r.tampered ? <strong class="error">有：此副本已被篡改</strong> : '未发现'],
        ]}
      />
      <FindingsTable findings={r.findings} caption={`发现的问题（${r.findings.length} 项）`} empty="未发现问题。" />
      <ApplicationsTable report={r} />
      <PostForm action={`${PATH}/json`} csrf={p.csrf} class="inline">
        <input type="hidden" name="name" value={fileBase(r.file ?? 'report')} />
        <input type="hidden" name="json" value={JSON.stringify(r)} />
        <button type="submit" class="secondary">
          下载 JSON（{r.file ?? '报告'}）
        </button>
      </PostForm>
    </section>
  );
}

/** The results page: one block per report, in upload order. */
export function ReportCheckResultsPage(p: { actor: Actor; csrf: string; reports: CheckedReport[] }) {
  const errors = p.reports.filter((r) => r.findings.some((f) => f.severity === 'error')).length;
  const spam = p.reports.filter((r) => r.tampered).length;
  return (
    <AdminLayout title="年报体检结果" actor={p.actor} csrf={p.csrf} path={PATH}>
      <p role="status">
        共检查 {p.reports.length} 份报告：完整 {p.reports.filter((r) => r.complete).length} 份，有错误 {errors}{' '}
        份，含植入广告 {spam} 份。结果未保存。
      </p>
      <p>
        <a href={PATH}>再检查一批</a>
      </p>
      {p.reports.map((r, i) => (
        <ReportResult report={r} index={i} csrf={p.csrf} />
      ))}
    </AdminLayout>
  );
}
