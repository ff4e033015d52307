import fc from 'fast-check';
import { ERROR_CODES } from '@butie/contracts';
import type { TestApp } from '../test-app.js';
import { applyBodyMutation, applyQueryMutation, badParamValue, bodyMutation, queryMutation, type QueryPairs } from './mutations.js';
import { documentedResponse, type Operation } from './openapi.js';
import { parameterValue, valueFor } from './schema-arbitrary.js';
import type { Caller, RoleSessions } from './sessions.js';
import { Big, paramText, toJson, type KnownKind, type KnownValues, type ParamValue, type Tree } from './values.js';

/** One generated request: who sends it and what, with huge and live parts still symbolic. */
export interface FuzzRequest {
  caller: Caller;
  path: Record<string, ParamValue>;
  query: QueryPairs;
  /** undefined: no body at all. */
  body: Tree | undefined;
}

export interface Exchange {
  operation: Operation;
  request: FuzzRequest;
  status: number;
  contentType: string;
  body: unknown;
  milliseconds: number;
}

/**
 * Mostly one mutation, sometimes none or several: a request with one thing wrong gets furthest
 * into the app, and a clean one reaches the services and the database.
 */
function mutationsOf<M>(mutation: fc.Arbitrary<M>): fc.Arbitrary<M[]> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant<M[]>([]) },
    { weight: 5, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 1 }) },
    { weight: 1, arbitrary: fc.array(mutation, { minLength: 2, maxLength: 4 }) },
  );
}

function queryArbitrary(operation: Operation): fc.Arbitrary<QueryPairs> {
  const params = operation.queryParams.map((param) =>
    // An optional parameter is left out half the time, so that some queries are all valid.
    (param.required ? parameterValue(param) : fc.option(parameterValue(param), { nil: undefined, freq: 2 })).map((value) => [param.name, value] as const),
  );
  return fc
    .tuple(fc.tuple(...params), mutationsOf(queryMutation))
    .map(([pairs, mutations]) => mutations.reduce(applyQueryMutation, pairs.filter((pair): pair is [string, ParamValue] => pair[1] !== undefined)));
}

function bodyArbitrary(operation: Operation): fc.Arbitrary<Tree | undefined> {
  // A body where none is documented is fuzzed too, except on methods that carry none.
  if (!operation.body && ['GET', 'HEAD', 'DELETE'].includes(operation.method)) return fc.constant(undefined);
  const valid = operation.body ? valueFor(operation.body) : fc.constantFrom<Tree | undefined>(undefined, {});
  return fc.tuple(valid, mutationsOf(bodyMutation)).map(([body, mutations]) => mutations.reduce(applyBodyMutation, body));
}

export function requestArbitrary(operation: Operation, caller: Caller): fc.Arbitrary<FuzzRequest> {
  const path = fc.record(
    Object.fromEntries(
      operation.pathParams.map((param) => [param.name, fc.oneof({ weight: 3, arbitrary: parameterValue(param) }, { weight: 1, arbitrary: badParamValue })]),
    ),
  );
  return fc.record({ caller: fc.constant(caller), path, query: queryArbitrary(operation), body: bodyArbitrary(operation) });
}

/**
 * Percent-encodes like encodeURIComponent, but a lone surrogate (which that refuses) is sent as
 * the bytes a careless encoder would produce: %ED%A0%80 for U+D800, not valid UTF-8.
 */
export function encodeComponent(text: string): string {
  // With the u flag, [^] takes a surrogate pair as one character and a lone surrogate alone.
  return text.replace(/[^]/gu, (char) => {
    const unit = char.charCodeAt(0);
    if (char.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
      return [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)].map((byte) => `%${byte.toString(16).toUpperCase()}`).join('');
    }
    return encodeURIComponent(char);
  });
}

/** The request's URL; `abbreviate` names long texts (`<😀 × 1500>`) instead of spelling them out (for reports). */
export function urlOf(operation: Operation, request: FuzzRequest, known: KnownValues, abbreviate = false): string {
  const text = (value: ParamValue) => (abbreviate && value instanceof Big ? value.label : encodeComponent(paramText(value, known)));
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => text(request.path[name] ?? ''));
  const query = request.query.map(([key, value]) => `${encodeComponent(key)}=${text(value)}`).join('&');
  return query ? `${path}?${query}` : path;
}

/** Sends a request as its caller and reads the answer (the body parsed when it is JSON). */
export async function send(t: TestApp, sessions: RoleSessions, known: KnownValues, operation: Operation, request: FuzzRequest): Promise<Exchange> {
  const method = operation.method.toLowerCase() as 'get';
  let call = t.http()[method](urlOf(operation, request, known)).set(await sessions.headers(request.caller)).timeout({ response: 30_000 });
  if (request.body !== undefined) call = call.set('Content-Type', 'application/json').send(toJson(request.body, known));
  const started = performance.now();
  const response = await call;
  const milliseconds = performance.now() - started;
  const contentType = String(response.headers['content-type'] ?? '');
  let body: unknown = response.body;
  if (/json/.test(contentType) && typeof body === 'object' && body !== null && Object.keys(body).length === 0 && response.text) {
    try {
      body = JSON.parse(response.text);
    } catch {
      body = response.text;
    }
  }
  await sessions.observe(request.caller, response.status, (body as { code?: unknown } | null)?.code);
  return { operation, request, status: response.status, contentType, body, milliseconds };
}

const STABLE_CODES = new Set<string>(ERROR_CODES);
const HAN = /[\u4e00-\u9fff]/;

/** The detail and every field message are written for the person (class-validator's defaults are English). */
function chineseThroughout(problem: { detail?: unknown; errors?: { message?: unknown }[] }): boolean {
  const texts = [problem.detail, ...(Array.isArray(problem.errors) ? problem.errors.map((error) => error?.message) : [])];
  return texts.every((text) => typeof text === 'string' && HAN.test(text));
}

/**
 * What is wrong with an answer, each as a short phrase that groups like findings together.
 * A refusal slower than `slowRefusalMs` counts too: refusing bad input must not block the process.
 */
export function violations(exchange: Exchange, slowRefusalMs: number): string[] {
  const { operation, status, contentType } = exchange;
  const code = (exchange.body as { code?: unknown } | null)?.code;
  const found: string[] = [];
  if (status >= 500) found.push(`answers ${status}`);
  if (status >= 400 && status < 500 && exchange.milliseconds > slowRefusalMs) found.push(`refuses with ${status} only after more than ${slowRefusalMs} ms`);
  if (status >= 400) {
    if (!/^application\/problem\+json/.test(contentType)) found.push(`${status} is not application/problem+json (${contentType || 'no content type'})`);
    else if (typeof code !== 'string' || !STABLE_CODES.has(code)) found.push(`${status} without a stable code (${JSON.stringify(code)})`);
    else if ((exchange.body as { status?: unknown }).status !== status) found.push(`${status} whose problem says status ${JSON.stringify((exchange.body as { status?: unknown }).status)}`);
    else if (!chineseThroughout(exchange.body as { detail?: unknown; errors?: { message?: unknown }[] })) found.push(`${status} ${String(code)} with a detail or field message that is not Chinese`);
  }
  const documented = documentedResponse(operation, status);
  if (status >= 500) return found;
  if (!documented) found.push(`${status} is not documented (documented: ${Object.keys(operation.responses).join(', ') || 'nothing'})`);
  else if (status >= 400 && Array.isArray(documented['x-problem-codes']) && !documented['x-problem-codes'].includes(String(code))) {
    found.push(`${status} ${String(code)} is not among the documented codes (${documented['x-problem-codes'].join(', ')})`);
  }
  return found;
}

/** A request as a person replays it: method, URL, role and the body with huge parts named. */
export function describeRequest(exchange: Exchange, known: KnownValues): string {
  const { operation, request } = exchange;
  const url = urlOf(operation, request, known, true);
  const lines = [`${operation.method} ${url.length > 300 ? `${url.slice(0, 300)}…(${url.length} chars)` : url}`, `  as ${request.caller}`];
  if (request.body !== undefined) {
    const body = toJson(request.body, known, true);
    lines.push(`  body: ${body.length > 600 ? `${body.slice(0, 600)}…` : body}`);
  }
  const answer = JSON.stringify(exchange.body) ?? '';
  lines.push(`  answer: ${exchange.status} ${answer.length > 400 ? `${answer.slice(0, 400)}…` : answer}`);
  return lines.join('\n');
}

/** Grows the pools of known values from what successful answers show (ids, cursors). */
export function harvest(value: unknown, add: (kind: KnownKind, text: string) => void, key = ''): void {
  if (typeof value === 'string') {
    if (/cursor/i.test(key)) add('cursor', value);
    else if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) add('id', value);
  } else if (Array.isArray(value)) {
    for (const item of value) harvest(item, add, key);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) harvest(v, add, k);
  }
}
