import type { ArgumentsHost } from '@nestjs/common';
import { ProblemFilter } from './problem.filter.js';

/** A request logger that keeps what it was given. */
function recordingLog() {
  const written = { warn: [] as unknown[][], error: [] as unknown[][] };
  return { written, log: { warn: (...args: unknown[]) => written.warn.push(args), error: (...args: unknown[]) => written.error.push(args) } };
}

function host(log: object): ArgumentsHost {
  const reply = { sent: false, status: () => reply, headers: () => reply, type: () => reply, send: () => reply };
  const request = { url: '/api/v1/me', id: 'req-1', log };
  return { switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }) } as unknown as ArgumentsHost;
}

describe('ProblemFilter logging', () => {
  it('writes one warning for a burst of requests failing on a database outage, not one each (finding 8)', () => {
    const filter = new ProblemFilter();
    const { written, log } = recordingLog();
    const outage = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    for (let i = 0; i < 1000; i++) filter.catch(outage, host(log));
    expect(written.warn).toHaveLength(1);
    expect(written.error).toHaveLength(0);
  });

  it('warns about a refusal by a database constraint (a missing check) with the constraint, not the values', () => {
    const filter = new ProblemFilter();
    const { written, log } = recordingLog();
    const refused = Object.assign(new Error('null value in column "status"'), { code: '23502', constraint: 'users_status_check' });
    filter.catch(refused, host(log));
    expect(written.warn).toEqual([[expect.objectContaining({ sqlState: '23502', constraint: 'users_status_check' }), expect.any(String)]]);
  });
});
