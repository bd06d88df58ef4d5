/** @jsxImportSource hono/jsx */
// Views of the public portal shared by its pages: the site title, the page frame of a portal page, the
// breadcrumbs of an organization, the organization-information page, the office contact.
import type { Child } from 'hono/jsx';
import type { Organization } from '../../../domain/orgs/organization.js';
import { ORG_KIND_LABELS } from '../../../domain/orgs/organization.js';
import type { PortalSite } from '../../../app/portal/portal.js';
import { PublicLayout } from '../../common/layout.js';
import { portalUrls } from './portal-urls.js';

/** The site's title for the page frame. */
export const siteTitle = (s: PortalSite): string => s.footer.siteName || s.root?.name || '政府信息公开';

/** The breadcrumbs down to an organization's column, then the given ones. */
export const orgCrumbs = (o: Organization | undefined, ...rest: [string, string][]): [string, string][] => [
  [portalUrls.home(), '政府信息公开'],
  ...(o ? [[portalUrls.org(o.creditCode), o.name] as [string, string]] : []),
  ...rest,
];

/** A portal page in the site's frame: title, footer, breadcrumbs and feed links. */
export function PortalFrame(p: {
  site: PortalSite;
  title: string;
  crumbs: [string, string][];
  feeds?: { href: string; title: string }[];
  /** Load the portal's script (pages with a 打印 button); every other page is script-free. */
  script?: boolean;
  children?: Child;
}) {
  return (
    <PublicLayout
      title={p.title}
      siteTitle={siteTitle(p.site)}
      footer={p.site.footer}
      crumbs={p.crumbs}
      feeds={p.feeds}
      script={p.script}
    >
      {p.children}
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
    <PortalFrame site={p.site} title={`${o.name} 机构信息`} crumbs={orgCrumbs(o, ['', '机构信息'])}>
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
    </PortalFrame>
  );
}

/** The disclosure office's contact details (the application page at /org/:code/apply). */
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
        {o.officeFax ? (
          <>
            <dt>传真</dt>
            <dd>{o.officeFax}</dd>
          </>
        ) : null}
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
