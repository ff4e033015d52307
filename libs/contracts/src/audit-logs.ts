import type { LoginEventKind, LoginMethod } from './api-types.js';

/** Chinese names of the sign-in log's columns, shared by the auditor's page and the Excel export. */
export const LOGIN_EVENT_KIND_LABELS: Record<LoginEventKind, string> = {
  LOGIN: '登录',
  LOGOUT: '注销',
  REFRESH_REUSE: '凭证重复使用',
  MFA_CHALLENGE: '短信二次验证',
};

export const LOGIN_METHOD_LABELS: Record<LoginMethod, string> = { PASSWORD: '密码', SMS: '短信', PASSWORD_SMS: '密码+短信' };

/** Why a sign-in failed (the `reason` of a failed row); an unlisted reason is shown as its code. */
export const LOGIN_FAILURE_LABELS: Record<string, string> = {
  WRONG_PASSWORD: '密码错误',
  UNKNOWN_USERNAME: '用户名不存在',
  ACCOUNT_LOCKED: '账号已锁定',
  ACCOUNT_DISABLED: '账号已停用',
  WRONG_PORTAL: '登录入口不符',
  SMS_CODE_INVALID: '验证码错误',
  SMS_CODE_EXPIRED: '验证码过期',
  SMS_CODE_TOO_MANY_TRIES: '验证码错误次数过多',
  UNKNOWN_PHONE: '手机号未注册',
  MFA_PHONE_MISSING: '未登记手机号',
  REFRESH_TOKEN_REUSED: '刷新令牌被重复使用',
  STAFF_PASSWORD_REQUIRED: '管理部门须密码+短信登录',
};

export function loginFailureLabel(reason: string | null): string {
  return reason ? (LOGIN_FAILURE_LABELS[reason] ?? reason) : '';
}

/**
 * Counting every matching row of a large log costs a scan; past this many the page says
 * 「超过 N 条」 instead of the exact number.
 */
export const LOG_TOTAL_CAP = 10_000;

/** Rows in one Excel export; a file cut there says so in its last row and on its 说明 sheet. */
export const LOG_EXPORT_MAX_ROWS = 50_000;

/** A page of a log: keyset-paged, with the number of matching rows (at least `total` when capped). */
export interface LogPage<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
  /** True when more than LOG_TOTAL_CAP rows match: `total` is then LOG_TOTAL_CAP. */
  totalCapped: boolean;
}
