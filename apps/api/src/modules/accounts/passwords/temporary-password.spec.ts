import { checkPasswordStrength } from '@butie/contracts';
import { generateTemporaryPassword, TEMPORARY_PASSWORD_ALPHABETS } from './passwords.service.js';

describe('generateTemporaryPassword', () => {
  const samples = Array.from({ length: 2000 }, () => generateTemporaryPassword());

  it('always meets the password policy', () => {
    for (const password of samples) expect(checkPasswordStrength(password)).toEqual([]);
  });

  it('uses no character that can be mistaken for another when read out or copied', () => {
    const text = samples.join('');
    // One of each look-alike group may stay (2, 5, 6, 8, 9 and the capitals C K P U V W X Y).
    for (const doubtful of '0OoDQq1lIi|ZzSsGgBckpsuvwxyzr@#%&*+=?') {
      expect({ doubtful, found: text.includes(doubtful) }).toEqual({ doubtful, found: false });
    }
    expect(new Set(text)).toEqual(new Set(TEMPORARY_PASSWORD_ALPHABETS.join('')));
  });

  it('never contains the username it is made for', () => {
    // 'abd' (three lower-case letters of the alphabet) turns up in about 9 of 10 such runs without the check.
    for (let i = 0; i < 5000; i++) expect(generateTemporaryPassword('abd').toLowerCase()).not.toContain('abd');
  });

  it('is 12 characters and differs every time', () => {
    expect(samples.every((password) => password.length === 12)).toBe(true);
    expect(new Set(samples).size).toBe(samples.length);
  });
});
