/** @jsxImportSource hono/jsx */
// The track page's downloads after a reply served 网上获取: the reply notice and the released files.
import type { TrackDownloads } from '../../../app/applications/track-downloads.js';
import { attachmentTypeLabel, formatSize } from '../../../domain/publications/attachments.js';
import { DataTable } from '../../common/blocks.js';

/** The reply notice and the released files, each with its link (served only with the page's pass). */
export function TrackDownloadList(p: { downloads: TrackDownloads }) {
  const { replyNotice, files } = p.downloads;
  return (
    <section aria-labelledby="downloads">
      <h2 id="downloads">网上获取答复</h2>
      {replyNotice ? (
        <p>
          <a href={`/track/notices/${replyNotice.id}`}>{`查看${replyNotice.title}（${replyNotice.docNo}）`}</a>
        </p>
      ) : null}
      {files.length === 0 ? (
        <p class="muted">本答复没有随附文件。</p>
      ) : (
        <DataTable labelledBy="downloads" cols={['提供的信息', '类型', '大小']}>
          {files.map((f) => (
            <tr>
              <td>
                <a href={`/track/files/${f.id}`} download>
                  {f.name}
                </a>
              </td>
              <td>{attachmentTypeLabel(f.mime)}</td>
              <td>{formatSize(f.size)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
