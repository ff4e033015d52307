import { useMutation } from '@tanstack/react-query';
import type { SmsSendResult } from '@butie/contracts';
import { api } from '../../../lib/api-client';

/**
 * POST /api/v1/auth/password/forgot: a code to the phone registered with an applicant's or a
 * unit's account. The answer is the same whether or not the phone is registered.
 */
export const sendPasswordResetCode = (phone: string) =>
  api<SmsSendResult>('POST', '/api/v1/auth/password/forgot', { body: { phone }, anonymous: true });

export function useSendPasswordResetCode() {
  return useMutation({ mutationFn: sendPasswordResetCode });
}
