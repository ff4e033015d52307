/**
 * Password rule of domain §4 (等保 2.0 habits): 8–64 characters and at least three of the four
 * character classes. History (not one of the last 3) needs the stored hashes, so the API checks it.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 64;
export const PASSWORD_MIN_CLASSES = 3;
export const PASSWORD_HISTORY_DEPTH = 3;

export const PASSWORD_RULE_TEXT = `密码须为 ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} 位，且至少包含小写字母、大写字母、数字、符号中的三类`;

export type PasswordProblem = 'TOO_SHORT' | 'TOO_LONG' | 'TOO_FEW_CLASSES' | 'CONTAINS_USERNAME';

export function passwordCharacterClasses(password: string): number {
  let classes = 0;
  if (/[a-z]/.test(password)) classes++;
  if (/[A-Z]/.test(password)) classes++;
  if (/[0-9]/.test(password)) classes++;
  if (/[^A-Za-z0-9]/.test(password)) classes++;
  return classes;
}

export function checkPasswordStrength(password: string, username?: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push('TOO_SHORT');
  if (length > PASSWORD_MAX_LENGTH) problems.push('TOO_LONG');
  if (passwordCharacterClasses(password) < PASSWORD_MIN_CLASSES) problems.push('TOO_FEW_CLASSES');
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push('CONTAINS_USERNAME');
  }
  return problems;
}

export const PASSWORD_PROBLEM_TEXT: Record<PasswordProblem, string> = {
  TOO_SHORT: `密码不能少于 ${PASSWORD_MIN_LENGTH} 位`,
  TOO_LONG: `密码不能多于 ${PASSWORD_MAX_LENGTH} 位`,
  TOO_FEW_CLASSES: '密码须至少包含小写字母、大写字母、数字、符号中的三类',
  CONTAINS_USERNAME: '密码不能包含用户名',
};
