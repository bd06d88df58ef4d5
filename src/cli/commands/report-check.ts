// `gongkai report check <file or folder> [--json] [--strict] [--summary out.html] [--summary-xlsx out.xlsx]
// [--previous file] [--explain]` — 年报体检
// (docs/report-check.md): reads published annual reports and checks them; the exit status is 0, or 1 with --strict.
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { checkReportText, type CheckedReport } from '../../domain/report-check/check-text.js';
import {
  addPreviousYearFindings,
  explicitPreviousFindings,
  sameIssuer,
  unreadablePreviousFinding,
} from '../../domain/report-check/previous-year.js';
import type { ReportFigures } from '../../domain/reports/annual-report.js';
import { finding } from '../../domain/reports/finding.js';
import type { CliDeps, CliIo, ReportReader } from '../deps.js';
import { progressBar } from '../progress.js';
import { formatReport, formatTotals, totalsOf } from './report-check-output.js';
import { writeSummaries } from './report-check-summary.js';

export interface ReportCheckOptions {
  json?: boolean;
  strict?: boolean;
  summary?: string;
  /** `--summary-xlsx`: the batch audit as a workbook. */
  summaryXlsx?: string;
  /** Last year's report of the same issuer, for R6/R7 on a single file. */
  previous?: string;
  /** Where each figure came from: printed in Chinese, or `provenance` in each JSON record. */
  explain?: boolean;
}

/** Where the command writes (standard output and error of the run) and how it reads documents. */
export type ReportCheckIo = Pick<CliIo, 'stdout' | 'stderr' | 'stderrTerminal'> & {
  reader: ReportReader;
  summaryXlsx?: CliDeps['reportSummaryXlsx'];
};

/** Lists the report files under a folder (recursively, sorted), skipping READMEs and data files. */
async function listReports(dir: string, extensions: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    const entries = await readdir(d, { withFileTypes: true });
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (extensions.some((x) => e.name.toLowerCase().endsWith(x)) && !/^readme/i.test(e.name)) out.push(p);
    }
  };
  await walk(dir);
  return out;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Reads and checks one file; throws when the file cannot be read. */
async function readChecked(
  reader: ReportReader,
  path: string,
  label: string,
  explain = false,
  lastYear: ReportFigures | null = null,
): Promise<CheckedReport> {
  const text = await reader.read(path, await readFile(path));
  return checkReportText(text, { file: label, explain, lastYear });
}

/** Checks one file; unreadable input becomes a finding, never an exception. */
async function checkFile(reader: ReportReader, path: string, label: string, explain = false): Promise<CheckedReport> {
  try {
    return await readChecked(reader, path, label, explain);
  } catch (e) {
    const report = checkReportText('', { file: label });
    report.findings = [finding('missing', 'error', `无法读取文件：${messageOf(e)}`, {})];
    return report;
  }
}

/**
 * `--previous <file>` on a single report: R6/R7 against that file whatever its issuer and year
 * (the user named it), with a note on stderr when they do not look like last year's report of the
 * same issuer. An unreadable file becomes a `missing` warning on the report.
 */
async function checkAgainstPrevious(
  report: CheckedReport,
  path: string,
  io: ReportCheckIo,
  again?: { path: string; explain?: boolean },
): Promise<void> {
  let previous: CheckedReport;
  try {
    previous = await readChecked(io.reader, path, path);
  } catch (e) {
    report.findings.push(unreadablePreviousFinding(path, messageOf(e)));
    return;
  }
  if (report.year !== null && previous.year !== null && previous.year !== report.year - 1) {
    io.stderr(
      `注意：上一年度报告 ${path} 的年度为 ${previous.year} 年，本报告为 ${report.year} 年；仍按上一年度核对。\n`,
    );
  }
  if (report.organization.name && previous.organization.name && !sameIssuer(report, previous)) {
    io.stderr(
      `注意：上一年度报告 ${path} 的发布机关为“${previous.organization.name}”，与本报告“${report.organization.name}”不同；仍按上一年度核对。\n`,
    );
  }
  if (again) {
    // Read again knowing last year's 现行有效件数: R7 can then choose between readings of section 二.
    try {
      Object.assign(report, await readChecked(io.reader, again.path, report.file ?? path, again.explain, previous));
    } catch {
      // The report itself could not be read: its record already says so.
    }
  }
  report.findings.push(...explicitPreviousFindings(report, previous));
}

/**
 * Runs the check and returns the exit status: 0, or 1 with --strict when an error finding exists.
 * All files are read first, then reports of the same issuer for consecutive years are paired
 * (R6/R7 added to the later one), then the records are printed.
 */
export async function runReportCheck(target: string, options: ReportCheckOptions, io: ReportCheckIo): Promise<number> {
  const reports: CheckedReport[] = [];
  // Where each figure came from goes beside the report in every JSON record and into the summaries
  // (inferred cells are marked there), and is printed with --explain.
  const sources = Boolean(options.explain || options.json || options.summary || options.summaryXlsx);
  let folder = false;
  try {
    folder = (await stat(target)).isDirectory();
    const files = folder ? await listReports(target, io.reader.extensions) : [target];
    const bar = folder ? progressBar(io, '年报体检 / checking', files.length) : null;
    for (const [i, file] of files.entries()) {
      reports.push(await checkFile(io.reader, file, folder ? relative(target, file) : basename(file), sources));
      bar?.update(i + 1);
    }
    bar?.stop();
    if (folder) {
      addPreviousYearFindings(reports);
      if (options.previous) {
        io.stderr(`--previous 只用于单个报告文件；文件夹内按发布机关和年度自动配对，已忽略 ${options.previous}。\n`);
      }
    } else if (options.previous && reports[0]) {
      await checkAgainstPrevious(reports[0], options.previous, io, { path: target, explain: sources });
    }
  } catch (e) {
    const report = checkReportText('', { file: target });
    report.findings = [finding('missing', 'error', `无法读取：${messageOf(e)}`, {})];
    reports.push(report);
  }
  for (const report of reports) {
    io.stdout(options.json ? `${JSON.stringify(report)}\n` : formatReport(report, options.explain));
  }
  const totals = totalsOf(reports);
  if (folder || reports.length > 1) (options.json ? io.stderr : io.stdout)(formatTotals(totals));
  await writeSummaries(reports, target, options, io);
  return options.strict && totals.withErrors > 0 ? 1 : 0;
}

/** `report check`: never another exit status than 0 or 1, whatever it is given. */
export async function checkReports(
  deps: Pick<CliDeps, 'stdout' | 'stderr' | 'stderrTerminal' | 'reportReader' | 'reportSummaryXlsx'>,
  path: string,
  options: ReportCheckOptions,
): Promise<number> {
  try {
    const io = { ...deps, reader: await deps.reportReader(), summaryXlsx: deps.reportSummaryXlsx };
    return await runReportCheck(path, options, io);
  } catch (e) {
    deps.stderr(`年报体检出错 / report check failed: ${messageOf(e)}\n`);
    return 0;
  }
}
