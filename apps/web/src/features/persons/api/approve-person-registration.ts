import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PersonRegistrationView } from '@butie/contracts';
import { api } from '../../../lib/api-client';

/** POST /api/v1/persons/registrations/{id}/approve: PENDING → APPROVED; 409 STATUS_CHANGED if someone acted first. */
export function useApprovePersonRegistration() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, opinion }: { id: string; opinion?: string }) =>
      api<PersonRegistrationView>('POST', `/api/v1/persons/registrations/${encodeURIComponent(id)}/approve`, { body: opinion ? { opinion } : {} }),
    // The queue and the record change, whether the move was taken or lost to another reviewer.
    onSettled: () => client.invalidateQueries({ queryKey: ['persons', 'registrations'] }),
  });
}
