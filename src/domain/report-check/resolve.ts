/**
 * Choosing the reading of section-三 rows the text leaves open: rows whose cells ran together
 * ("640020470") and rows whose blank cells were dropped ("62 9 3 7 81" for seven columns). Every
 * candidate already satisfies the row rule R3; the one kept must also satisfy the column rules of
 * check-report.ts, R1 (一 + 二 = （七）总计 + 四) and R4 (（七）总计 = sum of outcomes), with the other
 * rows as read. A row is resolved only when every consistent combination gives it the same reading.
 */
import {
  APPLICANT_COLUMNS,
  OUTCOME_CODES,
  type ApplicationRow,
  type Applications,
  type Cell,
} from '../reports/annual-report.js';

const MAX_COMBINATIONS = 200000;

type Grid = Map<ApplicationRow, number[]>;

/** A row the text leaves open and its candidate readings (blank cells as null). */
export interface PendingRow {
  row: ApplicationRow;
  candidates: Cell[][];
}

const numbers = (cells: Cell[]): number[] => cells.map((v) => v ?? 0);

function gridOf(apps: Applications): Grid {
  const grid: Grid = new Map();
  for (const [row, cells] of Object.entries(apps) as [ApplicationRow, Record<string, number | null>][]) {
    grid.set(
      row,
      APPLICANT_COLUMNS.map((c) => cells?.[c] ?? 0),
    );
  }
  return grid;
}

function outcomes(has: (r: ApplicationRow) => boolean): ApplicationRow[] {
  const base: ApplicationRow[] = OUTCOME_CODES.filter((c) => !c.startsWith('other.'));
  return has('other') ? [...base, 'other'] : [...OUTCOME_CODES];
}

/** The column equations (rows with signs summing to 0 in every column) whose rows are all present. */
function equations(has: (r: ApplicationRow) => boolean): [ApplicationRow, number][][] {
  const out: [ApplicationRow, number][][] = [];
  const r1: [ApplicationRow, number][] = [
    ['new', 1],
    ['carried_over', 1],
    ['total', -1],
    ['carried_forward', -1],
  ];
  if (r1.every(([r]) => has(r))) out.push(r1);
  const r4: [ApplicationRow, number][] = [...outcomes(has).map((r): [ApplicationRow, number] => [r, 1]), ['total', -1]];
  if (r4.every(([r]) => has(r))) out.push(r4);
  return out;
}

function holds(eq: [ApplicationRow, number][], value: (r: ApplicationRow) => number[]): boolean {
  for (let c = 0; c < APPLICANT_COLUMNS.length; c++) {
    if (eq.reduce((s, [r, sign]) => s + sign * value(r)[c]!, 0) !== 0) return false;
  }
  return true;
}

/**
 * Fixes rows that are the only open row of an equation whose other rows are read: the equation
 * then decides between their candidates alone. Repeated while it fixes rows.
 */
function propagate(grid: Grid, pending: PendingRow[], eqs: [ApplicationRow, number][][]): PendingRow[] {
  let open = pending;
  for (let changed = true; changed;) {
    changed = false;
    const rest: PendingRow[] = [];
    for (const p of open) {
      const own = eqs.filter((eq) => eq.some(([r]) => r === p.row) && eq.every(([r]) => r === p.row || grid.has(r)));
      const kept =
        own.length === 0
          ? p.candidates
          : p.candidates.filter((c) => own.every((eq) => holds(eq, (r) => (r === p.row ? numbers(c) : grid.get(r)!))));
      if (own.length > 0 && kept.length === 1) {
        grid.set(p.row, numbers(kept[0]!));
        p.candidates = kept;
        changed = true;
      } else rest.push({ row: p.row, candidates: kept.length > 0 ? kept : p.candidates });
    }
    open = rest;
  }
  return open;
}

/** Returns the rows whose reading is the same in every consistent combination (null if none is). */
export function resolveColumns(apps: Applications, pending: PendingRow[]): Map<ApplicationRow, Cell[]> | null {
  const grid = gridOf(apps);
  const has = (r: ApplicationRow) => grid.has(r) || pending.some((p) => p.row === r);
  const eqs = equations(has);
  if (eqs.length === 0) return null;
  const work = pending.map((p) => ({ row: p.row, candidates: p.candidates }));
  const open = propagate(grid, work, eqs);
  const out = new Map<ApplicationRow, Cell[]>();
  for (const p of work) if (!open.some((o) => o.row === p.row)) out.set(p.row, p.candidates[0]!);
  if (open.length === 0) return out;
  const size = open.reduce((n, x) => n * x.candidates.length, 1);
  if (size > MAX_COMBINATIONS) return out.size > 0 ? out : null;
  const agreed = new Map<ApplicationRow, Cell[] | 'conflict'>();
  let found = 0;
  const walk = (i: number): void => {
    if (i === open.length) {
      if (!eqs.every((eq) => holds(eq, (r) => grid.get(r)!))) return;
      found++;
      for (const p of open) {
        const now = chosen.get(p.row)!;
        const before = agreed.get(p.row);
        if (before === undefined) agreed.set(p.row, now);
        else if (before !== 'conflict' && before.join() !== now.join()) agreed.set(p.row, 'conflict');
      }
      return;
    }
    const p = open[i]!;
    for (const c of p.candidates) {
      grid.set(p.row, numbers(c));
      chosen.set(p.row, c);
      walk(i + 1);
    }
    grid.delete(p.row);
  };
  const chosen = new Map<ApplicationRow, Cell[]>();
  walk(0);
  if (found === 0) return out.size > 0 ? out : null;
  for (const [row, v] of agreed) if (v !== 'conflict') out.set(row, v);
  return out;
}
