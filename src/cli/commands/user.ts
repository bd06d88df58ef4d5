// `gongkai user add …` and `gongkai user token <username>`.
import type { Command } from 'commander';
import { ROLES, isRole } from '../../domain/users/roles.js';
import { createUser } from '../../app/users/manage-users.js';
import { parseUserInput } from '../../app/users/user-input.js';
import { issueApiToken } from '../../app/auth/api-token.js';
import { AppError } from '../../app/errors.js';
import { withRuntime, type CliDeps } from '../deps.js';

/** Registers the user commands. */
export function registerUser(program: Command, deps: CliDeps): void {
  const user = program.command('user').description('账号管理 / Accounts');
  user
    .command('add <username>')
    .description('新建账号，密码从标准输入读取 / Create an account; the password is read from standard input')
    .requiredOption('--org <creditCode>', '所属机构的统一社会信用代码 / credit code of the organization')
    .requiredOption('--role <role...>', `角色，可多个 / one or more roles: ${ROLES.join(', ')}`)
    .option('--display-name <name>', '姓名 / display name', '')
    .option('--password-stdin', '从标准输入读取密码 / read the password from standard input')
    .option('--must-change-password', '首次登录须修改密码 / must change the password at first login')
    .action(
      async (
        username: string,
        opts: {
          org: string;
          role: string[];
          displayName: string;
          passwordStdin?: boolean;
          mustChangePassword?: boolean;
        },
      ) => {
        if (!opts.passwordStdin) {
          throw new AppError('invalid', '请使用 --password-stdin 提供密码 / use --password-stdin to give the password');
        }
        const bad = opts.role.filter((r) => !isRole(r));
        if (bad.length > 0) {
          throw new AppError(
            'invalid',
            `未知角色 / unknown role: ${bad.join(', ')}（可用 / valid: ${ROLES.join(', ')}）`,
          );
        }
        const password = (await deps.stdin()).replace(/\r?\n$/, '');
        await withRuntime(deps, async ({ ctx }) => {
          const org = await ctx.repos.orgs.byCreditCode(opts.org.trim().toUpperCase());
          if (!org) {
            throw new AppError('not_found', `机构不存在 / no organization with credit code ${opts.org}`);
          }
          const input = parseUserInput({
            username,
            displayName: opts.displayName,
            orgId: org.id,
            roles: opts.role.map((r) => `${org.id}|${r}`),
          });
          const created = await createUser(ctx, null, {
            ...input,
            password,
            mustChangePassword: Boolean(opts.mustChangePassword),
          });
          deps.out(`已创建账号 / created: ${created.username} (${opts.role.join(', ')}) @ ${org.name}`);
        });
      },
    );
  user
    .command('token <username>')
    .description('为 JSON API 签发访问令牌（只显示一次） / Issue an API token for the JSON API (shown once)')
    .option('--label <label>', '令牌用途说明 / what the token is for', 'cli')
    .action(async (username: string, opts: { label: string }) => {
      await withRuntime(deps, async ({ ctx }) => {
        deps.out(await issueApiToken(ctx, username, opts.label));
      });
    });
}
