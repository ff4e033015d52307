import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE } from './problem.js';
import { toProblem } from './to-problem.js';

/** Every error a handler throws leaves as application/problem+json; stacks stay in the log. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const response = http.getResponse<FastifyReply>();
    const result = toProblem(exception, { url: request.url.split('?')[0], requestId: String(request.id) });
    if (result.unexpected) {
      request.log.error({ err: exception }, 'unexpected error');
    } else if (result.status === 503) {
      request.log.warn({ err: { message: (exception as Error)?.message } }, 'database unavailable');
    }
    if (response.sent) return;
    void response.status(result.status).headers(result.headers).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(result.problem));
  }
}
