// `gongkai serve`, `db migrate`, `db seed-demo`, `audit verify`, `backup`, `restore`.
import type { Command } from 'commander';
import { verifyAuditChain } from '../../app/audit/verify-audit.js';
import { printBootNotice, withRuntime, type CliDeps } from '../deps.js';
import { progressBar } from '../progress.js';

/** Registers the system commands. */
export function registerSystem(program: Command, deps: CliDeps): void {
  program
    .command('serve')
    .description('启动网站服务（HOST、PORT 环境变量） / Start the web server (HOST, PORT)')
    .action(async () => {
      const { runtime, boot } = await deps.start();
      printBootNotice(deps, boot);
      const { url } = await deps.serve(runtime);
      deps.err(`gongkai 已启动 / listening on ${url} (${runtime.dialect})`);
    });

  const db = program.command('db').description('数据库 / Database');
  db.command('migrate')
    .description('执行数据库迁移 / Apply pending migrations')
    .action(async () => {
      await withRuntime(deps, async ({ maintenance }) => {
        const applied = await maintenance.migrate();
        deps.out(
          applied.length > 0 ? `已执行 / applied: ${applied.join(', ')}` : '数据库已是最新 / database is up to date',
        );
      });
    });
  db.command('seed-demo')
    .description('添加示例区演示机构（已有的跳过） / Add the demo district 示例区 (skips what exists)')
    .action(async () => {
      await withRuntime(deps, async (rt) => {
        const created = await deps.seedDemo(rt);
        const orgs = await rt.ctx.repos.orgs.list();
        deps.out(`新增 / created: ${created}；机构总数 / organizations: ${orgs.length}`);
      });
    });

  program
    .command('audit')
    .description('审计日志 / Audit trail')
    .command('verify')
    .description('校验审计日志哈希链 / Verify the audit trail hash chain')
    .action(async () => {
      await withRuntime(deps, async ({ ctx }) => {
        const total = (await ctx.repos.audit.head()).lastSeq;
        const bar = progressBar('校验 / verifying', total);
        const r = await verifyAuditChain(ctx, (done) => bar.update(done));
        bar.stop();
        if (r.ok) {
          deps.out(`审计日志完整 / audit chain OK: ${r.count} 条记录 / entries`);
          return;
        }
        deps.out(`审计日志已损坏 / audit chain BROKEN at entry #${r.brokenSeq}: ${r.reason}`);
        process.exitCode = 1;
      });
    });

  program
    .command('backup <file>')
    .description('备份数据库（运行中亦可，一致快照） / Write a consistent backup, also while the server runs')
    .action(async (file: string) => {
      await withRuntime(deps, async ({ maintenance }) => {
        const rows = await maintenance.backup(file, (t, n) => deps.err(`  ${t}: ${n}`));
        deps.out(`已备份 / backed up ${rows} 行 / rows → ${file}`);
      });
    });
  program
    .command('restore <file>')
    .description('从备份恢复（替换全部数据） / Restore a backup, replacing all data')
    .action(async (file: string) => {
      await withRuntime(deps, async ({ maintenance }) => {
        const rows = await maintenance.restore(file, (t, n) => deps.err(`  ${t}: ${n}`));
        deps.out(`已恢复 / restored ${rows} 行 / rows ← ${file}`);
      });
    });
}
