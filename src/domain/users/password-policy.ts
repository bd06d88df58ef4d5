// Password policy: at least 10 characters, not the username, none of the Chinese weak-password patterns
// (weak-passwords.ts: common passwords, Word@year, pinyin name and date, identity card numbers, keyboard walks, the
// site's and the account's own names), and not a password the judge finds guessable (docs/security/accounts.md).
import { weakPasswordReason, type PasswordInputs } from './weak-passwords.js';

export type { PasswordInputs } from './weak-passwords.js';

/** Minimum password length. */
export const MIN_PASSWORD_LENGTH = 10;

/** What the policy needs to know that a pure function cannot compute itself. */
export type PasswordJudge = {
  /** true when the password is in a common-password dictionary or trivially guessable */
  isCommon: (password: string, userInputs: string[]) => boolean;
};

/** The words the judge is given as the user's own (username, email, the site's and the organizations' names). */
const judgeInputs = (inputs: PasswordInputs): string[] =>
  [inputs.username, inputs.email ?? '', ...(inputs.words ?? []), 'gongkai', 'zhengfu', 'admin'].filter(Boolean);

/**
 * Checks a new password against the policy.
 * @param inputs the account's username (a string alone), or it with the email and the site's words
 * @returns Chinese error messages; empty when the password is acceptable
 */
export function passwordPolicyErrors(
  password: string,
  inputs: string | PasswordInputs,
  judge: PasswordJudge,
): string[] {
  const who = typeof inputs === 'string' ? { username: inputs } : inputs;
  const errors: string[] = [];
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    errors.push(`密码长度不能少于${MIN_PASSWORD_LENGTH}个字符`);
  }
  const lower = password.toLowerCase();
  const user = who.username.toLowerCase();
  if (user.length > 0 && (lower === user || lower.includes(user) || user.includes(lower))) {
    errors.push('密码不能与用户名相同或包含用户名');
  }
  if (errors.length > 0) return errors;
  const reason = weakPasswordReason(password, who);
  if (reason !== null) {
    errors.push(`${reason}，请换一个更复杂的密码`);
  } else if (judge.isCommon(password, judgeInputs(who))) {
    errors.push('密码过于常见或容易被猜到，请换一个更复杂的密码');
  }
  return errors;
}
