/** Shapes of the JSON the API sends and takes. The API's DTO classes implement these. */
import type { GatewayName } from './gateways.js';
import type { RegistrationStatus } from './registrations.js';
import type { Role } from './roles.js';

export type AccountStatus = 'ACTIVE' | 'DISABLED';

export interface UserView {
  id: string;
  username: string;
  fullName: string;
  phone: string | null;
  email: string | null;
  role: Role;
  status: AccountStatus;
  region: { id: string; code: string; name: string; level: RegionLevel } | null;
  unit: { id: string; name: string } | null;
  mustChangePassword: boolean;
  /** An applicant's or a unit's registration status (null for other roles); the full menu opens at APPROVED. */
  registrationStatus: RegistrationStatus | null;
  /** The sign-in before this one, so people notice use of their account they did not make. */
  previousLogin: { at: string; ip: string | null } | null;
}

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  /** Seconds until the access token expires. */
  expiresIn: number;
  /** Seconds of inactivity after which the session ends. */
  idleTimeout: number;
  user: UserView;
}

/** Staff password sign-in when the SMS second factor is on: the code went to the account's phone. */
export interface MfaChallenge {
  mfaRequired: true;
  mfaToken: string;
  phoneMasked: string;
  expiresIn: number;
  /** Demo mode with the SMS sandbox only: read the code at GET /api/v1/sandbox/sms-outbox/{ticket}. */
  sandboxTicket?: string;
}

export type LoginResult = SessionTokens | MfaChallenge;

export interface SmsSendResult {
  /** Seconds until another code may be asked for this phone. */
  resendAfter: number;
  expiresIn: number;
  /**
   * SMS sandbox only: what "arrived" on the phone is at GET /api/v1/sandbox/sms-outbox/{ticket}.
   * Given for every well-formed phone, registered or not, so that it tells nobody which are.
   */
  sandboxTicket?: string;
}

/** One message of the SMS sandbox, read by the ticket its send returned. */
export interface SandboxSmsView {
  phoneMasked: string;
  content: string;
  sentAt: string;
}

export type RegionLevel = 'CITY' | 'COUNTY';

export interface RegionView {
  id: string;
  code: string;
  name: string;
  level: RegionLevel;
  parentId: string | null;
  virtualUnit: { id: string; name: string } | null;
}

export interface StaffAccountView {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  status: AccountStatus;
  phoneMasked: string | null;
  email: string | null;
  region: { id: string; name: string } | null;
  mustChangePassword: boolean;
  createdAt: string;
  lastLoginAt: string | null;
  /** Locked after repeated failed sign-ins until this time; null when not locked. */
  lockedUntil: string | null;
}

export interface Page<T> {
  items: T[];
  /** Opaque cursor for the next page; null at the end. */
  nextCursor: string | null;
}

/** 人员账号 (GET /api/v1/staff): keyset-paged, newest account first, with the number that match the filters. */
export interface StaffAccountPage extends Page<StaffAccountView> {
  total: number;
}

export type LoginMethod = 'PASSWORD' | 'SMS' | 'PASSWORD_SMS';
export type LoginEventKind = 'LOGIN' | 'LOGOUT' | 'REFRESH_REUSE' | 'MFA_CHALLENGE';

export interface LoginEventView {
  id: string;
  at: string;
  kind: LoginEventKind;
  method: LoginMethod | null;
  username: string | null;
  userId: string | null;
  fullName: string | null;
  role: Role | null;
  ip: string | null;
  userAgent: string | null;
  success: boolean;
  reason: string | null;
}

export interface OperationLogView {
  id: string;
  at: string;
  actorId: string | null;
  actorUsername: string | null;
  actorRole: Role | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  summary: string;
  ip: string | null;
}

export interface UnitView {
  id: string;
  name: string;
  isVirtual: boolean;
  county: { id: string; name: string };
  status: string;
}

/** Public facts for the sign-in page (GET /api/v1/app-info). */
export interface AppInfo {
  name: string;
  smsSandbox: boolean;
  /** The outside services answered by their sandbox (沙箱数据) rather than the real one. */
  gatewaySandboxes: GatewayName[];
  demo: boolean;
  idleTimeout: number;
  staffSmsSecondFactor: boolean;
}
