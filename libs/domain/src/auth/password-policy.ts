import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@pathways/contracts';

export type PasswordProblem = 'TOO_SHORT' | 'TOO_LONG' | 'NOT_PRINTABLE' | 'COMMON' | 'CONTAINS_EMAIL';

/** Printable characters of any script, and spaces; no control characters. */
const PRINTABLE = /^[^\p{Cc}\p{Cs}]+$/u;

/**
 * ACCESS.md password rules: at least 12 characters, any printable characters, never truncated,
 * not on the list of common passwords. `isCommon` is given the lower-cased password.
 */
export function checkPassword(
  password: string,
  isCommon: (lowerCased: string) => boolean,
  email?: string,
): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push('TOO_SHORT');
  if (length > PASSWORD_MAX_LENGTH) problems.push('TOO_LONG');
  if (!PRINTABLE.test(password)) problems.push('NOT_PRINTABLE');
  const lower = password.toLowerCase();
  if (isCommon(lower)) problems.push('COMMON');
  const localPart = email?.split('@')[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && lower.includes(localPart)) problems.push('CONTAINS_EMAIL');
  return problems;
}

export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  TOO_SHORT: `Use at least ${PASSWORD_MIN_LENGTH} characters`,
  TOO_LONG: `Use at most ${PASSWORD_MAX_LENGTH} characters`,
  NOT_PRINTABLE: 'Use printable characters only',
  COMMON: 'This password is too common; choose another',
  CONTAINS_EMAIL: 'The password must not contain your e-mail name',
};
