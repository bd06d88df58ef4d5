// Ports of document reading: the HTML reader (plain text, and every table as a grid) used by the
// report checker's document reader, the publications' pre-publication checks and the search index.

/** One cell as the page writes it. */
export type HtmlTableCell = {
  /** Its text, whitespace collapsed (a table nested in the cell is not part of it: it is a grid of its own). */
  text: string;
  /** Rows it spans (rowspan), at least 1 and at most to the last row of the table. */
  rowSpan: number;
  /** Columns it spans (colspan), at least 1. */
  colSpan: number;
  /** A `<th>` cell. */
  header: boolean;
};

/** A table of a page, as written and expanded. */
export type TableGrid = {
  /** The caption (`<caption>`), '' when none. */
  caption: string;
  /** Each row's own cells, in order: a cell merged down from a row above is not repeated. */
  cells: HtmlTableCell[][];
  /**
   * The expanded grid: one string per slot, `width` slots in every row, so that columns keep their
   * place. A merged cell's text is in its first (top-left) slot and '' in the others it spans.
   */
  rows: string[][];
  /** Columns of the expanded grid. */
  width: number;
};

/** What {@link HtmlReader.read} returns. */
export type HtmlReading = {
  /** The plain text, as {@link HtmlReader.text}. */
  text: string;
  /** Every table of the page, in the order they open (an outer table before the tables nested in it). */
  tables: TableGrid[];
  /** The addresses the page's elements link to or load (`href`, `src`), trimmed, in document order. */
  links: string[];
};

/** Reads an HTML page or fragment. Total: any input is read, malformed markup included. */
export interface HtmlReader {
  /**
   * The page's plain text: block elements become lines (a blank line between paragraphs), entities
   * decoded, scripts, styles, comments and the head dropped, markup carried in script string literals
   * read in place of the script, and each table row a pipe row `| a | b |` (a merged cell holding
   * figures is followed by blank cells, so that figures keep their column).
   */
  text(html: string): string;
  /** The plain text and every table as a grid (rowspan and colspan expanded). */
  read(html: string): HtmlReading;
}

/** Why an untrusted document was refused before (or while) it was parsed. */
export type DocumentRefusalReason =
  | 'too_many_entries'
  | 'too_large'
  | 'compression_ratio'
  | 'size_mismatch'
  | 'too_many_rows'
  | 'too_many_pages'
  | 'stream_too_large'
  | 'timeout'
  | 'out_of_memory'
  | 'not_docx';

/**
 * A document the readers refuse to parse: it is (or behaves like) a decompression bomb or exceeds a
 * configured limit (docs/security/documents.md). The message is Chinese and names the limit; the file's
 * name is for the caller to add. Thrown by the document readers (DocumentReader, CatalogueSheetIO.read).
 */
export class DocumentRefused extends Error {
  constructor(
    readonly reason: DocumentRefusalReason,
    message: string,
  ) {
    super(message);
    this.name = 'DocumentRefused';
  }
}
