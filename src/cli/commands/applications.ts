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

/** `applications daily`: the daily jobs, once. */
export async function runDaily(deps: CliDeps): Promise<void> {
  await withRuntime(deps, async ({ ctx }) => {
    const r = await runDailyJobs(ctx);
    deps.out(
      `提请确认终止 / lapses proposed: ${r.proposedLapses}；提醒 / reminders: ${r.reminders}；已发送 / sent: ${r.sent}；失败 / failed: ${r.failed}；待发送 / pending: ${r.pending}`,
    );
  });
}
