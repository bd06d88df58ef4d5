/** @jsxImportSource hono/jsx */
// The portal's search page: the form with its filters, results with highlights, page links and clear
// empty states. Server-rendered, no JavaScript.
import type { SearchPage } from '../../../app/portal/portal-pages.js';
import type { CategoryNode } from '../../../app/portal/publications-public.js';
import type { Segment } from '../../../domain/search/highlight.js';
import type { SearchSort } from '../../../app/search/search.js';
import { KIND_LABELS, VALIDITY_LABELS, type PublicationKind } from '../../../domain/publications/publication.js';
import { Field, Select } from '../../common/forms.js';
import { Pager, pageHref } from '../../common/pager.js';
import { orgCrumbs, PortalFrame } from '../portal/portal-views.js';
import { portalUrls as urls } from '../portal/portal-urls.js';

/** Highlighted text: every piece escaped by JSX, hits wrapped in <mark>. */
function Marked(p: { segments: readonly Segment[] }) {
  return <>{p.segments.map((s) => (s.hit ? <mark>{s.text}</mark> : s.text))}</>;
}

/** The order choices, as www.gov.cn's search offers them. */
const SORTS: [SearchSort, string][] = [
  ['relevance', '相关度'],
  ['date', '时间'],
];

/** Categories as indented options. */
const flat = (nodes: readonly CategoryNode[], depth = 0): [string, string][] =>
  nodes.flatMap((n) => [[n.id, `${'　'.repeat(depth)}${n.name}`] as [string, string], ...flat(n.children, depth + 1)]);

/** The search page: form with filters, results with highlights, page links, clear empty states. */
export function SearchView(p: SearchPage) {
  const { result: r, params, site } = p;
  const names = new Map(site.tree.map((o) => [o.id, o.name]));
  const { page: _page, ...filters } = params;
  const href = pageHref(urls.search(), { ...filters, year: filters.year ?? '' });
  const sortHref = (sort: SearchSort) => pageHref(urls.search(), { ...filters, sort, year: filters.year ?? '' })(1);
  return (
    <PortalFrame
      site={site}
      title={r.query ? `搜索：${r.query}` : '站内搜索'}
      crumbs={orgCrumbs(undefined, ['', '站内搜索'])}
    >
      <h1>站内搜索</h1>
      <form method="get" action={urls.search()} role="search" class="filters searchform">
        <Field
          name="q"
          label="检索词"
          type="search"
          value={params.q}
          hint="可检索名称、内容概述、正文和发文字号，至少两个字"
        />
        <Select
          name="org"
          label="发布机构"
          value={params.org}
          options={[
            ['', '全部机构'],
            ...p.orgChoices.map((o): [string, string] => [o.creditCode, `${'　'.repeat(o.depth)}${o.name}`]),
          ]}
        />
        {p.categories.length > 0 ? (
          <Select
            name="category"
            label="栏目"
            value={params.category}
            options={[['', '全部栏目'], ...flat(p.categories)]}
          />
        ) : null}
        <Select
          name="kind"
          label="体裁"
          value={params.kind}
          options={[['', '全部体裁'], ...Object.entries(KIND_LABELS)]}
        />
        <Select
          name="year"
          label="发布年份"
          value={params.year === undefined ? '' : String(params.year)}
          options={[['', '全部年份'], ...p.years.map((y): [string, string] => [String(y), `${y}年`])]}
        />
        <Select
          name="validity"
          label="有效性"
          value={params.validity}
          options={[['', '不限'], ...Object.entries(VALIDITY_LABELS)]}
        />
        <input type="hidden" name="sort" value={params.sort} />
        <div class="field">
          <button type="submit">搜索</button>
        </div>
      </form>
      {r.status === 'empty' ? <p class="muted">请输入检索词。</p> : null}
      {r.status === 'too_short' ? (
        <div class="notice" role="status">
          <p>检索词太短：请输入至少两个汉字（或两个字母、数字）再搜索。</p>
        </div>
      ) : null}
      {r.status === 'ok' && r.items.length === 0 ? (
        <div class="notice" role="status">
          <h2>没有找到与“{r.query}”相关的信息</h2>
          <ul>
            <li>请检查检索词是否有错别字，或换用更短、更常用的词语；</li>
            <li>减少筛选条件（发布机构、栏目、体裁、年份、有效性）；</li>
            {site.root ? (
              <li>
                如所需信息未主动公开，可
                <a href={urls.directory(site.root.creditCode, 'apply')}>申请公开政府信息</a>。
              </li>
            ) : null}
          </ul>
        </div>
      ) : null}
      {r.items.length > 0 ? (
        <section aria-labelledby="results">
          <h2 id="results">
            {r.partial
              ? `没有同时包含全部检索词的信息，以下${r.totalLabel}条为部分匹配的结果`
              : `找到${r.totalLabel}条结果`}
          </h2>
          <p class="sortbar">
            排序：
            {SORTS.map(([sort, label], i) => (
              <>
                {i > 0 ? ' · ' : null}
                {params.sort === sort ? (
                  <strong aria-current="true">{label}</strong>
                ) : (
                  <a href={sortHref(sort)}>{label}</a>
                )}
              </>
            ))}
            {r.order === 'date' && params.sort === 'relevance' ? (
              <span class="muted">（匹配的信息较多，按发布日期从新到旧排列）</span>
            ) : null}
          </p>
          <ol class="results" start={(r.page - 1) * r.pageSize + 1}>
            {r.items.map((i) => (
              <li>
                <h3>
                  <a href={urls.publication(i.docId)}>
                    <Marked segments={i.title} />
                  </a>
                </h3>
                <p class="snippet">
                  <Marked segments={i.snippet} />
                </p>
                <p class="meta muted">
                  {[
                    <span>{names.get(i.orgId) ?? ''}</span>,
                    <span>{KIND_LABELS[i.kind as PublicationKind] ?? i.kind}</span>,
                    <time datetime={i.publishedOn}>{i.publishedOn}</time>,
                    ...(i.docNo ? [<span>{i.docNo}</span>] : []),
                  ].map((part, n) => (
                    <>
                      {n > 0 ? ' · ' : null}
                      {part}
                    </>
                  ))}
                </p>
              </li>
            ))}
          </ol>
          <Pager page={r.page} hasNext={r.hasNext} href={href} />
        </section>
      ) : null}
    </PortalFrame>
  );
}
