import type { IdType } from './persons.js';

/** Check characters of Chinese identifiers. */

const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100-2015: the 18th character of a unified social credit code (统一社会信用代码). */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARS.indexOf(first17[i]);
    if (value < 0) return null;
    sum += value * CREDIT_CODE_WEIGHTS[i];
  }
  return CREDIT_CODE_CHARS[(31 - (sum % 31)) % 31];
}

export function isValidCreditCode(code: string): boolean {
  return /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code) && creditCodeCheckChar(code.slice(0, 17)) === code[17];
}

/** A mainland China mobile number, the only kind SMS codes go to. */
export const MOBILE_PHONE_PATTERN = /^1[3-9]\d{9}$/;
export const MOBILE_PHONE_MESSAGE = '手机号码须为 11 位中国大陆手机号';

const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_ID_CHECK = '10X98765432';

/** GB 11643-1999: the 18th character of a 居民身份证 number (also of the two 居住证). */
export function residentIdCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * RESIDENT_ID_WEIGHTS[i];
  return RESIDENT_ID_CHECK[sum % 11];
}

/** What an 18-character ID number says of its holder, or null when it is not a valid one. */
export interface ResidentIdFacts {
  birthDate: string;
  gender: 'MALE' | 'FEMALE';
}

export function readResidentId(idNumber: string): ResidentIdFacts | null {
  const value = idNumber.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value) || residentIdCheckChar(value.slice(0, 17)) !== value[17]) return null;
  const [y, m, d] = [value.slice(6, 10), value.slice(10, 12), value.slice(12, 14)];
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d) || Number(y) < 1900) return null;
  return { birthDate: `${y}-${m}-${d}`, gender: Number(value[16]) % 2 === 1 ? 'MALE' : 'FEMALE' };
}

/**
 * The ID types (证件类型) whose number is an 18-character GB 11643 number, whose birth date and
 * gender must agree with what the person typed (domain §3.2).
 */
export const GB11643_ID_TYPES = ['RESIDENT_ID', 'HK_MACAO_RESIDENCE_PERMIT', 'TAIWAN_RESIDENCE_PERMIT'] as const;

/**
 * The number of each ID type, as we accept it (after trimming and upper-casing, see
 * normalizeIdNumber). Our choices, from the documents' published layouts:
 * - 居民身份证: 18 characters, GB 11643 check character, a real birth date.
 * - 港澳居民居住证: as 居民身份证, and the address code is 810000 (Hong Kong) or 820000 (Macao).
 * - 台湾居民居住证: as 居民身份证, and the address code is 830000.
 * - 港澳居民来往内地通行证 (回乡证): H (Hong Kong) or M (Macao) followed by 8 digits, or by 10 digits
 *   (the older cards carry a two-digit issue count).
 * - 台湾居民来往大陆通行证 (台胞证): 8 digits (the card number since 2015; older booklet numbers
 *   with a letter suffix are no longer issued).
 * - 外国人永久居留身份证: the 2004 card, 3 letters (the ISO 3166 country code) and 12 digits (15
 *   characters); or the 2017 card, 18 characters starting with 9, laid out like GB 11643 with its check
 *   character (the birth date sits where it sits in a resident ID, and must exist).
 * - 护照: 5 to 17 letters and digits (passports of the world vary too much for a closer rule).
 */
export const ID_NUMBER_RULES: Record<IdType, string> = {
  RESIDENT_ID: '18 位居民身份证号码，末位校验码须正确',
  HK_MACAO_RESIDENCE_PERMIT: '18 位港澳居民居住证号码（以 810000 或 820000 开头），末位校验码须正确',
  TAIWAN_RESIDENCE_PERMIT: '18 位台湾居民居住证号码（以 830000 开头），末位校验码须正确',
  HK_MACAO_PASS: 'H 或 M 开头，后接 8 位或 10 位数字',
  TAIWAN_PASS: '8 位数字',
  FOREIGNER_PERMANENT_ID: '15 位（3 位字母 + 12 位数字）或 18 位（以 9 开头，末位校验码须正确）',
  PASSPORT: '5–17 位字母或数字',
};

/** The stored form of an ID number: no surrounding blanks, letters in upper case. */
export function normalizeIdNumber(idNumber: string): string {
  return idNumber.trim().toUpperCase();
}

export type IdNumberCheck =
  | { valid: true; idNumber: string; facts: ResidentIdFacts | null }
  | { valid: false; message: string };

/**
 * Checks an ID number by its type. A valid answer carries the normalized number and, for the GB 11643
 * types, the birth date and gender it encodes (for the caller to compare with the form).
 */
export function checkIdNumber(idType: IdType, idNumber: string): IdNumberCheck {
  const value = normalizeIdNumber(idNumber);
  const refuse = (): IdNumberCheck => ({ valid: false, message: `证件号码格式不正确：${ID_NUMBER_RULES[idType]}` });
  switch (idType) {
    case 'RESIDENT_ID':
    case 'HK_MACAO_RESIDENCE_PERMIT':
    case 'TAIWAN_RESIDENCE_PERMIT': {
      if (idType === 'HK_MACAO_RESIDENCE_PERMIT' && !/^8[12]0000/.test(value)) return refuse();
      if (idType === 'TAIWAN_RESIDENCE_PERMIT' && !value.startsWith('830000')) return refuse();
      if (!/^\d{17}[\dX]$/.test(value)) return refuse();
      if (residentIdCheckChar(value.slice(0, 17)) !== value[17]) return { valid: false, message: '证件号码校验位不正确，请核对号码' };
      const facts = readResidentId(value);
      if (!facts) return { valid: false, message: '证件号码中的出生日期不存在，请核对号码' };
      return { valid: true, idNumber: value, facts };
    }
    case 'HK_MACAO_PASS':
      return /^[HM](\d{8}|\d{10})$/.test(value) ? { valid: true, idNumber: value, facts: null } : refuse();
    case 'TAIWAN_PASS':
      return /^\d{8}$/.test(value) ? { valid: true, idNumber: value, facts: null } : refuse();
    case 'FOREIGNER_PERMANENT_ID':
      if (/^[A-Z]{3}\d{12}$/.test(value)) return { valid: true, idNumber: value, facts: null };
      if (/^9\d{16}[\dX]$/.test(value)) {
        if (residentIdCheckChar(value.slice(0, 17)) !== value[17]) return { valid: false, message: '证件号码校验位不正确，请核对号码' };
        return readResidentId(value) ? { valid: true, idNumber: value, facts: null } : { valid: false, message: '证件号码中的出生日期不存在，请核对号码' };
      }
      return refuse();
    case 'PASSPORT':
      return /^[A-Z0-9]{5,17}$/.test(value) ? { valid: true, idNumber: value, facts: null } : refuse();
  }
}
