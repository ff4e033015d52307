/**
 * ILIKE patterns from what a person typed: `%` and `_` are the characters they mean, not wildcards
 * (use with `ESCAPE '\\'`).
 */
function escapeLike(typed: string): string {
  return typed.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Anywhere in the value. */
export function likeContains(typed: string): string {
  return `%${escapeLike(typed)}%`;
}

/** At the start of the value (an index on the column can serve it). */
export function likeStartsWith(typed: string): string {
  return `${escapeLike(typed)}%`;
}
