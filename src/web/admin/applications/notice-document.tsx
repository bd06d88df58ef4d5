/** @jsxImportSource hono/jsx */
// A generated notice (告知书) as HTML for screen and print. The A4 layout and the print rules
// live in /static/app.css (block "notices"), because the CSP forbids inline styles.
import type { Actor } from '../../../domain/policies/actor.js';
import type { NoticeDocument as NoticeDoc } from '../../../domain/notices/notice.js';
import { AdminLayout } from '../../common/layout.js';

/**
 * The notice as a printable A4 sheet: title, document number, addressee, body, signature with the
 * seal area (the uploaded seal when `sealSrc` is given, else an empty area for a stamp).
 * @param props.doc the generated notice
 * @param props.sealSrc URL of the seal image (same origin or data:, per the CSP)
 */
export function NoticeDocument(props: { doc: NoticeDoc; sealSrc?: string }) {
  const { doc } = props;
  return (
    <article class="notice-doc" lang="zh-CN" aria-labelledby="notice-doc-title">
      <header>
        <h2 class="notice-doc-title" id="notice-doc-title">
          {doc.title}
        </h2>
        {doc.docNo ? <p class="notice-doc-no">{doc.docNo}</p> : null}
      </header>
      <p class="notice-doc-addressee">{doc.addressee}</p>
      {doc.paragraphs.map((text) => (
        <p class="notice-doc-para">{text}</p>
      ))}
      <footer class="notice-doc-sign">
        <div class="notice-doc-signbox">
          <p class="notice-doc-org">{doc.signature.orgName}</p>
          <p class="notice-doc-date">
            <time datetime={doc.signature.issuedOn}>{doc.signature.date}</time>
          </p>
          <div class={props.sealSrc ? 'notice-doc-seal' : 'notice-doc-seal notice-doc-seal-empty'}>
            {props.sealSrc ? <img src={props.sealSrc} alt={`${doc.signature.orgName}印章`} /> : <span>盖章处</span>}
          </div>
        </div>
      </footer>
    </article>
  );
}

/**
 * The back-office page of one notice: actions for the screen (hidden in print), then the sheet.
 * Printing uses the browser's own print command; no script is needed.
 */
export function NoticePage(props: {
  doc: NoticeDoc;
  actor: Actor;
  csrf: string;
  path?: string;
  sealSrc?: string;
  /** Link back to the case. */
  backHref?: string;
  /** Link to the DOCX download. */
  docxHref?: string;
  flash?: string;
}) {
  const { doc } = props;
  return (
    <AdminLayout
      title={`${doc.title}${doc.docNo ? `（${doc.docNo}）` : ''}`}
      actor={props.actor}
      csrf={props.csrf}
      path={props.path}
      flash={props.flash}
    >
      <nav class="notice-toolbar" aria-label="告知书操作">
        {props.backHref ? <a href={props.backHref}>返回案件</a> : null}
        {props.docxHref ? (
          <a class="button secondary" href={props.docxHref} download>
            下载 Word 文档（DOCX）
          </a>
        ) : null}
        <p class="hint">打印：使用浏览器的“打印”命令（Ctrl+P），纸张选 A4、边距选“默认”，页面只打印告知书本身。</p>
      </nav>
      <NoticeDocument doc={doc} sealSrc={props.sealSrc} />
    </AdminLayout>
  );
}
