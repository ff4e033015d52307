import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE } from './problem.js';
import { toProblem } from './to-problem.js';

export function sendProblem(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const result = toProblem(error, { url: request.url.split('?')[0], requestId: String(request.id) });
  if (result.unexpected) {
    request.log.error({ err: error }, 'unexpected error');
  } else if (result.status === 503) {
    request.log.warn({ err: { message: (error as Error)?.message } }, 'database unavailable');
  }
  if (reply.sent) return;
  void reply.status(result.status).headers(result.headers).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(result.problem));
}
