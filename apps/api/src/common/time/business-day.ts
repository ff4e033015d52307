import type { YearMonth } from '@butie/contracts';

/**
 * Today as the city's calendar has it (BUSINESS_TIME_ZONE), as YYYY-MM-DD: "not in the future" and
 * "this month" are the city's, not the server's (a server in UTC is a day behind before 08:00).
 */
export function businessToday(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function businessMonth(timeZone: string, now = new Date()): YearMonth {
  return businessToday(timeZone, now).slice(0, 7);
}
