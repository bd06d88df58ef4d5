/**
 * Reads the section-二 tables (国办公开办函〔2021〕30号 for 2021, 国办公开办函〔2019〕60号 for 2019). The format of the tables is
 * taken from their header labels (e.g. 本年制发件数 vs 本年新制作数量; 第二十条第（九）项 exists
 * only in 2019). Run-together cells are kept only when a single split is possible.
 */
import type { Article20, Article20Entry, Article20Row, ReportFormat } from '../reports/annual-report.js';
import { finding, type Finding } from '../reports/finding.js';
import { article20Columns, rowLabel } from '../reports/labels.js';
import { fitCells, readCells, type NumCell } from './cells.js';
import { findArticle20Labels } from './row-labels.js';
import type { Span } from './sections.js';

export interface Article20Read {
  article20: Article20;
  /** The format the section-二 labels declare, null when they say nothing. */
  format: ReportFormat | null;
  rowsSeen: Article20Row[];
  captions: number;
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

/** Reads section 二 from `region` of normalised `text`. */
export function readArticle20(text: string, region: Span): Article20Read {
  const slice = text.slice(region.start, region.end);
  const format = article20Format(slice);
  const hits = findArticle20Labels(text, region);
  const read: Article20Read = { article20: {}, format, rowsSeen: [], captions: 0, findings: [] };
  const fmt = format ?? '2021';
  hits.forEach((hit, i) => {
    if (hit.code === 'caption') {
      read.captions++;
      return;
    }
    const row = hit.code;
    if (read.article20[row] || article20Columns(fmt, row).length === 0) return;
    const n = article20Columns(fmt, row).length;
    const fit = fitCells(readCells(text.slice(hit.end, hits[i + 1]?.start ?? region.end)), n);
    const where = { section: 'article20', row, offset: hit.start };
    if (fit.kind === 'none') return;
    read.rowsSeen.push(row);
    if (fit.kind === 'exact') read.article20[row] = entryOf(fmt, row, fit.cells);
    else if (fit.kind === 'split' && fit.candidates.length === 1) {
      read.article20[row] = entryOf(
        fmt,
        row,
        fit.candidates[0]!.map((v) => ({ raw: String(v), value: v, splittable: false })),
      );
    } else {
      const why =
        fit.kind === 'split'
          ? `数字连在一起，有${fit.candidates.length}种拆分方式`
          : `只读到${fit.cells.length}个数，应有${n}个`;
      read.findings.push(
        finding('missing', 'warning', `第二部分“${rowLabel('article20', row)}”行${why}，无法确定各列数值`, where),
      );
    }
  });
  return read;
}
