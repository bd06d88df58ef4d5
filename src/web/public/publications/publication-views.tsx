/** @jsxImportSource hono/jsx */
// Views of published 主动公开 information on the portal: an organization's column with its latest
// items, directory pages with their category tree, category pages with pagination, the publication
// page with the metadata table as government sites show it, the 410 page of a withdrawn item, and
// the search page. Server-rendered, no JavaScript, no inline styles.
import type { PublicCatalogueRow } from '../../../app/standard-catalogue/link-row.js';
import { raw } from 'hono/html';
import type { Organization } from '../../../domain/orgs/organization.js';
import { DIRECTORIES, type PortalSite } from '../../../app/portal/portal.js';
import type {
  CategoryNode,
  CategoryPageData,
  DirectoryData,
  ItemPage,
  PublicationPageData,
  PublicItem,
} from '../../../app/portal/publications-public.js';
import type { PublicSearchItem, PublicSearchResult } from '../../../app/search/search.js';
import type { Segment } from '../../../domain/search/highlight.js';
import { KIND_LABELS, VALIDITY_LABELS, type PublicationKind } from '../../../domain/publications/publication.js';
import { PublicLayout } from '../../common/layout.js';
import { Field, Select } from '../../common/forms.js';
import { OfficeContact, siteTitle } from '../portal/portal-views.js';

type Feed = { href: string; title: string };

/** An organization's Atom feed. */
export const orgFeed = (o: Organization): Feed => ({
  href: `/org/${o.creditCode}/feed.atom`,
  title: `${o.name} 最新信息（Atom）`,
});
/** A category's Atom feed. */
export const categoryFeed = (o: Organization, c: { id: string; name: string }): Feed => ({
  href: `/org/${o.creditCode}/c/${c.id}/feed.atom`,
  title: `${o.name} ${c.name}（Atom）`,
});

const orgCrumbs = (o: Organization): [string, string][] => [
  ['/', '政府信息公开'],
  [`/org/${o.creditCode}`, o.name],
];
const catHref = (o: Organization, c: { id: string }) => `/org/${o.creditCode}/c/${c.id}`;
const isDocument = (k: PublicationKind) => k === 'rule' || k === 'normative' || k === 'other_document';

/** A list of items: name (link), 发文字号 and 发布日期. */
function ItemList(p: { items: readonly PublicItem[]; start?: number }) {
  return (
    <ol class="publist" start={p.start}>
      {p.items.map((i) => (
        <li>
          <a href={i.url}>{i.title}</a>
          <span class="meta">
            {i.docNo ? <span>{i.docNo}</span> : null}
            <time datetime={i.publishedOn}>{i.publishedOn}</time>
          </span>
        </li>
      ))}
    </ol>
  );
}

/** Page links: previous, numbers around the current page, next. */
function Pager(p: { page: number; pageCount?: number; hasNext?: boolean; href: (n: number) => string }) {
  const last = p.pageCount;
  const hasNext = last !== undefined ? p.page < last : (p.hasNext ?? false);
  if (p.page <= 1 && !hasNext) return null;
  const numbers: number[] = [];
  if (last !== undefined) for (let n = Math.max(1, p.page - 3); n <= Math.min(last, p.page + 3); n++) numbers.push(n);
  return (
    <nav class="pager" aria-label="分页">
      {p.page > 1 ? (
        <a href={p.href(p.page - 1)} rel="prev">
          上一页
        </a>
      ) : null}
      {numbers.map((n) =>
        n === p.page ? (
          <span aria-current="page">第{n}页</span>
        ) : (
          <a href={p.href(n)} aria-label={`第${n}页`}>
            {n}
          </a>
        ),
      )}
      {last !== undefined ? <span class="muted">共{last}页</span> : null}
      {hasNext ? (
        <a href={p.href(p.page + 1)} rel="next">
          下一页
        </a>
      ) : null}
    </nav>
  );
}

/** An organization's column: directories, latest items, lower units, and its feed. */
export function OrgColumnPage(p: { site: PortalSite; org: Organization; isHome: boolean; latest: ItemPage }) {
  const base = `/org/${p.org.creditCode}`;
  const children = p.site.tree.filter((o) => o.parentId === p.org.id);
  const crumbs: [string, string][] = p.isHome
    ? [['', '政府信息公开']]
    : [
        ['/', '政府信息公开'],
        ['', p.org.name],
      ];
  const feed = orgFeed(p.org);
  return (
    <PublicLayout
      title={p.isHome ? '政府信息公开' : p.org.name}
      siteTitle={siteTitle(p.site)}
      footer={p.site.footer}
      crumbs={crumbs}
      feeds={[feed]}
    >
      <h1>{p.org.name} 政府信息公开</h1>
      <ul class="dirs">
        {DIRECTORIES.map((d) => (
          <li>
            <a href={`${base}/${d.slug}`}>{d.label}</a>
          </li>
        ))}
        <li>
          <a href={`${base}/info`}>机构信息</a>
        </li>
      </ul>
      <section aria-labelledby="latest">
        <h2 id="latest">最新信息</h2>
        {p.latest.items.length > 0 ? <ItemList items={p.latest.items} /> : <p class="muted">暂无信息。</p>}
        <p class="feedlink">
          <a href={feed.href}>订阅本机关最新信息（Atom）</a>
        </p>
      </section>
      {children.length > 0 ? (
        <section aria-labelledby="units">
          <h2 id="units">{p.isHome ? '部门和乡镇（街道）信息公开' : '下级机构信息公开'}</h2>
          <ul class="dirs">
            {children.map((o) => (
              <li>
                <a href={`/org/${o.creditCode}`}>{o.name}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </PublicLayout>
  );
}

/** A nested list of categories with their item counts. */
function CategoryTree(p: { org: Organization; nodes: readonly CategoryNode[] }) {
  return (
    <ul class="cattree">
      {p.nodes.map((n) => (
        <li>
          <a href={catHref(p.org, n)}>{n.name}</a> <span class="muted">（{n.count}）</span>
          {n.children.length > 0 ? <CategoryTree org={p.org} nodes={n.children} /> : null}
        </li>
      ))}
    </ul>
  );
}

/** A directory page: its category tree (法定主动公开内容) or its items (指南, 制度, 年报). */
export function DirectoryView(p: {
  site: PortalSite;
  org: Organization;
  label: string;
  slug: string;
  data: DirectoryData;
}) {
  const { node, latest } = p.data;
  const feeds = node ? [categoryFeed(p.org, node), orgFeed(p.org)] : [orgFeed(p.org)];
  return (
    <PublicLayout
      title={`${p.label} - ${p.org.name}`}
      siteTitle={siteTitle(p.site)}
      footer={p.site.footer}
      crumbs={[...orgCrumbs(p.org), ['', p.label]]}
      feeds={feeds}
    >
      <h1>{p.label}</h1>
      {p.slug === 'guide' ? <OfficeContact org={p.org} /> : null}
      {node && node.children.length > 0 ? (
        <nav aria-label={`${p.label}栏目`}>
          <CategoryTree org={p.org} nodes={node.children} />
        </nav>
      ) : null}
      {latest.items.length > 0 ? (
        <section aria-labelledby="latest">
          <h2 id="latest">最新信息</h2>
          <ItemList items={latest.items} />
          {node && latest.total > latest.items.length ? (
            <p>
              <a href={catHref(p.org, node)}>查看全部{latest.total}条</a>
            </p>
          ) : null}
        </section>
      ) : p.slug !== 'guide' && !(node && node.children.length > 0) ? (
        <p class="muted">本栏目暂无信息。</p>
      ) : null}
    </PublicLayout>
  );
}

/** A category page: sub-categories, the items newest first, page links, and the category's feed. */
export function CategoryView(p: { site: PortalSite; org: Organization; data: CategoryPageData }) {
  const d = p.data;
  const crumbs: [string, string][] = [
    ...orgCrumbs(p.org),
    ...d.trail.map((n): [string, string] => [n.id === d.category.id ? '' : catHref(p.org, n), n.name]),
  ];
  const feed = categoryFeed(p.org, d.category);
  return (
    <PublicLayout
      title={`${d.category.name} - ${p.org.name}`}
      siteTitle={siteTitle(p.site)}
      footer={p.site.footer}
      crumbs={crumbs}
      feeds={[feed]}
    >
      <h1>{d.category.name}</h1>
      {d.category.children.length > 0 ? (
        <nav aria-label="下级栏目">
          <CategoryTree org={p.org} nodes={d.category.children} />
        </nav>
      ) : null}
      {d.items.length > 0 ? (
        <>
          <p class="muted">共{d.total}条信息，按发布日期由新到旧排列。</p>
          <ItemList items={d.items} start={(d.page - 1) * d.pageSize + 1} />
        </>
      ) : (
        <p class="muted">本栏目暂无信息。</p>
      )}
      <Pager page={d.page} pageCount={d.pageCount} href={(n) => `${catHref(p.org, d.category)}?page=${n}`} />
      <p class="feedlink">
        <a href={feed.href}>订阅本栏目（Atom）</a>
      </p>
    </PublicLayout>
  );
}

function fileSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const MIME_LABELS: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'image/png': 'PNG',
  'image/jpeg': 'JPG',
  'image/gif': 'GIF',
};

/** The download link of an attachment of a published item. */
export const attachmentHref = (pubId: string, fileId: string): string =>
  `/files/${fileId}?pub=${encodeURIComponent(pubId)}`;

/** The publication page: metadata table, body, attachments, interpretation links. */
export function PublicationView(p: {
  site: PortalSite;
  data: Extract<PublicationPageData, { status: 'live' }>;
  catalogueRow?: PublicCatalogueRow;
}) {
  const { item: i, org, trail } = p.data;
  const crumbs: [string, string][] = org
    ? [...orgCrumbs(org), ...trail.map((n): [string, string] => [catHref(org, n), n.name]), ['', '正文']]
    : [
        ['/', '政府信息公开'],
        ['', '正文'],
      ];
  const validity = isDocument(i.kind)
    ? `${VALIDITY_LABELS[i.validity]}${i.validityOn ? `（${i.validityOn}）` : ''}`
    : '—';
  const topic = i.topic || trail[trail.length - 1]?.name || KIND_LABELS[i.kind];
  return (
    <PublicLayout
      title={i.title}
      siteTitle={siteTitle(p.site)}
      footer={p.site.footer}
      crumbs={crumbs}
      feeds={org ? [orgFeed(org)] : []}
    >
      <div class="table-wrap">
        <table class="pubmeta">
          <caption>信息属性</caption>
          <tbody>
            <tr>
              <th scope="row">索引号</th>
              <td>{i.indexNo}</td>
              <th scope="row">主题分类</th>
              <td>{topic}</td>
            </tr>
            <tr>
              <th scope="row">发布机构</th>
              <td>{i.publisher}</td>
              <th scope="row">成文日期</th>
              <td>{i.writtenOn}</td>
            </tr>
            <tr>
              <th scope="row">名称</th>
              <td colspan={3}>{i.title}</td>
            </tr>
            <tr>
              <th scope="row">发文字号</th>
              <td>{i.docNo || '—'}</td>
              <th scope="row">发布日期</th>
              <td>{i.publishedOn}</td>
            </tr>
            <tr>
              <th scope="row">有效性</th>
              <td>{validity}</td>
              <th scope="row">体裁</th>
              <td>{KIND_LABELS[i.kind]}</td>
            </tr>
            {p.catalogueRow ? (
              <tr>
                <th scope="row">标准目录事项</th>
                <td colspan={3}>
                  {org ? (
                    <a href={`/org/${org.creditCode}/standard-catalogue`}>
                      {p.catalogueRow.area ? `${p.catalogueRow.area}领域 › ` : ''}
                      {p.catalogueRow.label}
                    </a>
                  ) : (
                    p.catalogueRow.label
                  )}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <article class="publication">
        <h1>{i.title}</h1>
        {p.data.interprets ? (
          <p class="related">
            本文是对<a href={p.data.interprets.url}>《{p.data.interprets.title}》</a>的政策解读。
          </p>
        ) : null}
        {/* The body is rendered as HTML only because it was sanitised on input: createDraft and
            updateDraft pass it through the HTML allow-list (ctx.sanitizer) before it is stored. */}
        <div class="pubbody">{raw(p.data.bodyHtml)}</div>
      </article>
      {i.attachments.length > 0 ? (
        <section aria-labelledby="att">
          <h2 id="att">附件</h2>
          <ul class="attachments">
            {i.attachments.map((a) => (
              <li>
                <a href={attachmentHref(i.id, a.fileId)} download={a.name}>
                  {a.name}
                </a>{' '}
                <span class="muted">
                  （{MIME_LABELS[a.mime] ?? a.mime}，{fileSize(a.size)}）
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {p.data.interpretations.length > 0 ? (
        <section aria-labelledby="interp">
          <h2 id="interp">相关解读</h2>
          <ul>
            {p.data.interpretations.map((x) => (
              <li>
                <a href={x.url}>{x.title}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </PublicLayout>
  );
}

/** The page of a withdrawn item (answered with 410 Gone). */
export function WithdrawnView(p: { site: PortalSite; org: Organization | undefined }) {
  const crumbs: [string, string][] = p.org
    ? [...orgCrumbs(p.org), ['', '信息已撤销']]
    : [
        ['/', '政府信息公开'],
        ['', '信息已撤销'],
      ];
  return (
    <PublicLayout title="信息已撤销" siteTitle={siteTitle(p.site)} footer={p.site.footer} crumbs={crumbs}>
      <h1>该信息已撤销</h1>
      <p>您访问的政府信息已由发布机关撤销，不再公开（410）。</p>
      <p>
        您可以
        {p.org ? (
          <>
            <a href={`/org/${p.org.creditCode}`}>返回{p.org.name}政府信息公开栏目</a>、
          </>
        ) : null}
        使用<a href="/search">站内搜索</a>查找其他信息，或通过
        <a href={p.org ? `/org/${p.org.creditCode}/apply` : '/'}>申请公开政府信息</a>提出申请。
      </p>
    </PublicLayout>
  );
}

/** Highlighted text: every piece escaped by JSX, hits wrapped in <mark>. */
function Marked(p: { segments: readonly Segment[] }) {
  return <>{p.segments.map((s) => (s.hit ? <mark>{s.text}</mark> : s.text))}</>;
}

/** The search form's values (GET parameters). */
export type SearchParams = { q: string; org: string; category: string; kind: string; year: string; validity: string };

/** The search page: form with filters, results with highlights, page links, clear empty states. */
export function SearchView(p: {
  site: PortalSite;
  params: SearchParams;
  result: PublicSearchResult;
  categories: readonly CategoryNode[];
  years: readonly number[];
  orgName: (orgId: string) => string;
  href: (page: number) => string;
}) {
  const r = p.result;
  const flat = (nodes: readonly CategoryNode[], depth = 0): [string, string][] =>
    nodes.flatMap((n) => [
      [n.id, `${'　'.repeat(depth)}${n.name}`] as [string, string],
      ...flat(n.children, depth + 1),
    ]);
  return (
    <PublicLayout
      title={r.query ? `搜索：${r.query}` : '站内搜索'}
      siteTitle={siteTitle(p.site)}
      footer={p.site.footer}
      crumbs={[
        ['/', '政府信息公开'],
        ['', '站内搜索'],
      ]}
    >
      <h1>站内搜索</h1>
      <form method="get" action="/search" role="search" class="filters searchform">
        <Field
          name="q"
          label="检索词"
          type="search"
          value={p.params.q}
          hint="可检索名称、内容概述、正文和发文字号，至少两个字"
        />
        <Select
          name="org"
          label="发布机构"
          value={p.params.org}
          options={[
            ['', '全部机构'],
            ...p.site.tree.map((o): [string, string] => [o.creditCode, `${'　'.repeat(o.depth)}${o.name}`]),
          ]}
        />
        {p.categories.length > 0 ? (
          <Select
            name="category"
            label="栏目"
            value={p.params.category}
            options={[['', '全部栏目'], ...flat(p.categories)]}
          />
        ) : null}
        <Select
          name="kind"
          label="体裁"
          value={p.params.kind}
          options={[['', '全部体裁'], ...Object.entries(KIND_LABELS)]}
        />
        <Select
          name="year"
          label="发布年份"
          value={p.params.year}
          options={[['', '全部年份'], ...p.years.map((y): [string, string] => [String(y), `${y}年`])]}
        />
        <Select
          name="validity"
          label="有效性"
          value={p.params.validity}
          options={[['', '不限'], ...Object.entries(VALIDITY_LABELS)]}
        />
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
            {p.site.root ? (
              <li>
                如所需信息未主动公开，可<a href={`/org/${p.site.root.creditCode}/apply`}>申请公开政府信息</a>。
              </li>
            ) : null}
          </ul>
        </div>
      ) : null}
      {r.items.length > 0 ? (
        <section aria-labelledby="results">
          <h2 id="results">
            找到{r.totalLabel}条结果{r.order === 'date' ? '（按发布日期排列）' : ''}
          </h2>
          <ol class="results" start={(r.page - 1) * r.pageSize + 1}>
            {r.items.map((i: PublicSearchItem) => (
              <li>
                <h3>
                  <a href={i.url}>
                    <Marked segments={i.title} />
                  </a>
                </h3>
                <p class="snippet">
                  <Marked segments={i.snippet} />
                </p>
                <p class="meta muted">
                  {p.orgName(i.orgId)}
                  {i.docNo ? <>　{i.docNo}</> : null}　{KIND_LABELS[i.kind as PublicationKind] ?? i.kind}　
                  <time datetime={i.publishedOn}>{i.publishedOn}</time>
                </p>
              </li>
            ))}
          </ol>
          <Pager page={r.page} hasNext={r.hasNext} href={p.href} />
        </section>
      ) : null}
    </PublicLayout>
  );
}
