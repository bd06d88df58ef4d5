// `gongkai report build --org <creditCode> --year <yyyy> --out <file>` — an organization's annual
// report from the database (a draft computed now, a submitted or published one as frozen), written
// as .html .docx .xlsx .pdf .json or .md by the file's extension.
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { loadReport, reportOrgId } from '../../app/reports/annual-reports.js';
import { exportReport, isReportExportKind, type ReportExportKind } from '../../app/reports/report-exports.js';
import { AppError } from '../../app/errors.js';
import { REPORT_STATE_LABELS } from '../../domain/reports/report-policy.js';
import { withRuntime, type CliDeps } from '../deps.js';

/** Parses `--year`: a four-digit year. */
export function parseYearOption(value: string): number {
  if (!/^\d{4}$/.test(value.trim())) {
    throw new AppError('invalid', `--year 应为四位年份，如 2025（收到 "${value}"）/ --year must be a year`);
  }
  return Number(value.trim());
}

/** The export kind of an output file, from its extension. */
function kindOf(out: string): ReportExportKind {
  const ext = extname(out)
    .toLowerCase()
    .replace(/^\./, '')
    .replace(/^htm$/, 'html')
    .replace(/^markdown$/, 'md');
  if (!isReportExportKind(ext)) {
    throw new AppError(
      'invalid',
      `--out 的扩展名应为 .html .docx .xlsx .pdf .json .md 之一（收到 "${out}"）/ unknown output kind`,
    );
  }
  return ext;
}

/** `report build`: writes the report and says its state and how many findings it has. */
export async function buildReport(deps: CliDeps, options: { org: string; year: string; out: string }): Promise<void> {
  const year = parseYearOption(options.year);
  const kind = kindOf(options.out);
  await withRuntime(deps, async ({ ctx }) => {
    const record = await loadReport(ctx, null, await reportOrgId(ctx, options.org), year);
    const file = await exportReport(ctx, record.report, kind);
    await writeFile(options.out, file.bytes);
    const errors = record.findings.filter((f) => f.severity === 'error').length;
    deps.out(
      `已写入 / written: ${options.out}（${record.orgName}${year}年度，${REPORT_STATE_LABELS[record.state]}，错误 ${errors} 项，提示 ${record.findings.length - errors} 项）`,
    );
    if (errors > 0) {
      deps.err('报告有错误，请用 report validate 查看 / the report has errors: see `report validate`');
    }
  });
}
