import type { Permission } from './permissions.js';

/**
 * A status machine as data: every allowed move is one row. The API's service asks the table
 * whether an action may run; the SPA derives its buttons from the same rows; the tests walk them.
 */
export interface Transition<S extends string, A extends string> {
  from: S;
  action: A;
  to: S;
  /** The permission the actor's role must hold (data scope is checked on the record besides). */
  permission: Permission;
  /** A return or a rejection must say why (一次性告知). */
  opinionRequired: boolean;
}

export type TransitionTable<S extends string, A extends string> = readonly Transition<S, A>[];

/** The row for `action` from `from`, or null when the table has no such move. */
export function findTransition<S extends string, A extends string>(table: TransitionTable<S, A>, from: S, action: A): Transition<S, A> | null {
  return table.find((row) => row.from === from && row.action === action) ?? null;
}

/** The actions a holder of `permissions` may take on a record in `status`: the buttons to show. */
export function availableActions<S extends string, A extends string>(
  table: TransitionTable<S, A>,
  status: S,
  permissions: readonly Permission[],
): A[] {
  return table.filter((row) => row.from === status && permissions.includes(row.permission)).map((row) => row.action);
}

/** Every status from which `action` is possible, to name them in a refusal. */
export function statusesAllowing<S extends string, A extends string>(table: TransitionTable<S, A>, action: A): S[] {
  return table.filter((row) => row.action === action).map((row) => row.from);
}
