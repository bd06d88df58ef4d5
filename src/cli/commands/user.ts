// `gongkai user add …` and `gongkai user token <username>`.
import { ROLES, isRole } from '../../domain/users/roles.js';
import { createUser } from '../../app/users/manage-users.js';
import { parseUserInput } from '../../app/users/user-input.js';
import { issueApiToken } from '../../app/auth/api-token.js';
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

/** `user token <username>`: prints a new API token once. */
export async function issueToken(deps: CliDeps, username: string, opts: { label: string }): Promise<void> {
  await withRuntime(deps, async ({ ctx }) => {
    deps.out(await issueApiToken(ctx, username, opts.label));
  });
}
