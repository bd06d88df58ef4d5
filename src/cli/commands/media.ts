// `gongkai media check [--as-of DATE] [--json]`, `gongkai media import FILE` (accounts) and
// `gongkai media posts import FILE` (CSV or XLSX; docs/new-media.md).
import { basename } from 'node:path';
import { parseLocalDate, type LocalDate } from '../../domain/core/local-date.js';
import { PLATFORM_LABELS } from '../../domain/monitoring/accounts.js';
import type { MediaImportError } from '../../domain/monitoring/accounts-import.js';
import { checkAccounts, runCounts } from '../../app/media/check-accounts.js';
import { importAccounts, importPosts, type MediaImportResult } from '../../app/media/import-media.js';
import { pollFeeds } from '../../app/media/poll-feeds.js';
import { CliFailure, withRuntime, type CliDeps } from '../deps.js';
import { nothingImported, readInputFile } from '../input-files.js';

/** Options of `media check`. */
export type MediaCheckOptions = { asOf?: string; json?: boolean };

/**
 * `media check`: every registered account checked as of the day (default today), one JSON line per finding then
 * the summary line (`--json`), or a Chinese table. Exit 0; an invalid `--as-of` exits 2.
 */
export async function checkMedia(deps: CliDeps, options: MediaCheckOptions): Promise<void> {
  let asOf: LocalDate | undefined;
  if (options.asOf !== undefined) {
    const d = parseLocalDate(options.asOf);
    if (!d.ok) throw new CliFailure(`--as-of 应为 YYYY-MM-DD 格式的日期 / --as-of must be a date: ${options.asOf}`, 2);
    asOf = d.value;
  }
  await withRuntime(deps, async ({ ctx }) => {
    const run = await checkAccounts(ctx, null, asOf);
    const counts = runCounts(run);
    if (options.json) {
      for (const a of run.accounts) {
        for (const f of a.findings) {
          deps.out(
            JSON.stringify({
              rule: f.rule,
              severity: f.severity,
              account: f.account,
              message: f.message,
              evidence: f.evidence,
            }),
          );
        }
      }
      deps.out(JSON.stringify({ summary: true, asOf: run.asOf, ...counts }));
      return;
    }
    deps.out(`政务新媒体检查（截至 ${run.asOf}） / new-media check as of ${run.asOf}`);
    for (const a of run.accounts) {
      if (a.account.status === 'cancelled') continue;
      const verdict = a.summary.verdict;
      const platform = PLATFORM_LABELS[a.account.platform];
      deps.out(`${verdict}  ${platform}「${a.account.name}」 ${a.org?.name ?? ''}  最近发布：${a.lastPostOn ?? '无'}`);
      for (const f of a.findings) deps.out(`    [${SEVERITY[f.severity]}] ${f.rule}: ${f.message}`);
    }
    deps.out(
      `共 ${counts.accounts} 个账号：合格 ${counts.passed}，不合格 ${counts.failed}（单项否决 ${counts.vetoes} 项，预警 ${counts.warnings} 项）`,
    );
  });
}

const SEVERITY: Readonly<Record<string, string>> = { veto: '单项否决', deduction: '扣分', warning: '预警' };

/** Prints every error (`file:row:column` for CSV, `file:sheet!B3` for XLSX) and refuses the import. */
function refuse(deps: CliDeps, file: string, errors: MediaImportError[]): never {
  for (const e of errors) {
    const where = e.sheet ? `${e.sheet}!${e.cell || e.row}` : `${e.row}${e.column ? `:${e.column}` : ''}`;
    deps.err(`${file}:${where}: ${e.message}`);
  }
  throw nothingImported(errors.length);
}

async function runImport<T>(
  deps: CliDeps,
  file: string,
  run: (ctx: Parameters<typeof importAccounts>[0], bytes: Uint8Array) => Promise<MediaImportResult<T>>,
  done: (r: T) => string,
): Promise<void> {
  const bytes = new Uint8Array(await readInputFile(file));
  await withRuntime(deps, async ({ ctx }) => {
    const r = await run(ctx, bytes);
    if (!r.ok) refuse(deps, file, r.errors);
    deps.out(done(r));
  });
}

/** `media import`: accounts from CSV or XLSX, all or nothing. */
export function importMediaAccounts(deps: CliDeps, file: string): Promise<void> {
  return runImport(
    deps,
    file,
    (ctx, bytes) => importAccounts(ctx, null, { name: basename(file), bytes }),
    (r) => `已导入 / imported：新增账号 ${r.inserted} 个，更新 ${r.updated} 个`,
  );
}

/** `media posts import`: posts from CSV or XLSX, all or nothing (already recorded posts are skipped). */
export function importMediaPosts(deps: CliDeps, file: string): Promise<void> {
  return runImport(
    deps,
    file,
    (ctx, bytes) => importPosts(ctx, null, { name: basename(file), bytes }),
    (r) => `已导入 / imported：新增发布记录 ${r.inserted} 条，已存在 ${r.duplicates} 条`,
  );
}

/** `media posts poll`: new posts from the feeds of running accounts (exit 1 when a feed could not be read). */
export async function pollMediaFeeds(deps: CliDeps): Promise<number> {
  return withRuntime(deps, async ({ ctx }) => {
    const polls = await pollFeeds(ctx, null);
    for (const p of polls) {
      if (p.error) deps.err(`${p.account}: 读取失败 / failed: ${p.error}`);
      else deps.out(`${p.account}: 新增 ${p.inserted} 条，已存在 ${p.duplicates} 条，无日期 ${p.undated} 条`);
    }
    if (polls.length === 0) deps.out('没有设置订阅地址的运营中账号 / no running account has a feed URL');
    return polls.some((p) => p.error) ? 1 : 0;
  });
}
