import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PersonRegistrationView } from '@butie/contracts';
import { api } from '../../../lib/api-client';

/** POST /api/v1/persons/registrations/{id}/return `{opinion}`: PENDING → RETURNED, the opinion mandatory. */
export function useReturnPersonRegistration() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, opinion }: { id: string; opinion: string }) =>
      api<PersonRegistrationView>('POST', `/api/v1/persons/registrations/${encodeURIComponent(id)}/return`, { body: { opinion } }),
    onSettled: () => client.invalidateQueries({ queryKey: ['persons', 'registrations'] }),
  });
}
