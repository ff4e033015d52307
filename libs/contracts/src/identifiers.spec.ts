import fc from 'fast-check';
import { creditCodeCheckChar, isValidCreditCode } from './identifiers.js';

/**
 * GB 32100-2015, written out independently of the module: the 31 allowed characters (no I, O, S,
 * V, Z), weight 3^i mod 31 for position i, check value (31 − sum mod 31) mod 31.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function referenceCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    let weight = 1;
    for (let k = 0; k < i; k++) weight = (weight * 3) % 31;
    sum += ALPHABET.indexOf(first17[i]) * weight;
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

const alphabetChar = fc.constantFrom(...ALPHABET.split(''));
const body17 = fc.array(alphabetChar, { minLength: 17, maxLength: 17 }).map((chars) => chars.join(''));
const validCode = body17.map((body) => body + referenceCheckChar(body));

// Codes of real companies as published; each check character was recomputed by hand with the rule above.
const REAL_CODES = ['914403001922038216', '91330100799655058B', '91440300708461136T', '91110108551385082Q'];

describe('unified social credit code check character (GB 32100-2015)', () => {
  it.each(REAL_CODES)('accepts the real-world code %s', (code) => {
    expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
    expect(isValidCreditCode(code)).toBe(true);
  });

  it('computes the check character R for the body 91110000100000000', () => {
    // 9·1 + 1·3 + 1·9 + 1·27 + 1·20 = 68; 68 mod 31 = 6; 31 − 6 = 25, the 26th character: R.
    expect(creditCodeCheckChar('91110000100000000')).toBe('R');
    expect(isValidCreditCode('91110000100000000R')).toBe(true);
    expect(isValidCreditCode('911100001000000000')).toBe(false);
  });

  it('gives 0, not a 32nd character, when the weighted sum is a multiple of 31', () => {
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
    expect(isValidCreditCode('000000000000000000')).toBe(true);
  });

  it('refuses a body that is not 17 characters or holds a character outside the alphabet', () => {
    expect(creditCodeCheckChar('9144030019220382')).toBeNull();
    expect(creditCodeCheckChar('9144030019220382I')).toBeNull();
    expect(isValidCreditCode('91440300192203821')).toBe(false);
    expect(isValidCreditCode('914403001922038216X')).toBe(false);
  });

  it('refuses lower-case letters and the excluded letters I, O, S, V, Z', () => {
    expect(isValidCreditCode('91330100799655058b')).toBe(false);
    for (const letter of 'IOSVZ') expect(isValidCreditCode(`9133010079965505${letter}B`)).toBe(false);
  });

  it('agrees with the reference computation for every 17-character body', () => {
    fc.assert(fc.property(body17, (body) => creditCodeCheckChar(body) === referenceCheckChar(body)));
  });

  it('makes a valid code invalid when any one character is changed', () => {
    fc.assert(
      fc.property(
        validCode,
        fc.integer({ min: 0, max: 17 }),
        fc.constantFrom(...`${ALPHABET}IOSVZabc-`.split('')),
        (code, position, replacement) => {
          fc.pre(code[position] !== replacement);
          const changed = code.slice(0, position) + replacement + code.slice(position + 1);
          return isValidCreditCode(code) && !isValidCreditCode(changed);
        },
      ),
    );
  });
});
