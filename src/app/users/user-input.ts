// Parsing account input (username, display name, email, organization, role grants) from the back office's
// form and the CLI: zod schemas with Chinese messages, every field checked at once.
import { z } from 'zod';
import { isRole, type RoleGrant } from '../../domain/users/roles.js';
import { emailError, usernameError } from '../../domain/users/user.js';
import { invalid } from '../errors.js';

/** A parsed account form. */
export type UserInput = { username: string; displayName: string; orgId: string; roles: RoleGrant[]; email?: string };

/** Text as typed (the first value of a repeated field), trimmed, checked by a rule returning a message or null. */
const checked = (rule: (text: string) => string | null) =>
  z.preprocess(
    (v) => (Array.isArray(v) ? v[0] : v) ?? '',
    z
      .string()
      .trim()
      .superRefine((text, c) => {
        const message = rule(text);
        if (message !== null) c.addIssue({ code: 'custom', message });
      }),
  );

/** Role grants as "orgId|role" values (the role matrix's checkboxes). */
const grants = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.string()).transform((values, c): RoleGrant[] => {
    const out: RoleGrant[] = [];
    for (const v of values) {
      const [orgId, role] = v.split('|');
      if (!orgId || !role || !isRole(role)) {
        c.addIssue({ code: 'custom', message: '角色选择有误' });
        return z.NEVER;
      }
      out.push({ orgId, role });
    }
    return out;
  }),
);

/** The account fields, each with its Chinese message (the back office's form builds on them). */
export const userFields = {
  username: checked(usernameError),
  displayName: checked((t) => (t.length > 50 ? '姓名不能超过50个字符' : null)),
  email: checked((t) => (t === '' ? null : emailError(t))),
  orgId: checked((t) => (t === '' ? '请选择所属机构' : null)),
  roles: grants,
};

const userSchema = z.object(userFields);

/**
 * Parses account fields, reporting every bad field at once. Roles come as "orgId|role" strings.
 * @throws AppError 'invalid' with field errors
 */
export function parseUserInput(raw: {
  username?: string;
  displayName?: string;
  orgId?: string;
  roles?: string[];
  email?: string;
}): UserInput {
  const r = userSchema.safeParse(raw);
  if (!r.success) throw invalid('账号信息有误，请按提示更正', firstErrors(r.error));
  return r.data;
}

/** The first message of each field of a failed parse. */
export function firstErrors(error: z.ZodError): Record<string, string> {
  return Object.fromEntries(
    Object.entries(z.flattenError(error).fieldErrors).flatMap(([k, v]) =>
      Array.isArray(v) && v[0] !== undefined ? [[k, v[0]]] : [],
    ),
  );
}
