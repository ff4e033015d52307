import type { Role } from '@butie/contracts';
import type { AuthUser } from '../auth/auth-user.js';
import { notFound } from '../errors/app-error.js';

/**
 * Which records a signed-in user may see (domain §1 "sees"): the one way every module narrows its
 * queries and checks the records it acts on. Menus never decide this; the service layer does.
 */
export type DataScope =
  | { level: 'CITY' }
  | { level: 'COUNTY'; countyId: string }
  | { level: 'UNIT'; unitId: string }
  | { level: 'SELF'; userId: string }
  | { level: 'NONE' };

const LEVEL_OF_ROLE: Record<Role, DataScope['level']> = {
  APPLICANT: 'SELF',
  UNIT: 'UNIT',
  COUNTY_HRSS: 'COUNTY',
  COUNTY_ORG: 'COUNTY',
  COUNTY_FINANCE: 'COUNTY',
  CITY_HRSS: 'CITY',
  CITY_ORG: 'CITY',
  CITY_FINANCE: 'CITY',
  ADMIN: 'CITY',
  // The auditor reads logs, which are outside every business scope.
  AUDITOR: 'NONE',
};

export function dataScopeOf(user: Pick<AuthUser, 'id' | 'role' | 'regionId' | 'unitId'>): DataScope {
  switch (LEVEL_OF_ROLE[user.role]) {
    case 'CITY':
      return { level: 'CITY' };
    case 'COUNTY':
      return user.regionId ? { level: 'COUNTY', countyId: user.regionId } : { level: 'NONE' };
    case 'UNIT':
      return user.unitId ? { level: 'UNIT', unitId: user.unitId } : { level: 'NONE' };
    case 'SELF':
      return { level: 'SELF', userId: user.id };
    default:
      return { level: 'NONE' };
  }
}

/**
 * How a table's rows relate to the scope levels: the SQL expressions holding the row's county, unit
 * and owning user. A level the table cannot answer for sees nothing.
 */
export interface ScopeColumns {
  county?: string;
  unit?: string;
  owner?: string;
}

export interface ScopeCondition {
  sql: string;
  params: Record<string, string>;
}

export function scopeCondition(scope: DataScope, columns: ScopeColumns): ScopeCondition {
  switch (scope.level) {
    case 'CITY':
      return { sql: 'TRUE', params: {} };
    case 'COUNTY':
      return columns.county ? { sql: `${columns.county} = :scopeCountyId`, params: { scopeCountyId: scope.countyId } } : deny();
    case 'UNIT':
      return columns.unit ? { sql: `${columns.unit} = :scopeUnitId`, params: { scopeUnitId: scope.unitId } } : deny();
    case 'SELF':
      return columns.owner ? { sql: `${columns.owner} = :scopeUserId`, params: { scopeUserId: scope.userId } } : deny();
    default:
      return deny();
  }
}

function deny(): ScopeCondition {
  return { sql: 'FALSE', params: {} };
}

/** Narrows a TypeORM query builder to the user's scope. */
export function restrictToScope<Q extends { andWhere(sql: string, params?: object): Q }>(qb: Q, scope: DataScope, columns: ScopeColumns): Q {
  const condition = scopeCondition(scope, columns);
  return qb.andWhere(condition.sql, condition.params);
}

/** Where one loaded record sits, for checking it against a scope. */
export interface RecordPlace {
  countyId?: string | null;
  unitId?: string | null;
  ownerId?: string | null;
}

export function isInScope(scope: DataScope, place: RecordPlace): boolean {
  switch (scope.level) {
    case 'CITY':
      return true;
    case 'COUNTY':
      return place.countyId != null && place.countyId === scope.countyId;
    case 'UNIT':
      return place.unitId != null && place.unitId === scope.unitId;
    case 'SELF':
      return place.ownerId != null && place.ownerId === scope.userId;
    default:
      return false;
  }
}

/**
 * Refuses with 404 — the same answer as for a record that does not exist — so that ids outside
 * the user's scope cannot be probed.
 */
export function assertInScope(scope: DataScope, place: RecordPlace | null, what: string): void {
  if (!place || !isInScope(scope, place)) throw notFound(what);
}
