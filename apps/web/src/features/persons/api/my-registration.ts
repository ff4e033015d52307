import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PersonRegistrationView } from '@butie/contracts';
import { api } from '../../../lib/api-client';

export const MY_REGISTRATION_KEY = ['persons', 'registration', 'mine'] as const;

/** GET /api/v1/persons/registrations/mine: 注册状态 — the person's own registration, opinion and trail. */
export const myRegistrationQuery = () =>
  queryOptions({
    queryKey: MY_REGISTRATION_KEY,
    queryFn: () => api<PersonRegistrationView>('GET', '/api/v1/persons/registrations/mine'),
  });

export function useMyRegistration() {
  return useQuery(myRegistrationQuery());
}
