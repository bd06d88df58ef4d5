// What a cached public page depends on, named by tags, and the feed of committed changes that name the tags they
// touch. The database layer reports every committed write (src/db/page-changes.ts); the web layer's page cache
// (src/web/cache) drops the pages carrying a reported tag. Every cached page carries SITE, so a change reported as
// SITE (settings, an organization, a category, a table without a finer rule) drops every page.

/** A dependency of a cached page. */
export type PageTag = string;

/** Every page: the site's settings, the organization tree and the categories show on all of them. */
export const SITE_TAG: PageTag = 'site';
/** The home page (the root organization's column). */
export const HOME_TAG: PageTag = 'home';
/** Lists across every organization: the sitemap and the open-data API's list pages. */
export const PUBLICATIONS_TAG: PageTag = 'publications';
/** The annual-report archive pages. */
export const REPORTS_TAG: PageTag = 'reports';
/** The standard catalogue pages and the catalogue row each publication page shows. */
export const CATALOGUE_TAG: PageTag = 'catalogue';
/** The 政务新媒体 page. */
export const MEDIA_TAG: PageTag = 'media';

/** One publication's page. */
export const publicationTag = (id: string): PageTag => `pub:${id}`;
/** An organization's lists: its column, directory and category pages and its feeds (by 统一社会信用代码). */
export const orgTag = (creditCode: string): PageTag => `org:${creditCode}`;

/**
 * Committed changes as tags. `subscribe` hears every change committed by this process (before the committing call
 * returns) and, where the database can tell, by other processes.
 */
export type PageChangeFeed = {
  /** Calls `listener` with the tags of each committed change; returns the unsubscribe function. */
  subscribe(listener: (tags: readonly PageTag[]) => void): () => void;
  /**
   * Looks for changes other processes committed that were not announced (SQLite: the file's data version), and
   * reports them as SITE. Synchronous and cheap: called before a cached page is served.
   */
  poll(): void;
  /**
   * Whether every change of another process reaches `subscribe`: false on PostgreSQL while the notification
   * connection is down or not yet up (a cache must then not serve, and drops everything when it is back).
   */
  live(): boolean;
};
