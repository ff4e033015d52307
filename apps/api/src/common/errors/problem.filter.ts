import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LogSampler } from '../logging/log-sampler.js';
import { PROBLEM_CONTENT_TYPE } from './problem.js';
import { toProblem } from './to-problem.js';

/** Every error a handler throws leaves as application/problem+json; stacks stay in the log. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly outages = new LogSampler(10_000);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const response = http.getResponse<FastifyReply>();
    const result = toProblem(exception, { url: request.url.split('?')[0], requestId: String(request.id) });
    if (result.unexpected) {
      request.log.error({ err: exception }, 'unexpected error');
    } else if (result.refusedByDatabase) {
      request.log.warn({ ...result.refusedByDatabase, url: request.url.split('?')[0] }, 'refused by a database constraint: a check is missing');
    } else if (result.status === 503) {
      const sample = this.outages.take('database-unavailable');
      if (sample) request.log.warn({ err: exception, suppressedSinceLast: sample.suppressed }, 'database unavailable');
    }
    if (response.sent) return;
    void response.status(result.status).headers(result.headers).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(result.problem));
  }
}
