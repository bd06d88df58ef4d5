// `gongkai user add …`, `user token <username>`, `user tokens <username>` and `user revoke-token <id>`.
import { ROLES, isRole } from '../../domain/users/roles.js';
import { createUser } from '../../app/users/manage-users.js';
import { parseUserInput } from '../../app/users/user-input.js';
import { issueApiToken, listApiTokens, revokeApiToken } from '../../app/auth/api-token.js';
import { isApiTokenScope } from '../../domain/users/api-token.js';
import { organizationByCreditCode } from '../../app/orgs/org-queries.js';
import { AppError } from '../../app/errors.js';
import { withRuntime, type CliDeps } from '../deps.js';

export type AddUserOptions = {
  org: string;
  role: string[];
  displayName: string;
  passwordStdin?: boolean;
  mustChangePassword?: boolean;
};

/** `user add <username>`: the password comes from standard input. */
export async function addUser(deps: CliDeps, username: string, opts: AddUserOptions): Promise<void> {
  if (!opts.passwordStdin) {
    throw new AppError('invalid', '请使用 --password-stdin 提供密码 / use --password-stdin to give the password');
  }
  const bad = opts.role.filter((r) => !isRole(r));
  if (bad.length > 0) {
    throw new AppError('invalid', `未知角色 / unknown role: ${bad.join(', ')}（可用 / valid: ${ROLES.join(', ')}）`);
  }
  const password = (await deps.stdin()).replace(/\r?\n$/, '');
  await withRuntime(deps, async ({ ctx }) => {
    const org = await organizationByCreditCode(ctx, opts.org);
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
}

/** Options of `user token`: the name, the scope, and the lifetime in days or never. */
export type IssueTokenOptions = { label: string; scope: string; days?: string; never?: boolean };

/** `user token <username>`: prints a new API token once. */
export async function issueToken(deps: CliDeps, username: string, opts: IssueTokenOptions): Promise<void> {
  if (!isApiTokenScope(opts.scope)) {
    throw new AppError('invalid', `令牌权限应为 read 或 full / scope must be read or full: ${opts.scope}`);
  }
  const options = { scope: opts.scope, days: opts.days, never: opts.never };
  await withRuntime(deps, async ({ ctx }) => {
    deps.out(await issueApiToken(ctx, username, opts.label, options));
  });
}

/** `user tokens <username>`: one line a token, tab-separated, newest first, under a header. */
export async function listTokens(deps: CliDeps, username: string): Promise<void> {
  await withRuntime(deps, async ({ ctx }) => {
    const user = await ctx.repos.users.byUsername(username);
    if (!user) {
      throw new AppError('not_found', `用户 ${username} 不存在 / no such user`);
    }
    const { tokens } = await listApiTokens(ctx, null, user.id);
    deps.out(['id', 'name', 'scope', 'expires', 'last used', 'revoked'].join('\t'));
    for (const t of tokens) {
      const cells = [t.id, t.name, t.scope, t.expiresAt ?? 'never', t.lastUsedAt ?? '-', t.revokedAt ?? '-'];
      deps.out(cells.map((c) => c.replace(/[\t\r\n]/g, ' ')).join('\t'));
    }
  });
}

/** `user revoke-token <id>`: revokes one token (a token already revoked stays as it was). */
export async function revokeToken(deps: CliDeps, id: string): Promise<void> {
  await withRuntime(deps, async ({ ctx }) => {
    const t = await revokeApiToken(ctx, null, id);
    deps.out(`已撤销令牌 / revoked: ${t.id} (${t.name}) @ ${t.revokedAt ?? ''}`);
  });
}
