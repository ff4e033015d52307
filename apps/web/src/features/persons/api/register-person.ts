import { useMutation } from '@tanstack/react-query';
import type { CreatePersonRegistrationRequest, SessionTokens } from '@butie/contracts';
import { api } from '../../../lib/api-client';
import { sessionStore } from '../../../lib/session';

/**
 * POST /api/v1/persons/registrations (public): the account and its draft registration; it answers
 * like a sign-in, so the new account is signed in at once to upload its materials.
 */
export const registerPerson = (input: CreatePersonRegistrationRequest) =>
  api<SessionTokens>('POST', '/api/v1/persons/registrations', { body: input, anonymous: true });

export function useRegisterPerson() {
  return useMutation({
    mutationFn: registerPerson,
    onSuccess: (tokens) => sessionStore.set(sessionStore.fromTokens(tokens)),
  });
}
