/** The SMS gateway of domain §7: phone, template and values in; sent or failed out. */
export type SmsTemplate = 'LOGIN_CODE' | 'MFA_CODE';

export interface SmsMessage {
  phone: string;
  template: SmsTemplate;
  values: Record<string, string>;
}

export class SmsSendError extends Error {}

export abstract class SmsGateway {
  /** Resolves when the provider accepted the message; throws SmsSendError otherwise. */
  abstract send(message: SmsMessage): Promise<void>;
}

const TEMPLATES: Record<SmsTemplate, (values: Record<string, string>) => string> = {
  LOGIN_CODE: (v) => `【补贴通】您的登录验证码为 ${v.code}，${v.minutes} 分钟内有效。如非本人操作，请忽略本短信。`,
  MFA_CODE: (v) => `【补贴通】您正在登录管理部门账号，验证码为 ${v.code}，${v.minutes} 分钟内有效。请勿告知他人。`,
};

export function renderSms(message: SmsMessage): string {
  return TEMPLATES[message.template](message.values);
}
