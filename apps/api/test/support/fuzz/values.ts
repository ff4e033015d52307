/**
 * What the generators produce: plain JSON values plus three stand-ins that keep a generated
 * request small to hold, shrink and print while what is sent can be huge or live.
 */

/** Values the running app knows, looked up when the request is sent (see KnownValues). */
export type KnownKind = 'id' | 'text' | 'password' | 'cursor' | 'refreshToken';

/** "The index-th known value of this kind": real ids get requests past 404 now and then. */
export class Known {
  constructor(
    readonly kind: KnownKind,
    readonly index: number,
  ) {}
}

/** A string of `count` times `unit`, printed as such rather than spelled out. */
export class Big {
  constructor(
    readonly unit: string,
    readonly count: number,
  ) {}

  get text(): string {
    return this.unit.repeat(this.count);
  }

  /** `<\u0000 × 1500>`: how reports show it. */
  get label(): string {
    return `<${JSON.stringify(this.unit).slice(1, -1)} × ${this.count}>`;
  }
}

/** JSON text sent as it is (100,000 nested arrays, 1e400): more than a JS value can say. */
export class RawJson {
  constructor(
    readonly text: string,
    readonly label: string,
  ) {}
}

export type Tree = null | boolean | number | string | Known | Big | RawJson | Tree[] | { [key: string]: Tree };
export type ParamValue = string | Known | Big;

/** The live pools behind Known; empty pools give a value that exists nowhere. */
export type KnownValues = (kind: KnownKind) => readonly string[];

const NOWHERE = '00000000-0000-4000-8000-000000000000';

export function resolveKnown(value: Known, known: KnownValues): string {
  const pool = known(value.kind);
  return pool.length === 0 ? NOWHERE : pool[value.index % pool.length];
}

export function paramText(value: ParamValue, known: KnownValues): string {
  if (value instanceof Known) return resolveKnown(value, known);
  if (value instanceof Big) return value.text;
  return value;
}

export function isPlainObject(value: Tree): value is { [key: string]: Tree } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Known) && !(value instanceof Big) && !(value instanceof RawJson);
}

/**
 * Sets a key as an own property, `__proto__` included: an assignment would set the prototype
 * instead, and the key would never reach the wire.
 */
export function withKey(target: { [key: string]: Tree }, key: string, value: Tree): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The JSON text sent; `abbreviate` gives the same text with huge parts named instead (for reports). */
export function toJson(value: Tree, known: KnownValues, abbreviate = false): string {
  if (value instanceof Known) return JSON.stringify(resolveKnown(value, known));
  if (value instanceof Big) return abbreviate ? `"${value.label}"` : JSON.stringify(value.text);
  if (value instanceof RawJson) return abbreviate && value.text.length > 80 ? `<${value.label}>` : value.text;
  if (Array.isArray(value)) return `[${value.map((item) => toJson(item, known, abbreviate)).join(',')}]`;
  if (isPlainObject(value)) {
    return `{${Object.keys(value)
      .map((key) => `${JSON.stringify(key)}:${toJson(value[key], known, abbreviate)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
