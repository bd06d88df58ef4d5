// The portal's addresses, as a port: app/ names what a page shows (ids, credit codes, directory slugs) and
// web/ knows where it is served (web/public/portal/portal-urls.ts). Whatever links to, lists or refreshes a
// portal page (views, feeds, the sitemap, the open-data API) asks this, so an address is written once.
import type { DirectorySlug } from '../../domain/publications/directories.js';

/** A portal page the application layer can judge by itself: an item page, or a stored file. */
export type PortalPage = { kind: 'publication'; id: string } | { kind: 'file'; fileId: string };

/** Site-relative addresses of the portal's pages. */
export interface PortalUrls {
  home(): string;
  search(): string;
  /** The page where an applicant follows a case by its tracking code (申请查询). */
  track(): string;
  /** An organization's 政府信息公开 column. */
  org(code: string): string;
  /** An organization's information page (机构信息). */
  orgInfo(code: string): string;
  /** One of an organization's statutory directories (指南, 制度, 法定主动公开内容, 年报, 申请). */
  directory(code: string, slug: DirectorySlug): string;
  /** A category page of an organization's catalogue. */
  category(code: string, categoryId: string): string;
  orgFeed(code: string): string;
  categoryFeed(code: string, categoryId: string): string;
  /** An organization's standard catalogue (基层政务公开标准目录). */
  standardCatalogue(code: string): string;
  publication(id: string): string;
  /** An attachment of a published item; without the item, the file as any live item listing it serves it. */
  attachment(fileId: string, publicationId?: string): string;
  /** The page a site-relative path names, when it is an item page or a stored file; else undefined. */
  pageOf(path: string): PortalPage | undefined;
}
