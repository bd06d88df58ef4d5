// `gongkai applications import FILE.csv` and `gongkai applications daily`.
import { importApplications } from '../../app/applications/import-applications.js';
import { runDailyJobs } from '../../app/applications/daily-run.js';
import { withRuntime, type CliDeps } from '../deps.js';
import { nothingImported, readInputText } from '../input-files.js';
import { lazyProgress } from '../progress.js';

/** `applications import`: historical cases from CSV, all or nothing. */
export async function importApplicationHistory(deps: CliDeps, file: string): Promise<void> {
  const text = await readInputText(file);
  await withRuntime(deps, async ({ ctx }) => {
    const progress = lazyProgress(deps, '导入 / importing');
    const r = await importApplications(ctx, text, progress.onProgress).finally(progress.stop);
    if (!r.ok) {
      for (const e of r.errors) deps.err(`${file}:${e.line}${e.column ? `:${e.column}` : ''}: ${e.message}`);
      throw nothingImported(r.errors.length);
    }
    deps.out(`已导入 / imported ${r.imported} 件，其中未办结 / open ${r.open} 件`);
  });
}

/** `applications daily`: every background job, once (safe while a server runs: the outbox is claimed). */
export async function runDaily(deps: CliDeps): Promise<void> {
  await withRuntime(deps, async ({ ctx, jobHost }) => {
    const r = await runDailyJobs(ctx, jobHost);
    for (const job of r.results) deps.out(`${job.label} / ${job.queue}: ${JSON.stringify(job.result)}`);
    deps.out(`待发送邮件 / mail pending: ${r.pending}`);
  });
}
