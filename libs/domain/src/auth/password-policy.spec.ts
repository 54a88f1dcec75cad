import { checkPassword } from './password-policy';

const common = new Set(['password1234', 'qwertyuiop12']);
const isCommon = (p: string) => common.has(p);

describe('checkPassword', () => {
  it('accepts a long passphrase of any printable characters, including spaces and accents', () => {
    expect(checkPassword('canción de mayo 2026', isCommon)).toEqual([]);
  });
  it('refuses fewer than 12 characters, counting characters rather than bytes', () => {
    expect(checkPassword('short', isCommon)).toEqual(['TOO_SHORT']);
    expect(checkPassword('ñññññññññññ', isCommon)).toEqual(['TOO_SHORT']);
  });
  it('refuses a common password regardless of case', () => {
    expect(checkPassword('PASSWORD1234', isCommon)).toEqual(['COMMON']);
  });
  it('refuses control characters', () => {
    expect(checkPassword('abcdefghijkl\u0000', isCommon)).toEqual(['NOT_PRINTABLE']);
  });
  it('refuses a password containing the e-mail name', () => {
    expect(checkPassword('counselor-is-me-2026', isCommon, 'counselor@x.org')).toEqual(['CONTAINS_EMAIL']);
  });
  it('never truncates: a 200-character password is checked whole', () => {
    expect(checkPassword('x'.repeat(199) + '\u0007', isCommon)).toEqual(['NOT_PRINTABLE']);
  });
});
