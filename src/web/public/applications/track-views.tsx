/** @jsxImportSource hono/jsx */
// Views of the applicant's page (/track): the lookup form; the case page — state, dates, the request, the notices
// served and the steps of the deadline ledger, never the applicant's personal data; one notice; and the neutral
// "not found" and 429 pages.
import type { TrackDownloads } from '../../../app/applications/track-downloads.js';
import { TrackDownloadList } from './track-download-views.js';
import type { PortalSite } from '../../../app/portal/portal.js';
import { TRACK_PASS_MINUTES, type TrackCaseView } from '../../../app/applications/track.js';
import type { NoticeDocument as NoticeDoc } from '../../../domain/notices/notice.js';
import { NoticeDocument } from '../../admin/applications/notice-document.js';
import { ACTION_LABELS, STATE_LABELS, isClosedState } from '../../../domain/applications/transition-table.js';
import { outcomeForApplicant, requestRows } from '../../../domain/applications/labels.js';
import { DataTable, InfoList } from '../../common/blocks.js';
import { PublicLayout } from '../../common/layout.js';
import { ErrorSummary, Field, PostForm } from '../../common/forms.js';
import { TRACK_NOT_FOUND } from '../../common/rate-limit.js';
import { siteTitle } from '../portal/portal-views.js';
import { TrackCorrectionSection, type CorrectionFormState } from './track-correction-views.js';

const CRUMBS: [string, string][] = [
  ['/', '政府信息公开'],
  ['', '申请办理进度查询'],
];

/** The lookup form, alone or with the neutral error (`notFound`). */
export function TrackFormPage(p: {
  site: PortalSite;
  csrf: string;
  code?: string;
  notFound?: boolean;
  message?: string;
}) {
  return (
    <PublicLayout title="申请办理进度查询" siteTitle={siteTitle(p.site)} footer={p.site.footer} crumbs={CRUMBS}>
      <h1>申请办理进度查询</h1>
      <p>请输入提交申请后取得的查询码，以及申请时填写的手机号码或证件号码（法人或其他组织为统一社会信用代码）。</p>
      {p.notFound ? <ErrorSummary message={TRACK_NOT_FOUND} /> : null}
      {p.message ? (
        <p class="notice" role="alert">
          {p.message}
        </p>
      ) : null}
      <PostForm action="/track" csrf={p.csrf} class="narrow">
        <Field
          name="code"
          label="查询码"
          hint="例如 7KQM-4XWD-P2HC，字母不区分大小写"
          value={p.code}
          required
          autocomplete="off"
        />
        <Field name="contact" label="手机号码或证件号码" required autocomplete="off" />
        <p>
          <button type="submit">查询</button>
        </p>
      </PostForm>
    </PublicLayout>
  );
}

/** The deadline as the applicant reads it: the due date with 剩余N个工作日, or why there is none. */
function deadlineText(d: TrackCaseView['deadline']): string {
  if (d.status === 'closed') return '已办结';
  if (d.status === 'paused' || d.dueOn === null) return '暂停计算（补正、征求意见或缴费期间不计入答复期限）';
  const left = d.workingDaysLeft ?? 0;
  return left >= 0 ? `${d.dueOn}（剩余${left}个工作日）` : `${d.dueOn}（已超期${-left}个工作日）`;
}

/**
 * The applicant's page of a case: the state and dates, the request as filed (and as corrected), the notices
 * served, and every public step with the due date after it. Nothing internal, no personal data.
 */
export function TrackCasePage(p: {
  site: PortalSite;
  view: TrackCaseView;
  csrf: string;
  /** The correction form as typed, after a refused post. */
  correctionForm?: CorrectionFormState;
  /** The reply and the released files of a reply served 网上获取. */
  downloads?: TrackDownloads | null;
}) {
  const v = p.view;
  const closed = isClosedState(v.state);
  const r = v.request;
  return (
    <PublicLayout title="申请办理进度" siteTitle={siteTitle(p.site)} footer={p.site.footer} crumbs={CRUMBS}>
      <h1>申请办理进度</h1>
      <p class="muted">{`为保护您的信息，本页在查询后${TRACK_PASS_MINUTES}分钟内有效，过期后请重新查询。`}</p>
      <InfoList
        rows={[
          ['查询码', v.trackingCode],
          ['受理机关', v.orgName],
          ['办理状态', <strong>{STATE_LABELS[v.state]}</strong>],
          ['收到申请日期', v.receivedOn],
          ['办结日期', closed && (v.closedOn ?? '—')],
          ['当前答复期限', deadlineText(v.deadline)],
          ['办理结果', closed && v.outcome ? outcomeForApplicant(v.outcome) : null],
        ]}
      />
      <TrackCorrectionSection correction={v.correction} csrf={p.csrf} form={p.correctionForm} />
      <h2 id="request">申请内容</h2>
      <InfoList rows={requestRows(r, v.correctedRequest)} />
      <h2 id="notices">告知书</h2>
      {v.notices.length === 0 ? (
        <p class="muted">尚未出具告知书。</p>
      ) : (
        <DataTable class="notices" labelledBy="notices" cols={['文书', '文号', '出具日期', '查看']}>
          {v.notices.map((n) => (
            <tr>
              <td>{n.title}</td>
              <td>{n.docNo}</td>
              <td>{n.issuedOn}</td>
              <td>
                <a href={`/track/notices/${n.id}`}>{`查看${n.kindLabel}`}</a>{' '}
                <a href={`/track/notices/${n.id}/pdf`}>下载PDF</a>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {p.downloads ? <TrackDownloadList downloads={p.downloads} /> : null}
      <h2 id="steps">办理过程</h2>
      <DataTable class="steps" labelledBy="steps" cols={['日期', '事项', '此后答复期限', '说明']}>
        {v.steps.map((s) => (
          <tr>
            <td>{s.on}</td>
            <td>
              {s.action === 'in_review'
                ? '审核办理'
                : (ACTION_LABELS[s.action as keyof typeof ACTION_LABELS] ?? s.action)}
            </td>
            <td>{s.dueOn ?? '—'}</td>
            <td>{s.explanation}</td>
          </tr>
        ))}
      </DataTable>
      <p>
        <a href="/track">查询其他申请</a>
      </p>
    </PublicLayout>
  );
}

/** One notice served to the applicant, as a printable sheet (the addressee's personal data masked), and its PDF. */
export function TrackNoticePage(p: { site: PortalSite; doc: NoticeDoc; pdfHref: string }) {
  return (
    <PublicLayout
      title={p.doc.title}
      siteTitle={siteTitle(p.site)}
      footer={p.site.footer}
      crumbs={[CRUMBS[0] as [string, string], ['/track/case', '申请办理进度'], ['', p.doc.title]]}
    >
      <nav class="notice-toolbar" aria-label="告知书操作">
        <a href="/track/case">返回办理进度</a>
        <a class="button secondary" href={p.pdfHref}>
          下载PDF
        </a>
      </nav>
      <NoticeDocument doc={p.doc} />
    </PublicLayout>
  );
}

/** Too many lookups from this address, or too many failures for this code. */
export function TrackLimitedPage(p: { site: PortalSite; csrf: string; retryAfterSeconds: number }) {
  const minutes = Math.max(1, Math.ceil(p.retryAfterSeconds / 60));
  return <TrackFormPage site={p.site} csrf={p.csrf} message={`查询过于频繁，请约${minutes}分钟后再试。`} />;
}
