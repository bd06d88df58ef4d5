// Password policy: at least 10 characters, not the username, not a common password.

/** Minimum password length. */
export const MIN_PASSWORD_LENGTH = 10;

/** What the policy needs to know that a pure function cannot compute itself. */
export type PasswordJudge = {
  /** true when the password is in a common-password dictionary or trivially guessable */
  isCommon: (password: string, userInputs: string[]) => boolean;
};

/**
 * Checks a new password against the policy.
 * @returns Chinese error messages; empty when the password is acceptable
 */
export function passwordPolicyErrors(password: string, username: string, judge: PasswordJudge): string[] {
  const errors: string[] = [];
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    errors.push(`密码长度不能少于${MIN_PASSWORD_LENGTH}个字符`);
  }
  const lower = password.toLowerCase();
  const user = username.toLowerCase();
  if (user.length > 0 && (lower === user || lower.includes(user) || user.includes(lower))) {
    errors.push('密码不能与用户名相同或包含用户名');
  }
  if (errors.length === 0 && judge.isCommon(password, [username])) {
    errors.push('密码过于常见或容易被猜到，请换一个更复杂的密码');
  }
  return errors;
}
