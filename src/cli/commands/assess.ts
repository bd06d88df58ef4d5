// `gongkai assess --year YYYY [--org CREDITCODE] [--scheme ID] [--json]`: the assessment table of a year over a
// subtree (docs/assessment.md): one row per organization with its total, rank, grade and each indicator's score.
import { assessYear } from '../../app/assessment/compute-year.js';
import type { ResultTable } from '../../app/assessment/ports.js';
import { CliFailure, withRuntime, type CliDeps } from '../deps.js';

/** Options of `assess`. */
export type AssessOptions = { year: string; org?: string; scheme?: string; json?: boolean };

/** The JSON document of `assess --json` (its shape is a contract). */
export function assessJson(table: ResultTable) {
  return {
    year: table.year,
    scheme: { id: table.scheme.id, name: table.scheme.name },
    rows: table.rows.map((r) => ({
      org: r.org,
      creditCode: r.creditCode,
      total: r.total,
      rank: r.rank,
      grade: r.grade,
      items: Object.fromEntries(
        Object.entries(r.items).map(([id, i]) => [id, { score: i.score, value: i.value, max: i.max }]),
      ),
    })),
  };
}

/** A value as the table shows it: a share as a percentage, a count as is, no data as 无数据. */
const shown = (value: number | null, kind: 'share' | 'count'): string =>
  value === null ? '无数据' : kind === 'share' ? `${Math.round(value * 1000) / 10}%` : String(value);

/** The Chinese table: one line per unit, then each indicator's name, value and score. */
function printTable(deps: CliDeps, table: ResultTable): void {
  deps.out(`${table.year}年度政务公开考核（${table.scheme.name}）`);
  deps.out(['排名', '单位', '统一社会信用代码', '总分', '等次'].join('\t'));
  for (const r of table.rows) deps.out([r.rank, r.org, r.creditCode, r.total, r.grade].join('\t'));
  deps.out('');
  deps.out(['单位', ...table.def.indicators.map((i) => `${i.name}（${i.max}分）`)].join('\t'));
  for (const r of table.rows) {
    const cells = table.def.indicators.map((i) => {
      const item = r.items[i.id];
      return item ? `${item.score}（${shown(item.value, i.valueKind)}）` : '';
    });
    deps.out([r.org, ...cells].join('\t'));
  }
  deps.out('');
  deps.out('注：括号内为指标值；“无数据”的指标不扣分。各指标计算方法：');
  for (const i of table.def.indicators) deps.out(`  ${i.name}：${i.formula}`);
}

/** `assess`: exit 0; a bad year exits 2; an unknown organization or scheme exits 1 with a Chinese message. */
export async function assess(deps: CliDeps, options: AssessOptions): Promise<void> {
  if (!/^\d{4}$/.test(options.year)) {
    throw new CliFailure(`--year 应为四位年份 / --year must be a year: ${options.year}`, 2);
  }
  await withRuntime(deps, async ({ ctx }) => {
    const table = await assessYear(ctx, {
      year: Number(options.year),
      ...(options.org !== undefined ? { creditCode: options.org } : {}),
      ...(options.scheme !== undefined ? { schemeId: options.scheme } : {}),
    });
    if (options.json) deps.out(JSON.stringify(assessJson(table)));
    else printTable(deps, table);
  });
}
