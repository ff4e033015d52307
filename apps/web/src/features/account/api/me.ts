import { useMutation } from '@tanstack/react-query';
import type { SmsSendResult, UserView } from '@butie/contracts';
import { api } from '../../../lib/api-client';
import { sessionStore } from '../../../lib/session';

export function useUpdateProfile() {
  return useMutation({
    mutationFn: (input: { fullName: string }) => api<UserView>('PATCH', '/api/v1/me', { body: input }),
    onSuccess: (me) => sessionStore.updateUser(me),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: { oldPassword: string; newPassword: string }) => api<UserView>('POST', '/api/v1/me/password', { body: input }),
    onSuccess: (me) => sessionStore.updateUser(me),
  });
}

export function useChangeEmail() {
  return useMutation({
    mutationFn: (input: { email: string | null; currentPassword: string }) => api<UserView>('PUT', '/api/v1/me/email', { body: input }),
    onSuccess: (me) => sessionStore.updateUser(me),
  });
}

/** Step 1 of a new phone: the password, and a code to the new number. */
export function useSendPhoneChangeCode() {
  return useMutation({
    mutationFn: (input: { phone: string; currentPassword: string }) => api<SmsSendResult>('POST', '/api/v1/me/phone/verification', { body: input }),
  });
}

/** Step 2: the code that arrived on the new number. */
export function useChangePhone() {
  return useMutation({
    mutationFn: (input: { phone: string; code: string }) => api<UserView>('PUT', '/api/v1/me/phone', { body: input }),
    onSuccess: (me) => sessionStore.updateUser(me),
  });
}
