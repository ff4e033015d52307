import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface ResetPasswordInput {
  phone: string;
  code: string;
  newPassword: string;
}

/** POST /api/v1/auth/password/reset → 204; every session of the account ends. */
export const resetPassword = (input: ResetPasswordInput) => api<void>('POST', '/api/v1/auth/password/reset', { body: input, anonymous: true });

export function useResetPassword() {
  return useMutation({ mutationFn: resetPassword });
}
