// `gongkai report render <file.json> [--format 2019|2021] [--as text|html] [--out file]` — renders an
// annual-report JSON (issue 5's model, or one `report check --json` record) into the official tables;
// with `--out`, the file's extension picks the kind: .html .docx .xlsx .pdf .json .md (else text).
import { readFile, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Command } from 'commander';
import type { ReportFormat } from '../../domain/reports/annual-report.js';
import type { ReportDocumentRenderers } from '../../app/reports/ports.js';
import { asAnnualReport, renderReportFile, type ReportExportKind } from '../../app/reports/report-exports.js';
import type { CliDeps } from '../deps.js';
import { renderReportHtml } from '../../domain/reports/render-html.js';
import {
  renderFormat,
  renderReportText,
  unrenderedFigures,
  type RenderableReport,
} from '../../domain/reports/render-text.js';

export interface ReportRenderOptions {
  format?: string;
  as?: string;
  out?: string;
}

/** Where the command writes; the CLI passes process streams, tests may pass buffers. */
export interface ReportRenderIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

const processIo: ReportRenderIo = {
  out: (s) => void process.stdout.write(s),
  err: (s) => void process.stderr.write(s),
};

class RenderError extends Error {}

/** Parses the file: one JSON object, or a JSON Lines file holding exactly one. */
export function parseReportJson(source: string): RenderableReport {
  const text = source.replace(/^\ufeff/, '').trim();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    if (lines.length > 1 && lines.every((l) => l.trim().startsWith('{'))) {
      throw new RenderError(`文件含${lines.length}份报告（JSON Lines），请每次渲染一份 / one report per file, please`);
    }
    throw new RenderError('不是有效的 JSON / not valid JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new RenderError('JSON 顶层应为一份年度报告对象 / the JSON must be one annual-report object');
  }
  return value as RenderableReport;
}

function formatOption(value: string | undefined): ReportFormat | null {
  if (value === undefined) return null;
  if (value === '2019' || value === '2021') return value;
  throw new RenderError(`--format 只能是 2019 或 2021（收到 "${value}"）/ --format must be 2019 or 2021`);
}

/** The kinds an `--out` extension selects (anything else is the text tables). */
const KIND_BY_EXTENSION: Record<string, Exclude<ReportExportKind, 'html'>> = {
  '.docx': 'docx',
  '.xlsx': 'xlsx',
  '.pdf': 'pdf',
  '.json': 'json',
  '.md': 'md',
  '.markdown': 'md',
};

/** What to write: `--as` when given (text or html), else what the `--out` extension names. */
export function outputKind(options: ReportRenderOptions): 'text' | ReportExportKind {
  if (options.as !== undefined) {
    if (options.as === 'text' || options.as === 'html') return options.as;
    throw new RenderError(`--as 只能是 text 或 html（收到 "${options.as}"）/ --as must be text or html`);
  }
  const ext = options.out ? extname(options.out).toLowerCase() : '';
  if (/^\.x?html?$/.test(ext)) return 'html';
  return KIND_BY_EXTENSION[ext] ?? 'text';
}

/**
 * Renders the file; returns the exit status (0, or 1 with a message on standard error).
 * @param docs the DOCX/XLSX/PDF writers (needed only for those kinds)
 */
export async function runReportRender(
  path: string,
  options: ReportRenderOptions,
  io: ReportRenderIo = processIo,
  docs: ReportDocumentRenderers,
): Promise<number> {
  try {
    const kind = outputKind(options);
    const requested = formatOption(options.format);
    const report = parseReportJson(
      await readFile(path, 'utf8').catch((e: unknown) => {
        throw new RenderError(`无法读取 ${path}：${e instanceof Error ? e.message : String(e)}`);
      }),
    );
    const format = renderFormat(report, requested);
    if (!format) {
      throw new RenderError('无法确定表格格式（JSON 中没有 format 和 year），请用 --format 指定 / use --format');
    }
    const dropped = unrenderedFigures(report, format);
    if (dropped.length > 0) {
      io.err(
        `注意：以下数字在${format}年版表格中没有对应栏目，未输出 / not in the ${format} format: ${dropped.join(', ')}\n`,
      );
    }
    if (kind === 'text' || kind === 'html') {
      const output = kind === 'html' ? renderReportHtml(report, format) : renderReportText(report, format);
      if (options.out) await writeFile(options.out, output);
      else io.out(output);
    } else {
      await writeFile(options.out ?? '', await renderReportFile(docs, asAnnualReport(report, format), kind));
    }
    return 0;
  } catch (e) {
    io.err(`报告渲染失败 / report render failed: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

/** Registers `report render` under the `report` command (creating `report` if needed). */
export function registerReportRender(program: Command, deps: Pick<CliDeps, 'reportDocuments'>): void {
  const report =
    program.commands.find((c) => c.name() === 'report') ??
    program.command('report').description('年度报告 / Annual reports');
  report
    .command('render')
    .description('把年度报告 JSON 渲染为正式表格 / render an annual-report JSON into the official tables')
    .argument('<file.json>', '年度报告 JSON（含 report check --json 的输出）/ annual-report JSON')
    .option('--format <format>', "表格格式 2019 或 2021（默认取 JSON 的 format）/ table format, default: the JSON's")
    .option('--as <kind>', '输出 text（竖线表格）或 html（独立网页）/ output text or html')
    .option(
      '--out <file>',
      '写入文件（按扩展名：.html .docx .xlsx .pdf .json .md，其他为文本）/ write a file, kind from its extension',
    )
    .action(async (path: string, options: ReportRenderOptions) => {
      process.exitCode = await runReportRender(path, options, processIo, deps.reportDocuments);
    });
}
