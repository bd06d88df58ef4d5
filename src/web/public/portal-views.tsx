/** @jsxImportSource hono/jsx */
// Views of the public portal: the 政府信息公开 home, an organization's column, its information page.
import type { Organization } from '../../domain/orgs/organization.js';
import { ORG_KIND_LABELS } from '../../domain/orgs/organization.js';
import { DIRECTORIES, type PortalSite } from '../../app/portal/portal.js';
import { PublicLayout } from '../common/layout.js';

/** The site's title for the page frame. */
export const siteTitle = (s: PortalSite): string => s.footer.siteName || s.root?.name || '政府信息公开';

/** An organization's column: its directories and the link to its information page. */
export function ColumnPage(p: { site: PortalSite; org: Organization; isHome: boolean }) {
  const base = `/org/${p.org.creditCode}`;
  const children = p.site.tree.filter((o) => o.parentId === p.org.id);
  const crumbs: [string, string][] = p.isHome ? [['', '政府信息公开']] : [['/', '政府信息公开'], ['', p.org.name]];
  return (
    <PublicLayout title={p.isHome ? '政府信息公开' : p.org.name} siteTitle={siteTitle(p.site)} footer={p.site.footer} crumbs={crumbs}>
      <h1>{p.org.name} 政府信息公开</h1>
      <ul class="dirs">
        {DIRECTORIES.map((d) => (
          <li><a href={`${base}/${d.slug}`}>{d.label}</a></li>
        ))}
        <li><a href={`${base}/info`}>机构信息</a></li>
      </ul>
      {children.length > 0 ? (
        <section aria-labelledby="units">
          <h2 id="units">{p.isHome ? '部门和乡镇（街道）信息公开' : '下级机构信息公开'}</h2>
          <ul class="dirs">
            {children.map((o) => (
              <li><a href={`/org/${o.creditCode}`}>{o.name}</a></li>
            ))}
          </ul>
        </section>
      ) : null}
    </PublicLayout>
  );
}

/** The organization-information page: functions, leadership, internal units, address, contact. */
export function InfoPage(p: { site: PortalSite; org: Organization }) {
  const o = p.org;
  const rows: [string, string][] = [
    ['机构名称', o.name],
    ['机构类型', ORG_KIND_LABELS[o.kind]],
    ['统一社会信用代码', o.creditCode],
    ['机构职能', o.functions],
    ['领导信息', o.leadership],
    ['内设机构', o.internalUnits],
    ['办公地址', o.address],
    ['邮政编码', o.postcode],
    ['联系电话', o.phone],
    ['办公时间', o.officeHours],
  ];
  return (
    <PublicLayout title={`${o.name} 机构信息`} siteTitle={siteTitle(p.site)} footer={p.site.footer} crumbs={[['/', '政府信息公开'], [`/org/${o.creditCode}`, o.name], ['', '机构信息']]}>
      <h1>{o.name} 机构信息</h1>
      <dl class="info">
        {rows.filter(([, v]) => v).map(([k, v]) => (
          <>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </>
        ))}
      </dl>
    </PublicLayout>
  );
}

/** A directory page. Later capabilities fill each directory; the guide carries the contact details now. */
export function DirectoryPage(p: { site: PortalSite; org: Organization; label: string; slug: string }) {
  const o = p.org;
  return (
    <PublicLayout title={`${p.label} - ${o.name}`} siteTitle={siteTitle(p.site)} footer={p.site.footer} crumbs={[['/', '政府信息公开'], [`/org/${o.creditCode}`, o.name], ['', p.label]]}>
      <h1>{p.label}</h1>
      {p.slug === 'guide' ? <OfficeContact org={o} /> : <p class="muted">本栏目暂无信息。</p>}
    </PublicLayout>
  );
}

/** The disclosure office's contact details (the guide, and the application page at /org/:code/apply). */
export function OfficeContact(p: { org: Organization }) {
  const o = p.org;
  return (
    <section>
      <h2>政府信息公开工作机构</h2>
      <dl class="info">
        <dt>名称</dt><dd>{o.officeName || o.name}</dd>
        <dt>地址</dt><dd>{o.officeAddress || o.address}</dd>
        <dt>邮政编码</dt><dd>{o.postcode}</dd>
        <dt>电话</dt><dd>{o.officePhone || o.phone}</dd>
        {o.officeEmail ? (<><dt>电子邮箱</dt><dd>{o.officeEmail}</dd></>) : null}
        <dt>办公时间</dt><dd>{o.officeHours}</dd>
      </dl>
    </section>
  );
}
