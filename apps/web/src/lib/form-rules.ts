import type { Rule } from 'antd/es/form';
import type { NamePath } from 'antd/es/form/interface';
import { checkPasswordStrength, MOBILE_PHONE_MESSAGE, MOBILE_PHONE_PATTERN, PASSWORD_PROBLEM_TEXT } from '@butie/contracts';

/** The same phone rule as the API's, so the form refuses what the server would. */
export const PHONE_RULE = { pattern: MOBILE_PHONE_PATTERN, message: MOBILE_PHONE_MESSAGE };

/** The password rules of domain §4 as antd Form rules (history is the API's to check). */
export const NEW_PASSWORD_RULES: Rule[] = [
  { required: true, message: '请输入新密码' },
  {
    validator: async (_, value: string | undefined) => {
      const problems = value ? checkPasswordStrength(value) : [];
      if (problems.length > 0) throw new Error(PASSWORD_PROBLEM_TEXT[problems[0]]);
    },
  },
];

/** 确认新密码: the same as the field `of`. */
export function samePasswordRule(of: NamePath): Rule {
  return ({ getFieldValue }) => ({
    validator: async (_, value: string | undefined) => {
      if (value && value !== getFieldValue(of)) throw new Error('两次输入的密码不一致');
    },
  });
}
