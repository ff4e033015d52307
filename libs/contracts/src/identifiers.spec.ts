import fc from 'fast-check';
import { checkIdNumber, creditCodeCheckChar, ID_NUMBER_RULES, isValidCreditCode, normalizeIdNumber, readResidentId, residentIdCheckChar } from './identifiers.js';
import { ID_TYPES } from './persons.js';

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

describe('resident ID numbers (GB 11643)', () => {
  it('computes the check character of the standard example', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(readResidentId('11010519491231002X')).toEqual({ birthDate: '1949-12-31', gender: 'FEMALE' });
    expect(readResidentId('11010519491231002x')).toEqual({ birthDate: '1949-12-31', gender: 'FEMALE' });
  });

  it('refuses a wrong check character, a date that does not exist and a wrong length', () => {
    expect(readResidentId('110105194912310021')).toBeNull();
    const body = '53010219990231001';
    expect(readResidentId(body + residentIdCheckChar(body))).toBeNull();
    expect(readResidentId('1101051949123100')).toBeNull();
  });

  it('reads the gender from the 17th digit (odd = male)', () => {
    const body = '53010219980712003';
    expect(readResidentId(body + residentIdCheckChar(body))).toEqual({ birthDate: '1998-07-12', gender: 'MALE' });
  });
});

describe('ID numbers by their type (checkIdNumber)', () => {
  const withCheck = (body: string) => body + residentIdCheckChar(body);

  it('has a rule for every ID type', () => {
    for (const type of ID_TYPES) expect(ID_NUMBER_RULES[type]).toBeTruthy();
  });

  it('normalizes blanks and letter case', () => {
    expect(normalizeIdNumber(' 11010519491231002x ')).toBe('11010519491231002X');
    expect(checkIdNumber('RESIDENT_ID', '11010519491231002x')).toEqual({
      valid: true,
      idNumber: '11010519491231002X',
      facts: { birthDate: '1949-12-31', gender: 'FEMALE' },
    });
  });

  it('checks resident IDs by GB 11643: the check character and a real birth date', () => {
    expect(checkIdNumber('RESIDENT_ID', '110105194912310021')).toEqual({ valid: false, message: expect.stringContaining('校验位') });
    expect(checkIdNumber('RESIDENT_ID', withCheck('53010219990231001'))).toEqual({ valid: false, message: expect.stringContaining('出生日期') });
    expect(checkIdNumber('RESIDENT_ID', '1101051949123100')).toEqual({ valid: false, message: expect.stringContaining('格式') });
    expect(checkIdNumber('RESIDENT_ID', 'A1010519491231002X').valid).toBe(false);
  });

  it('takes the residence permits only with their own address codes', () => {
    const hk = withCheck('81000019950101002');
    const mo = withCheck('82000019950101002');
    const tw = withCheck('83000019950101001');
    expect(checkIdNumber('HK_MACAO_RESIDENCE_PERMIT', hk)).toMatchObject({ valid: true, facts: { birthDate: '1995-01-01', gender: 'FEMALE' } });
    expect(checkIdNumber('HK_MACAO_RESIDENCE_PERMIT', mo).valid).toBe(true);
    expect(checkIdNumber('TAIWAN_RESIDENCE_PERMIT', tw)).toMatchObject({ valid: true, facts: { gender: 'MALE' } });
    expect(checkIdNumber('HK_MACAO_RESIDENCE_PERMIT', tw).valid).toBe(false);
    expect(checkIdNumber('TAIWAN_RESIDENCE_PERMIT', hk).valid).toBe(false);
    expect(checkIdNumber('HK_MACAO_RESIDENCE_PERMIT', '11010519491231002X').valid).toBe(false);
    // The address code is right but the check character is not.
    const wrong = hk.slice(0, 17) + (hk[17] === '0' ? '1' : '0');
    expect(checkIdNumber('HK_MACAO_RESIDENCE_PERMIT', wrong)).toEqual({ valid: false, message: expect.stringContaining('校验位') });
  });

  it.each([
    ['HK_MACAO_PASS', 'H12345678', true],
    ['HK_MACAO_PASS', 'm1234567890', true],
    ['HK_MACAO_PASS', 'H1234567', false],
    ['HK_MACAO_PASS', 'H123456789', false],
    ['HK_MACAO_PASS', 'C12345678', false],
    ['TAIWAN_PASS', '12345678', true],
    ['TAIWAN_PASS', '1234567', false],
    ['TAIWAN_PASS', '1234567A', false],
    ['FOREIGNER_PERMANENT_ID', 'usa123456789012', true],
    ['FOREIGNER_PERMANENT_ID', 'US1234567890123', false],
    ['FOREIGNER_PERMANENT_ID', '1234567890123456', false],
    ['PASSPORT', 'E12345678', true],
    ['PASSPORT', 'ab123', true],
    ['PASSPORT', 'AB12', false],
    ['PASSPORT', 'A'.repeat(18), false],
    ['PASSPORT', 'E1234-5678', false],
  ] as const)('%s %s → %s', (type, number, valid) => {
    expect(checkIdNumber(type, number).valid).toBe(valid);
  });

  it('checks the 2017 foreigner permanent residence card like GB 11643', () => {
    const good = withCheck('91115619900101001');
    expect(checkIdNumber('FOREIGNER_PERMANENT_ID', good)).toEqual({ valid: true, idNumber: good, facts: null });
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(checkIdNumber('FOREIGNER_PERMANENT_ID', wrong).valid).toBe(false);
    expect(checkIdNumber('FOREIGNER_PERMANENT_ID', withCheck('81115619900101001')).valid).toBe(false);
  });

  it('accepts every resident ID whose check character it computed, and refuses any single-digit change', () => {
    const date = fc.date({ min: new Date('1950-01-01'), max: new Date('2010-12-31'), noInvalidDate: true });
    fc.assert(
      fc.property(fc.integer({ min: 110000, max: 659999 }), date, fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 16 }), (region, birth, seq, position) => {
        const ymd = birth.toISOString().slice(0, 10).replaceAll('-', '');
        const id = withCheck(`${region}${ymd}${String(seq).padStart(3, '0')}`);
        const check = checkIdNumber('RESIDENT_ID', id);
        const changedDigit = String((Number(id[position]) + 1) % 10);
        const changed = id.slice(0, position) + changedDigit + id.slice(position + 1);
        return check.valid && check.facts?.birthDate === birth.toISOString().slice(0, 10) && !checkIdNumber('RESIDENT_ID', changed).valid;
      }),
    );
  });
});
