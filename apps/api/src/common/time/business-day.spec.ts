import { businessMonth, businessToday } from './business-day.js';

describe('the business calendar', () => {
  it('is the city\'s day and month, not the server\'s: 2026-11-30 20:00 UTC is already December in Shanghai', () => {
    const at = new Date('2026-11-30T20:00:00Z');
    expect(businessToday('Asia/Shanghai', at)).toBe('2026-12-01');
    expect(businessMonth('Asia/Shanghai', at)).toBe('2026-12');
    expect(businessMonth('UTC', at)).toBe('2026-11');
  });
});
