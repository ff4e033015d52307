import { ERROR_CODES } from '@butie/contracts';
import { ERROR_TABLES } from './error-catalogue.js';
import { declaredErrorCodes, errorInfo } from './common/errors/error-table.js';

describe('error catalogue', () => {
  it('gives every code of the contracts exactly one owning module', () => {
    const owned = ERROR_TABLES.flatMap((table) => Object.keys(table));
    expect([...owned].sort()).toEqual([...ERROR_CODES].sort());
    expect(new Set(owned).size).toBe(owned.length);
  });

  it('registers every code with an HTTP error status', () => {
    expect([...declaredErrorCodes()].sort()).toEqual([...ERROR_CODES].sort());
    for (const code of ERROR_CODES) expect(errorInfo(code).status).toBeGreaterThanOrEqual(400);
  });
});
