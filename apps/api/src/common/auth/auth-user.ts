import type { AccountStatus, RegionLevel, RegistrationStatus, Role } from '@butie/contracts';

/** The signed-in account as every guarded handler and service sees it (request.user). */
export interface AuthUser {
  id: string;
  username: string;
  fullName: string;
  phone: string | null;
  email: string | null;
  role: Role;
  status: AccountStatus;
  regionId: string | null;
  region: { id: string; code: string; name: string; level: RegionLevel } | null;
  unitId: string | null;
  unit: { id: string; name: string } | null;
  mustChangePassword: boolean;
  /** An applicant's or a unit's registration (null for every other role): before approval only it is open. */
  registrationStatus: RegistrationStatus | null;
  sessionId: string;
  previousLogin: { at: Date; ip: string | null } | null;
}

/** Where a request came from; recorded with sign-ins and operations. */
export interface ClientInfo {
  ip: string;
  userAgent: string | null;
  requestId: string;
}
