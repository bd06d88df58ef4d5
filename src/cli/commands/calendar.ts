// `gongkai calendar add <date> <n>` and `gongkai calendar import <file>`.
import { basename } from 'node:path';
import { dueDate, importSchedule } from '../../app/calendar/calendar.js';
import { AppError } from '../../app/errors.js';
import { withRuntime, type CliDeps } from '../deps.js';
import { nothingImported, readInputText } from '../input-files.js';

/** `calendar add`: the n-th working day after a date. */
export async function addWorkingDays(deps: CliDeps, date: string, n: string): Promise<void> {
  if (!/^\d+$/.test(n)) {
    throw new AppError('invalid', `工作日天数应为非负整数 / working days must be a whole number: ${n}`);
  }
  await withRuntime(deps, async ({ ctx }) => {
    const r = await dueDate(ctx, date, Number(n));
    if (r.provisional) {
      deps.out('警告：该期限涉及尚未公布放假安排的年度，按双休日暂定计算，公布后将重新计算。');
      deps.out('warning: provisional (暂定) — a counted year has no published holiday schedule yet; weekends only.');
    }
    deps.out(r.due);
  });
}

/** `calendar import`: a year's official holiday schedule. */
export async function importCalendar(deps: CliDeps, file: string): Promise<void> {
  const text = await readInputText(file);
  await withRuntime(deps, async ({ ctx }) => {
    const r = await importSchedule(ctx, null, text, basename(file));
    if (!r.ok) {
      for (const e of r.errors) {
        deps.err(`${file}:${e.line}: ${e.message}`);
      }
      throw nothingImported(r.errors.length);
    }
    deps.out(`已导入 / imported ${r.years.join(', ')}: ${r.days} 天 / days`);
  });
}
