import fc from 'fast-check';
import { AppError } from '../errors/app-error.js';
import { afterCondition, decodeCursor, encodeCursor, orderByOf, toPage, type KeysetOrder } from './keyset.js';

const BY_SUBMISSION: KeysetOrder = { sort: 'u.submitted_at', sortKind: 'timestamp', id: 'u.id', idKind: 'uuid', direction: 'DESC' };
const BY_ID: KeysetOrder = { sort: 'l.id', sortKind: 'bigint', id: 'l.id', idKind: 'bigint', direction: 'DESC' };
const BY_NAME: KeysetOrder = { sort: 'u.name', sortKind: 'text', id: 'u.id', idKind: 'uuid', direction: 'ASC' };

function refused(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('keyset cursor', () => {
  it('round-trips a position of every key kind', () => {
    const position = { sort: '2026-11-27T08:30:00.123456Z', id: '0b1f9c0e-5d1a-4b7e-9a44-1f0a2c3d4e5f' };
    expect(decodeCursor(BY_SUBMISSION, encodeCursor(position))).toEqual(position);
    expect(decodeCursor(BY_ID, encodeCursor({ sort: '42', id: '42' }))).toEqual({ sort: '42', id: '42' });
    expect(decodeCursor(BY_NAME, encodeCursor({ sort: '云州市示范科技有限公司', id: position.id }))).toEqual({ sort: '云州市示范科技有限公司', id: position.id });
  });

  it('starts at the first page without a cursor', () => {
    expect(decodeCursor(BY_SUBMISSION, undefined)).toBeNull();
    expect(decodeCursor(BY_SUBMISSION, '')).toBeNull();
  });

  it('refuses a tampered cursor with 400 naming the field, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        let result: unknown;
        try {
          result = decodeCursor(BY_SUBMISSION, text);
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).status).toBe(400);
          expect((error as AppError).options.fields).toEqual([{ field: 'cursor', message: '分页位置无效' }]);
          return;
        }
        // Only the empty string, or bytes that happen to decode to a valid position, get through.
        expect(result === null || typeof result === 'object').toBe(true);
      }),
    );
  });

  it('refuses positions of the wrong kind: a bigint past 2^63, a non-uuid id, a date that is no timestamp, JSON of another shape', () => {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    expect(refused(() => decodeCursor(BY_ID, encode(['9223372036854775808', '9223372036854775808']))).status).toBe(400);
    expect(refused(() => decodeCursor(BY_SUBMISSION, encode(['2026-11-27T08:30:00Z', "1' OR '1'='1"]))).status).toBe(400);
    expect(refused(() => decodeCursor(BY_SUBMISSION, encode(['yesterday', '0b1f9c0e-5d1a-4b7e-9a44-1f0a2c3d4e5f']))).status).toBe(400);
    expect(refused(() => decodeCursor(BY_SUBMISSION, encode({ sort: 1, id: 2 }))).status).toBe(400);
    expect(refused(() => decodeCursor(BY_NAME, encode(['a\u0000b', '0b1f9c0e-5d1a-4b7e-9a44-1f0a2c3d4e5f']))).status).toBe(400);
  });

  it('compares the row value (sort key, id) in the direction of the order, with typed parameters', () => {
    expect(afterCondition(BY_SUBMISSION, { sort: 's', id: 'i' })).toEqual({
      sql: '(u.submitted_at, u.id) < (:keysetSort::timestamptz, :keysetId::uuid)',
      params: { keysetSort: 's', keysetId: 'i' },
    });
    expect(afterCondition(BY_NAME, { sort: 'n', id: 'i' }).sql).toBe('(u.name, u.id) > (:keysetSort, :keysetId::uuid)');
    expect(afterCondition(BY_ID, { sort: '7', id: '7' })).toEqual({ sql: 'l.id < :keysetId::bigint', params: { keysetId: '7' } });
    expect(orderByOf(BY_SUBMISSION)).toEqual([['u.submitted_at', 'DESC'], ['u.id', 'DESC']]);
    expect(orderByOf(BY_ID)).toEqual([['l.id', 'DESC']]);
  });

  it('cuts limit + 1 rows into a page whose cursor is the last row shown, and none on the last page', () => {
    const rows = [1, 2, 3].map((n) => ({ keyset_sort: String(n), keyset_id: String(n) }));
    const page = toPage(rows, 2, (row) => ({ sort: row.keyset_sort, id: row.keyset_id }), (row) => Number(row.keyset_id));
    expect(page.items).toEqual([1, 2]);
    expect(decodeCursor(BY_ID, page.nextCursor!)).toEqual({ sort: '2', id: '2' });
    expect(toPage(rows.slice(0, 2), 2, (row) => ({ sort: row.keyset_sort, id: row.keyset_id }), (row) => row).nextCursor).toBeNull();
  });
});
