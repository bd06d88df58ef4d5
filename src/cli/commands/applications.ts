// `gongkai applications import FILE.csv`.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { importApplications } from '../../app/applications/import-applications.js';
import { enqueueDeadlineReminders, sweepLapses } from '../../app/applications/daily-jobs.js';
import { flushOutbox } from '../../app/mail/outbox.js';
import { AppError } from '../../app/errors.js';
import { withRuntime, type CliDeps } from '../deps.js';
import { progressBar } from '../progress.js';

/** Registers the applications commands. */
export function registerApplications(program: Command, deps: CliDeps): void {
  const apps = program.command('applications').description('依申请公开 / Disclosure applications');
  apps
    .command('import <file>')
    .description(
      '导入历史申请（CSV，表头 org,receivedOn,channel,applicantType,applicantSubtype,applicantName,description,outcome,closedOn） / Import historical cases from CSV',
    )
    .action(async (file: string) => {
      const text = await readFile(file, 'utf8').catch(() => {
        throw new AppError('not_found', `无法读取文件 / cannot read file: ${file}`);
      });
      await withRuntime(deps, async ({ ctx }) => {
        let bar: ReturnType<typeof progressBar> | undefined;
        const r = await importApplications(ctx, text, (done, total) => {
          bar ??= progressBar('导入 / importing', total);
          bar.update(done);
        });
        bar?.stop();
        if (!r.ok) {
          for (const e of r.errors) deps.err(`${file}:${e.line}${e.column ? `:${e.column}` : ''}: ${e.message}`);
          throw new AppError(
            'invalid',
            `文件有 ${r.errors.length} 处错误，未导入任何内容 / ${r.errors.length} error(s), nothing imported`,
          );
        }
        deps.out(`已导入 / imported ${r.imported} 件，其中未办结 / open ${r.open} 件`);
      });
    });
  apps
    .command('daily')
    .description(
      '执行每日任务：逾期补正/缴费结案、期限提醒、发送邮件（服务运行时自动执行） / Run the daily jobs once: lapses, reminders, outbox',
    )
    .action(async () => {
      await withRuntime(deps, async ({ ctx }) => {
        const lapsed = await sweepLapses(ctx);
        const reminders = await enqueueDeadlineReminders(ctx);
        const mail = await flushOutbox(ctx);
        const pending = await ctx.repos.outbox.pending();
        deps.out(
          `逾期结案 / lapsed: ${lapsed.length}；提醒 / reminders: ${reminders}；已发送 / sent: ${mail.sent}；失败 / failed: ${mail.failed}；待发送 / pending: ${pending}`,
        );
      });
    });
}
