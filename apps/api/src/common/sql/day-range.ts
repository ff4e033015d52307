import type { SelectQueryBuilder } from 'typeorm';

/**
 * Whole calendar days as people here count them (BUSINESS_TIME_ZONE), both ends included, written
 * as bounds on the column itself so that its index is used: `from` 00:00 ≤ column < the day after
 * `to`, 00:00, in that zone. Days are YYYY-MM-DD, validated by the DTO.
 */
export function withinDays(qb: SelectQueryBuilder<object>, column: string, days: { from?: string; to?: string }, timeZone: string): SelectQueryBuilder<object> {
  if (days.from) qb.andWhere(`${column} >= (CAST(:dayFrom AS date)::timestamp AT TIME ZONE :dayZone)`, { dayFrom: days.from, dayZone: timeZone });
  if (days.to) qb.andWhere(`${column} < ((CAST(:dayTo AS date) + 1)::timestamp AT TIME ZONE :dayZone)`, { dayTo: days.to, dayZone: timeZone });
  return qb;
}
