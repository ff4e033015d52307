import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors/app-error.js';
import { JSON_LIMITS, jsonShapeProblem } from './json-shape.js';
import { unacceptableTextFields } from './text-rules.js';

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
    parse(request, body as string, done);
  });
}

/**
 * Every string of every request (body, query, path; keys as well as values) is checked once here,
 * for every route, present and future: text PostgreSQL cannot store or a form has no place for is
 * a 400 naming the fields, never a 500 from the database.
 */
export function refuseUnacceptableText(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', async (request) => {
    const fields = [
      ...unacceptableTextFields(request.params),
      ...unacceptableTextFields(request.query),
      ...unacceptableTextFields(request.body),
    ];
    if (fields.length === 0) return;
    const errors = fields.map((field) => ({ field, message: `${field} 含有不允许的字符（控制字符或无效的 Unicode）` }));
    throw new AppError('VALIDATION_FAILED', errors.map((e) => e.message).join('；'), { fields: errors });
  });
}
