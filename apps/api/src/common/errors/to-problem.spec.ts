import { BadRequestException, ForbiddenException, HttpException, InternalServerErrorException, NotFoundException, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { AppError } from './app-error.js';
import { toProblem } from './to-problem.js';

const context = { url: '/api/v1/things?x=1', requestId: 'req-123' };

describe('toProblem: AppError', () => {
  it('keeps the status, code, detail, field list and extensions of an AppError', () => {
    const error = new AppError('ACCOUNT_LOCKED', '账号已锁定', {
      fields: [{ field: 'username', message: '账号已锁定' }],
      extensions: { lockedUntil: '2026-03-02T10:15:00.000Z' },
    });
    const reply = toProblem(error, context);
    expect(reply.status).toBe(423);
    expect(reply.unexpected).toBe(false);
    expect(reply.headers).toEqual({});
    expect(reply.problem).toEqual({
      type: 'https://butietong.example.gov.cn/problems/account-locked',
      title: 'Account locked',
      status: 423,
      code: 'ACCOUNT_LOCKED',
      detail: '账号已锁定',
      instance: '/api/v1/things?x=1',
      requestId: 'req-123',
      errors: [{ field: 'username', message: '账号已锁定' }],
      lockedUntil: '2026-03-02T10:15:00.000Z',
    });
  });

  it('does not let extensions overwrite the standard members of the problem', () => {
    const reply = toProblem(new AppError('NOT_FOUND', '申报不存在', { extensions: { status: 200, code: 'OK' } }), context);
    expect(reply.problem).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('leaves out an empty field list', () => {
    expect(toProblem(new AppError('FORBIDDEN', '无权', { fields: [] }), context).problem).not.toHaveProperty('errors');
  });

  it('sends Retry-After in whole seconds, rounded up and at least 1', () => {
    expect(toProblem(new AppError('SMS_SEND_TOO_SOON', '过于频繁', { retryAfter: 42.2 }), context).headers).toEqual({ 'retry-after': '43' });
    expect(toProblem(new AppError('RATE_LIMITED', '过于频繁', { retryAfter: 0 }), context).headers).toEqual({ 'retry-after': '1' });
  });
});

describe('toProblem: database outages become 503 DATABASE_UNAVAILABLE with Retry-After', () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  const adminShutdown = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });

  it.each<[string, unknown]>([
    ['a refused connection (ECONNREFUSED)', refused],
    ['an administrator shutdown (SQLSTATE 57P01)', adminShutdown],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    ['a TypeORM QueryFailedError wrapping a driver outage', new QueryFailedError('SELECT 1', [], adminShutdown)],
    ['a QueryFailedError-like object with driverError', { name: 'QueryFailedError', message: 'query failed', driverError: refused }],
    ['an outage given as the cause of another error', new Error('could not load', { cause: refused })],
  ])('%s', (_what, error) => {
    const reply = toProblem(error, context);
    expect(reply.status).toBe(503);
    expect(reply.problem).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE', detail: '数据库暂时无法访问，请稍后重试' });
    expect(reply.headers['retry-after']).toMatch(/^[1-9]\d*$/);
    expect(reply.unexpected).toBe(false);
  });

  it('does not take a refused write (a unique violation) for an outage', () => {
    const reply = toProblem(new QueryFailedError('INSERT', [], Object.assign(new Error('duplicate key'), { code: '23505' })), context);
    expect(reply.status).not.toBe(503);
  });
});

describe('toProblem: a constraint of the database never reaches a client as 500', () => {
  const driverError = (code: string, constraint?: string) => Object.assign(new Error('refused'), { code, constraint });

  it.each<[string, string, number, string]>([
    ['a unique violation', '23505', 409, 'CONFLICT'],
    ['a foreign key violation', '23503', 409, 'CONFLICT'],
    ['a not-null violation', '23502', 400, 'VALIDATION_FAILED'],
    ['a check violation', '23514', 400, 'VALIDATION_FAILED'],
    ['a value too long', '22001', 400, 'VALIDATION_FAILED'],
    ['a NUL byte in text', '22021', 400, 'VALIDATION_FAILED'],
    ['a value of the wrong syntax', '22P02', 400, 'VALIDATION_FAILED'],
  ])('answers %s (SQLSTATE %s) with %i %s and flags it for the log', (_what, sqlState, status, code) => {
    const reply = toProblem(new QueryFailedError('UPDATE users SET status = $1', [null], driverError(sqlState, 'users_status_check')), context);
    expect(reply.status).toBe(status);
    expect(reply.problem).toMatchObject({ status, code });
    expect(reply.unexpected).toBe(false);
    expect(reply.refusedByDatabase).toEqual({ sqlState, constraint: 'users_status_check' });
    expect(JSON.stringify(reply.problem)).not.toContain('users_status_check');
  });
});

describe('toProblem: malformed requests and framework errors', () => {
  it('answers a JSON syntax error with 400 MALFORMED_REQUEST', () => {
    let parseError: unknown;
    try {
      JSON.parse('{"a":');
    } catch (error) {
      parseError = error;
    }
    const reply = toProblem(parseError, context);
    expect(reply.status).toBe(400);
    expect(reply.problem).toMatchObject({ code: 'MALFORMED_REQUEST', status: 400 });
    expect(reply.unexpected).toBe(false);
  });

  it.each<[string, string, number, string]>([
    ['FST_ERR_CTP_BODY_TOO_LARGE', 'a body over the size limit', 413, 'PAYLOAD_TOO_LARGE'],
    ['FST_ERR_CTP_INVALID_MEDIA_TYPE', 'an unsupported content type', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['FST_ERR_CTP_EMPTY_JSON_BODY', 'an empty JSON body', 400, 'MALFORMED_REQUEST'],
    ['FST_ERR_CTP_INVALID_JSON_BODY', 'an invalid JSON body', 400, 'MALFORMED_REQUEST'],
  ])('maps Fastify’s %s (%s) to %i %s', (fastifyCode, _what, status, code) => {
    const reply = toProblem(Object.assign(new Error('fastify'), { code: fastifyCode }), context);
    expect(reply.status).toBe(status);
    expect(reply.problem).toMatchObject({ status, code });
  });

  it.each<[string, number, string, HttpException]>([
    ['404', 404, 'NOT_FOUND', new NotFoundException('Cannot GET /api/v1/nope')],
    ['413', 413, 'PAYLOAD_TOO_LARGE', new PayloadTooLargeException()],
    ['415', 415, 'UNSUPPORTED_MEDIA_TYPE', new UnsupportedMediaTypeException()],
    ['403', 403, 'FORBIDDEN', new ForbiddenException()],
    ['of another 4xx', 400, 'MALFORMED_REQUEST', new BadRequestException('bad')],
  ])('maps a Nest HttpException %s to %i %s', (_what, status, code, error) => {
    const reply = toProblem(error, context);
    expect(reply.status).toBe(status);
    expect(reply.problem).toMatchObject({ status, code, instance: context.url, requestId: context.requestId });
    expect(reply.unexpected).toBe(false);
  });

  it('maps a Nest 5xx HttpException to 500 INTERNAL and flags it as unexpected', () => {
    const reply = toProblem(new InternalServerErrorException('boom'), context);
    expect(reply.status).toBe(500);
    expect(reply.problem.code).toBe('INTERNAL');
    expect(reply.unexpected).toBe(true);
  });
});

describe('toProblem: unknown errors', () => {
  it('answers 500 INTERNAL without the error’s message or stack in the body', () => {
    const error = new Error('password for user "butie" is secret-value-xyz');
    const reply = toProblem(error, context);
    expect(reply.status).toBe(500);
    expect(reply.unexpected).toBe(true);
    expect(reply.problem).toMatchObject({ status: 500, code: 'INTERNAL', requestId: 'req-123' });
    const body = JSON.stringify(reply.problem);
    expect(body).not.toContain('secret-value-xyz');
    expect(body).not.toContain('to-problem.spec');
    expect(body).not.toMatch(/\bat .+:\d+:\d+/);
    expect(reply.problem).not.toHaveProperty('stack');
  });

  it('answers a thrown non-Error value with 500 INTERNAL too', () => {
    const reply = toProblem('just a string', {});
    expect(reply.status).toBe(500);
    expect(reply.problem.code).toBe('INTERNAL');
    expect(reply.problem).not.toHaveProperty('instance');
  });
});
