import fc from 'fast-check';
import type { Parameter, Schema } from './openapi.js';
import { controlText, known } from './atoms.js';
import { Known, withKey, type ParamValue, type Tree } from './values.js';

/**
 * Values that fit an OpenAPI schema, or nearly: they mix what the schema says (enums, examples,
 * bounds) with values the app knows (real ids, usernames, the demo password, cursors, live
 * refresh tokens), so that some requests pass validation and reach the services and the database.
 */

const instant = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true });
const isoDateTime = instant.map((date) => date.toISOString());
const isoDay = instant.map((date) => date.toISOString().slice(0, 10));
const isoDate = fc.oneof(isoDateTime, isoDay);

/** Passes the password policy now and then, so that a change of password can go through. */
const policyPassword = fc.tuple(fc.constantFrom('Fz', 'Qa', 'Xy'), fc.stringMatching(/^[a-z]{4}[0-9]{3}$/)).map(([head, tail]) => `${head}@${tail}`);

/** Strings matching a documented pattern, where fast-check can read it (it knows no lookarounds). */
function patternValue(pattern: string): fc.Arbitrary<string> | undefined {
  try {
    return fc.stringMatching(new RegExp(pattern));
  } catch {
    return undefined;
  }
}

/** `name` is the property or parameter the schema belongs to: one ending in `id` mostly gets real ids. */
function stringValue(schema: Schema, name = ''): fc.Arbitrary<Tree> {
  const choices: fc.WeightedArbitrary<Tree>[] = [
    { weight: 3, arbitrary: fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.max(schema.minLength ?? 0, Math.min(schema.maxLength ?? 24, 24)) }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
    { weight: 3, arbitrary: known('id') },
    { weight: 3, arbitrary: known('text') },
    { weight: 1, arbitrary: known('password') },
    { weight: 1, arbitrary: known('cursor') },
    { weight: 1, arbitrary: known('refreshToken') },
    { weight: 1, arbitrary: isoDate },
    { weight: 1, arbitrary: policyPassword },
    // Text with a control character where a valid value would be: the one mistake in a request
    // that otherwise gets through validation to the database.
    { weight: 2, arbitrary: controlText },
  ];
  if (/id$/i.test(name)) choices.push({ weight: 20, arbitrary: known('id') });
  const matching = schema.pattern ? patternValue(schema.pattern) : undefined;
  if (matching) choices.push({ weight: 12, arbitrary: matching });
  if (schema.format === 'uuid') choices.push({ weight: 12, arbitrary: fc.oneof(known('id'), fc.uuid()) });
  if (schema.format === 'date') choices.push({ weight: 12, arbitrary: isoDay });
  if (schema.format === 'date-time') choices.push({ weight: 12, arbitrary: isoDateTime });
  return fc.oneof(...choices);
}

// Numbers without a minimum are counts and page numbers more often than not: mostly from 1 (the
// mutations send the zeros, negatives and fractions).
function numberValue(schema: Schema): fc.Arbitrary<Tree> {
  const min = schema.minimum ?? 1;
  const max = schema.maximum ?? Math.max(min + 100, 1_000);
  const integer = fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  return schema.type === 'integer' ? integer : fc.oneof({ weight: 4, arbitrary: integer }, { weight: 1, arbitrary: fc.double({ min, max, noNaN: true }) });
}

type Presence = 'absent' | 'present' | 'null';

function objectValue(schema: Schema): fc.Arbitrary<Tree> {
  const properties = schema.properties ?? {};
  const names = Object.keys(properties);
  if (names.length === 0) return fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string({ maxLength: 8 }), fc.integer()), { maxKeys: 3 });
  const required = new Set(schema.required ?? []);
  // Required properties are always there; an optional one is absent, present, or now and then
  // null ("optional" means "may be absent", and null must not slip through to the database).
  const presence = fc.constantFrom<Presence>('absent', 'absent', 'absent', 'present', 'present', 'present', 'null');
  return fc
    .tuple(...names.map((name) => fc.tuple(required.has(name) ? fc.constant<Presence>('present') : presence, valueFor(properties[name], name))))
    .map((entries) => {
      const value: { [key: string]: Tree } = {};
      entries.forEach(([how, propertyValue], i) => {
        if (how !== 'absent') withKey(value, names[i], how === 'null' ? null : propertyValue);
      });
      return value;
    });
}

function merged(schemas: Schema[]): Schema {
  return {
    type: 'object',
    properties: Object.assign({}, ...schemas.map((s) => s.properties ?? {})) as Record<string, Schema>,
    required: schemas.flatMap((s) => s.required ?? []),
  };
}

/** A value that fits `schema` (enums, examples and known values weighted up); `name` is its field's. */
export function valueFor(schema: Schema, name = ''): fc.Arbitrary<Tree> {
  if (schema.allOf) return valueFor(merged(schema.allOf), name);
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) return fc.oneof(...alternatives.map((alternative) => valueFor(alternative, name)));

  let base: fc.Arbitrary<Tree>;
  if (schema.enum) base = fc.constantFrom(...(schema.enum as Tree[]));
  else if (schema.type === 'string') base = stringValue(schema, name);
  else if (schema.type === 'integer' || schema.type === 'number') base = numberValue(schema);
  else if (schema.type === 'boolean') base = fc.boolean();
  else if (schema.type === 'array') base = fc.array(valueFor(schema.items ?? {}), { maxLength: 3 });
  else if (schema.type === 'object' || schema.properties) base = objectValue(schema);
  else base = fc.oneof(stringValue({}, name), fc.integer(), fc.boolean());

  // An example or default is what the document promises will work: offer it often (it may also
  // tell the real type where `type` is wrong, as with a nullable union documented as an object).
  for (const promised of [schema.example, schema.default]) {
    if (promised !== undefined) base = fc.oneof({ weight: 3, arbitrary: fc.constant(promised as Tree) }, { weight: 2, arbitrary: base });
  }
  if (schema.nullable) base = fc.oneof({ weight: 5, arbitrary: base }, { weight: 1, arbitrary: fc.constant(null) });
  return base;
}

/** A query or path parameter's text: the same choices, written as a URL carries them. */
export function parameterValue(parameter: Parameter): fc.Arbitrary<ParamValue> {
  if (parameter.in === 'path') {
    return fc.oneof({ weight: 4, arbitrary: known('id') }, { weight: 1, arbitrary: fc.uuid() }, { weight: 1, arbitrary: stringValue(parameter.schema) as fc.Arbitrary<ParamValue> });
  }
  return valueFor(parameter.schema, parameter.name).map((value): ParamValue => (value instanceof Known ? value : typeof value === 'string' ? value : JSON.stringify(value)));
}
