import fc from 'fast-check';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  checkPasswordStrength,
  passwordCharacterClasses,
} from './password-policy.js';

// Domain §4: 8–64 characters and at least 3 of {lower, upper, digit, symbol}.
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGIT = '0123456789';
const SYMBOL = '!@#$%^&*()-_=+[]{};:,.<>/?~ ';
const CLASSES = [LOWER, UPPER, DIGIT, SYMBOL];

const charOf = (alphabet: string) => fc.constantFrom(...alphabet.split(''));

/** A password of `length` characters drawn only from the given classes, each of them present. */
function passwordFrom(classIndexes: number[], length: number) {
  const required = classIndexes.map((i) => charOf(CLASSES[i]));
  const any = fc.oneof(...classIndexes.map((i) => charOf(CLASSES[i])));
  return fc
    .tuple(fc.tuple(...required), fc.array(any, { minLength: length - classIndexes.length, maxLength: length - classIndexes.length }))
    .chain(([first, rest]) => fc.shuffledSubarray([...first, ...rest], { minLength: length, maxLength: length }))
    .map((chars) => chars.join(''));
}

const classSubsets = (size: number) =>
  fc.shuffledSubarray([0, 1, 2, 3], { minLength: size, maxLength: size }).map((s) => [...s].sort());

describe('password policy (domain §4)', () => {
  it('accepts a typical strong password', () => {
    expect(checkPasswordStrength('Butie@2026')).toEqual([]);
  });

  it('needs at least 8 characters', () => {
    expect(checkPasswordStrength('Ab1!xyz')).toEqual(['TOO_SHORT']);
    expect(checkPasswordStrength('Ab1!xyzw')).toEqual([]);
  });

  it('allows at most 64 characters', () => {
    const sixtyFour = `Ab1!${'x'.repeat(60)}`;
    expect(checkPasswordStrength(sixtyFour)).toEqual([]);
    expect(checkPasswordStrength(`${sixtyFour}x`)).toEqual(['TOO_LONG']);
  });

  it('counts characters, not UTF-16 units, for the length', () => {
    // 8 characters, 4 of which are outside the BMP (2 UTF-16 units each).
    expect(checkPasswordStrength('Ab1😀😀😀😀x')).toEqual([]);
    expect(checkPasswordStrength('Ab1😀😀😀😀')).toEqual(['TOO_SHORT']);
  });

  it('refuses a password of only two character classes', () => {
    expect(checkPasswordStrength('abcdefgh12')).toEqual(['TOO_FEW_CLASSES']);
    expect(checkPasswordStrength('ABCDEFGH!!')).toEqual(['TOO_FEW_CLASSES']);
  });

  it('reports every problem at once', () => {
    expect(checkPasswordStrength('abc')).toEqual(['TOO_SHORT', 'TOO_FEW_CLASSES']);
  });

  it('refuses a password containing the username, ignoring case', () => {
    expect(checkPasswordStrength('Xx-Admin-2026', 'admin')).toEqual(['CONTAINS_USERNAME']);
    // Usernames under 3 characters would forbid too much to be a useful rule.
    expect(checkPasswordStrength('Xx-ab-2026', 'ab')).toEqual([]);
  });

  it('counts the four classes: lower, upper, digit, symbol (anything else)', () => {
    expect(passwordCharacterClasses('')).toBe(0);
    expect(passwordCharacterClasses('abc')).toBe(1);
    expect(passwordCharacterClasses('aB')).toBe(2);
    expect(passwordCharacterClasses('aB3')).toBe(3);
    expect(passwordCharacterClasses('aB3 ')).toBe(4);
    expect(passwordCharacterClasses('密码')).toBe(1);
  });

  it('accepts every 8–64 character password of 3 or 4 classes', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 3, max: 4 })
          .chain((n) => fc.tuple(classSubsets(n), fc.integer({ min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH })))
          .chain(([classes, length]) => passwordFrom(classes, length)),
        (password) => checkPasswordStrength(password).length === 0,
      ),
    );
  });

  it('refuses every password of fewer than 3 classes, whatever its length', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 2 })
          .chain((n) => fc.tuple(classSubsets(n), fc.integer({ min: n, max: 80 })))
          .chain(([classes, length]) => passwordFrom(classes, length)),
        (password) => checkPasswordStrength(password).includes('TOO_FEW_CLASSES'),
      ),
    );
  });

  it('refuses every password outside 8–64 characters, whatever its classes', () => {
    fc.assert(
      fc.property(
        fc
          .oneof(fc.integer({ min: 4, max: PASSWORD_MIN_LENGTH - 1 }), fc.integer({ min: PASSWORD_MAX_LENGTH + 1, max: 200 }))
          .chain((length) => passwordFrom([0, 1, 2, 3], length)),
        (password) => {
          const problems = checkPasswordStrength(password);
          return password.length < PASSWORD_MIN_LENGTH ? problems.includes('TOO_SHORT') : problems.includes('TOO_LONG');
        },
      ),
    );
  });
});
