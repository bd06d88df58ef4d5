/** @jsxImportSource hono/jsx */
// The portal page of an organization's standard catalogue (基层政务公开标准目录, SPEC §4.4):
// GET /org/:code/standard-catalogue — per key area the rows in the published column set, with links to
// the published items of each row, and the 未涉及领域事项说明. Register BEFORE `registerPortalRoutes`
// (its `/org/:code/:dir` catch-all would take this path).
import type { Hono } from 'hono';
import { findOrg, loadPortalSite, type PortalSite } from '../../../app/portal/portal.js';
import {
  publicStandardCatalogue,
  type PublicCatalogue,
  type PublicCatalogueLine,
} from '../../../app/standard-catalogue/public-catalogue.js';
import type { Organization } from '../../../domain/orgs/organization.js';
import type { WebEnv } from '../../common/env.js';
import { PublicLayout } from '../../common/layout.js';
import { notFoundPage } from '../../common/pages.js';
import { siteTitle } from '../portal/portal-views.js';

/** Registers GET /org/:code/standard-catalogue. */
export function registerPublicStandardCatalogueRoutes(app: Hono<WebEnv>): void {
  app.get('/org/:code/standard-catalogue', async (c) => {
    const ctx = c.get('ctx');
    const site = await loadPortalSite(ctx);
    const org = findOrg(site, c.req.param('code'));
    if (!org) return c.html(notFoundPage(), 404);
    // Published content may be withdrawn at any moment: browsers revalidate every time.
    c.header('Cache-Control', 'no-cache');
    return c.html(<PublicCataloguePage site={site} org={org} data={await publicStandardCatalogue(ctx, org.id)} />);
  });
}

function PublicCataloguePage(p: { site: PortalSite; org: Organization; data: PublicCatalogue }) {
  const title = '基层政务公开标准目录';
  const crumbs: [string, string][] = [
    ['/', '政府信息公开'],
    [`/org/${p.org.creditCode}`, p.org.name],
    ['', title],
  ];
  return (
    <PublicLayout
      title={`${title} - ${p.org.name}`}
      siteTitle={siteTitle(p.site)}
      footer={p.site.footer}
      crumbs={crumbs}
    >
      <h1>
        {p.org.name}
        {title}
      </h1>
      {p.data.areas.length === 0 && p.data.notApplicable.length === 0 ? (
        <p class="muted">本机构尚未公布标准目录。</p>
      ) : null}
      {p.data.areas.map(({ area, rows }) => (
        <section aria-labelledby={`area-${area.id}`}>
          <h2 id={`area-${area.id}`}>{area.name}领域</h2>
          <div class="table-wrap">
            <table>
              <caption class="vh">{area.name}领域基层政务公开标准目录</caption>
              <thead>
                <tr>
                  <th scope="col">序号</th>
                  <th scope="col">一级事项</th>
                  <th scope="col">二级事项</th>
                  <th scope="col">公开内容（要素）</th>
                  <th scope="col">公开依据</th>
                  <th scope="col">公开时限</th>
                  <th scope="col">公开主体</th>
                  <th scope="col">公开渠道和载体</th>
                  <th scope="col">公开对象</th>
                  <th scope="col">公开方式</th>
                  <th scope="col">公开层级</th>
                  <th scope="col">已公开信息</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((l, i) => (
                  <Line line={l} index={i + 1} />
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      {p.data.notApplicable.length > 0 ? (
        <section aria-labelledby="not-applicable">
          <h2 id="not-applicable">未涉及领域事项说明</h2>
          <ul>
            {p.data.notApplicable.map((x) => (
              <li>
                {x.area.name}领域：{x.reason}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </PublicLayout>
  );
}

function Line(p: { line: PublicCatalogueLine; index: number }) {
  const { row, items, total } = p.line;
  return (
    <tr>
      <td>{p.index}</td>
      <td>{row.level1}</td>
      <td>{[row.level2, row.level3].filter((x) => x !== '').join(' › ')}</td>
      <td>{row.contentElements}</td>
      <td>{row.basis}</td>
      <td>{row.timeLimitText}</td>
      <td>{row.subject}</td>
      <td>{[...row.channelsRequired.map((c) => `■${c}`), ...row.channelsOptional.map((c) => `□${c}`)].join(' ')}</td>
      <td>{row.audience}</td>
      <td>{row.method === '依申请' ? '依申请公开' : '主动公开'}</td>
      <td>{row.levels.join('、')}</td>
      <td>
        {items.length === 0 ? (
          <span class="muted">暂无</span>
        ) : (
          <ul class="plain">
            {items.map((i) => (
              <li>
                <a href={i.url}>{i.title}</a> <time datetime={i.publishedOn}>{i.publishedOn}</time>
              </li>
            ))}
            {total > items.length ? <li class="muted">另有 {total - items.length} 条</li> : null}
          </ul>
        )}
      </td>
    </tr>
  );
}
