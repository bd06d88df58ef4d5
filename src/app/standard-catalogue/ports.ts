// Ports of the standard catalogue: storage, and the spreadsheet reader/writer (XLSX adapter).
import type { KeyArea, KeyAreaExclusion } from '../../domain/standard-catalogue/key-areas.js';
import type { CatalogueRow, CatalogueRowFields } from '../../domain/standard-catalogue/catalogue-row.js';
import type { SheetCells, SheetGrid } from '../../domain/standard-catalogue/sheet.js';
import type { AuditRepos, Clock, Crypto, UnitOfWork } from '../ports.js';
import type { CalendarRepos } from '../calendar/ports.js';
import type { OrgRepos } from '../orgs/ports.js';

/** Key areas, "not applicable" statements and catalogue rows. */
export interface StandardCatalogueRepository {
  /** The national areas and the organization's local ones, by sort then name. */
  areas(orgId: string): Promise<KeyArea[]>;
  insertArea(area: KeyArea, at: string): Promise<void>;
  exclusions(orgId: string): Promise<KeyAreaExclusion[]>;
  /** Records (or replaces) the statement that an area does not apply. */
  setExclusion(e: KeyAreaExclusion): Promise<void>;
  removeExclusion(orgId: string, keyAreaId: string): Promise<void>;
  /** The organization's rows by area sort, then row sort; retired rows only when asked. */
  rows(orgId: string, opts?: { includeRetired?: boolean }): Promise<CatalogueRow[]>;
  insertRow(row: CatalogueRow): Promise<void>;
  updateRow(id: string, fields: CatalogueRowFields, at: string): Promise<void>;
  retireRow(id: string, at: string): Promise<void>;
  /** One row of any organization (retired included), or undefined. */
  rowById(id: string): Promise<CatalogueRow | undefined>;
  /**
   * Per row of the organization, the live 主动公开 items linked to it (by their live version: the
   * portal's set, never a revision in progress, a withdrawn or a 不予公开 item): how many, and the
   * latest 发布日期. Rows without any are absent from the map.
   */
  rowStats(orgId: string): Promise<Map<string, RowPublicationStats>>;
  /** The live 主动公开 items linked to the organization's rows, newest first (for the public catalogue page). */
  linkedItems(orgId: string): Promise<LinkedItem[]>;
  /** The organizations that have at least one current row. */
  orgsWithRows(): Promise<string[]>;
}

/** What is published under a row. */
export type RowPublicationStats = { liveCount: number; lastPublishedOn: string | null };

/** A live item linked to a row. */
export type LinkedItem = { rowId: string; publicationId: string; title: string; publishedOn: string };

/**
 * Reads and writes catalogue workbooks. Implemented by `catalogueSheetIO` in
 * src/adapters/documents/catalogue-xlsx.ts (exceljs).
 */
export interface CatalogueSheetIO {
  /**
   * The workbook's sheets as text, merged ranges filled.
   * @throws Error on a file that is not a readable XLSX workbook
   */
  read(bytes: Uint8Array): Promise<SheetCells>;
  /** An XLSX workbook of the given sheets (merges, header styling, ✓ marks as text). */
  write(sheets: readonly SheetGrid[]): Promise<Uint8Array>;
}

/** Repositories of the standard catalogue. */
export type StandardCatalogueRepos = { standardCatalogue: StandardCatalogueRepository };

/** What reading an organization's standard catalogue uses: the tree (for the policy), the catalogue, the calendar. */
export type CatalogueReadContext = { repos: OrgRepos & StandardCatalogueRepos & CalendarRepos; clock: Clock };

/** What keeping it uses: a transaction over the catalogue and the audit trail, and new ids. */
export type CatalogueContext = CatalogueReadContext & {
  uow: UnitOfWork<StandardCatalogueRepos & AuditRepos>;
  crypto: Crypto;
};
