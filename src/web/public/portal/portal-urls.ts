// Where the portal serves each page: the one place its addresses are written (the routes' patterns are
// their counterpart). Views, feeds, the sitemap and the open-data API build their links here from the ids and
// credit codes app/ returns.
import type { PortalUrls } from '../../../app/portal/ports.js';

const org = (code: string) => `/org/${encodeURIComponent(code)}`;
const category = (code: string, categoryId: string) => `${org(code)}/c/${encodeURIComponent(categoryId)}`;

/** The portal's addresses (site-relative). */
export const portalUrls: PortalUrls = {
  home: () => '/',
  search: () => '/search',
  track: () => '/track',
  org,
  orgInfo: (code) => `${org(code)}/info`,
  directory: (code, slug) => `${org(code)}/${slug}`,
  category,
  orgFeed: (code) => `${org(code)}/feed.atom`,
  categoryFeed: (code, categoryId) => `${category(code, categoryId)}/feed.atom`,
  standardCatalogue: (code) => `${org(code)}/standard-catalogue`,
  publication: (id) => `/publications/${encodeURIComponent(id)}`,
  attachment: (fileId, publicationId) =>
    `/files/${encodeURIComponent(fileId)}${publicationId === undefined ? '' : `?pub=${encodeURIComponent(publicationId)}`}`,
  pageOf: (path) => {
    const page = /^\/publications\/([^/?#]+)/.exec(path);
    if (page?.[1]) return { kind: 'publication', id: decodeURIComponent(page[1]) };
    const file = /^\/files\/([0-9a-f]{64})/.exec(path);
    return file?.[1] ? { kind: 'file', fileId: file[1] } : undefined;
  },
};
