import { QueryFailedError } from 'typeorm';
import { serializeError } from './error-serializer.js';

describe('serializeError', () => {
  const driverError = Object.assign(new Error('duplicate key value violates unique constraint "users_phone_key"'), {
    code: '23505',
    constraint: 'users_phone_key',
    table: 'users',
    detail: 'Key (phone)=(13800000001) already exists.',
    where: 'SQL statement',
  });
  const error = new QueryFailedError('UPDATE users SET phone = $2, full_name = $3 WHERE id = $1', ['u-1', '13800000001', '张三'], driverError);

  it('keeps the SQLSTATE, constraint, table and SQL text', () => {
    const logged = serializeError(error);
    expect(logged).toMatchObject({ type: 'QueryFailedError', query: 'UPDATE users SET phone = $2, full_name = $3 WHERE id = $1' });
    expect(logged.cause).toMatchObject({ code: '23505', constraint: 'users_phone_key', table: 'users' });
  });

  it('never writes the parameters or the driver detail (phone numbers, names)', () => {
    const text = JSON.stringify(serializeError(error));
    expect(text).not.toContain('13800000001');
    expect(text).not.toContain('张三');
    expect(text).not.toContain('Key (phone)');
  });

  it('redacts a value PostgreSQL quotes at the end of its message, in the stack too', () => {
    const syntax = Object.assign(new Error('invalid input syntax for type uuid: "13800000001"'), { code: '22P02' });
    const logged = serializeError(syntax);
    expect(logged.message).toBe('invalid input syntax for type uuid: "[redacted]"');
    expect(JSON.stringify(logged)).not.toContain('13800000001');
  });

  it('copes with thrown non-errors', () => {
    expect(serializeError('a string')).toEqual({ type: 'string', message: '[non-error value]' });
  });
});
