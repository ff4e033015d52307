/**
 * 个人注册 → 单位审核 (domain §3.2): what the SPA sends and receives on
 * /api/v1/persons/registrations. The API's DTO classes implement these shapes.
 *
 * Field errors of the create and update requests are keyed by their path, e.g. `account.username`,
 * `basic.idNumber`, so that the form helper puts them on the matching antd fields.
 */
import type { AttachmentView } from './attachments.js';
import type { Degree, Education, Ethnicity, Gender, IdType } from './persons.js';
import type { RegistrationAction, RegistrationStatus, TrailEntryView } from './registrations.js';

/** Length limits of the registration form (the columns hold exactly these). */
export const PERSON_FIELD_LIMITS = {
  fullName: 64,
  school: 128,
  major: 128,
  email: 128,
  username: 32,
} as const;

/** 账号信息: later used to sign in (domain §4 password rules apply). */
export interface PersonAccountInput {
  username: string;
  password: string;
  fullName: string;
  /** 11-digit mainland mobile (MOBILE_PHONE_PATTERN); unique among accounts. */
  phone: string;
  /** The code POST /api/v1/auth/sms/registration sent to `phone`: proves the person holds it. */
  phoneCode: string;
  /** Optional; null or omitted when the person has none. */
  email?: string | null;
}

/** 基本信息 and the unit (an approved, non-virtual unit from GET /api/v1/units/picker). */
export interface PersonBasicInput {
  idType: IdType;
  /** Checked by idType (see identifiers.ts: validateIdNumber); unique whatever the letter case. */
  idNumber: string;
  /** YYYY-MM-DD; must agree with the number for 居民身份证 and the two 居住证. */
  birthDate: string;
  /** Must agree with the number for 居民身份证 and the two 居住证. */
  gender: Gender;
  school: string;
  major: string;
  education: Education;
  degree: Degree;
  ethnicity: Ethnicity;
  selfEmployed: boolean;
  unitId: string;
}

/**
 * POST /api/v1/persons/registrations (public): creates the applicant account and its registration
 * in DRAFT; answers 201 with SessionTokens, exactly like a sign-in, so that the pending account
 * goes straight on to 证明材料上传 and 注册并上报.
 */
export interface CreatePersonRegistrationRequest {
  account: PersonAccountInput;
  basic: PersonBasicInput;
  /** 用户须知: the person pressed 同意. Anything but `true` is refused. */
  agreedToNotice: true;
}

/**
 * PUT /api/v1/persons/registrations/mine: the name and the basic information (phone, email and
 * password change in 账号管理). Allowed in DRAFT and RETURNED; in APPROVED a change of name, ID
 * type, ID number or unit sends it back to PENDING (action changeIdentity), other fields change
 * freely; in PENDING → 409 REGISTRATION_NOT_EDITABLE. Answers the PersonRegistrationView.
 */
export interface UpdatePersonRegistrationRequest {
  account: { fullName: string };
  basic: PersonBasicInput;
}

/** POST /api/v1/persons/registrations/{id}/return. approve takes no body. */
export interface ReturnPersonRegistrationRequest {
  /** 审核意见, mandatory, at most OPINION_MAX_LENGTH characters. */
  opinion: string;
}

/** One registration in full: GET …/mine, GET …/{id}, and the answer of every change. */
export interface PersonRegistrationView {
  /** The person's account id (= the registration's id in …/{id} routes). */
  id: string;
  status: RegistrationStatus;
  statusLabel: string;
  account: {
    username: string;
    fullName: string;
    phone: string | null;
    email: string | null;
  };
  basic: {
    idType: IdType;
    idTypeLabel: string;
    idNumber: string;
    birthDate: string;
    gender: Gender;
    genderLabel: string;
    school: string;
    major: string;
    education: Education;
    educationLabel: string;
    degree: Degree;
    degreeLabel: string;
    ethnicity: Ethnicity;
    selfEmployed: boolean;
  };
  unit: { id: string; name: string; county: { id: string; name: string } };
  /** The unit's last 审核意见 (shown when RETURNED). */
  reviewOpinion: string | null;
  submittedAt: string | null;
  reviewedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Whether PUT …/mine is taken now (DRAFT, RETURNED, APPROVED) — for the owner only. */
  editable: boolean;
  /** The moves the viewer may make now, from PERSON_REGISTRATION_TRANSITIONS: the buttons. */
  availableActions: RegistrationAction[];
  /** 流程状态, oldest first. */
  trail: TrailEntryView[];
  /**
   * 证明材料 of the person. Filled by the attachments module (PersonMaterialsProvider in the API);
   * an empty list until it is wired.
   */
  materials: AttachmentView[];
}

/** One row of 人员注册审核 (the unit's queue): ID number and phone masked. */
export interface PersonRegistrationListItem {
  id: string;
  fullName: string;
  idType: IdType;
  idTypeLabel: string;
  /** e.g. 1101**********1234 (maskIdNumber). */
  idNumberMasked: string;
  /** e.g. 138****5678 (maskPhone). */
  phoneMasked: string | null;
  gender: Gender;
  education: Education;
  educationLabel: string;
  school: string;
  major: string;
  status: RegistrationStatus;
  statusLabel: string;
  submittedAt: string;
}

/**
 * GET /api/v1/persons/registrations: the unit's own registrants that have been submitted (drafts
 * are not reported yet), newest submission first, keyset-paged: answers Page<PersonRegistrationListItem>.
 */
export interface PersonRegistrationQueueQuery {
  status?: Exclude<RegistrationStatus, 'DRAFT'>;
  /** Part of the person's name. */
  keyword?: string;
  /** YYYY-MM-DD, inclusive, by the day of submission (Asia/Shanghai). */
  submittedFrom?: string;
  submittedTo?: string;
  cursor?: string;
  limit?: number;
}
