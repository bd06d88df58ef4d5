// `gongkai monitor …` — 网站监测 (docs/monitoring.md). `monitor check SITE.json [--as-of DATE] [--json]` checks
// one website described by a file and saves nothing: JSON Lines (one finding a line, then the summary line) or a
// Chinese table; exit 0, or 2 when the file is invalid. `monitor run` (registered sites, saved runs) joins here.
import { readFile } from 'node:fs/promises';
import { checkSite, type SiteCheckResult } from '../../app/monitoring/check-site.js';
import type { SiteCheckPorts } from '../../app/monitoring/crawl-ports.js';
import type { MonitorFinding } from '../../domain/monitoring/finding.js';
import { isoDate } from '../../domain/monitoring/list-dates.js';
import { parseSiteDescription, type SiteDescription } from '../../domain/monitoring/site-description.js';
import { CliFailure, type CliDeps } from '../deps.js';
import { progressBar } from '../progress.js';

/** Options of `monitor check`. */
export interface MonitorCheckOptions {
  asOf?: string;
  json?: boolean;
}

const SEVERITY: Record<MonitorFinding['severity'], string> = { veto: '单项否决', deduction: '扣分', warning: '提示' };

/** The check's date: `--as-of` (YYYY-MM-DD, a real date) or today (UTC). */
function asOfDate(value: string | undefined, today: Date): string {
  if (value === undefined) return today.toISOString().slice(0, 10);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  if (!d) throw new CliFailure(`--as-of 应为 YYYY-MM-DD 格式的日期：${value}`, 2);
  return d;
}

/** Reads and validates the site file; an invalid one ends the run with status 2 and the reasons. */
async function readSite(path: string): Promise<SiteDescription> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new CliFailure(`无法读取网站描述文件 ${path}：${e instanceof Error ? e.message : String(e)}`, 2);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new CliFailure(`网站描述文件 ${path} 不是有效的 JSON：${e instanceof Error ? e.message : String(e)}`, 2);
  }
  const parsed = parseSiteDescription(data);
  if (!parsed.ok) throw new CliFailure(`网站描述文件 ${path} 有误：\n  ${parsed.errors.join('\n  ')}`, 2);
  return parsed.site;
}

/** The JSON Lines of a result: one finding a line, then the summary line. */
export function resultLines(result: SiteCheckResult): string {
  const lines = result.findings.map((f) =>
    JSON.stringify({
      rule: f.rule,
      severity: f.severity,
      url: f.url,
      ...(f.column ? { column: f.column } : {}),
      message: f.message,
      evidence: f.evidence,
    }),
  );
  const { verdict, score, vetoes } = result.summary;
  lines.push(JSON.stringify({ summary: true, verdict, score, vetoes, pages: result.pages, links: result.links }));
  return `${lines.join('\n')}\n`;
}

/** The Chinese table of a result. */
export function resultTable(site: SiteDescription, asOf: string, result: SiteCheckResult): string {
  const out = [`网站：${site.name}（${site.url}）  检查日期：${asOf}`, ''];
  if (result.findings.length === 0) out.push('未发现问题。');
  result.findings.forEach((f, i) => {
    out.push(`${i + 1}. [${SEVERITY[f.severity]}] ${f.rule}${f.column ? `  栏目：${f.column}` : ''}`);
    out.push(`   ${f.message}`);
    if (f.url) out.push(`   地址：${f.url}`);
    if (typeof f.evidence.foundOn === 'string') out.push(`   所在页面：${f.evidence.foundOn}`);
  });
  const { verdict, score, vetoes } = result.summary;
  out.push('');
  out.push(`结论：${verdict}    得分：${score === null ? '—（非门户网站不计分）' : score}`);
  out.push(`单项否决：${vetoes.length ? vetoes.join('、') : '无'}`);
  out.push(`已读页面：${result.pages}    已检查链接：${result.links}`);
  return `${out.join('\n')}\n`;
}

/** `monitor check`: exit 0 after a check, 2 for an invalid file or date. */
export async function monitorCheck(
  deps: Pick<CliDeps, 'stdout' | 'stderr' | 'stderrTerminal' | 'siteCheckPorts'>,
  path: string,
  options: MonitorCheckOptions,
): Promise<number> {
  const asOf = asOfDate(options.asOf, new Date());
  const site = await readSite(path);
  const ports: SiteCheckPorts = await deps.siteCheckPorts();
  const budget = 500;
  const bar = progressBar(deps, '网站检查 / checking', budget);
  const result = await checkSite(ports, site, { asOf, budget, onProgress: (done) => bar?.update(done) });
  bar?.stop();
  deps.stdout(options.json ? resultLines(result) : resultTable(site, asOf, result));
  return 0;
}
