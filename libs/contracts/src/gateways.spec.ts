import { pensionRecordOf, type SocialSecurityRecord } from './gateways.js';

const record = (over: Partial<SocialSecurityRecord> = {}): SocialSecurityRecord => ({
  idNumber: '53010219960315002X',
  name: '林雨桐',
  insured: true,
  status: 'NORMAL',
  earliestMonth: '2019-07',
  contributions: [],
  bankName: null,
  bankAccount: null,
  ...over,
});

describe('domain §7: what the rules read of a social-security record', () => {
  it('no record at all is "not insured"', () => {
    expect(pensionRecordOf(null)).toEqual({ insured: false, status: null, earliestMonth: null, contributedMonths: [] });
  });

  it('expands the contribution periods into months, in order, once each, and keeps the gap between them', () => {
    const periods = [
      { from: '2024-04', to: '2024-05' },
      { from: '2023-11', to: '2023-12' },
      { from: '2024-05', to: '2024-06' },
    ] as const;
    expect(pensionRecordOf(record({ contributions: periods })).contributedMonths).toEqual(['2023-11', '2023-12', '2024-04', '2024-05', '2024-06']);
  });

  it('passes status and earliest month through unchanged', () => {
    expect(pensionRecordOf(record({ status: 'SUSPENDED', earliestMonth: '2016-12' }))).toMatchObject({ insured: true, status: 'SUSPENDED', earliestMonth: '2016-12' });
  });
});
