import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ErrorCode } from '@butie/contracts';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { errorInfo } from '../errors/error-table.js';
import { PROBLEM_CONTENT_TYPE, problemDocument } from '../errors/problem.js';

/**
 * Refusals that happen before a route is found (Fastify's router) or before a request is even
 * parsed (Node's HTTP parser) never reach Nest's exception filter: answered here, in the same
 * problem+json as every other refusal, instead of Fastify's and Node's own JSON.
 */
const ROUTER_ERRORS: Record<string, { code: ErrorCode; detail: string }> = {
  FST_ERR_MAX_PARAM_LENGTH: { code: 'URI_TOO_LONG', detail: '请求地址中的参数过长' },
  FST_ERR_BAD_URL: { code: 'MALFORMED_REQUEST', detail: '请求地址不是合法的 URL 编码' },
};

export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const { code, detail } = ROUTER_ERRORS[error.code] ?? { code: 'MALFORMED_REQUEST' as const, detail: '请求无法解析' };
  const problem = problemDocument(code, detail, { requestId: String(request.id) });
  void reply
    .status(errorInfo(code).status)
    .header('x-request-id', request.id)
    .header('cache-control', 'no-store')
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify(problem));
}

/** Node could not read the request at all (headers or URL over 16 KB, broken HTTP): answer and close. */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const code: ErrorCode = error.code === 'HPE_HEADER_OVERFLOW' ? 'HEADERS_TOO_LARGE' : 'MALFORMED_REQUEST';
  const detail = code === 'HEADERS_TOO_LARGE' ? '请求地址或请求头过长（上限 16 KB）' : '请求无法解析';
  const body = JSON.stringify(problemDocument(code, detail));
  const status = errorInfo(code).status;
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Cache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
