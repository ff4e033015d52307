import type { Role } from '@butie/contracts';

/** The SMS gateway of domain §7: phone, template and values in; sent or failed out. */
export type SmsTemplate =
  | 'LOGIN_CODE'
  | 'MFA_CODE'
  | 'PHONE_CHANGE_CODE'
  | 'PASSWORD_RESET_CODE'
  | 'REGISTRATION_CODE'
  | 'PHONE_CHANGED_NOTICE'
  | 'PASSWORD_RESET_NOTICE'
  | 'ACCOUNT_DISABLED_NOTICE';

export interface SmsMessage {
  phone: string;
  template: SmsTemplate;
  values: Record<string, string>;
}

/** What a provider gives back for a message it accepted. */
export interface SmsReceipt {
  /** The sandbox only: reads the message at GET /api/v1/sandbox/sms-outbox/{ticket}. */
  sandboxTicket?: string;
}

export class SmsSendError extends Error {}

export abstract class SmsGateway {
  /**
   * Whether codes for phones that belong to no account are delivered too. A real provider sends
   * only to accounts (messages cost money and would reach strangers); the sandbox delivers to every
   * phone, because its outbox must not tell registered phones from others.
   */
  abstract readonly deliversToEveryPhone: boolean;

  /** Whether messages for an account of this role may go through this provider at all. */
  abstract mayReach(role: Role): boolean;

  /** Resolves when the provider accepted the message; throws SmsSendError otherwise. */
  abstract send(message: SmsMessage): Promise<SmsReceipt>;

  /** The receipt of the newest message of this template to this phone (the sandbox's ticket). */
  abstract latestReceipt(phone: string, template: SmsTemplate): Promise<SmsReceipt>;
}

const TEMPLATES: Record<SmsTemplate, (values: Record<string, string>) => string> = {
  LOGIN_CODE: (v) => `【补贴通】您的登录验证码为 ${v.code}，${v.minutes} 分钟内有效。如非本人操作，请忽略本短信。`,
  MFA_CODE: (v) => `【补贴通】您正在登录管理部门账号，验证码为 ${v.code}，${v.minutes} 分钟内有效。请勿告知他人。`,
  PHONE_CHANGE_CODE: (v) => `【补贴通】您正在将账号手机号码更换为本号码，验证码为 ${v.code}，${v.minutes} 分钟内有效。如非本人操作，请忽略本短信。`,
  REGISTRATION_CODE: (v) => `【补贴通】您正在用本手机号码注册补贴通账号，验证码为 ${v.code}，${v.minutes} 分钟内有效。请勿告知他人；如非本人操作，请忽略本短信。`,
  PASSWORD_RESET_CODE: (v) => `【补贴通】您正在重置账号密码，验证码为 ${v.code}，${v.minutes} 分钟内有效。请勿告知他人；如非本人操作，请忽略本短信。`,
  PHONE_CHANGED_NOTICE: (v) =>
    `【补贴通】您的账号 ${v.username} 的手机号码已于 ${v.at} 更换为 ${v.newPhone}。如非本人操作，请立即联系系统管理员。`,
  PASSWORD_RESET_NOTICE: (v) => `【补贴通】您的账号 ${v.username} 的密码已于 ${v.at} 通过短信验证码重置，原有登录均已退出。如非本人操作，请立即联系系统管理员。`,
  ACCOUNT_DISABLED_NOTICE: (v) => `【补贴通】您的账号 ${v.username} 已停用，无法登录。如有疑问，请联系所在单位或系统管理员。`,
};

export function renderSms(message: SmsMessage): string {
  return TEMPLATES[message.template](message.values);
}
