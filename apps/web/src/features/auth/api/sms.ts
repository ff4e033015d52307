import { useMutation } from '@tanstack/react-query';
import type { LoginPortal, SessionTokens, SmsSendResult } from '@butie/contracts';
import { api } from '../../../lib/api-client';

export const sendLoginCode = (phone: string) =>
  api<SmsSendResult>('POST', '/api/v1/auth/sms/send', { body: { phone }, anonymous: true });

export const resendMfaCode = (mfaToken: string) =>
  api<SmsSendResult>('POST', '/api/v1/auth/login/mfa/resend', { body: { mfaToken }, anonymous: true });

export const smsLogin = (input: { phone: string; code: string; portal: LoginPortal }) =>
  api<SessionTokens>('POST', '/api/v1/auth/sms/login', { body: input, anonymous: true });

export function useSmsLogin() {
  return useMutation({ mutationFn: smsLogin });
}
