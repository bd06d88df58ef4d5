/**
 * Choosing the reading of section-三 rows whose cells ran together ("640020470"): every reading
 * already satisfies the row rule R3; the one kept must also satisfy the column rules of check-report.ts,
 * R1 (一 + 二 = （七）总计 + 四) and R4 (（七）总计 = sum of outcomes), with the other rows as read.
 */
import { APPLICANT_COLUMNS, OUTCOME_CODES, type ApplicationRow, type Applications } from '../reports/annual-report.js';

const MAX_COMBINATIONS = 200000;

type Grid = Map<ApplicationRow, number[]>;

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

function outcomes(grid: Grid): ApplicationRow[] {
  const base: ApplicationRow[] = OUTCOME_CODES.filter((c) => !c.startsWith('other.'));
  return grid.has('other') ? [...base, 'other'] : [...OUTCOME_CODES];
}

/** True when every column rule that can be evaluated holds. */
function consistent(grid: Grid): boolean {
  const rows = outcomes(grid);
  const haveR4 = grid.has('total') && rows.every((r) => grid.has(r));
  const haveR1 = ['new', 'carried_over', 'total', 'carried_forward'].every((r) => grid.has(r as ApplicationRow));
  for (let c = 0; c < APPLICANT_COLUMNS.length; c++) {
    const v = (r: ApplicationRow) => grid.get(r)![c]!;
    if (haveR1 && v('new') + v('carried_over') !== v('total') + v('carried_forward')) return false;
    if (haveR4 && rows.reduce((s, r) => s + v(r), 0) !== v('total')) return false;
  }
  return haveR1 || haveR4;
}

/** Returns the rows whose reading is the same in every consistent combination (null if none is). */
export function resolveColumns(
  apps: Applications,
  pending: { row: ApplicationRow; candidates: number[][] }[],
): Map<ApplicationRow, number[]> | null {
  const size = pending.reduce((p, x) => p * x.candidates.length, 1);
  if (size > MAX_COMBINATIONS) return null;
  const grid = gridOf(apps);
  const agreed = new Map<ApplicationRow, number[] | 'conflict'>();
  let found = 0;
  const walk = (i: number): void => {
    if (i === pending.length) {
      if (!consistent(grid)) return;
      found++;
      for (const p of pending) {
        const now = grid.get(p.row)!;
        const before = agreed.get(p.row);
        if (before === undefined) agreed.set(p.row, now);
        else if (before !== 'conflict' && before.join() !== now.join()) agreed.set(p.row, 'conflict');
      }
      return;
    }
    const p = pending[i]!;
    for (const c of p.candidates) {
      grid.set(p.row, c);
      walk(i + 1);
    }
    grid.delete(p.row);
  };
  walk(0);
  if (found === 0) return null;
  const out = new Map<ApplicationRow, number[]>();
  for (const [row, v] of agreed) if (v !== 'conflict') out.set(row, v);
  return out;
}
