/**
 * The served OpenAPI document, read as the fuzzer needs it: every operation with its parameters,
 * its JSON body schema and its documented responses. Nothing here names a route, so a route
 * added to the API is fuzzed as soon as it is documented.
 */

/** The part of JSON Schema (as OpenAPI 3.0 writes it) that the generators understand. */
export interface Schema {
  $ref?: string;
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array';
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: Schema;
}

export interface DocumentedResponse {
  description?: string;
  content?: Record<string, { schema?: Schema }>;
  /** The stable problem `code`s this status can carry, where the document lists them. */
  'x-problem-codes'?: string[];
}

export interface Operation {
  /** `POST /api/v1/staff/{id}`: how failures and test names refer to it. */
  key: string;
  method: string;
  /** The OpenAPI path template, `{name}` for path parameters. */
  path: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  /** The JSON request body's schema, with `$ref`s resolved; absent when none is documented. */
  body?: Schema;
  responses: Record<string, DocumentedResponse>;
  /** Whether the document asks for a bearer token. */
  secured: boolean;
}

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, Schema> };
}

interface RawOperation {
  parameters?: { name: string; in: Parameter['in']; required?: boolean; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, DocumentedResponse>;
  security?: Record<string, string[]>[];
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

export function listOperations(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(item)) {
      if (!HTTP_METHODS.has(method)) continue;
      const parameters = (raw.parameters ?? []).map((p) => ({
        name: p.name,
        in: p.in,
        required: p.required === true || p.in === 'path',
        schema: resolveSchema(doc, p.schema ?? { type: 'string' }),
      }));
      const bodySchema = raw.requestBody?.content?.['application/json']?.schema;
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path'),
        queryParams: parameters.filter((p) => p.in === 'query'),
        body: bodySchema ? resolveSchema(doc, bodySchema) : undefined,
        responses: raw.responses ?? {},
        secured: (raw.security ?? []).length > 0,
      });
    }
  }
  return operations.sort((a, b) => a.key.localeCompare(b.key));
}

/** The schema with every `$ref` replaced by what it names (the DTOs are not recursive). */
export function resolveSchema(doc: OpenApiDocument, schema: Schema, depth = 0): Schema {
  if (depth > 20) throw new Error('the OpenAPI schemas nest deeper than 20 levels (a recursive $ref?)');
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = doc.components?.schemas?.[name];
    if (!target) throw new Error(`the OpenAPI document has no schema ${schema.$ref}`);
    return resolveSchema(doc, target, depth + 1);
  }
  const resolved: Schema = { ...schema };
  if (schema.items) resolved.items = resolveSchema(doc, schema.items, depth + 1);
  if (schema.properties) {
    resolved.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, resolveSchema(doc, v, depth + 1)]));
  }
  for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
    if (schema[key]) resolved[key] = schema[key].map((s) => resolveSchema(doc, s, depth + 1));
  }
  return resolved;
}

/** The documented response for a status: its exact entry, else its range (`4XX`). */
export function documentedResponse(operation: Operation, status: number): DocumentedResponse | undefined {
  return operation.responses[String(status)] ?? operation.responses[`${String(status)[0]}XX`];
}
