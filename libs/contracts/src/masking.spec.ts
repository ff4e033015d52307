import { maskBankAccount, maskEmail, maskIdNumber, maskName, maskPhone } from './masking.js';

describe('maskPhone', () => {
  it('keeps the first 3 and last 4 digits of a mobile number', () => {
    expect(maskPhone('13800000001')).toBe('138****0001');
  });

  it('hides a number too short to keep 7 digits of entirely', () => {
    expect(maskPhone('123456')).toBe('******');
  });

  it('gives null for no phone', () => {
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone(undefined)).toBeNull();
    expect(maskPhone('')).toBeNull();
  });
});

describe('maskName (public notice form, domain §6)', () => {
  it.each([
    ['张三', '张*'],
    ['张小三', '张*三'],
    ['欧阳小明', '欧**明'],
    ['张', '*'],
  ])('masks %s as %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('counts characters outside the BMP as one character', () => {
    // 𠀀 is one character written as two UTF-16 units.
    expect(maskName('𠀀小明')).toBe('𠀀*明');
  });

  it('gives null for no name', () => {
    expect(maskName(null)).toBeNull();
    expect(maskName('')).toBeNull();
  });
});

describe('maskIdNumber', () => {
  it('keeps the first 4 and last 4 characters of an 18-character ID number', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });

  it('hides an identifier of 8 characters or fewer entirely', () => {
    expect(maskIdNumber('12345678')).toBe('********');
  });

  it('gives null for no identifier', () => {
    expect(maskIdNumber(null)).toBeNull();
  });
});

describe('maskEmail', () => {
  it('keeps the first character and the domain', () => {
    expect(maskEmail('zhangsan@example.cn')).toBe('z***@example.cn');
  });

  it('hides a value that is not an address entirely', () => {
    expect(maskEmail('zhangsan')).toBe('***');
    expect(maskEmail('@example.cn')).toBe('***');
  });
});

describe('maskBankAccount', () => {
  it('keeps the first six and the last two digits', () => {
    expect(maskBankAccount('6214830012345678')).toBe('621483********78');
    expect(maskBankAccount('12345678')).toBe('********');
    expect(maskBankAccount(null)).toBeNull();
  });
});
