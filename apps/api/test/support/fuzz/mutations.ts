import fc from 'fast-check';
import { controlText, known } from './atoms.js';
import { Big, RawJson, isPlainObject, withKey, type ParamValue, type Tree } from './values.js';

/**
 * What a careless or hostile client sends instead of a valid request. A mutation is data (which
 * location, what to do, with what) applied to a generated valid value, so that fast-check can
 * shrink both halves and print them.
 */

/** Long text: past every column width, some past the 1 MB body limit (413). */
const longText = (maxCount: number) =>
  fc.tuple(fc.constantFrom('a', '汉', '\u0000', '😀', ' ', '%'), fc.integer({ min: 65, max: maxCount })).map(([unit, count]) => new Big(unit, count));

const badUuid = fc.oneof(
  fc.constantFrom(
    '',
    'not-a-uuid',
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    '../../etc/passwd',
    "1' OR '1'='1",
    '%00',
    '{}',
    'null',
    '-1',
    '0',
  ),
  fc.uuid().map((id) => id.toUpperCase()),
  fc.uuid().map((id) => `${id}x`),
  fc.uuid().map((id) => id.slice(0, 35)),
  fc.uuid().map((id) => id.replaceAll('-', '')),
  fc.uuid().map((id) => `${id}\u0000`),
  fc.uuid().map((id) => `{${id}}`),
);

const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const badCursor = fc.oneof(
  fc.constantFrom('!!!', '====', 'AAAA', '-', '.', base64url('-1'), base64url('0'), base64url('1e5'), base64url('\u0000'), base64url('99999999999999999999'), base64url('9223372036854775808'), base64url('{"id":1}')),
  fc.string({ maxLength: 12 }).map(base64url),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map((n) => base64url(String(n))),
);

/** Strings that numbers, booleans, dates and enums in a query must survive. */
const badScalarText = fc.constantFrom('', ' ', 'abc', '-1', '0', '1.5', '1e400', '-1e400', 'NaN', 'Infinity', '0x10', '99999999999999999999', 'true', 'null', '[]', '{}', '2026-13-45', '2026-02-30', '0000-01-01', '99999-01-01T00:00:00Z', '2026-01-01T25:61:00');

/** A bad text in a query or path: the same classes as in bodies, sized for a URL. */
export const badParamValue: fc.Arbitrary<ParamValue> = fc.oneof(controlText, longText(1_500), badUuid, badCursor, badScalarText, known('id'), known('text'));

const deepArrays = (depth: number) => new RawJson(`${'['.repeat(depth)}${']'.repeat(depth)}`, `${depth} nested arrays`);
const deepObjects = (depth: number) => new RawJson(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`, `${depth} nested objects`);
const deepNesting = fc
  .tuple(fc.constantFrom(deepArrays, deepObjects), fc.constantFrom(33, 200, 1_000, 10_000, 100_000))
  .map(([nest, depth]) => nest(depth));
const hugeArray = fc
  .tuple(fc.constantFrom('0', '"x"', '{}', 'null'), fc.integer({ min: 1_000, max: 150_000 }))
  .map(([item, count]) => new RawJson(`[${Array(count).fill(item).join(',')}]`, `array of ${count} × ${item}`));

const pollution = fc.constantFrom<Tree>(
  JSON.parse('{"__proto__":{"role":"ADMIN","isAdmin":true}}') as Tree,
  JSON.parse('{"constructor":{"prototype":{"role":"ADMIN"}}}') as Tree,
  JSON.parse('{"a":{"__proto__":{"polluted":1}}}') as Tree,
  JSON.parse('[{"__proto__":{"polluted":1}}]') as Tree,
);

const wrongType = fc.oneof(
  fc.constantFrom<Tree>(0, -1, 1.5, 2 ** 53 + 2, true, false, '', [], {}, [[]], ['x']),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 8 }),
  fc.constantFrom(new RawJson('1e400', '1e400'), new RawJson('-0', '-0'), new RawJson('1'.repeat(400), '400 digits')),
);

/** Anything that should not be where it is put. */
export const badValue: fc.Arbitrary<Tree> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: wrongType },
  { weight: 4, arbitrary: controlText },
  { weight: 1, arbitrary: longText(400_000) },
  { weight: 1, arbitrary: longText(1_200_000) },
  { weight: 1, arbitrary: deepNesting },
  { weight: 1, arbitrary: hugeArray },
  { weight: 2, arbitrary: pollution },
  { weight: 2, arbitrary: badUuid },
  { weight: 1, arbitrary: badCursor },
  { weight: 2, arbitrary: known('id') },
  { weight: 1, arbitrary: known('text') },
);

const extraKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra', 'toString', 'hasOwnProperty', 'id', 'role', 'status', '', '$where', 'a.b', 'items[0]'),
  fc.string({ maxLength: 10 }),
);

export type BodyMutation =
  | { kind: 'replace'; at: number; value: Tree }
  | { kind: 'delete'; at: number }
  | { kind: 'add'; at: number; key: string; value: Tree }
  | { kind: 'root'; value: Tree | undefined };

export const bodyMutation: fc.Arbitrary<BodyMutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: badValue }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('add' as const), at: fc.nat(), key: extraKey, value: fc.oneof(badValue, fc.string({ maxLength: 8 })) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('root' as const),
      value: fc.oneof(fc.constant(undefined), fc.constantFrom<Tree>(null, [], '', 'text', 42, true), deepNesting, hugeArray, pollution, longText(1_200_000)),
    }),
  },
);

/** Each place a value sits in `tree` (the path to it), root first, in a fixed order. */
function locations(tree: Tree, path: (string | number)[] = []): (string | number)[][] {
  const found = [path];
  if (Array.isArray(tree)) tree.forEach((item, i) => found.push(...locations(item, [...path, i])));
  else if (isPlainObject(tree)) for (const key of Object.keys(tree)) found.push(...locations(tree[key], [...path, key]));
  return found;
}

/** A copy of `tree` with the value at `path` replaced (undefined: removed). */
function updated(tree: Tree, path: (string | number)[], replace: (old: Tree) => Tree | undefined): Tree | undefined {
  if (path.length === 0) return replace(tree);
  const [head, ...rest] = path;
  if (Array.isArray(tree)) {
    const copy = [...tree];
    const value = updated(copy[head as number], rest, replace);
    if (value === undefined) copy.splice(head as number, 1);
    else copy[head as number] = value;
    return copy;
  }
  const copy: { [key: string]: Tree } = {};
  for (const key of Object.keys(tree as object)) {
    const value = key === head ? updated((tree as { [key: string]: Tree })[key], rest, replace) : (tree as { [key: string]: Tree })[key];
    if (value !== undefined) withKey(copy, key, value);
  }
  return copy;
}

export function applyBodyMutation(tree: Tree | undefined, mutation: BodyMutation): Tree | undefined {
  if (mutation.kind === 'root' || tree === undefined) return mutation.kind === 'root' ? mutation.value : tree;
  const places = locations(tree);
  if (mutation.kind === 'replace') return updated(tree, places[mutation.at % places.length], () => mutation.value);
  if (mutation.kind === 'delete') {
    const inner = places.slice(1);
    return inner.length === 0 ? tree : updated(tree, inner[mutation.at % inner.length], () => undefined);
  }
  const containers = places.filter((path) => {
    const value = path.reduce<Tree>((node, key) => (node as { [key: string]: Tree })[key], tree);
    return isPlainObject(value);
  });
  if (containers.length === 0) return tree;
  return updated(tree, containers[mutation.at % containers.length], (container) => {
    const copy: { [key: string]: Tree } = {};
    for (const key of Object.keys(container as object)) withKey(copy, key, (container as { [key: string]: Tree })[key]);
    withKey(copy, mutation.key, mutation.value);
    return copy;
  });
}

export type QueryPairs = [string, ParamValue][];

export type QueryMutation =
  | { kind: 'replace'; at: number; value: ParamValue }
  | { kind: 'delete'; at: number }
  | { kind: 'repeat'; at: number; value: ParamValue }
  | { kind: 'add'; key: string; value: ParamValue };

export const queryMutation: fc.Arbitrary<QueryMutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: badParamValue }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), value: fc.oneof(badParamValue, fc.string({ maxLength: 6 })) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('add' as const), key: fc.oneof(extraKey, fc.constantFrom('__proto__[role]', 'a[__proto__][x]')), value: badParamValue }) },
);

export function applyQueryMutation(pairs: QueryPairs, mutation: QueryMutation): QueryPairs {
  if (mutation.kind === 'add') return [...pairs, [mutation.key, mutation.value]];
  if (pairs.length === 0) return pairs;
  const at = mutation.at % pairs.length;
  if (mutation.kind === 'delete') return pairs.filter((_, i) => i !== at);
  if (mutation.kind === 'repeat') return [...pairs, [pairs[at][0], mutation.value]];
  return pairs.map((pair, i) => (i === at ? [pair[0], mutation.value] : pair));
}
