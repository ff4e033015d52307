import { HttpException } from '@nestjs/common';
import type { ErrorCode, Problem } from '@butie/contracts';
import { isDatabaseUnavailable } from '../../database/database-errors.js';
import { AppError, ERROR_STATUS } from './app-error.js';
import { problemDocument } from './problem.js';

export interface ProblemReply {
  status: number;
  problem: Problem;
  headers: Record<string, string>;
  /** True for faults of ours (5xx other than a database outage): log the stack. */
  unexpected: boolean;
}

const DETAILS: Partial<Record<ErrorCode, string>> = {
  MALFORMED_REQUEST: '请求内容不是合法的 JSON，或含有不允许的键（如 __proto__、constructor）',
  PAYLOAD_TOO_LARGE: '请求内容超过 1 MB 上限',
  UNSUPPORTED_MEDIA_TYPE: '请求内容类型不受支持，请使用 application/json',
  NOT_FOUND: '请求的资源不存在',
  DATABASE_UNAVAILABLE: '数据库暂时无法访问，请稍后重试',
  INTERNAL: '服务器内部错误，请稍后重试；如持续出现请联系管理员并提供请求编号',
  RATE_LIMITED: '请求过于频繁，请稍后再试',
};

/** Fastify's own error codes (body parsing, content type, size) mapped to ours. */
function fastifyCode(error: { code?: unknown; statusCode?: unknown }): ErrorCode | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'PAYLOAD_TOO_LARGE';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'UNSUPPORTED_MEDIA_TYPE' : 'MALFORMED_REQUEST';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'MALFORMED_REQUEST';
    default:
      return null;
  }
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

  const candidate = error as { code?: unknown; statusCode?: unknown; name?: unknown };
  const mapped = fastifyCode(candidate);
  if (mapped) {
    return { status: ERROR_STATUS[mapped].status, problem: problemDocument(mapped, DETAILS[mapped]!, base), headers: {}, unexpected: false };
  }
  // JSON.parse failures and prototype-poisoning refusals of Fastify's parser are SyntaxErrors with a 400.
  if (candidate.statusCode === 400 || error instanceof SyntaxError) {
    return { status: 400, problem: problemDocument('MALFORMED_REQUEST', DETAILS.MALFORMED_REQUEST!, base), headers: {}, unexpected: false };
  }

  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code: ErrorCode =
      status === 404 ? 'NOT_FOUND' : status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 415 ? 'UNSUPPORTED_MEDIA_TYPE'
        : status === 429 ? 'RATE_LIMITED' : status === 403 ? 'FORBIDDEN' : status === 401 ? 'AUTH_REQUIRED'
        : status < 500 ? 'MALFORMED_REQUEST' : 'INTERNAL';
    const detail = code === 'FORBIDDEN' ? '当前账号无权执行此操作' : code === 'AUTH_REQUIRED' ? '请先登录' : DETAILS[code] ?? DETAILS.MALFORMED_REQUEST!;
    return { status: ERROR_STATUS[code].status, problem: problemDocument(code, detail, base), headers: {}, unexpected: status >= 500 };
  }

  return { status: 500, problem: problemDocument('INTERNAL', DETAILS.INTERNAL!, base), headers: {}, unexpected: true };
}
