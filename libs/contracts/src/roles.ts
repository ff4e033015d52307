/** Roles of domain §1. The code is what the API and the database store; the label is what people read. */
export const ROLES = [
  'APPLICANT',
  'UNIT',
  'COUNTY_HRSS',
  'COUNTY_ORG',
  'COUNTY_FINANCE',
  'CITY_HRSS',
  'CITY_ORG',
  'CITY_FINANCE',
  'ADMIN',
  'AUDITOR',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  APPLICANT: '个人',
  UNIT: '单位',
  COUNTY_HRSS: '县区人社局',
  COUNTY_ORG: '县区组织部',
  COUNTY_FINANCE: '县财政局',
  CITY_HRSS: '市人社局',
  CITY_ORG: '市组织部',
  CITY_FINANCE: '市财政局',
  ADMIN: '系统管理员',
  AUDITOR: '审计员',
};

/** Staff of a county: the account belongs to exactly one county. */
export const COUNTY_ROLES: readonly Role[] = ['COUNTY_HRSS', 'COUNTY_ORG', 'COUNTY_FINANCE'];
/** Staff of the city, plus the two configuration/oversight roles that also sit at city level. */
export const CITY_ROLES: readonly Role[] = ['CITY_HRSS', 'CITY_ORG', 'CITY_FINANCE', 'ADMIN', 'AUDITOR'];
/** Every role that signs in through 管理部门登录 and is managed by the administrator. */
export const STAFF_ROLES: readonly Role[] = [...COUNTY_ROLES, ...CITY_ROLES];

/**
 * The staff accounts the administrator creates and manages. 三员分立: administrator and auditor
 * accounts are provisioned with the deployment, so the administrator cannot hand themselves an
 * auditor's login (and with it the logs) by creating or resetting one.
 */
export const ADMIN_MANAGED_ROLES: readonly Role[] = [...COUNTY_ROLES, 'CITY_HRSS', 'CITY_ORG', 'CITY_FINANCE'];

export function isStaffRole(role: Role): boolean {
  return STAFF_ROLES.includes(role);
}

export function isCountyRole(role: Role): boolean {
  return COUNTY_ROLES.includes(role);
}

/** The three sign-in entries of the home page (登录入口). */
export const LOGIN_PORTALS = ['PERSONAL', 'UNIT', 'STAFF'] as const;
export type LoginPortal = (typeof LOGIN_PORTALS)[number];

export const LOGIN_PORTAL_LABELS: Record<LoginPortal, string> = {
  PERSONAL: '个人登录',
  UNIT: '单位登录',
  STAFF: '管理部门登录',
};

export function portalOf(role: Role): LoginPortal {
  if (role === 'APPLICANT') return 'PERSONAL';
  if (role === 'UNIT') return 'UNIT';
  return 'STAFF';
}
