// `gongkai calendar add <date> <n>` and `gongkai calendar import <file>`.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { dueDate, importSchedule } from '../../app/calendar/calendar.js';
import { AppError } from '../../app/errors.js';
import { withRuntime, type CliDeps } from '../deps.js';

/** Registers the calendar commands. */
export function registerCalendar(program: Command, deps: CliDeps): void {
  const cal = program.command('calendar').description('工作日日历 / Working-day calendar');
  cal
    .command('add <date> <workingDays>')
    .description(
      '计算某日之后第 n 个工作日（当日不计入） / The n-th working day after a date (the date itself never counts)',
    )
    .action(async (date: string, n: string) => {
      if (!/^\d+$/.test(n)) {
        throw new AppError('invalid', `工作日天数应为非负整数 / working days must be a whole number: ${n}`);
      }
      await withRuntime(deps, async ({ ctx }) => {
        const r = await dueDate(ctx, date, Number(n));
        if (r.provisional) {
          deps.out('警告：该期限涉及尚未公布放假安排的年度，按双休日暂定计算，公布后将重新计算。');
          deps.out(
            'warning: provisional (暂定) — a counted year has no published holiday schedule yet; weekends only.',
          );
        }
        deps.out(r.due);
      });
    });
  cal
    .command('import <file>')
    .description("导入国务院公布的年度放假安排 / Load a year's official holiday schedule from a file")
    .action(async (file: string) => {
      const text = await readFile(file, 'utf8').catch(() => {
        throw new AppError('not_found', `无法读取文件 / cannot read file: ${file}`);
      });
      await withRuntime(deps, async ({ ctx }) => {
        const r = await importSchedule(ctx, null, text, basename(file));
        if (!r.ok) {
          for (const e of r.errors) {
            deps.err(`${file}:${e.line}: ${e.message}`);
          }
          throw new AppError(
            'invalid',
            `文件有 ${r.errors.length} 处错误，未导入任何内容 / ${r.errors.length} error(s), nothing imported`,
          );
        }
        deps.out(`已导入 / imported ${r.years.join(', ')}: ${r.days} 天 / days`);
      });
    });
}
