import type { Role } from './roles.js';

/**
 * The permission catalogue: one list used by the API guard and by the SPA's route table alike.
 * A handler names the permission it needs; an audience (a role, or an applicant whose registration
 * is not yet approved) grants a set of them. Data scope (which records) is a separate, per-record
 * question answered in the service layer.
 */
export const PERMISSIONS = [
  'account.self', // own profile, password, sign-out
  'dashboard.view',
  'region.read',
  'region.manage',
  'unit.read',
  'staff.manage',
  'log.read',
  'unit.registration.self', // a unit's own registration: read, fix when returned, resubmit
  'unit.registration.review', // 单位注册审核 (county HRSS)
  'person.registration.self', // a person's own registration and materials, before and after approval
  'person.registration.review', // 人员注册审核 (the unit)
  'person.read', // registrants' details, materials and work history within the data scope
  'profile.self', // 个人信息管理 of an approved applicant: materials and work history
  'policy.read', // 政策参数 and their history: public rules, read by every staff role
  'policy.manage', // changing them (ADMIN)
  'application.self', // 补贴申请 of an approved applicant: pre-check, quote, own applications
  'application.review.unit', // 补贴申报审核 (domain §6 step 2): the unit, and the county HRSS for its virtual unit
  'sandbox.manage', // 沙箱数据: the sandbox gateways' records, while a sandbox is on (ADMIN)
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/**
 * Who permissions are granted to: a role, an applicant the unit has not approved yet (domain §3.2),
 * or a unit its county has not approved yet (§3.1: until then nobody can register under it, so it
 * has nothing to review and only follows its own registration).
 */
export type Audience = Role | 'APPLICANT_PENDING' | 'UNIT_PENDING';

const EVERY_SIGNED_IN: Permission[] = ['account.self', 'dashboard.view'];
const STAFF_READERS: Permission[] = [...EVERY_SIGNED_IN, 'region.read', 'unit.read', 'policy.read'];

export const AUDIENCE_PERMISSIONS: Record<Audience, readonly Permission[]> = {
  // Before approval a person sees only 注册状态 and 账号管理 (domain §3.2).
  APPLICANT_PENDING: ['account.self', 'person.registration.self'],
  UNIT_PENDING: ['account.self', 'unit.registration.self'],
  APPLICANT: [...EVERY_SIGNED_IN, 'person.registration.self', 'profile.self', 'application.self'],
  UNIT: [...EVERY_SIGNED_IN, 'unit.read', 'unit.registration.self', 'person.registration.review', 'person.read', 'application.review.unit'],
  // Registrants' details (ID numbers, ID-card scans) are read by who reviews them: their unit, and
  // the county HRSS above it. The county's organisation and finance staff have no use for them yet.
  COUNTY_HRSS: [...STAFF_READERS, 'person.read', 'unit.registration.review', 'application.review.unit'],
  COUNTY_ORG: STAFF_READERS,
  COUNTY_FINANCE: STAFF_READERS,
  CITY_HRSS: STAFF_READERS,
  CITY_ORG: STAFF_READERS,
  CITY_FINANCE: STAFF_READERS,
  // 三员分立: the administrator configures but makes no business decision and cannot touch logs;
  // the auditor reads logs and changes nothing.
  ADMIN: ['account.self', 'region.read', 'region.manage', 'unit.read', 'staff.manage', 'policy.read', 'policy.manage', 'sandbox.manage'],
  AUDITOR: ['account.self', 'log.read'],
};

/** The audience of an account: an applicant or a unit counts as one only once its registration is approved. */
export function audienceOf(user: { role: Role; registrationStatus?: string | null }): Audience {
  if (user.registrationStatus === 'APPROVED') return user.role;
  if (user.role === 'APPLICANT') return 'APPLICANT_PENDING';
  if (user.role === 'UNIT') return 'UNIT_PENDING';
  return user.role;
}

export function permissionsOf(user: { role: Role; registrationStatus?: string | null }): readonly Permission[] {
  return AUDIENCE_PERMISSIONS[audienceOf(user)];
}

export function can(user: { role: Role; registrationStatus?: string | null }, permission: Permission): boolean {
  return permissionsOf(user).includes(permission);
}
