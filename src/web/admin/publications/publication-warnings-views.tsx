/** @jsxImportSource hono/jsx */
// The dashboard's 主动公开 warnings: 行政规范性文件 published without a 政策解读, and 不予公开 items
// due for their periodic re-assessment (art. 18).
import type { PublicationWarnings } from '../../../app/publications/publication-warnings.js';

/** The warnings card, with the way to the archive export (art. 25). */
export function PublicationWarningsCard(p: { data: PublicationWarnings }) {
  const { uninterpreted, reassessment } = p.data;
  return (
    <section aria-labelledby="dash-publication-warnings">
      <h3 id="dash-publication-warnings">主动公开提醒</h3>
      <div class="grid">
        <div class="card">
          <p>未发布政策解读的行政规范性文件</p>
          <p class="big">{uninterpreted.total}</p>
          <a href="/admin/publications?kind=normative&state=published">查看行政规范性文件</a>
        </div>
        <div class="card">
          <p>到期应评估审查的不予公开信息（第十八条）</p>
          <p class="big">{reassessment.total}</p>
        </div>
        <div class="card">
          <p>向档案馆、公共图书馆提供主动公开信息（第二十五条）</p>
          <a href="/admin/publication-export">导出归档包</a>
        </div>
      </div>
      {uninterpreted.items.length > 0 ? (
        <>
          <h4>未发布政策解读的行政规范性文件</h4>
          <ul class="plain" id="warn-uninterpreted">
            {uninterpreted.items.map((i) => (
              <li>
                <a href={`/admin/publications/${i.id}`}>{i.title}</a>（{i.docNo ? `${i.docNo}，` : ''}
                {i.orgName}，{i.publishedOn}发布）
              </li>
            ))}
          </ul>
          {uninterpreted.total > uninterpreted.items.length ? (
            <p class="muted">另有 {uninterpreted.total - uninterpreted.items.length} 件未列出。</p>
          ) : null}
        </>
      ) : null}
      {reassessment.items.length > 0 ? (
        <>
          <h4>到期应评估审查的不予公开信息</h4>
          <ul class="plain" id="warn-reassessment">
            {reassessment.items.map((i) => (
              <li>
                <a href={`/admin/publications/${i.id}#reassess-h`}>{i.title}</a>（{i.orgName}，应于{i.reassessOn ?? '—'}
                前评估）<span class="badge badge-overdue">待评估</span>
              </li>
            ))}
          </ul>
          {reassessment.total > reassessment.items.length ? (
            <p class="muted">另有 {reassessment.total - reassessment.items.length} 件未列出。</p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
