// `gongkai report validate --org <creditCode> --year <yyyy>` or `gongkai report validate <file.json>
// [--previous last-year.json]` — the checks R1–R8 (src/domain/reports/check-report.ts) on a report from the
// database or on any report JSON (a file without organization code or previous year is checked all the same).
// Findings are listed (with --json: an array of {rule, severity, message, where}); exit 1 on errors.
import { readFile } from 'node:fs/promises';
import { loadReport, reportOrgId } from '../../app/reports/annual-reports.js';
import { AppError } from '../../app/errors.js';
import { checkReport } from '../../domain/reports/check-report.js';
import type { ReportFigures } from '../../domain/reports/annual-report.js';
import type { Finding } from '../../domain/reports/finding.js';
import { withRuntime, type CliDeps } from '../deps.js';
import { parseReportJson } from './report-render.js';
import { parseYearOption } from './report-build.js';

export type ReportValidateOptions = { org?: string; year?: string; previous?: string; json?: boolean };

/** The figures of any report JSON, absent tables read as empty. */
function figuresOf(value: ReturnType<typeof parseReportJson>): ReportFigures {
  return {
    format: value.format ?? null,
    article20: value.article20 ?? {},
    applications: value.applications ?? {},
    reviews: value.reviews ?? {},
  };
}

/** Reads a report JSON file, with a Chinese message naming it when it cannot be read. */
async function readReport(path: string): Promise<ReportFigures> {
  const text = await readFile(path, 'utf8').catch((e: unknown) => {
    throw new AppError('not_found', `无法读取 ${path}：${e instanceof Error ? e.message : String(e)}`);
  });
  try {
    return figuresOf(parseReportJson(text));
  } catch (e) {
    throw new AppError('invalid', `${path}：${e instanceof Error ? e.message : String(e)}`);
  }
}

/** One finding as a line: severity, rule, message and the cell. */
export function findingLine(f: Finding): string {
  const where = [f.where.section, f.where.row, f.where.column].filter(Boolean).join(' / ');
  return `[${f.severity === 'error' ? '错误' : '提示'}] ${f.rule} ${f.message}${where ? `（${where}）` : ''}`;
}

/** Prints the findings and returns the exit status: 1 when any is an error. */
function report(deps: Pick<CliDeps, 'out'>, findings: Finding[], json: boolean | undefined, label: string): number {
  const errors = findings.filter((f) => f.severity === 'error').length;
  if (json) {
    deps.out(
      JSON.stringify(findings.map(({ rule, severity, message, where }) => ({ rule, severity, message, where }))),
    );
  } else {
    for (const f of findings) deps.out(findingLine(f));
    deps.out(
      `${label}：错误 ${errors} 项，提示 ${findings.length - errors} 项 / ${errors} error(s), ${findings.length - errors} warning(s)`,
    );
  }
  return errors > 0 ? 1 : 0;
}

/**
 * Runs the validation; returns the exit status.
 * @throws AppError for bad options, an unreadable file or an unknown organization
 */
export async function runReportValidate(
  file: string | undefined,
  options: ReportValidateOptions,
  deps: CliDeps,
): Promise<number> {
  if (file !== undefined) {
    if (options.org !== undefined || options.year !== undefined) {
      throw new AppError(
        'invalid',
        '请指定报告文件，或 --org 与 --year，不能同时指定 / a file or --org/--year, not both',
      );
    }
    const figures = await readReport(file);
    const previous = options.previous !== undefined ? await readReport(options.previous) : null;
    return report(
      deps,
      checkReport(figures, { previous, ...(options.previous !== undefined ? { previousFile: options.previous } : {}) }),
      options.json,
      file,
    );
  }
  if (options.org === undefined || options.year === undefined) {
    throw new AppError('invalid', '请指定报告文件，或同时指定 --org 与 --year / give a file, or --org and --year');
  }
  if (options.previous !== undefined) {
    throw new AppError(
      'invalid',
      '--previous 只用于报告文件；数据库中的报告按上一年度报告自动核对 / --previous is for files only',
    );
  }
  const year = parseYearOption(options.year);
  const org = options.org;
  return withRuntime(deps, async ({ ctx }) => {
    const record = await loadReport(ctx, null, await reportOrgId(ctx, org), year);
    return report(deps, record.findings, options.json, `${record.orgName}${year}年度报告`);
  });
}
