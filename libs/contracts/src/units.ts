/**
 * 单位注册 → 县区人社局审核 (domain §2, §3.1) and the public unit picker: what the SPA sends and
 * receives on /api/v1/units/…. The API's DTO classes implement these shapes.
 *
 * Field errors are keyed by their path in the request body: `unit.creditCode`, `account.username`
 * on the registration; `creditCode`, `name`… on PUT …/mine (its body is the flat unit fields).
 */
import type { RegistrationAction, RegistrationStatus, TrailEntryView } from './registrations.js';

/** Length limits of the unit form (the columns hold exactly these). */
export const UNIT_FIELD_LIMITS = {
  name: 128,
  address: 256,
  contactPerson: 64,
  contactPhone: 20,
  username: 32,
  email: 128,
} as const;

/**
 * 联系电话: a mainland mobile number, or a landline with its area code (010-12345678, 0755-1234567,
 * optionally an extension -123). Separate from the account's phone, which must be a mobile.
 */
export const CONTACT_PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;
export const CONTACT_PHONE_MESSAGE = '联系电话须为 11 位手机号码或带区号的固定电话（如 010-12345678）';

/** 统一社会信用代码: 18 characters of the GB 32100 alphabet with the check character (isValidCreditCode). */
export const CREDIT_CODE_MESSAGE = '统一社会信用代码须为 18 位，且校验位正确';

/** The unit's own fields (domain §2). */
export interface UnitFieldsInput {
  name: string;
  /** Upper case is stored; lower-case input is accepted and upper-cased. Unique among units. */
  creditCode: string;
  /** A county (GET /api/v1/units/counties). */
  countyId: string;
  address: string;
  contactPerson: string;
  /** CONTACT_PHONE_PATTERN. */
  contactPhone: string;
}

/**
 * The unit's login account (单位登录). Its full name is the contact person; `phone` is the
 * account's own mobile (SMS sign-in, 忘记密码), unique among all accounts — the SPA may prefill
 * it with the contact phone when that is a mobile.
 */
export interface UnitAccountInput {
  username: string;
  /** Domain §4 password rules. */
  password: string;
  /** 11-digit mainland mobile (MOBILE_PHONE_PATTERN). */
  phone: string;
  /** The code POST /api/v1/auth/sms/registration sent to `phone`: proves the unit holds it. */
  phoneCode: string;
  email?: string | null;
}

/**
 * POST /api/v1/units/registrations (public, rate-limited): creates the unit in PENDING, its UNIT
 * account and the first trail row, all or nothing. Answers 201 with the UnitRegistrationView; the
 * unit then signs in at 单位登录 to follow its review. Refusals: 400 VALIDATION_FAILED (field
 * errors), 409 CREDIT_CODE_TAKEN, 409 USERNAME_TAKEN, 409 PHONE_TAKEN, 422/400 PASSWORD_POLICY.
 */
export interface CreateUnitRegistrationRequest {
  unit: UnitFieldsInput;
  account: UnitAccountInput;
}

/**
 * PUT /api/v1/units/registrations/mine: the unit's fields, only while RETURNED (else 409
 * UNIT_REGISTRATION_NOT_EDITABLE with currentStatus). Answers the UnitRegistrationView; then
 * POST …/mine/resubmit sends it back to review.
 */
export type UpdateUnitRegistrationRequest = UnitFieldsInput;

/** POST /api/v1/units/registrations/{id}/return. approve and resubmit take no body. */
export interface ReturnUnitRegistrationRequest {
  /** 审核意见, mandatory, at most OPINION_MAX_LENGTH characters. */
  opinion: string;
}

/** One registration in full: GET …/mine, GET …/{id}, and the answer of every change. */
export interface UnitRegistrationView {
  /** The unit's id (= the registration's id in …/{id} routes). */
  id: string;
  status: RegistrationStatus;
  statusLabel: string;
  name: string;
  creditCode: string;
  county: { id: string; name: string };
  address: string;
  contactPerson: string;
  contactPhone: string;
  /** The unit's login account; null only for a unit that has none (seeded data). */
  account: { username: string; phone: string | null; email: string | null } | null;
  /** The county's last 审核意见 (shown when RETURNED). */
  reviewOpinion: string | null;
  submittedAt: string;
  reviewedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Whether PUT …/mine is taken now (RETURNED) — true only for the unit itself. */
  editable: boolean;
  /** The moves the viewer may make now, from UNIT_REGISTRATION_TRANSITIONS: the buttons. */
  availableActions: RegistrationAction[];
  /** 流程状态, oldest first. */
  trail: TrailEntryView[];
}

/** One row of 单位注册审核 (the county's queue). */
export interface UnitRegistrationListItem {
  id: string;
  name: string;
  creditCode: string;
  county: { id: string; name: string };
  contactPerson: string;
  status: RegistrationStatus;
  statusLabel: string;
  submittedAt: string;
  reviewedAt: string | null;
}

/**
 * GET /api/v1/units/registrations (COUNTY_HRSS, its own county only; virtual units are not
 * registrations): newest submission first, keyset-paged: answers Page<UnitRegistrationListItem>.
 */
export interface UnitRegistrationQueueQuery {
  status?: Exclude<RegistrationStatus, 'DRAFT'>;
  /** Part of the unit's name, or of its credit code. */
  keyword?: string;
  /** YYYY-MM-DD, inclusive, by the day of submission (Asia/Shanghai). */
  submittedFrom?: string;
  submittedTo?: string;
  cursor?: string;
  limit?: number;
}

/**
 * GET /api/v1/units/picker (public, rate-limited): approved, non-virtual units by name, then id;
 * keyset-paged: answers Page<UnitPickerItem>. Only what a registrant needs — no phone, no account.
 */
export interface UnitPickerQuery {
  /** Part of the name, or the start of the credit code. */
  keyword?: string;
  countyId?: string;
  cursor?: string;
  limit?: number;
}

export interface UnitPickerItem {
  id: string;
  name: string;
  creditCode: string;
  county: { id: string; name: string };
}

/** GET /api/v1/units/counties (public): the counties a unit may register in, by region code. */
export interface CountyOption {
  id: string;
  name: string;
}

/**
 * GET /api/v1/units (unit.read, by data scope): `countyId`, `status`, `keyword` (name), `cursor`,
 * `limit`; ordered by name, then id; answers Page<UnitView> (UnitView in api-types).
 */
export interface UnitListQuery {
  countyId?: string;
  status?: RegistrationStatus;
  keyword?: string;
  cursor?: string;
  limit?: number;
}
