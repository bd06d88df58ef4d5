/** @jsxImportSource hono/jsx */
// The confirmation before an annual report goes public (《政府信息公开条例》第四十九条): what the portal will
// show and where, what still stops it, and the confirming button (a POST with confirm=1). A published version never
// changes afterwards: a correction is a new version, published here with its 更正说明 (date, what changed, why),
// the earlier version staying readable and marked 已更正.
import type { PublishConfirmation } from '../../../app/reports/report-workflow.js';
import type { Actor } from '../../../domain/policies/actor.js';
import { REPORT_FILES } from '../../../domain/reports/report-files.js';
import { reportTitle } from '../../../domain/reports/render-text.js';
import { AdminLayout } from '../../common/layout.js';
import { ErrorSummary, Field, PostForm } from '../../common/forms.js';
import { ARCHIVE_LABEL, PUBLIC_FILES } from '../../public/reports/annual-report-public-views.js';
import { ReportTables } from './annual-report-common.js';
import { REPORTS_PATH, reportHref } from './annual-report-views.js';

/** The 更正说明's fields, for the error summary. */
const NOTE_LABELS: Record<string, string> = {
  correctedOn: '更正日期',
  correctionWhat: '更正内容',
  correctionWhy: '更正原因',
};

/** `GET /admin/reports/:orgId/:year/publish`, and the same page for a POST without confirm=1. */
export function PublishConfirmPage(p: {
  actor: Actor;
  csrf: string;
  confirmation: PublishConfirmation;
  /** Absolute URLs: the report's portal page and the archive it is listed in. */
  pageUrl: string;
  archiveUrl: string;
  message?: string;
  /** The 更正说明 as typed, and its errors, after a refused click. */
  values?: Record<string, string>;
  errors?: Record<string, string>;
}) {
  const { record: r, blockers, correction } = p.confirmation;
  const base = reportHref(r.orgId, r.year);
  const title = reportTitle(r.report);
  const errors = p.errors ?? {};
  return (
    <AdminLayout
      title={`${correction ? '发布更正确认' : '公开发布确认'}：${r.orgName} ${r.year} 年度报告`}
      actor={p.actor}
      csrf={p.csrf}
      path={REPORTS_PATH}
    >
      <ErrorSummary message={p.message} errors={errors} labels={NOTE_LABELS} />
      <section aria-labelledby="goes-public" class="publish-confirm">
        <h2 id="goes-public">公开的内容和位置</h2>
        <p>
          将在门户公开《{title}》的全文（第一至第六部分，含下方预览中的全部表格和文字），地址：
          <a href={p.pageUrl}>{p.pageUrl}</a>
        </p>
        <p>
          同时列入门户“{ARCHIVE_LABEL}”栏目（<a href={p.archiveUrl}>{p.archiveUrl}</a>
          ），并在报告页面旁提供下列文件供下载：
        </p>
        <ul>
          {PUBLIC_FILES.map((k) => (
            <li>{`${REPORT_FILES[k].label}：${p.pageUrl}.${k}`}</li>
          ))}
        </ul>
        {correction ? (
          <p class="warn">
            {`本次发布为第${correction.version}版（更正）：门户显示更正后的报告和更正说明，索引号${r.indexNo ?? ''}不变；此前的版本仍可查阅，标注“已更正”。`}
          </p>
        ) : (
          <p class="warn">
            公开后报告的数字和文字即固定。如发现错误，可以发布更正（附更正说明），原版本仍可查阅并标注“已更正”。
          </p>
        )}
      </section>
      {correction ? (
        <section aria-labelledby="changes">
          <h2 id="changes">与上一版本相比的变化</h2>
          {correction.changes.length > 0 ? (
            <ul>
              {correction.changes.map((c) => (
                <li>{c}</li>
              ))}
            </ul>
          ) : (
            <p class="muted">与上一版本相比没有变化。</p>
          )}
        </section>
      ) : null}
      {blockers.length > 0 ? (
        <section aria-labelledby="blockers">
          <h2 id="blockers">暂不能公开发布</h2>
          <ul class="error">
            {blockers.map((b) => (
              <li>{b}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <div class="report-actions">
        {blockers.length === 0 ? (
          <PostForm action={`${base}/publish`} csrf={p.csrf} class={correction ? 'report-form' : 'inline'}>
            <input type="hidden" name="confirm" value="1" />
            {correction ? (
              <fieldset>
                <legend>更正说明（随更正后的报告在门户公开）</legend>
                <Field
                  name="correctedOn"
                  label="更正日期"
                  value={p.values?.correctedOn ?? correction.today}
                  error={errors.correctedOn}
                  required
                  hint={`格式如 ${correction.today}，不早于被更正版本的发布日期（${correction.since}），不晚于今天。`}
                />
                <Field
                  name="correctionWhat"
                  label="更正内容"
                  value={p.values?.correctionWhat}
                  error={errors.correctionWhat}
                  required
                  multiline
                  hint="更正了报告的哪一部分、哪些数字或文字（可参照上方列出的变化）。"
                />
                <Field
                  name="correctionWhy"
                  label="更正原因"
                  value={p.values?.correctionWhy}
                  error={errors.correctionWhy}
                  required
                  multiline
                />
              </fieldset>
            ) : null}
            <button type="submit">{correction ? '确认发布更正' : '确认公开发布'}</button>
          </PostForm>
        ) : null}
        <a class="button secondary" href={base}>
          返回报告
        </a>
      </div>
      <section aria-labelledby="preview">
        <h2 id="preview">将要公开的报告</h2>
        <ReportTables report={r.report} format={r.format} demote />
      </section>
    </AdminLayout>
  );
}
