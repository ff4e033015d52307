import { Writable } from 'node:stream';
import { QueryFailedError } from 'typeorm';
import { createRootLogger } from './logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createRootLogger('info', stream), lines };
}

describe('the root logger keeps people’s data out of the log (finding 8)', () => {
  it('writes a failed query without its parameters or the driver’s detail, in request loggers too', () => {
    const { logger, lines } = capture();
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint "users_phone_key"'), {
      code: '23505',
      constraint: 'users_phone_key',
      detail: 'Key (phone)=(13812345678) already exists.',
    });
    const error = new QueryFailedError('UPDATE users SET phone = $2, full_name = $3 WHERE id = $1', ['u-1', '13812345678', '王小明'], driverError);
    logger.child({ reqId: 'r-1' }).error({ err: error }, 'unexpected error');
    const written = lines.join('');
    expect(written).toContain('users_phone_key');
    expect(written).toContain('UPDATE users SET phone = $2');
    expect(written).not.toContain('13812345678');
    expect(written).not.toContain('王小明');
  });

  it('redacts passwords and tokens wherever a body is logged', () => {
    const { logger, lines } = capture();
    logger.info({ body: { password: 'Secret#2026', refreshToken: 'rt-secret' } }, 'request body');
    expect(lines.join('')).not.toMatch(/Secret#2026|rt-secret/);
  });
});
