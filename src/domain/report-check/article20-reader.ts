/**
 * Reads the section-二 tables (国办公开办函〔2021〕30号 for 2021, 国办公开办函〔2019〕60号 for 2019). The format of the tables is
 * taken from their header labels (e.g. 本年制发件数 vs 本年新制作数量; 第二十条第（九）项 exists
 * only in 2019). A row with fewer numbers than columns (digits run together, or blank cells the copy
 * dropped) is read only when a single reading fits: the only split, or the one the stock identity
 * R7 and the prose figures single out; otherwise it is left absent with a `missing` finding.
 */
import type {
  Article20,
  Article20Column,
  Article20Entry,
  Article20Row,
  Cell,
  ReportFigures,
  ReportFormat,
} from '../reports/annual-report.js';
import { finding, type Finding } from '../reports/finding.js';
import { article20Columns, rowLabel } from '../reports/labels.js';
import { fitCells, placements, readCells, type NumCell } from './cells.js';
import { statedValues, type ProseFigure } from './prose.js';
import { CONFIDENCE, rowSources, snippetOf, type How, type Provenance } from './provenance.js';
import { findArticle20Labels } from './row-labels.js';
import type { Span } from './sections.js';

export interface Article20Read {
  article20: Article20;
  /** The format the section-二 labels declare, null when they say nothing. */
  format: ReportFormat | null;
  rowsSeen: Article20Row[];
  captions: number;
  /** How each figure was read (provenance.ts). */
  sources: Provenance['article20'];
  findings: Finding[];
}

const MARKS_2021 =
  /本\s*年\s*制\s*发|本\s*年\s*废\s*止|现\s*行\s*有\s*效|本\s*年\s*处\s*理\s*决\s*定|本\s*年\s*收\s*费\s*金\s*额/g;
const MARKS_2019 =
  /本\s*年\s*新\s*制\s*作|本\s*年\s*新\s*公\s*开|对\s*外\s*公\s*开\s*总|上\s*一\s*年\s*项\s*目|本\s*年\s*增|采\s*购\s*项\s*目|政\s*府\s*集\s*中\s*采\s*购|对\s*外\s*管\s*理\s*服\s*务|第\s*二\s*十\s*条\s*(?:第\s*)?\(\s*九/g;

/** The format the section-二 labels declare. */
export function article20Format(slice: string): ReportFormat | null {
  const a = slice.match(MARKS_2021)?.length ?? 0;
  const b = slice.match(MARKS_2019)?.length ?? 0;
  if (a === 0 && b === 0) return null;
  return a > b ? '2021' : '2019';
}

function entryOf(format: ReportFormat, row: Article20Row, cells: (NumCell | null)[]): Article20Entry {
  const entry: Article20Entry = {};
  article20Columns(format, row).forEach((col, i) => {
    const cell = cells[i] ?? null;
    entry[col] = cell === null ? null : cell.value;
    if (cell?.unit && col === 'amount' && row === 'procurement') entry.unit = cell.unit;
  });
  return entry;
}

const asCells = (values: Cell[]): (NumCell | null)[] =>
  values.map((v) => (v === null ? null : { raw: String(v), value: v, splittable: false }));

/** What is known beside the table: last year's report (R7) and the figures the prose states. */
export interface Article20Evidence {
  previous?: ReportFigures | null;
  prose?: ProseFigure[];
}

/**
 * Narrows the readings of a 2021 规章 / 规范性文件 row (本年制发, 本年废止, 现行有效): by the stock
 * identity R7 when last year's 现行有效件数 is known (国办公开办函〔2021〕30号 table 第二十条第（一）项:
 * 现行有效 = last year's + 本年制发 − 本年废止), then by the figures the narrative states. Returns the
 * readings kept and the confidence of a single one, or null when nothing narrowed them.
 */
function narrow(
  row: Article20Row,
  columns: Article20Column[],
  candidates: Cell[][],
  evidence: Article20Evidence,
): { kept: Cell[][]; confidence: number } | null {
  if (row !== 'rules' && row !== 'normative') return null;
  const at = (c: Article20Column) => columns.indexOf(c);
  const [made, repealed, inForce] = [at('made'), at('repealed'), at('in_force')];
  if (made < 0 || repealed < 0 || inForce < 0) return null;
  let kept = candidates;
  let confidence: number = CONFIDENCE.tableRules;
  const before = evidence.previous?.article20?.[row]?.in_force;
  if (before !== undefined && before !== null) {
    kept = kept.filter((c) => (c[inForce] ?? 0) === before + (c[made] ?? 0) - (c[repealed] ?? 0));
  }
  const prose = evidence.prose ?? [];
  const statedMade = statedValues(prose, 'made', row);
  const statedInForce = statedValues(prose, 'in_force', row);
  if (kept.length > 1 && statedMade.length + statedInForce.length > 0) {
    const byProse = kept.filter(
      (c) => statedMade.every((s) => c[made] === s) && statedInForce.every((s) => c[inForce] === s),
    );
    if (byProse.length > 0 && byProse.length < kept.length) {
      kept = byProse;
      confidence = CONFIDENCE.prose;
    }
  }
  return kept.length < candidates.length ? { kept, confidence } : null;
}

/** Reads section 二 from `region` of normalised `text`. */
export function readArticle20(text: string, region: Span, evidence: Article20Evidence = {}): Article20Read {
  const slice = text.slice(region.start, region.end);
  const format = article20Format(slice);
  const hits = findArticle20Labels(text, region);
  const read: Article20Read = { article20: {}, format, rowsSeen: [], captions: 0, sources: {}, findings: [] };
  const fmt = format ?? '2021';
  const set = (row: Article20Row, cells: (NumCell | null)[], how: How, confidence: number, snippet: string) => {
    const entry = entryOf(fmt, row, cells);
    read.article20[row] = entry;
    read.sources[row] = rowSources(entry, how, confidence, snippet);
  };
  hits.forEach((hit, i) => {
    if (hit.code === 'caption') {
      read.captions++;
      return;
    }
    const row = hit.code;
    const columns = article20Columns(fmt, row);
    if (read.article20[row] || columns.length === 0) return;
    const n = columns.length;
    const run = readCells(text.slice(hit.end, hits[i + 1]?.start ?? region.end));
    const fit = fitCells(run, n);
    const where = { section: 'article20', row, offset: hit.start };
    const snippet = snippetOf(text, hit.start, hit.end + run.end);
    if (fit.kind === 'none') return;
    read.rowsSeen.push(row);
    if (fit.kind === 'exact') {
      set(row, fit.cells, run.positional ? 'cell' : 'text', CONFIDENCE.read, snippet);
      return;
    }
    // Fewer numbers than columns: digits run together, or blank cells the copy dropped (their
    // values must not slide left). Each reading is kept only when one alone fits what is known.
    const nums = run.cells.filter((c): c is NumCell => c !== null);
    const placed = nums.length === run.cells.length ? placements(nums, n) : [];
    const candidates: Cell[][] = [...(fit.kind === 'split' ? fit.candidates : []), ...placed];
    const narrowed = narrow(row, columns, candidates, evidence);
    if (narrowed?.kept.length === 1) {
      set(row, asCells(narrowed.kept[0]!), 'inferred', narrowed.confidence, snippet);
    } else if (!narrowed && candidates.length === 1 && placed.length === 0) {
      set(row, asCells(candidates[0]!), 'inferred', CONFIDENCE.rowRule, snippet);
    } else {
      const why =
        fit.kind === 'split' && fit.candidates.length > 1
          ? `数字连在一起，有${narrowed ? narrowed.kept.length : fit.candidates.length}种拆分方式`
          : `只读到${run.cells.length}个数，应有${n}个`;
      read.findings.push(
        finding('missing', 'warning', `第二部分“${rowLabel('article20', row)}”行${why}，无法确定各列数值`, where),
      );
    }
  });
  return read;
}
