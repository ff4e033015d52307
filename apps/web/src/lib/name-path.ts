/**
 * An API field name as an antd NamePath: `members[1].name` and `members.1.name` both become
 * `['members', 1, 'name']` (Form.List rows are numbered), `phone` stays `['phone']`.
 * Kept free of imports so that scripts/name-path.test.mjs can run it with plain node.
 */
export function toNamePath(field: string): (string | number)[] {
  return field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Whether `path` leads to a key of `values` (registered fields are keys even when still empty). */
export function hasNamePath(values: unknown, path: (string | number)[]): boolean {
  let node: unknown = values;
  for (const part of path) {
    if (node === null || typeof node !== 'object' || !(part in node)) return false;
    node = (node as Record<string | number, unknown>)[part];
  }
  return true;
}
