import { AUDIENCE_PERMISSIONS, PERMISSIONS, audienceOf, can, type Audience, type Permission } from './permissions.js';
import { ROLES } from './roles.js';

// The whole grant table, written out so that any change to it shows up here and is reviewed.
const EXPECTED: Record<Audience, Permission[]> = {
  APPLICANT_PENDING: ['account.self', 'person.registration.self'],
  UNIT_PENDING: ['account.self', 'unit.registration.self'],
  APPLICANT: ['account.self', 'application.self', 'dashboard.view', 'person.registration.self', 'profile.self'],
  UNIT: ['account.self', 'application.review.unit', 'dashboard.view', 'person.read', 'person.registration.review', 'unit.read', 'unit.registration.self'],
  COUNTY_HRSS: ['account.self', 'application.review.unit', 'dashboard.view', 'person.read', 'policy.read', 'region.read', 'unit.read', 'unit.registration.review'],
  COUNTY_ORG: ['account.self', 'dashboard.view', 'policy.read', 'region.read', 'unit.read'],
  COUNTY_FINANCE: ['account.self', 'dashboard.view', 'policy.read', 'region.read', 'unit.read'],
  CITY_HRSS: ['account.self', 'dashboard.view', 'policy.read', 'region.read', 'unit.read'],
  CITY_ORG: ['account.self', 'dashboard.view', 'policy.read', 'region.read', 'unit.read'],
  CITY_FINANCE: ['account.self', 'dashboard.view', 'policy.read', 'region.read', 'unit.read'],
  ADMIN: ['account.self', 'policy.manage', 'policy.read', 'region.manage', 'region.read', 'sandbox.manage', 'staff.manage', 'unit.read'],
  AUDITOR: ['account.self', 'log.read'],
};
const AUDIENCES = Object.keys(EXPECTED) as Audience[];

describe('audience permissions', () => {
  it('grants every audience exactly the permissions of the table', () => {
    const actual = Object.fromEntries(AUDIENCES.map((audience) => [audience, [...AUDIENCE_PERMISSIONS[audience]].sort()]));
    expect(actual).toEqual(EXPECTED);
  });

  it('grants only permissions of the catalogue', () => {
    for (const audience of AUDIENCES) for (const permission of AUDIENCE_PERMISSIONS[audience]) expect(PERMISSIONS).toContain(permission);
  });

  it('lets every role manage its own account, approved or not', () => {
    for (const role of ROLES) expect(can({ role, registrationStatus: 'APPROVED' }, 'account.self')).toBe(true);
    expect(can({ role: 'UNIT', registrationStatus: 'PENDING' }, 'account.self')).toBe(true);
    expect(can({ role: 'APPLICANT', registrationStatus: 'DRAFT' }, 'account.self')).toBe(true);
  });

  it('counts an applicant as one only once the unit approved the registration (domain §3.2)', () => {
    expect(audienceOf({ role: 'APPLICANT', registrationStatus: 'APPROVED' })).toBe('APPLICANT');
    for (const status of ['DRAFT', 'PENDING', 'RETURNED', null]) expect(audienceOf({ role: 'APPLICANT', registrationStatus: status })).toBe('APPLICANT_PENDING');
    expect(can({ role: 'APPLICANT', registrationStatus: 'PENDING' }, 'profile.self')).toBe(false);
  });

  it('counts a unit as one only once its county approved the registration (domain §3.1): until then it follows its own registration only', () => {
    expect(audienceOf({ role: 'UNIT', registrationStatus: 'APPROVED' })).toBe('UNIT');
    for (const status of ['PENDING', 'RETURNED', null]) expect(audienceOf({ role: 'UNIT', registrationStatus: status })).toBe('UNIT_PENDING');
    expect(can({ role: 'UNIT', registrationStatus: 'RETURNED' }, 'unit.registration.self')).toBe(true);
    expect(can({ role: 'UNIT', registrationStatus: 'PENDING' }, 'person.registration.review')).toBe(false);
    expect(audienceOf({ role: 'COUNTY_HRSS', registrationStatus: null })).toBe('COUNTY_HRSS');
  });

  it('gives the auditor only account.self and log.read (三员分立: reads logs, changes nothing)', () => {
    expect([...AUDIENCE_PERMISSIONS.AUDITOR].sort()).toEqual(['account.self', 'log.read']);
  });

  it('keeps the administrator away from the logs and from every business decision', () => {
    expect(can({ role: 'ADMIN' }, 'log.read')).toBe(false);
    expect(AUDIENCE_PERMISSIONS.ADMIN.filter((p) => p.endsWith('.review'))).toEqual([]);
  });

  it('lets only the auditor read logs, the administrator manage staff, the county HRSS review units and the unit review persons', () => {
    const holders = (permission: Permission) => ROLES.filter((role) => can({ role, registrationStatus: 'APPROVED' }, permission));
    expect(holders('log.read')).toEqual(['AUDITOR']);
    expect(holders('staff.manage')).toEqual(['ADMIN']);
    expect(holders('region.manage')).toEqual(['ADMIN']);
    expect(holders('unit.registration.review')).toEqual(['COUNTY_HRSS']);
    expect(holders('person.registration.review')).toEqual(['UNIT']);
  });
});
