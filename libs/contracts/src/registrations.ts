import type { TransitionTable } from './state-machine.js';

/**
 * Registration of units and of persons (domain §3). A unit registers straight into review; a
 * person first holds a draft (the account exists, so that materials can be uploaded), then 注册并上报.
 */
export const REGISTRATION_STATUSES = ['DRAFT', 'PENDING', 'APPROVED', 'RETURNED'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  DRAFT: '未上报',
  PENDING: '待审核',
  APPROVED: '审核通过',
  RETURNED: '退回',
};

export const REGISTRATION_ACTIONS = ['submit', 'approve', 'return', 'resubmit', 'changeIdentity'] as const;
export type RegistrationAction = (typeof REGISTRATION_ACTIONS)[number];
export const REGISTRATION_ACTION_LABELS: Record<RegistrationAction, string> = {
  submit: '注册并上报',
  approve: '审核通过',
  return: '退回',
  resubmit: '重新提交',
  changeIdentity: '修改身份信息',
};

/** 单位注册 → 县区人社局审核 (domain §3.1). */
export const UNIT_REGISTRATION_TRANSITIONS: TransitionTable<RegistrationStatus, RegistrationAction> = [
  { from: 'PENDING', action: 'approve', to: 'APPROVED', permission: 'unit.registration.review', opinionRequired: false },
  { from: 'PENDING', action: 'return', to: 'RETURNED', permission: 'unit.registration.review', opinionRequired: true },
  { from: 'RETURNED', action: 'resubmit', to: 'PENDING', permission: 'unit.registration.self', opinionRequired: false },
];

/**
 * 个人注册 → 单位审核 (domain §3.2). Our decision: once approved, a change of name or ID sends the
 * registration back to the unit (changeIdentity); other fields change freely.
 */
export const PERSON_REGISTRATION_TRANSITIONS: TransitionTable<RegistrationStatus, RegistrationAction> = [
  { from: 'DRAFT', action: 'submit', to: 'PENDING', permission: 'person.registration.self', opinionRequired: false },
  { from: 'RETURNED', action: 'submit', to: 'PENDING', permission: 'person.registration.self', opinionRequired: false },
  { from: 'PENDING', action: 'approve', to: 'APPROVED', permission: 'person.registration.review', opinionRequired: false },
  { from: 'PENDING', action: 'return', to: 'RETURNED', permission: 'person.registration.review', opinionRequired: true },
  { from: 'APPROVED', action: 'changeIdentity', to: 'PENDING', permission: 'person.registration.self', opinionRequired: false },
];

/** The subjects whose moves the status trail records. */
export const TRAIL_SUBJECTS = ['UNIT_REGISTRATION', 'PERSON_REGISTRATION'] as const;
export type TrailSubject = (typeof TRAIL_SUBJECTS)[number];

/** One step of a record's history, as the trail (流程状态) shows it. */
export interface TrailEntryView {
  action: string;
  actionLabel: string;
  fromStatus: string | null;
  toStatus: string;
  actor: { name: string; role: string; roleLabel: string };
  opinion: string | null;
  at: string;
}

/** Opinions (审核意见) are mandatory on returns and bounded. */
export const OPINION_MAX_LENGTH = 500;

export const UNIT_REGISTRATION_ERROR_CODES = ['CREDIT_CODE_TAKEN', 'UNIT_NOT_SELECTABLE', 'UNIT_REGISTRATION_NOT_EDITABLE'] as const;
export type UnitRegistrationErrorCode = (typeof UNIT_REGISTRATION_ERROR_CODES)[number];

export const PERSON_REGISTRATION_ERROR_CODES = ['ID_NUMBER_TAKEN', 'REGISTRATION_NOT_EDITABLE'] as const;
export type PersonRegistrationErrorCode = (typeof PERSON_REGISTRATION_ERROR_CODES)[number];
