// Ports of the portal integrity check (docs/monitoring-integrity.md): fetching pages and files over HTTP, and
// reading the marked parts of a publication page. Minimal on purpose: the website crawler (adapters/crawler) can
// stand behind IntegrityFetch later without changing the use case.
import type { IntegrityMetadataKey } from '../../domain/monitoring/integrity.js';

/** A page as fetched: the final status (after redirects; 0 when nothing answered) and its text. */
export type FetchedPage = { status: number; text: string };

/** A file as fetched: the final status and the SHA-256 of its bytes (lowercase hex; '' when not 200). */
export type FetchedFile = { status: number; sha256: string };

/** HTTP GET of pages and files. */
export interface IntegrityFetch {
  /** The page at an absolute URL, decoded as UTF-8 (the portal's charset). */
  page(url: string): Promise<FetchedPage>;
  /** The digest of the file at an absolute URL, streamed (memory stays flat whatever its size). */
  fileDigest(url: string): Promise<FetchedFile>;
}

/** What a publication page shows of the parts its integrity record covers (absent parts: null / missing). */
export type ServedPage = {
  /** The JSON data block: the item and version the page says it serves. */
  block: { item: string; version: number } | null;
  title: string | null;
  metadata: Partial<Record<IntegrityMetadataKey, string>>;
  /** The exact HTML between the body markers. */
  bodyHtml: string | null;
  /** The attachment links in page order: the text shown and the href as written. */
  attachments: { name: string; href: string }[];
};

/** Reads the marked parts of a publication page. */
export type IntegrityPageReader = (html: string) => ServedPage;
