/** @jsxImportSource hono/jsx */
// The case page's reply section: the draft 答复告知书 under review (print view, DOCX), the attachments with their
// SHA-256, the hash the signer approved, and — while drafting — the upload form (multipart).
import type { ReplyPanel } from '../../../app/applications/reply-files.js';
import { attachmentTypeLabel, formatSize } from '../../../domain/publications/attachments.js';
import { DataTable } from '../../common/blocks.js';
import { PostForm } from '../../common/forms.js';

const PATH = '/admin/applications';

/** The draft notice and the attachments of a case's reply, for the roles of the case. */
export function ReplySection(p: { caseId: string; csrf: string; reply: ReplyPanel }) {
  const { reply, caseId } = p;
  const base = `${PATH}/${caseId}`;
  return (
    <section aria-labelledby="reply-h">
      <h2 id="reply-h">答复告知书草稿与答复附件</h2>
      {reply.draft ? (
        <p>
          <a href={`${base}/reply-draft`}>查看{reply.draft.title}（草稿）</a>{' '}
          <a class="button secondary" href={`${base}/reply-draft/docx`} download>
            下载草稿（DOCX）
          </a>
        </p>
      ) : (
        <p class="muted">尚未起草答复。起草答复时生成答复告知书草稿，送合法性审查和审批。</p>
      )}
      {reply.approvedHash ? (
        <p>
          审批通过的答复（告知书与附件）校验值 SHA-256：<code>{reply.approvedHash}</code>
        </p>
      ) : null}
      {reply.files.length === 0 ? (
        <p class="muted">没有答复附件。</p>
      ) : (
        <DataTable
          cols={['附件', '类型', '大小', '起草轮次', 'SHA-256', '操作']}
          caption="答复附件（向申请人提供的信息）"
        >
          {reply.files.map((f) => (
            <tr>
              <td>
                <a href={`${base}/reply-files/${f.id}`} download>
                  {f.name}
                </a>
              </td>
              <td>{attachmentTypeLabel(f.mime)}</td>
              <td>{formatSize(f.size)}</td>
              <td>第{f.round}稿</td>
              <td>
                <code>{f.sha256.slice(0, 16)}…</code>
              </td>
              <td>
                {reply.can.editFiles ? (
                  <PostForm action={`${base}/reply-files/${f.id}/remove`} csrf={p.csrf}>
                    <button type="submit" class="secondary">
                      删除
                    </button>
                  </PostForm>
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {reply.can.editFiles ? (
        <PostForm action={`${base}/reply-files`} csrf={p.csrf} multipart>
          <div class="field">
            <label for="reply-attachment">上传答复附件</label>
            <p class="hint" id="reply-attachment-hint">
              PDF、DOCX、XLSX或图片（PNG、JPG、GIF、WebP），每个不超过{formatSize(reply.maxFileBytes)}
              ；部分公开的，请上传已遮盖不予公开内容的文件。类型按文件内容检查。
            </p>
            <input
              id="reply-attachment"
              type="file"
              name="attachment"
              required
              aria-describedby="reply-attachment-hint"
              accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg,.gif,.webp"
            />
          </div>
          <button type="submit">上传</button>
        </PostForm>
      ) : (
        <p class="muted">答复附件只能在承办起草阶段上传或删除；送审后如需修改，须退回承办人重新起草。</p>
      )}
    </section>
  );
}
