/** @jsxImportSource hono/jsx */
// The notices of a case (告知书): the list with their service, and the service form.
import type { NoticeItem } from '../../../app/applications/application-pages.js';
import { NOTICE_KIND_LABELS, type NoticeKind } from '../../../domain/notices/notice-model.js';
import { SERVICE_METHOD_LABELS } from '../../../domain/applications/labels.js';
import { Options, PostForm } from '../../common/forms.js';
import { DataTable } from '../../common/blocks.js';

const METHODS = Object.entries(SERVICE_METHOD_LABELS);

/** The notices of a case, each with links to print and download and, for handlers, a form to record its service. */
export function NoticeList(p: { csrf: string; notices: NoticeItem[]; canRecordService: boolean }) {
  return (
    <section aria-labelledby="notices-h">
      <h2 id="notices-h">告知书</h2>
      {p.notices.length === 0 ? (
        <p class="muted">尚未出具告知书。</p>
      ) : (
        <DataTable cols={['文书', '文号', '出具日期', '送达', '操作']}>
          {p.notices.map((n) => (
            <tr>
              <td>{NOTICE_KIND_LABELS[n.kind as NoticeKind] ?? n.kind}</td>
              <td>{n.docNo}</td>
              <td>{n.issuedOn}</td>
              <td>{n.servedOn ? `已送达（${n.servedOn}）` : <span class="warn">未记录送达</span>}</td>
              <td>
                <a href={`/admin/notices/${n.id}`}>查看并打印</a>　<a href={`/admin/notices/${n.id}/docx`}>下载 DOCX</a>
                {n.servedOn || !p.canRecordService ? null : <ServiceForm id={n.id} csrf={p.csrf} />}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

/** The form recording a notice's service (送达): date, method, tracking number. */
export function ServiceForm(p: {
  id: string;
  csrf: string;
  values?: Record<string, string>;
  errors?: Record<string, string>;
}) {
  const v = p.values ?? {};
  const e = p.errors ?? {};
  return (
    <details open={Object.keys(e).length > 0}>
      <summary>记录送达</summary>
      <PostForm action={`/admin/notices/${p.id}/service`} csrf={p.csrf} class="filters">
        <div class={e.servedOn ? 'field has-error' : 'field'}>
          <label for={`sv-${p.id}`}>送达日期</label>
          {e.servedOn ? <p class="error">{e.servedOn}</p> : null}
          <input id={`sv-${p.id}`} type="date" name="servedOn" value={v.servedOn ?? ''} required />
        </div>
        <div class={e.method ? 'field has-error' : 'field'}>
          <label for={`sm-${p.id}`}>送达方式</label>
          {e.method ? <p class="error">{e.method}</p> : null}
          <select id={`sm-${p.id}`} name="method">
            <Options options={METHODS} value={v.method} />
          </select>
        </div>
        <div class={e.ref ? 'field has-error' : 'field'}>
          <label for={`sr-${p.id}`}>邮件单号或说明</label>
          {e.ref ? <p class="error">{e.ref}</p> : null}
          <input id={`sr-${p.id}`} name="ref" value={v.ref ?? ''} />
        </div>
        <button type="submit" class="secondary">
          保存送达记录
        </button>
      </PostForm>
    </details>
  );
}
