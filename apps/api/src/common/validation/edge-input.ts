import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors/app-error.js';
import { JSON_LIMITS, jsonShapeProblem } from './json-shape.js';
import { refusedInputFields } from './input-rules.js';
import { validationFailed } from './validation.js';

/**
 * JSON bodies are measured before they are parsed: too deep or too big is a 400 in a few
 * milliseconds, before JSON.parse and class-transformer spend seconds on it. Fastify's own parser
 * (with its __proto__ / constructor refusals) does the parsing.
 */
export function useBoundedJsonParser(fastify: FastifyInstance): void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const problem = jsonShapeProblem(body as string, JSON_LIMITS);
    if (problem) {
      done(new AppError('REQUEST_TOO_COMPLEX', `${problem}，请检查请求内容`), undefined);
      return;
    }
    // Called with `done`, the default parser answers through it; Fastify types it as maybe a promise.
    void parse(request, body as string, done);
  });
}

/**
 * Every request (body, query, path; keys as well as values) is checked once here, for every route,
 * present and future: text PostgreSQL cannot store or a form has no place for, and prototype keys,
 * are a 400 naming the fields, never a 500 from the database or a silently dropped field.
 */
export function refuseUnacceptableInput(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', async (request) => {
    // Fastify's query parser replaces what it cannot decode; a malformed query is refused instead.
    if (!isWellEncodedQuery(request.raw.url ?? '')) {
      throw new AppError('MALFORMED_REQUEST', '请求地址中的查询参数不是合法的 URL 编码（UTF-8）');
    }
    const fields = [...refusedInputFields(request.params), ...refusedInputFields(request.query), ...refusedInputFields(request.body)];
    if (fields.length > 0) throw validationFailed(fields);
  });
}

/** Whether every name and value of the URL's query decodes as UTF-8 percent-encoding. */
export function isWellEncodedQuery(url: string): boolean {
  const start = url.indexOf('?');
  if (start < 0) return true;
  for (const part of url.slice(start + 1).split(/[&=]/)) {
    try {
      decodeURIComponent(part.replaceAll('+', ' '));
    } catch {
      return false;
    }
  }
  return true;
}
