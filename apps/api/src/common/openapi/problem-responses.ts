import type { OpenAPIObject } from '@nestjs/swagger';
import { ERROR_CODES, type ErrorCode } from '@butie/contracts';
import { errorInfo } from '../errors/error-table.js';
import { openApiPath, type RouteInfo } from './route-catalogue.js';

type Operation = { parameters?: { in: string }[]; requestBody?: unknown; responses: Record<string, unknown> };

const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'RFC 9457 problem details. 客户端按 code 判断，detail 为给用户看的中文说明。',
  required: ['type', 'title', 'status', 'code', 'detail'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string', enum: [...ERROR_CODES] },
    detail: { type: 'string', description: '中文说明：违反了哪条规则、涉及哪些数据' },
    instance: { type: 'string' },
    requestId: { type: 'string', description: '与响应头 x-request-id 相同，报告问题时请提供' },
    errors: {
      type: 'array',
      description: '表单字段错误',
      items: { type: 'object', required: ['field', 'message'], properties: { field: { type: 'string' }, message: { type: 'string' } } },
    },
  },
  additionalProperties: true,
};

const RETRY_AFTER = { 'Retry-After': { description: '多少秒后可重试', schema: { type: 'integer' } } };

/**
 * What every route can answer: bad text or bad percent-encoding in the query (the edge checks), a URL
 * past 16 KB, our faults, an outage.
 */
const EVERY_ROUTE: ErrorCode[] = ['VALIDATION_FAILED', 'MALFORMED_REQUEST', 'HEADERS_TOO_LARGE', 'INTERNAL', 'DATABASE_UNAVAILABLE'];
/** A route behind the sign-in: the token and session checks, then the permission guard. */
const SIGNED_IN: ErrorCode[] = ['AUTH_REQUIRED', 'TOKEN_INVALID', 'TOKEN_EXPIRED', 'SESSION_ENDED', 'SESSION_IDLE', 'FORBIDDEN'];
/** A method that carries a body: Fastify's parsing and our size and shape limits. */
const WITH_BODY: ErrorCode[] = ['MALFORMED_REQUEST', 'REQUEST_TOO_COMPLEX', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'];
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The refusals a route can give: those its shape implies, and those it declared with @ApiProblems. */
export function problemsOf(route: RouteInfo): ErrorCode[] {
  const codes = new Set<ErrorCode>([...EVERY_ROUTE, ...route.problems]);
  if (!route.isPublic) {
    for (const code of SIGNED_IN) codes.add(code);
    if (!route.allowedWhilePasswordChangeRequired) codes.add('PASSWORD_CHANGE_REQUIRED');
  }
  // The link's token, then the live session it stands for.
  if (route.isSignedLink) for (const code of ['LINK_INVALID', 'SESSION_ENDED', 'SESSION_IDLE'] as const) codes.add(code);
  if (BODY_METHODS.has(route.method)) for (const code of WITH_BODY) codes.add(code);
  // An id in the path that names nothing this user may see, or is not even a URL-encoded string.
  if (route.path.includes('/:')) for (const code of ['NOT_FOUND', 'URI_TOO_LONG', 'MALFORMED_REQUEST'] as const) codes.add(code);
  return ERROR_CODES.filter((code) => codes.has(code));
}

/**
 * Adds each operation's problem responses to the OpenAPI document, from the same status table the
 * code answers with: per status, the codes it can carry (`x-problem-codes`) and what they mean.
 */
export function documentProblems(document: OpenAPIObject, routes: RouteInfo[]): void {
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas.Problem = PROBLEM_SCHEMA;
  for (const route of routes) {
    const operation = document.paths[openApiPath(route.path)]?.[route.method.toLowerCase() as 'get'] as Operation | undefined;
    if (!operation) continue;
    const byStatus = new Map<number, ErrorCode[]>();
    for (const code of problemsOf(route)) {
      const { status } = errorInfo(code);
      byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
    }
    for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
      operation.responses[String(status)] = {
        description: codes.map((code) => `\`${code}\` ${errorInfo(code).title}`).join('; '),
        ...(status === 429 || status === 503 || codes.includes('ACCOUNT_LOCKED') ? { headers: RETRY_AFTER } : {}),
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        'x-problem-codes': codes,
      };
    }
  }
}
