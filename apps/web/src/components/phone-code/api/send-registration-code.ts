import { useMutation } from '@tanstack/react-query';
import type { SmsSendResult } from '@butie/contracts';
import { api } from '../../../lib/api-client';

/** POST /api/v1/auth/sms/registration (public): the code that proves a new account's phone. */
export const sendRegistrationCode = (phone: string) => api<SmsSendResult>('POST', '/api/v1/auth/sms/registration', { body: { phone }, anonymous: true });

export function useSendRegistrationCode() {
  return useMutation({ mutationFn: sendRegistrationCode });
}
