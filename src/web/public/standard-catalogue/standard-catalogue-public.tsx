/** @jsxImportSource hono/jsx */
// The portal page of an organization's standard catalogue (基层政务公开标准目录):
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
import {
  FIELD_LABELS,
  METHOD_LABELS,
  ROW_COLUMNS,
  channelMarks,
} from '../../../domain/standard-catalogue/catalogue-row.js';
import type { WebEnv } from '../../common/env.js';
import { PublicLayout } from '../../common/layout.js';
import { notFoundPage } from '../../common/pages.js';
import { siteTitle } from '../portal/portal-views.js';
import { portalUrls } from '../portal/portal-urls.js';
import { DataTable } from '../../common/blocks.js';

/** The public table's columns: the 二级 and 三级事项 share one column here. */
const COLUMNS = ROW_COLUMNS.filter((c) => c !== FIELD_LABELS.level3);

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
    [portalUrls.home(), '政府信息公开'],
    [portalUrls.org(p.org.creditCode), p.org.name],
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
          <DataTable
            caption={`${area.name}领域基层政务公开标准目录`}
            captionClass="vh"
            cols={[...COLUMNS, '已公开信息']}
          >
            {rows.map((l, i) => (
              <Line line={l} index={i + 1} />
            ))}
          </DataTable>
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
      <td>{channelMarks(row).join(' ')}</td>
      <td>{row.audience}</td>
      <td>{METHOD_LABELS[row.method]}</td>
      <td>{row.levels.join('、')}</td>
      <td>
        {items.length === 0 ? (
          <span class="muted">暂无</span>
        ) : (
          <ul class="plain">
            {items.map((i) => (
              <li>
                <a href={portalUrls.publication(i.id)}>{i.title}</a>{' '}
                <time datetime={i.publishedOn}>{i.publishedOn}</time>
              </li>
            ))}
            {total > items.length ? <li class="muted">另有 {total - items.length} 条</li> : null}
          </ul>
        )}
      </td>
    </tr>
  );
}
