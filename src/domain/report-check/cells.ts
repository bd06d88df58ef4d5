/**
 * Reading the cells of one table row from the text that follows its label, whatever shape the
 * copy gave the table: pipe rows (`| 17 | 1 |`), one cell per line, cells separated by spaces or
 * tabs, blank cells dropped (`|||||||` runs), `/` for not applicable, amounts with 万元, signed
 * changes (`+8`, `-21`), and cells run together with no separator (`规章000`, `230 000023`),
 * which are split into every reading that fits and left for arithmetic to choose.
 */

/** One numeric cell as printed. */
export interface NumCell {
  raw: string;
  value: number;
  unit?: string;
  /** Digits only, no sign or decimal point: could be several cells run together. */
  splittable: boolean;
}

/** The cells found after a row label. */
export interface CellRun {
  /** Cells in order; null = a blank or not-applicable cell. */
  cells: (NumCell | null)[];
  /** True when blank cells keep their position (pipe table without collapsed runs). */
  positional: boolean;
  /** Offset (within the segment) just after the last cell read. */
  end: number;
}

const TOKEN = /([+-]?\d+(?:\.\d+)?)(?:\s*(万元|元|件|个|项|条))?|(\/|—+|-(?!\d))|([^\s|\d/+\-—]+|[+-])/g;

type Tok = { kind: 'num'; cell: NumCell; end: number } | { kind: 'na'; end: number } | { kind: 'text'; end: number };

function numCell(raw: string, unit: string | undefined): NumCell {
  const cell: NumCell = { raw, value: Number(raw), splittable: /^\d{2,}$/.test(raw) };
  if (unit === '万元' || unit === '元') cell.unit = unit;
  return cell;
}

function scan(text: string, offset: number): Tok[] {
  const out: Tok[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const end = offset + m.index + m[0].length;
    if (m[1] !== undefined) out.push({ kind: 'num', cell: numCell(m[1], m[2]), end });
    else if (m[3] !== undefined) out.push({ kind: 'na', end });
    else out.push({ kind: 'text', end });
  }
  return out;
}

/** Cells separated by spaces, tabs or line breaks (pipes count as spaces here). */
function readSpaced(segment: string): CellRun {
  const cells: (NumCell | null)[] = [];
  let end = 0;
  for (const t of scan(segment.replace(/\|/g, ' '), 0)) {
    if (t.kind === 'text') {
      if (cells.length > 0) break;
      continue;
    }
    cells.push(t.kind === 'num' ? t.cell : null);
    end = t.end;
  }
  return { cells: trimBlanks(cells), positional: false, end };
}

/** Cells of a pipe row; blank cells keep their place unless runs of `|||` show they were collapsed. */
function readPiped(segment: string): CellRun {
  const cells: (NumCell | null)[] = [];
  const collapsed = /\|\|\|/.test(segment);
  let started = false;
  let end = 0;
  let pos = 0;
  const pieces = segment.split('|');
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    const toks = scan(piece, pos);
    pos += piece.length + 1;
    const textAt = toks.findIndex((t) => t.kind === 'text');
    const values = textAt < 0 ? toks : toks.slice(0, textAt);
    if (textAt >= 0 && !started && values.length === 0) {
      cells.length = 0;
      continue;
    }
    if (i === 0 && values.length === 0) continue;
    if (values.length === 0 && !started && piece.includes('\n')) continue; // row boundary, not a cell
    if (values.length === 0) cells.push(null);
    for (const t of values) cells.push(t.kind === 'num' ? t.cell : null);
    if (values.length > 0) {
      started = true;
      end = values[values.length - 1]!.end;
    }
    if (textAt >= 0) break;
  }
  return { cells: collapsed ? trimBlanks(cells) : cells, positional: !collapsed, end };
}

/** Reads the cells that follow a row label in `segment` (up to the first text after a value). */
export function readCells(segment: string): CellRun {
  const firstPipe = segment.indexOf('|');
  const firstDigit = segment.search(/[\d/]/);
  const piped = firstPipe >= 0 && (firstDigit < 0 || firstPipe < firstDigit);
  return piped ? readPiped(segment) : readSpaced(segment);
}

function trimBlanks(cells: (NumCell | null)[]): (NumCell | null)[] {
  let a = 0;
  let b = cells.length;
  while (a < b && cells[a] === null) a++;
  while (b > a && cells[b - 1] === null) b--;
  return cells.slice(a, b);
}

/** Result of fitting a run of cells to a row of `n` columns. */
export type Fit =
  | { kind: 'exact'; cells: (NumCell | null)[] }
  | { kind: 'split'; candidates: number[][] }
  | { kind: 'dropped'; cells: NumCell[] }
  | { kind: 'none' };

/** Fits a run to `n` columns; run-together digits are split into all readings accepted by `accept`. */
export function fitCells(run: CellRun, n: number, accept: (values: number[]) => boolean = () => true): Fit {
  let cells = run.cells;
  if (run.positional) {
    while (cells.length > n && cells[cells.length - 1] === null) cells = cells.slice(0, -1);
  }
  if (cells.length === 0) return { kind: 'none' };
  if (cells.length === n) return { kind: 'exact', cells };
  if (cells.length > n) return { kind: 'exact', cells: cells.slice(0, n) };
  const nums = cells.filter((c): c is NumCell => c !== null);
  if (nums.length === cells.length && nums.some((c) => c.splittable)) {
    const candidates = splitCandidates(
      nums.map((c) => c.raw),
      n,
      accept,
    );
    if (candidates.length > 0) return { kind: 'split', candidates };
  }
  return { kind: 'dropped', cells: nums };
}

const LIMIT = 20000;

/** All ways to cut `raw` into `k` integers without leading zeros. */
function cuts(raw: string, k: number): number[][] {
  if (k === 1) return raw.length > 1 && raw[0] === '0' ? [] : [[Number(raw)]];
  const out: number[][] = [];
  for (let i = 1; i <= raw.length - (k - 1); i++) {
    const head = raw.slice(0, i);
    if (head.length > 1 && head[0] === '0') break;
    for (const rest of cuts(raw.slice(i), k - 1)) out.push([Number(head), ...rest]);
    if (out.length > LIMIT) break;
  }
  return out;
}

/** Every split of the digit strings `tokens` into exactly `n` numbers accepted by `accept`. */
export function splitCandidates(tokens: string[], n: number, accept: (values: number[]) => boolean): number[][] {
  const out: number[][] = [];
  // digitsAfter[i]: digits in tokens[i..], the most numbers they can be cut into.
  const digitsAfter: number[] = new Array<number>(tokens.length + 1).fill(0);
  for (let i = tokens.length - 1; i >= 0; i--) digitsAfter[i] = digitsAfter[i + 1]! + tokens[i]!.length;
  const walk = (i: number, acc: number[]): void => {
    if (out.length > LIMIT) return;
    if (i === tokens.length) {
      if (acc.length === n && accept(acc)) out.push(acc);
      return;
    }
    const raw = tokens[i]!;
    const left = tokens.length - i - 1;
    for (let k = 1; k <= raw.length && acc.length + k + left <= n; k++) {
      if (acc.length + k + digitsAfter[i + 1]! < n) continue; // cannot reach n numbers
      for (const parts of cuts(raw, k)) walk(i + 1, [...acc, ...parts]);
    }
  };
  walk(0, []);
  return out;
}

/** A printed number that cannot stand alone (`000`, `023`): it must be several cells run together. */
const mustBeGlued = (c: NumCell): boolean => c.splittable && c.raw[0] === '0';

/**
 * Every way to put the numbers of a row whose blank cells were dropped back into `n` columns,
 * keeping their order (the other columns blank), accepted by `accept` (blanks count as 0 there,
 * as in the rules R1–R8). Empty when a number must be several cells run together, or when there
 * would be more than `limit` placements.
 */
export function placements(
  cells: NumCell[],
  n: number,
  accept: (values: number[]) => boolean = () => true,
  limit = 20000,
): (number | null)[][] {
  const k = cells.length;
  if (k === 0 || k >= n || cells.some(mustBeGlued)) return [];
  const out: (number | null)[][] = [];
  const row: (number | null)[] = new Array<number | null>(n).fill(null);
  let tried = 0;
  const walk = (i: number, from: number): boolean => {
    if (i === k) {
      if (++tried > limit) return false;
      if (accept(row.map((v) => v ?? 0))) out.push([...row]);
      return true;
    }
    for (let p = from; p <= n - (k - i); p++) {
      row[p] = cells[i]!.value;
      const more = walk(i + 1, p + 1);
      row[p] = null;
      if (!more) return false;
    }
    return true;
  };
  return walk(0, 0) ? out : [];
}

/**
 * Every split of the digit strings `tokens` into exactly `n` numbers (no leading zeros, at most
 * `maxDigits` digits each, none across two tokens) whose every prefix satisfies `prefixOk` — so a
 * rule on groups of cells (R5) prunes the search as it goes and long runs stay cheap.
 */
export function splitPruned(
  tokens: string[],
  n: number,
  prefixOk: (values: number[]) => boolean,
  maxDigits = 6,
  limit = LIMIT,
): number[][] {
  const out: number[][] = [];
  const acc: number[] = [];
  const left = (t: number, p: number): number =>
    tokens.slice(t + 1).reduce((s, x) => s + x.length, tokens[t] ? tokens[t]!.length - p : 0);
  const walk = (t: number, p: number): void => {
    if (out.length > limit) return;
    if (t === tokens.length) {
      if (acc.length === n) out.push([...acc]);
      return;
    }
    const raw = tokens[t]!;
    if (p === raw.length) return walk(t + 1, 0);
    const remaining = left(t, p);
    if (n - acc.length > remaining || (n - acc.length) * maxDigits < remaining) return;
    for (let len = 1; len <= Math.min(maxDigits, raw.length - p); len++) {
      if (len > 1 && raw[p] === '0') break;
      acc.push(Number(raw.slice(p, p + len)));
      if (acc.length <= n && prefixOk(acc)) walk(t, p + len);
      acc.pop();
    }
  };
  walk(0, 0);
  return out;
}
