/** @jsxImportSource hono/jsx */
// Views of published 主动公开 information on the portal: an organization's column with its latest
// items, directory pages with their category tree, category pages with pagination, the publication
// page with the metadata table as government sites show it, and the 410 page of a withdrawn item.
// Server-rendered, no JavaScript, no inline styles. Addresses come from PortalUrls.
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { Organization } from '../../../domain/orgs/organization.js';
import { DIRECTORIES, type PortalSite } from '../../../app/portal/portal.js';
import type { CategoryNode, CategoryPageData, PublicListItem } from '../../../app/portal/publications-public.js';
import type { ColumnPage, DirectoryPage, OrgPage, PublicationPortalPage } from '../../../app/portal/portal-pages.js';
import { attachmentTypeLabel, formatSize } from '../../../domain/publications/attachments.js';
import { KIND_LABELS } from '../../../domain/publications/publication.js';
import {
  BODY_MARKERS,
  INTEGRITY_BLOCK_ID,
  INTEGRITY_FORMAT,
  servedMetadata,
  type IntegrityMetadataKey,
} from '../../../domain/monitoring/integrity.js';
import { PUBLICATION_FIELD_LABELS as L } from '../../../domain/publications/draft-fields.js';
import { Pager } from '../../common/pager.js';
import { largeTextHref } from '../../common/layout.js';
import { orgCrumbs, PortalFrame } from '../portal/portal-views.js';
import { portalUrls as urls } from '../portal/portal-urls.js';
import { WEBSITE_REPORTS_PATH } from '../website-report.js';

type Feed = { href: string; title: string };

/** The integrity block's JSON, safe inside a script element (no `<`). */
const integrityBlock = (item: string, version: number): string =>
  JSON.stringify({ format: INTEGRITY_FORMAT, item, version }).replace(/</g, '\\u003c');

/** An organization's Atom feed. */
export const orgFeed = (o: Organization): Feed => ({
  href: urls.orgFeed(o.creditCode),
  title: `${o.name} 最新信息（Atom）`,
});
/** A category's Atom feed. */
export const categoryFeed = (o: Organization, c: { id: string; name: string }): Feed => ({
  href: urls.categoryFeed(o.creditCode, c.id),
  title: `${o.name} ${c.name}（Atom）`,
});

/** A list of items: name (link), 发文字号 and 发布日期. */
function ItemList(p: { items: readonly PublicListItem[]; start?: number }) {
  return (
    <ol class="publist" start={p.start}>
      {p.items.map((i) => (
        <li>
          <a href={urls.publication(i.id)}>{i.title}</a>
          <span class="meta">
            {i.docNo ? <span>{i.docNo}</span> : null}
            <time datetime={i.publishedOn}>{i.publishedOn}</time>
          </span>
        </li>
      ))}
    </ol>
  );
}

/** A section of links under its heading; nothing when there are no links. */
function LinkSection(p: {
  id: string;
  heading: string;
  class?: string;
  links: readonly [href: string, text: string][];
}) {
  if (p.links.length === 0) return null;
  return (
    <section aria-labelledby={p.id}>
      <h2 id={p.id}>{p.heading}</h2>
      <ul class={p.class}>
        {p.links.map(([href, text]) => (
          <li>
            <a href={href}>{text}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** An organization's column: directories, latest items, lower units, and its feed. */
export function OrgColumnPage(p: ColumnPage) {
  const code = p.org.creditCode;
  const feed = orgFeed(p.org);
  return (
    <PortalFrame
      site={p.site}
      title={p.isHome ? '政府信息公开' : p.org.name}
      crumbs={p.isHome ? [['', '政府信息公开']] : orgCrumbs(undefined, ['', p.org.name])}
      feeds={[feed]}
    >
      <h1>{p.org.name} 政府信息公开</h1>
      <ul class="dirs">
        {DIRECTORIES.map((d) => (
          <li>
            <a href={urls.directory(code, d.slug)}>{d.label}</a>
          </li>
        ))}
        <li>
          <a href={urls.orgInfo(code)}>机构信息</a>
        </li>
        <li>
          <a href={urls.standardCatalogue(code)}>基层政务公开标准目录</a>
        </li>
        <li>
          <a href={WEBSITE_REPORTS_PATH}>政府网站工作年度报表</a>
        </li>
      </ul>
      <nav aria-label="依申请公开" class="quicklinks">
        <a href={urls.directory(code, 'apply')}>在线申请</a>
        <a href={urls.track()}>申请查询</a>
      </nav>
      <section aria-labelledby="latest">
        <h2 id="latest">最新信息</h2>
        {p.latest.items.length > 0 ? <ItemList items={p.latest.items} /> : <p class="muted">暂无信息。</p>}
        <p class="feedlink">
          <a href={feed.href}>订阅本机关最新信息（Atom）</a>
        </p>
      </section>
      <LinkSection
        id="units"
        heading={p.isHome ? '部门和乡镇（街道）信息公开' : '下级机构信息公开'}
        class="dirs"
        links={p.children.map((o) => [urls.org(o.creditCode), o.name])}
      />
    </PortalFrame>
  );
}

/** A nested list of categories with their item counts. */
function CategoryTree(p: { org: Organization; nodes: readonly CategoryNode[] }) {
  return (
    <ul class="cattree">
      {p.nodes.map((n) => (
        <li>
          <a href={urls.category(p.org.creditCode, n.id)}>{n.name}</a> <span class="muted">（{n.count}）</span>
          {n.children.length > 0 ? <CategoryTree org={p.org} nodes={n.children} /> : null}
        </li>
      ))}
    </ul>
  );
}

/** A directory's latest items under a heading, with a link to all of them when there are more. */
export function DirectoryItems(p: {
  org: Organization;
  node: DirectoryPage['node'];
  latest: DirectoryPage['latest'];
  id: string;
  heading: string;
}) {
  const { node, latest } = p;
  return (
    <section aria-labelledby={p.id}>
      <h2 id={p.id}>{p.heading}</h2>
      <ItemList items={latest.items} />
      {node && latest.total > latest.items.length ? (
        <p>
          <a href={urls.category(p.org.creditCode, node.id)}>查看全部{latest.total}条</a>
        </p>
      ) : null}
    </section>
  );
}

/** A directory page (法定主动公开内容): its category tree and latest items. */
export function DirectoryView(p: DirectoryPage) {
  const { node, latest } = p;
  const feeds = node ? [categoryFeed(p.org, node), orgFeed(p.org)] : [orgFeed(p.org)];
  return (
    <PortalFrame
      site={p.site}
      title={`${p.label} - ${p.org.name}`}
      crumbs={orgCrumbs(p.org, ['', p.label])}
      feeds={feeds}
    >
      <h1>{p.label}</h1>
      {p.slug === 'statutory' ? (
        <p>
          <a href={urls.standardCatalogue(p.org.creditCode)}>基层政务公开标准目录</a>
          ：按重点领域查看应当公开的事项及其公开情况。
        </p>
      ) : null}
      {node && node.children.length > 0 ? (
        <nav aria-label={`${p.label}栏目`}>
          <CategoryTree org={p.org} nodes={node.children} />
        </nav>
      ) : null}
      {latest.items.length > 0 ? (
        <DirectoryItems org={p.org} node={node} latest={latest} id="latest" heading="最新信息" />
      ) : !(node && node.children.length > 0) ? (
        <p class="muted">本栏目暂无信息。</p>
      ) : null}
    </PortalFrame>
  );
}

/** A category page: sub-categories, the items newest first, page links, and the category's feed. */
export function CategoryView(p: OrgPage & CategoryPageData) {
  const code = p.org.creditCode;
  const here = urls.category(code, p.category.id);
  const trail = p.trail.map((n): [string, string] => [n.id === p.category.id ? '' : urls.category(code, n.id), n.name]);
  const feed = categoryFeed(p.org, p.category);
  return (
    <PortalFrame
      site={p.site}
      title={`${p.category.name} - ${p.org.name}`}
      crumbs={orgCrumbs(p.org, ...trail)}
      feeds={[feed]}
    >
      <h1>{p.category.name}</h1>
      {p.category.children.length > 0 ? (
        <nav aria-label="下级栏目">
          <CategoryTree org={p.org} nodes={p.category.children} />
        </nav>
      ) : null}
      {p.items.length > 0 ? (
        <>
          <p class="muted">共{p.total}条信息，按发布日期由新到旧排列。</p>
          <ItemList items={p.items} start={(p.page - 1) * p.pageSize + 1} />
        </>
      ) : (
        <p class="muted">本栏目暂无信息。</p>
      )}
      <Pager page={p.page} pageCount={p.pageCount} href={(n) => `${here}?page=${n}`} />
      <p class="feedlink">
        <a href={feed.href}>订阅本栏目（Atom）</a>
      </p>
    </PortalFrame>
  );
}

/**
 * One row of the metadata table: two label–value pairs, or one spanning the row; a value the integrity record
 * covers carries its key (`data-integrity`) and shows exactly the record's text.
 */
function MetaRow(p: { cells: [string, Child, IntegrityMetadataKey?][] }) {
  return (
    <tr>
      {p.cells.map(([label, value, key]) => (
        <>
          <th scope="row">{label}</th>
          <td colspan={p.cells.length === 1 ? 3 : undefined} data-integrity={key}>
            {value}
          </td>
        </>
      ))}
    </tr>
  );
}

/** The publication page: metadata table, body, attachments, interpretation links. */
export function PublicationView(p: Extract<PublicationPortalPage, { status: 'live' }>) {
  const { item: i, org, trail, catalogueRow } = p;
  const crumbs = org
    ? orgCrumbs(org, ...trail.map((n): [string, string] => [urls.category(org.creditCode, n.id), n.name]), ['', '正文'])
    : orgCrumbs(undefined, ['', '正文']);
  // The cells the integrity record covers show exactly its text (docs/monitoring-integrity.md).
  const served = servedMetadata(i);
  const topic = i.topic || trail[trail.length - 1]?.name || KIND_LABELS[i.kind];
  const row = catalogueRow ? `${catalogueRow.area ? `${catalogueRow.area}领域 › ` : ''}${catalogueRow.label}` : '';
  return (
    <PortalFrame site={p.site} title={i.title} crumbs={crumbs} feeds={org ? [orgFeed(org)] : []} script>
      {/* Which version this page serves: a JSON data block, never executed (docs/monitoring-integrity.md). */}
      <script type="application/json" id={INTEGRITY_BLOCK_ID}>
        {raw(integrityBlock(i.id, p.version))}
      </script>
      <div class="pubtools">
        <span>
          字号：
          <a href={largeTextHref(true, urls.publication(i.id))}>大</a>{' '}
          <a href={largeTextHref(false, urls.publication(i.id))}>标准</a>
        </span>
        <button type="button" class="secondary" data-print hidden>
          打印
        </button>
      </div>
      <div class="table-wrap">
        <table class="pubmeta">
          <caption>信息属性</caption>
          <tbody>
            <MetaRow
              cells={[
                [L.indexNo, served.indexNo, 'indexNo'],
                // A category's name (shown when no 主题分类 is set) belongs to the catalogue: not marked.
                [L.topic, topic, i.topic ? 'topic' : undefined],
              ]}
            />
            <MetaRow
              cells={[
                [L.publisher, served.publisher, 'publisher'],
                [L.writtenOn, served.writtenOn, 'writtenOn'],
              ]}
            />
            <MetaRow cells={[[L.title, i.title]]} />
            <MetaRow
              cells={[
                [L.docNo, served.docNo, 'docNo'],
                [L.publishedOn, served.publishedOn, 'publishedOn'],
              ]}
            />
            <MetaRow
              cells={[
                [L.validity, served.validity, 'validity'],
                [L.kind, served.kind, 'kind'],
              ]}
            />
            {catalogueRow ? (
              <MetaRow
                cells={[
                  [
                    L.catalogueRow,
                    org ? <a href={urls.standardCatalogue(org.creditCode)}>{row}</a> : catalogueRow.label,
                  ],
                ]}
              />
            ) : null}
          </tbody>
        </table>
      </div>
      <article class="publication">
        <h1 data-integrity="title">{i.title}</h1>
        {p.interprets ? (
          <p class="related">
            本文是对<a href={urls.publication(p.interprets.id)}>《{p.interprets.title}》</a>的政策解读。
          </p>
        ) : null}
        {/* The body is rendered as HTML only because it was sanitised on input: createDraft and
            updateDraft pass it through the HTML allow-list (ctx.sanitizer) before it is stored. */}
        <div class="pubbody">{raw(`${BODY_MARKERS.start}${p.bodyHtml}${BODY_MARKERS.end}`)}</div>
      </article>
      {i.attachments.length > 0 ? (
        <section aria-labelledby="att">
          <h2 id="att">附件</h2>
          <ul class="attachments">
            {i.attachments.map((a) => (
              <li>
                <a href={urls.attachment(a.fileId, i.id)} download={a.name} data-integrity-attachment="">
                  {a.name}
                </a>{' '}
                <span class="muted">
                  （{attachmentTypeLabel(a.mime)}，{formatSize(a.size)}）
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <LinkSection
        id="interp"
        heading="相关解读"
        links={p.interpretations.map((x) => [urls.publication(x.id), x.title])}
      />
      {p.siblings.newer || p.siblings.older ? (
        <nav class="pubnav" aria-label="本栏目其他信息">
          <p>
            上一篇：
            {p.siblings.newer ? <a href={urls.publication(p.siblings.newer.id)}>{p.siblings.newer.title}</a> : '没有了'}
          </p>
          <p>
            下一篇：
            {p.siblings.older ? <a href={urls.publication(p.siblings.older.id)}>{p.siblings.older.title}</a> : '没有了'}
          </p>
        </nav>
      ) : null}
    </PortalFrame>
  );
}

/** The page of a withdrawn item (answered with 410 Gone). */
export function WithdrawnView(p: { site: PortalSite; org: Organization | undefined }) {
  const code = p.org?.creditCode;
  return (
    <PortalFrame site={p.site} title="信息已撤销" crumbs={orgCrumbs(p.org, ['', '信息已撤销'])}>
      <h1>该信息已撤销</h1>
      <p>您访问的政府信息已由发布机关撤销，不再公开（410）。</p>
      <p>
        您可以
        {p.org ? (
          <>
            <a href={urls.org(p.org.creditCode)}>返回{p.org.name}政府信息公开栏目</a>、
          </>
        ) : null}
        使用<a href={urls.search()}>站内搜索</a>查找其他信息，或通过
        <a href={code ? urls.directory(code, 'apply') : urls.home()}>申请公开政府信息</a>提出申请。
      </p>
    </PortalFrame>
  );
}
