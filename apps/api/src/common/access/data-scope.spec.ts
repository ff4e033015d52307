import { ROLES, type Role } from '@butie/contracts';
import { AppError } from '../errors/app-error.js';
import { assertInScope, dataScopeOf, isInScope, restrictToScope, scopeCondition, type DataScope, type ScopeColumns } from './data-scope.js';

const USER_ID = '00000000-0000-4000-8000-000000000001';
const COUNTY_ID = '00000000-0000-4000-8000-0000000000c1';
const OTHER_COUNTY_ID = '00000000-0000-4000-8000-0000000000c2';
const UNIT_ID = '00000000-0000-4000-8000-0000000000a1';
const OTHER_UNIT_ID = '00000000-0000-4000-8000-0000000000a2';
const OTHER_USER_ID = '00000000-0000-4000-8000-000000000002';

/** The account each role has in practice: county staff carry a county, a unit account its unit. */
function userOf(role: Role) {
  const county = role.startsWith('COUNTY_');
  return { id: USER_ID, role, regionId: county ? COUNTY_ID : null, unitId: role === 'UNIT' ? UNIT_ID : null };
}

const EXPECTED_SCOPE: Record<Role, DataScope> = {
  APPLICANT: { level: 'SELF', userId: USER_ID },
  UNIT: { level: 'UNIT', unitId: UNIT_ID },
  COUNTY_HRSS: { level: 'COUNTY', countyId: COUNTY_ID },
  COUNTY_ORG: { level: 'COUNTY', countyId: COUNTY_ID },
  COUNTY_FINANCE: { level: 'COUNTY', countyId: COUNTY_ID },
  CITY_HRSS: { level: 'CITY' },
  CITY_ORG: { level: 'CITY' },
  CITY_FINANCE: { level: 'CITY' },
  ADMIN: { level: 'CITY' },
  AUDITOR: { level: 'NONE' },
};

describe('dataScopeOf (domain §1 "sees")', () => {
  it('covers every role of the contracts', () => {
    expect(Object.keys(EXPECTED_SCOPE).sort()).toEqual([...ROLES].sort());
  });

  it.each(ROLES.map((role) => [role, EXPECTED_SCOPE[role]] as const))('gives %s the scope %o', (role, expected) => {
    expect(dataScopeOf(userOf(role))).toEqual(expected);
  });

  it('gives county staff without a county no records rather than the whole city', () => {
    expect(dataScopeOf({ id: USER_ID, role: 'COUNTY_HRSS', regionId: null, unitId: null })).toEqual({ level: 'NONE' });
  });

  it('gives a unit account without a unit no records', () => {
    expect(dataScopeOf({ id: USER_ID, role: 'UNIT', regionId: null, unitId: null })).toEqual({ level: 'NONE' });
  });

  it('ignores a stray unit or region on roles whose scope does not use them', () => {
    expect(dataScopeOf({ id: USER_ID, role: 'APPLICANT', regionId: COUNTY_ID, unitId: UNIT_ID })).toEqual({ level: 'SELF', userId: USER_ID });
    expect(dataScopeOf({ id: USER_ID, role: 'AUDITOR', regionId: COUNTY_ID, unitId: UNIT_ID })).toEqual({ level: 'NONE' });
  });
});

describe('scopeCondition', () => {
  const allColumns: ScopeColumns = { county: 'a.county_id', unit: 'a.unit_id', owner: 'a.user_id' };

  it('lets the city see every row', () => {
    expect(scopeCondition({ level: 'CITY' }, {})).toEqual({ sql: 'TRUE', params: {} });
  });

  it('narrows a county to rows of its county, with the id as a bound parameter', () => {
    expect(scopeCondition({ level: 'COUNTY', countyId: COUNTY_ID }, allColumns)).toEqual({
      sql: 'a.county_id = :scopeCountyId',
      params: { scopeCountyId: COUNTY_ID },
    });
  });

  it('narrows a unit to rows of its unit', () => {
    expect(scopeCondition({ level: 'UNIT', unitId: UNIT_ID }, allColumns)).toEqual({ sql: 'a.unit_id = :scopeUnitId', params: { scopeUnitId: UNIT_ID } });
  });

  it('narrows an applicant to rows they own', () => {
    expect(scopeCondition({ level: 'SELF', userId: USER_ID }, allColumns)).toEqual({ sql: 'a.user_id = :scopeUserId', params: { scopeUserId: USER_ID } });
  });

  it.each<[string, DataScope, ScopeColumns]>([
    ['a county on a table without a county column', { level: 'COUNTY', countyId: COUNTY_ID }, { unit: 'a.unit_id', owner: 'a.user_id' }],
    ['a unit on a table without a unit column', { level: 'UNIT', unitId: UNIT_ID }, { county: 'a.county_id', owner: 'a.user_id' }],
    ['an applicant on a table without an owner column', { level: 'SELF', userId: USER_ID }, { county: 'a.county_id', unit: 'a.unit_id' }],
    ['the NONE scope even on a table with every column', { level: 'NONE' }, allColumns],
  ])('denies (FALSE) %s', (_what, scope, columns) => {
    expect(scopeCondition(scope, columns)).toEqual({ sql: 'FALSE', params: {} });
  });

  it('restrictToScope adds the condition to the query builder', () => {
    const calls: [string, object | undefined][] = [];
    const qb = {
      andWhere(sql: string, params?: object) {
        calls.push([sql, params]);
        return qb;
      },
    };
    expect(restrictToScope(qb, { level: 'UNIT', unitId: UNIT_ID }, allColumns)).toBe(qb);
    expect(calls).toEqual([['a.unit_id = :scopeUnitId', { scopeUnitId: UNIT_ID }]]);
  });
});

describe('isInScope / assertInScope', () => {
  const county: DataScope = { level: 'COUNTY', countyId: COUNTY_ID };
  const unit: DataScope = { level: 'UNIT', unitId: UNIT_ID };
  const self: DataScope = { level: 'SELF', userId: USER_ID };
  const record = { countyId: COUNTY_ID, unitId: UNIT_ID, ownerId: USER_ID };

  it('lets the city reach a record anywhere', () => {
    expect(isInScope({ level: 'CITY' }, { countyId: OTHER_COUNTY_ID })).toBe(true);
  });

  it('lets each level reach a record of its own county, unit or owner', () => {
    expect(isInScope(county, record)).toBe(true);
    expect(isInScope(unit, record)).toBe(true);
    expect(isInScope(self, record)).toBe(true);
  });

  it('keeps a county out of another county’s record', () => {
    expect(isInScope(county, { ...record, countyId: OTHER_COUNTY_ID })).toBe(false);
  });

  it('keeps a unit out of another unit’s record', () => {
    expect(isInScope(unit, { ...record, unitId: OTHER_UNIT_ID })).toBe(false);
  });

  it('keeps an applicant out of another person’s record', () => {
    expect(isInScope(self, { ...record, ownerId: OTHER_USER_ID })).toBe(false);
  });

  it('keeps a scope out of a record that does not say where it sits', () => {
    expect(isInScope(county, { countyId: null })).toBe(false);
    expect(isInScope(unit, {})).toBe(false);
    expect(isInScope(self, { ownerId: null })).toBe(false);
  });

  it('keeps the NONE scope out of everything', () => {
    expect(isInScope({ level: 'NONE' }, record)).toBe(false);
  });

  it('assertInScope passes for a record in scope', () => {
    expect(() => assertInScope(county, record, '申报')).not.toThrow();
  });

  it.each<[string, DataScope, object | null]>([
    ['another county', county, { ...record, countyId: OTHER_COUNTY_ID }],
    ['another unit', unit, { ...record, unitId: OTHER_UNIT_ID }],
    ['another owner', self, { ...record, ownerId: OTHER_USER_ID }],
    ['a missing record', county, null],
  ])('assertInScope answers a record of %s with 404 NOT_FOUND, as if it did not exist', (_what, scope, place) => {
    let thrown: unknown;
    try {
      assertInScope(scope, place, '申报');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({ status: 404, code: 'NOT_FOUND', detail: '申报不存在或无权查看' });
  });
});
