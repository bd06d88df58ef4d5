// `gongkai report render <file.json> [--format 2019|2021] [--as text|html] [--out file]` — renders an
// annual-report JSON (docs/annual-report.schema.json, or one `report check --json` record) into the official tables;
// with `--out`, the file's extension picks the kind: .html .docx .xlsx .pdf .json .md (else text).
import { readFile, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { ReportFormat } from '../../domain/reports/annual-report.js';
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

/** Where the command writes, and the office-document writers (needed only for those kinds). */
export type ReportRenderIo = Pick<CliDeps, 'stdout' | 'stderr' | 'reportDocuments'>;

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

/** `report render`: renders the file; returns the exit status (0, or 1 with a message on standard error). */
export async function runReportRender(path: string, options: ReportRenderOptions, io: ReportRenderIo): Promise<number> {
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
      io.stderr(
        `注意：以下数字在${format}年版表格中没有对应栏目，未输出 / not in the ${format} format: ${dropped.join(', ')}\n`,
      );
    }
    if (kind === 'text' || kind === 'html') {
      const output = kind === 'html' ? renderReportHtml(report, format) : renderReportText(report, format);
      if (options.out) await writeFile(options.out, output);
      else io.stdout(output);
    } else {
      await writeFile(
        options.out ?? '',
        await renderReportFile(io.reportDocuments, asAnnualReport(report, format), kind),
      );
    }
    return 0;
  } catch (e) {
    io.stderr(`报告渲染失败 / report render failed: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
