/**
 * The HTML reader: one pass over the element events of a page (html-events.ts, on htmlparser2's
 * tokenizer) gives its plain text and every table as a grid. Tables follow HTML's own rules rather
 * than the tags' nesting: a `<td>` or `<tr>` ends the open cell or row of its table even when markup
 * inside it was left open (`<td><p>1<td>`), and a stray `<td>` implies a table; a table that holds
 * another table is read as layout (its cells' contents as blocks), the inner one as a table. The
 * markup that a script carries in its string literals (script-markup.ts) is read in place of the
 * script. Time is linear in the input, plus the size of the grids.
 */
import type { HtmlReader, HtmlReading, HtmlTableCell, TableGrid } from '../../app/documents/ports.js';
import { BLOCK_ELEMENTS as BLOCK, emitElements, type ElementEvents } from './html-events.js';
import { scriptMarkup } from './script-markup.js';
import { expandGrid, MAX_COLSPAN, pipeRows, spanOf } from './table-grid.js';

/** Void elements that break a line. */
const BREAK = new Set(['br', 'hr']);
/** Elements whose content is not text of the page. */
const HIDDEN = new Set(['head', 'title', 'style', 'noscript', 'template', 'svg', 'math', 'textarea', 'select']);
/** Elements that may stand in a head (anything else ends it, as a browser does). */
const HEAD_CONTENT = new Set(['meta', 'link', 'title', 'style', 'script', 'base', 'noscript', 'template']);
const TABLE_PARTS = new Set(['caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th']);
/** Script types whose string literals may carry markup (JavaScript, JSON). */
const CODE_SCRIPT = /^(?:$|module$|(?:text|application)\/(?:x-)?(?:javascript|ecmascript|json|ld\+json)\b)/i;
/** Tables nested deeper than this are read as blocks; script markup nested deeper than this is not read. */
const MAX_TABLE_NESTING = 16;
const MAX_SCRIPT_NESTING = 3;
const MAX_ROWSPAN = 65_534;
/** Characters of text from which a script's markup that repeats the page's text is left out. */
const REPEATED_PASSAGE = 32;
/** Attributes that hold an address the page links to or loads. */
const LINK_ATTRIBUTES = ['href', 'src'] as const;

/** A block break (`null`) or a table rendered in place. */
type Part = string | null | { table: string };

/** Text as it arrives: runs of text, block breaks and rendered tables, rendered when read. */
class Lines {
  private readonly parts: Part[] = [];
  /** Whether a table was placed here. */
  nested = false;
  text(s: string): void {
    this.parts.push(s);
  }
  block(): void {
    this.parts.push(null);
  }
  table(rendered: string): void {
    this.nested = true;
    this.parts.push({ table: rendered });
  }
  /** Blocks as lines and tables in place. */
  lines(): string {
    return this.parts.map((p) => (p === null ? '\n' : typeof p === 'string' ? p : `\n${p.table}\n`)).join('');
  }
  /** One line: blocks as spaces, tables left out, whitespace collapsed. */
  inline(): string {
    const text = this.parts.map((p) => (p === null ? ' ' : typeof p === 'string' ? p : ' ')).join('');
    return text.replace(/\s+/g, ' ').trim();
  }
}

type Cell = { lines: Lines; depth: number; rowSpan: number; colSpan: number; header: boolean };
type Row = { depth: number; cells: Cell[] };

/** An open table: its rows, and its text outside cells (caption, stray text). */
class Table {
  readonly rows: Row[] = [];
  row: Row | null = null;
  cell: Cell | null = null;
  readonly caption = new Lines();
  readonly outside = new Lines();
  captionDepth = -1;
  /**
   * @param depth the table ends when the element at this depth does (for a table implied by a stray
   *   `<td>` or `<tr>`, the element holding it)
   * @param slot its index in the reading's list of tables
   */
  constructor(
    readonly depth: number,
    readonly slot: number,
  ) {}
  lines(): Lines {
    return this.cell?.lines ?? (this.captionDepth >= 0 ? this.caption : this.outside);
  }
  endRow(): void {
    this.cell = null;
    this.row = null;
  }
}

/** The state of one reading: the open elements that matter, by depth, and what has been read. */
class Reading implements ElementEvents {
  readonly root = new Lines();
  readonly tables: (TableGrid | null)[] = [];
  /** The addresses the page's elements point at (href, src), in order. */
  readonly links: string[] = [];
  /** Strings already read from this page's scripts (a page that repeats one is read once). */
  private readonly seenMarkup = new Set<string>();
  /** The page's own text nodes (not a script's), spaces removed: markup a script repeats from them is read once. */
  private readonly pageText = new Set<string>();
  private readonly openTables: Table[] = [];
  private depth = 0;
  /** Depth of the hidden element being skipped, or -1; `inHead` when that element is the head. */
  private hiddenDepth = -1;
  private inHead = false;
  private scriptDepth = -1;
  private script: string[] = [];
  private scriptNesting = 0;
  private preDepth = -1;

  private lines(): Lines {
    return this.openTables.at(-1)?.lines() ?? this.root;
  }

  open(name: string, attribs: Record<string, string>): void {
    const depth = this.depth++;
    if (this.hiddenDepth >= 0) {
      if (!this.inHead || HEAD_CONTENT.has(name)) return;
      this.hiddenDepth = -1;
      this.inHead = false;
    }
    if (this.scriptDepth >= 0) return;
    for (const key of LINK_ATTRIBUTES) {
      const value = attribs[key]?.trim();
      if (value !== undefined) this.links.push(value);
    }
    if (HIDDEN.has(name)) {
      this.hiddenDepth = depth;
      this.inHead = name === 'head';
    } else if (name === 'script') {
      if (CODE_SCRIPT.test((attribs.type ?? '').trim())) this.scriptDepth = depth;
      else this.hiddenDepth = depth;
    } else if (BREAK.has(name) || BLOCK.has(name)) {
      this.lines().block();
      if (name === 'pre' && this.preDepth < 0) this.preDepth = depth;
    } else if (name === 'table') {
      if (this.openTables.length >= MAX_TABLE_NESTING) this.lines().block();
      else this.openTables.push(new Table(depth, this.tables.push(null) - 1));
    } else if (TABLE_PARTS.has(name)) {
      this.openTablePart(name, depth, attribs);
    }
  }

  private openTablePart(name: string, depth: number, attribs: Record<string, string>): void {
    const cell = name === 'td' || name === 'th';
    let table = this.openTables.at(-1);
    if (!table) {
      if (!cell && name !== 'tr') return;
      table = new Table(depth - 1, this.tables.push(null) - 1);
      this.openTables.push(table);
    }
    if (!cell) {
      table.endRow();
      if (name === 'caption') table.captionDepth = depth;
      if (name === 'tr') table.rows.push((table.row = { depth, cells: [] }));
      return;
    }
    if (!table.row) table.rows.push((table.row = { depth: depth - 1, cells: [] }));
    table.cell = {
      lines: new Lines(),
      depth,
      rowSpan: /^\s*0/.test(attribs.rowspan ?? '') ? 0 : spanOf(attribs.rowspan, MAX_ROWSPAN),
      colSpan: spanOf(attribs.colspan, MAX_COLSPAN),
      header: name === 'th',
    };
    table.row.cells.push(table.cell);
  }

  text(data: string): void {
    if (this.hiddenDepth >= 0) return;
    if (this.scriptDepth >= 0) {
      this.script.push(data);
      return;
    }
    if (this.scriptNesting === 0) {
      const node = data.replace(/\s+/g, '');
      if (node !== '') this.pageText.add(node);
    }
    const lines = this.lines();
    if (this.preDepth >= 0) {
      data.split('\n').forEach((line, i) => {
        if (i > 0) lines.block();
        lines.text(line.replace(/\s+/g, ' '));
      });
    } else lines.text(data.replace(/\s+/g, ' '));
  }

  close(name: string): void {
    const depth = --this.depth;
    if (this.hiddenDepth >= 0) {
      if (depth <= this.hiddenDepth) this.hiddenDepth = -1;
      return;
    }
    if (this.scriptDepth >= 0) {
      if (depth <= this.scriptDepth) this.endScript();
      return;
    }
    if (BLOCK.has(name)) this.lines().block();
    if (depth <= this.preDepth) this.preDepth = -1;
    // End the cells, rows, captions and tables whose element (or an ancestor of it) has just closed.
    for (let table = this.openTables.at(-1); table; table = this.openTables.at(-1)) {
      if (table.cell && table.cell.depth >= depth) table.cell = null;
      if (table.row && table.row.depth >= depth) table.endRow();
      if (table.captionDepth >= depth) table.captionDepth = -1;
      if (table.depth < depth) return;
      this.endTable(this.openTables.pop()!);
    }
  }

  private endTable(table: Table): void {
    const written = table.rows.map((row) => row.cells.map(writtenCell));
    const grid = expandGrid(table.caption.inline(), written);
    this.tables[table.slot] = grid;
    const layout = table.rows.some((row) => row.cells.some((cell) => cell.lines.nested));
    const body = layout
      ? table.rows.flatMap((row) => row.cells.map((cell) => cell.lines.lines())).join('\n')
      : pipeRows(grid)
          .map((line) => `\n${line}\n`)
          .join('');
    this.lines().table([grid.caption, table.outside.lines(), body].join('\n'));
  }

  private endScript(): void {
    this.scriptDepth = -1;
    const markup = scriptMarkup(this.script.join(''), this.seenMarkup);
    this.script = [];
    if (markup === '' || this.scriptNesting >= MAX_SCRIPT_NESTING || this.repeatsPage(markup)) return;
    this.scriptNesting++;
    this.read(markup);
    this.scriptNesting--;
  }

  /**
   * Whether a script's markup only repeats the page's own text (a page that has its content both as markup and
   * in a script): at least 90 % of its text, counted in characters of its text nodes (spaces removed), is text
   * nodes the page has, and it holds a passage (32 characters). Markup that adds a table or paragraphs of its
   * own to a repeated paragraph is read.
   */
  private repeatsPage(markup: string): boolean {
    let total = 0;
    let found = 0;
    for (const piece of markup.split(/<[^>]*>/)) {
      const node = piece.replace(/\s+/g, '');
      total += node.length;
      if (node !== '' && this.pageText.has(node)) found += node.length;
    }
    return total >= REPEATED_PASSAGE && found >= 0.9 * total;
  }

  /** Reads markup at the current place: the page, or a script's markup inside it. */
  read(html: string): void {
    const tablesOpen = this.openTables.length;
    emitElements(html, this);
    // Every element of the markup is closed by now; a table implied by a stray cell ends with it.
    while (this.openTables.length > tablesOpen) this.endTable(this.openTables.pop()!);
  }
}

function writtenCell(cell: Cell): HtmlTableCell {
  return { text: cell.lines.inline(), rowSpan: cell.rowSpan, colSpan: cell.colSpan, header: cell.header };
}

/** The plain text's lines: spaces collapsed, lines trimmed, at most one blank line in a row. */
function tidy(text: string): string {
  const lines = text.split('\n').map((line) => line.replace(/[ \t]+/g, ' ').trim());
  return lines
    .filter((line, i) => line.length > 0 || (i > 0 && lines[i - 1]!.length > 0))
    .join('\n')
    .trim();
}

/** Reads an HTML page or fragment: its plain text and its tables. */
export function readHtml(html: string): HtmlReading {
  const reading = new Reading();
  reading.read(html);
  return {
    text: tidy(reading.root.lines()),
    tables: reading.tables.filter((t) => t !== null),
    links: reading.links,
  };
}

/** The plain text of an HTML page or fragment (see {@link HtmlReader.text}). */
export function htmlToText(html: string): string {
  return readHtml(html).text;
}

/** The HTML reader port. */
export const htmlReader: HtmlReader = { text: htmlToText, read: readHtml };
