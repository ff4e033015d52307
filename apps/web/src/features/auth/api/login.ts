import { useMutation } from '@tanstack/react-query';
import type { LoginPortal, LoginResult, SessionTokens } from '@butie/contracts';
import { api } from '../../../lib/api-client';

export interface PasswordLoginInput {
  username: string;
  password: string;
  portal: LoginPortal;
}

export const passwordLogin = (input: PasswordLoginInput) =>
  api<LoginResult>('POST', '/api/v1/auth/login', { body: input, anonymous: true });

export function usePasswordLogin() {
  return useMutation({ mutationFn: passwordLogin });
}

export const completeMfa = (input: { mfaToken: string; code: string }) =>
  api<SessionTokens>('POST', '/api/v1/auth/login/mfa', { body: input, anonymous: true });

export function useCompleteMfa() {
  return useMutation({ mutationFn: completeMfa });
}
