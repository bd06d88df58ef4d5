/** @jsxImportSource hono/jsx */
// The dashboard's 主动公开 warnings: 行政规范性文件 published without a 政策解读, and 不予公开 items
// due for their periodic re-assessment (art. 18).
import type { Child } from 'hono/jsx';
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
      <WarningList title="未发布政策解读的行政规范性文件" id="warn-uninterpreted" list={uninterpreted}>
        {uninterpreted.items.map((i) => (
          <li>
            <a href={`/admin/publications/${i.id}`}>{i.title}</a>（{i.docNo ? `${i.docNo}，` : ''}
            {i.orgName}，{i.publishedOn}发布）
          </li>
        ))}
      </WarningList>
      <WarningList title="到期应评估审查的不予公开信息" id="warn-reassessment" list={reassessment}>
        {reassessment.items.map((i) => (
          <li>
            <a href={`/admin/publications/${i.id}#reassess-h`}>{i.title}</a>（{i.orgName}，应于{i.reassessOn ?? '—'}
            前评估）<span class="badge badge-overdue">待评估</span>
          </li>
        ))}
      </WarningList>
    </section>
  );
}

/** One list of the card (nothing when empty), with how many more there are. */
function WarningList(p: { title: string; id: string; list: { items: unknown[]; total: number }; children?: Child }) {
  const more = p.list.total - p.list.items.length;
  if (p.list.items.length === 0) return null;
  return (
    <>
      <h4>{p.title}</h4>
      <ul class="plain" id={p.id}>
        {p.children}
      </ul>
      {more > 0 ? <p class="muted">另有 {more} 件未列出。</p> : null}
    </>
  );
}
