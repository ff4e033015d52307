import { HttpException } from '@nestjs/common';
import type { ErrorCode, Problem } from '@butie/contracts';
import { dataRefusal, isDatabaseUnavailable } from '../../database/database-errors.js';
import { AppError } from './app-error.js';
import { errorInfo } from './error-table.js';
import { problemDocument } from './problem.js';

export interface ProblemReply {
  status: number;
  problem: Problem;
  headers: Record<string, string>;
  /** True for faults of ours (5xx other than a database outage): log the stack. */
  unexpected: boolean;
  /** A constraint of the database refused what a check of ours should have: log it (as a warning). */
  refusedByDatabase?: { sqlState: string; constraint: string | null };
}

const DETAILS: Partial<Record<ErrorCode, string>> = {
  MALFORMED_REQUEST: '请求内容不是合法的 JSON，或含有不允许的键（如 __proto__、constructor）',
  PAYLOAD_TOO_LARGE: '请求内容超过 1 MB 上限',
  UNSUPPORTED_MEDIA_TYPE: '请求内容类型不受支持，请使用 application/json',
  NOT_FOUND: '请求的资源不存在',
  AUTH_REQUIRED: '请先登录',
  FORBIDDEN: '当前账号无权执行此操作',
  DATABASE_UNAVAILABLE: '数据库暂时无法访问，请稍后重试',
  INTERNAL: '服务器内部错误，请稍后重试；如持续出现请联系管理员并提供请求编号',
  RATE_LIMITED: '请求过于频繁，请稍后再试',
  CONFLICT: '提交的数据与已有记录冲突（可能已被他人修改或已存在），请刷新后重试',
  VALIDATION_FAILED: '提交的数据不符合要求，请检查后重试',
};

/** Fastify's own error codes (body parsing, content type, size) mapped to ours. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_REQUEST',
};

/** Nest's HttpExceptions (unknown routes, its own pipes) by status; other 4xx are malformed requests. */
const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  401: 'AUTH_REQUIRED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

function reply(code: ErrorCode, base: { instance?: string; requestId?: string }, unexpected = false): ProblemReply {
  return { status: errorInfo(code).status, problem: problemDocument(code, DETAILS[code]!, base), headers: {}, unexpected };
}

export function toProblem(error: unknown, context: { url?: string; requestId?: string }): ProblemReply {
  const base = { instance: context.url, requestId: context.requestId };

  if (error instanceof AppError) {
    const headers: Record<string, string> = {};
    if (error.options.retryAfter !== undefined) headers['retry-after'] = String(Math.max(1, Math.ceil(error.options.retryAfter)));
    return {
      status: error.status,
      problem: problemDocument(error.code, error.detail, { ...base, errors: error.options.fields, extensions: error.options.extensions }),
      headers,
      unexpected: false,
    };
  }

  if (isDatabaseUnavailable(error)) {
    return {
      status: 503,
      problem: problemDocument('DATABASE_UNAVAILABLE', DETAILS.DATABASE_UNAVAILABLE!, base),
      headers: { 'retry-after': '5' },
      unexpected: false,
    };
  }

  const refusal = dataRefusal(error);
  if (refusal) {
    return { ...reply(refusal.kind, base), refusedByDatabase: { sqlState: refusal.sqlState, constraint: refusal.constraint } };
  }

  const candidate = error as { code?: unknown; statusCode?: unknown };
  const fastifyCode = typeof candidate.code === 'string' && Object.hasOwn(FASTIFY_CODES, candidate.code) ? FASTIFY_CODES[candidate.code] : undefined;
  if (fastifyCode) return reply(fastifyCode, base);
  // JSON.parse failures and prototype-poisoning refusals of Fastify's parser are SyntaxErrors with a 400.
  if (candidate.statusCode === 400 || error instanceof SyntaxError) return reply('MALFORMED_REQUEST', base);

  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (status >= 500) return reply('INTERNAL', base, true);
    return reply(Object.hasOwn(HTTP_STATUS_CODES, status) ? HTTP_STATUS_CODES[status] : 'MALFORMED_REQUEST', base);
  }

  return reply('INTERNAL', base, true);
}
