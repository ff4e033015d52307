import type { Role } from './roles.js';

/**
 * The permission catalogue: one list used by the API guard and by the SPA's route table alike.
 * A handler names the permission it needs; a role grants a set of them. Data scope (which
 * records) is a separate, per-record question answered in the service layer.
 */
export const PERMISSIONS = [
  'account.self', // own profile, password, sign-out
  'dashboard.view',
  'region.read',
  'region.manage',
  'unit.read',
  'staff.manage',
  'log.read',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const EVERY_SIGNED_IN: Permission[] = ['account.self', 'dashboard.view'];
const STAFF_READERS: Permission[] = [...EVERY_SIGNED_IN, 'region.read', 'unit.read'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  APPLICANT: EVERY_SIGNED_IN,
  UNIT: [...EVERY_SIGNED_IN, 'unit.read'],
  COUNTY_HRSS: STAFF_READERS,
  COUNTY_ORG: STAFF_READERS,
  COUNTY_FINANCE: STAFF_READERS,
  CITY_HRSS: STAFF_READERS,
  CITY_ORG: STAFF_READERS,
  CITY_FINANCE: STAFF_READERS,
  // 三员分立: the administrator configures but makes no business decision and cannot touch logs;
  // the auditor reads logs and changes nothing.
  ADMIN: ['account.self', 'region.read', 'region.manage', 'unit.read', 'staff.manage'],
  AUDITOR: ['account.self', 'log.read'],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
