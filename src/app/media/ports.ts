// Ports of the 政务新媒体 registry: storage of accounts, lifecycle events and posts, the spreadsheet reader/writer
// and the feed reader.
import type {
  AccountEvent,
  AccountFields,
  AccountStatus,
  MediaAccount,
  MediaPost,
} from '../../domain/monitoring/accounts.js';
import type { LocalDate } from '../../domain/core/local-date.js';
import type { AuditRepos, Clock, Crypto, UnitOfWork } from '../ports.js';
import type { OrgRepos } from '../orgs/ports.js';
import type { SettingsRepos } from '../settings/ports.js';
import type { CatalogueSheetIO } from '../standard-catalogue/ports.js';

/** Accounts, their lifecycle events and posts. */
export interface MediaRepository {
  /** Every account, by platform then name. */
  accounts(): Promise<MediaAccount[]>;
  accountById(id: string): Promise<MediaAccount | undefined>;
  /** The account with that platform and name, or undefined. */
  accountByKey(platform: string, name: string): Promise<MediaAccount | undefined>;
  insertAccount(a: MediaAccount): Promise<void>;
  updateAccount(id: string, fields: AccountFields, at: string): Promise<void>;
  setStatus(id: string, status: AccountStatus, at: string): Promise<void>;
  insertEvent(e: AccountEvent & { actorId: string | null }): Promise<void>;
  /** Events of the given accounts (all when omitted), by date then creation. */
  events(accountIds?: readonly string[]): Promise<AccountEvent[]>;
  /** Inserts a post; false when the account already has one with the same time and title (nothing written). */
  insertPost(p: MediaPost): Promise<boolean>;
  /** The account's posts, newest first. */
  posts(accountId: string, page: { limit: number; offset: number }): Promise<{ total: number; rows: MediaPost[] }>;
  /** Every post of the given accounts (all when omitted), by account then time (for exports). */
  allPosts(accountIds?: readonly string[]): Promise<MediaPost[]>;
  /** Per account, the date of its latest post on or before the day (accounts without one are absent). */
  lastPostDates(onOrBefore: LocalDate): Promise<Map<string, LocalDate>>;
}

/** Repositories of the registry. */
export type MediaRepos = { media: MediaRepository };

/** An entry of a feed (RSS item or Atom entry): its time in the office's zone (`YYYY-MM-DDTHH:mm`, '' when the
 * feed gives none or an unreadable one), title and link. */
export type FeedEntry = { postedAt: string; title: string; url: string };

/** Reads an account's RSS or Atom feed over HTTP. Implemented by `httpFeedReader` (src/adapters/feeds). */
export interface FeedReader {
  /**
   * The feed's entries.
   * @throws Error when the feed cannot be fetched (message in Chinese)
   */
  read(url: string): Promise<FeedEntry[]>;
}

/** What reading the registry uses. */
export type MediaReadContext = { repos: OrgRepos & MediaRepos & SettingsRepos; clock: Clock };

/** What keeping it uses: a transaction over the registry and the audit trail, new ids, the spreadsheet adapter. */
export type MediaContext = MediaReadContext & {
  uow: UnitOfWork<MediaRepos & AuditRepos>;
  crypto: Crypto;
  catalogueSheets: CatalogueSheetIO;
};
