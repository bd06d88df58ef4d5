/** @jsxImportSource hono/jsx */
// Views of the public portal shared by its pages: the site title, the organization-information page, the office
// contact.
import type { Organization } from '../../../domain/orgs/organization.js';
import { ORG_KIND_LABELS } from '../../../domain/orgs/organization.js';
import type { PortalSite } from '../../../app/portal/portal.js';
import { PublicLayout } from '../../common/layout.js';

/** The site's title for the page frame. */
export const siteTitle = (s: PortalSite): string => s.footer.siteName || s.root?.name || '政府信息公开';

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
    <PublicLayout
      title={`${o.name} 机构信息`}
      siteTitle={siteTitle(p.site)}
      footer={p.site.footer}
      crumbs={[
        ['/', '政府信息公开'],
        [`/org/${o.creditCode}`, o.name],
        ['', '机构信息'],
      ]}
    >
      <h1>{o.name} 机构信息</h1>
      <dl class="info">
        {rows
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </>
          ))}
      </dl>
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
        <dt>名称</dt>
        <dd>{o.officeName || o.name}</dd>
        <dt>地址</dt>
        <dd>{o.officeAddress || o.address}</dd>
        <dt>邮政编码</dt>
        <dd>{o.postcode}</dd>
        <dt>电话</dt>
        <dd>{o.officePhone || o.phone}</dd>
        {o.officeEmail ? (
          <>
            <dt>电子邮箱</dt>
            <dd>{o.officeEmail}</dd>
          </>
        ) : null}
        <dt>办公时间</dt>
        <dd>{o.officeHours}</dd>
      </dl>
    </section>
  );
}
