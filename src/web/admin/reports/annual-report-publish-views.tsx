/** @jsxImportSource hono/jsx */
// The confirmation before an annual report goes public (《政府信息公开条例》第四十九条): what the portal will
// show and where, what still stops it, and the confirming button (a POST with confirm=1). Publishing is final:
// the published figures and text never change afterwards.
import type { PublishConfirmation } from '../../../app/reports/report-workflow.js';
import type { Actor } from '../../../domain/policies/actor.js';
import { REPORT_FILES } from '../../../domain/reports/report-files.js';
import { reportTitle } from '../../../domain/reports/render-text.js';
import { AdminLayout } from '../../common/layout.js';
import { ErrorSummary, PostForm } from '../../common/forms.js';
import { ARCHIVE_LABEL, PUBLIC_FILES } from '../../public/reports/annual-report-public-views.js';
import { ReportTables } from './annual-report-common.js';
import { REPORTS_PATH, reportHref } from './annual-report-views.js';

/** `GET /admin/reports/:orgId/:year/publish`, and the same page for a POST without confirm=1. */
export function PublishConfirmPage(p: {
  actor: Actor;
  csrf: string;
  confirmation: PublishConfirmation;
  /** Absolute URLs: the report's portal page and the archive it is listed in. */
  pageUrl: string;
  archiveUrl: string;
  message?: string;
}) {
  const { record: r, blockers } = p.confirmation;
  const base = reportHref(r.orgId, r.year);
  const title = reportTitle(r.report);
  return (
    <AdminLayout
      title={`公开发布确认：${r.orgName} ${r.year} 年度报告`}
      actor={p.actor}
      csrf={p.csrf}
      path={REPORTS_PATH}
    >
      <ErrorSummary message={p.message} errors={{}} labels={{}} />
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
        <p class="warn">公开后报告的数字和文字即固定，不能再修改。</p>
      </section>
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
          <PostForm action={`${base}/publish`} csrf={p.csrf} class="inline">
            <input type="hidden" name="confirm" value="1" />
            <button type="submit">确认公开发布</button>
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
