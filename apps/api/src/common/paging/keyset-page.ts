import type { SelectQueryBuilder } from 'typeorm';
import { afterCondition, decodeCursor, orderByOf, positionOfRow, toPage, type KeysetOrder, type KeysetPage, type KeysetPosition } from './keyset.js';

/** A row selected with keysetSelect(order): its position travels with it. */
export interface KeysetRow {
  keyset_sort: string;
  keyset_id: string;
}

/**
 * The SQL half of the paging idiom: the rows after `position` in `order`, ordered to match (so one
 * index serves the condition and the order). Returns the same query builder.
 */
export function afterPosition(qb: SelectQueryBuilder<object>, order: KeysetOrder, position: KeysetPosition | null): SelectQueryBuilder<object> {
  if (position) {
    const after = afterCondition(order, position);
    qb.andWhere(after.sql, after.params);
  }
  for (const [index, [expression, direction]] of orderByOf(order).entries()) {
    if (index === 0) qb.orderBy(expression, direction);
    else qb.addOrderBy(expression, direction);
  }
  return qb;
}

/**
 * One page of a list: the client's cursor read (a tampered one is 400, before any SQL), the rows
 * after it, one more than the page to know whether another follows, and the next cursor. The query
 * must select keysetSelect(order) beside its columns.
 */
export async function fetchKeysetPage<R extends KeysetRow>(qb: SelectQueryBuilder<object>, order: KeysetOrder, cursor: string | undefined, limit: number): Promise<KeysetPage<R>> {
  const rows = await afterPosition(qb, order, decodeCursor(order, cursor))
    .limit(limit + 1)
    .getRawMany<R>();
  return toPage(rows, limit, positionOfRow, (row) => row);
}
