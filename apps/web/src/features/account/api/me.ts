import { useMutation } from '@tanstack/react-query';
import type { UserView } from '@butie/contracts';
import { api } from '../../../lib/api-client';
import { sessionStore } from '../../../lib/session';

export interface ProfileInput {
  fullName: string;
  phone: string | null;
  email: string | null;
}

export function useUpdateProfile() {
  return useMutation({
    mutationFn: (input: ProfileInput) => api<UserView>('PATCH', '/api/v1/me', { body: input }),
    onSuccess: (me) => sessionStore.updateUser(me),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: { oldPassword: string; newPassword: string }) => api<UserView>('POST', '/api/v1/me/password', { body: input }),
    onSuccess: (me) => sessionStore.updateUser(me),
  });
}
