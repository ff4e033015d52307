import { PERMISSIONS, ROLE_PERMISSIONS, can, type Permission } from './permissions.js';
import { ROLES, type Role } from './roles.js';

// The whole grant table, written out so that any change to it shows up here and is reviewed.
const EXPECTED: Record<Role, Permission[]> = {
  APPLICANT: ['account.self', 'dashboard.view'],
  UNIT: ['account.self', 'dashboard.view', 'unit.read'],
  COUNTY_HRSS: ['account.self', 'dashboard.view', 'region.read', 'unit.read'],
  COUNTY_ORG: ['account.self', 'dashboard.view', 'region.read', 'unit.read'],
  COUNTY_FINANCE: ['account.self', 'dashboard.view', 'region.read', 'unit.read'],
  CITY_HRSS: ['account.self', 'dashboard.view', 'region.read', 'unit.read'],
  CITY_ORG: ['account.self', 'dashboard.view', 'region.read', 'unit.read'],
  CITY_FINANCE: ['account.self', 'dashboard.view', 'region.read', 'unit.read'],
  ADMIN: ['account.self', 'region.manage', 'region.read', 'staff.manage', 'unit.read'],
  AUDITOR: ['account.self', 'log.read'],
};

describe('role permissions', () => {
  it('grants every role exactly the permissions of the table', () => {
    const actual = Object.fromEntries(ROLES.map((role) => [role, [...ROLE_PERMISSIONS[role]].sort()]));
    expect(actual).toEqual(EXPECTED);
  });

  it('grants only permissions of the catalogue', () => {
    for (const role of ROLES) for (const permission of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(permission);
  });

  it('lets every role manage its own account', () => {
    for (const role of ROLES) expect(can(role, 'account.self')).toBe(true);
  });

  it('gives the auditor only account.self and log.read (三员分立: reads logs, changes nothing)', () => {
    expect([...ROLE_PERMISSIONS.AUDITOR].sort()).toEqual(['account.self', 'log.read']);
  });

  it('keeps the administrator away from the logs', () => {
    expect(can('ADMIN', 'log.read')).toBe(false);
  });

  it('lets only the auditor read logs and only the administrator manage staff and regions', () => {
    expect(ROLES.filter((role) => can(role, 'log.read'))).toEqual(['AUDITOR']);
    expect(ROLES.filter((role) => can(role, 'staff.manage'))).toEqual(['ADMIN']);
    expect(ROLES.filter((role) => can(role, 'region.manage'))).toEqual(['ADMIN']);
  });
});
