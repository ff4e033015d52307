import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PersonRegistrationView } from '@butie/contracts';
import { api } from '../../../lib/api-client';

/** GET /api/v1/persons/registrations/{id}: one registrant of the reviewer's unit (else 404). */
export const personRegistrationQuery = (id: string) =>
  queryOptions({
    queryKey: ['persons', 'registrations', 'detail', id],
    queryFn: () => api<PersonRegistrationView>('GET', `/api/v1/persons/registrations/${encodeURIComponent(id)}`),
  });

export function usePersonRegistration(id: string) {
  return useQuery(personRegistrationQuery(id));
}
