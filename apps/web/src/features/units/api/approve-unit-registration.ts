import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { UnitRegistrationView } from './types';

/** POST /api/v1/units/registrations/{id}/approve: PENDING → APPROVED; 409 STATUS_CHANGED if someone acted first. */
export const approveUnitRegistration = ({ id, opinion }: { id: string; opinion?: string }) =>
  api<UnitRegistrationView>('POST', `/api/v1/units/registrations/${encodeURIComponent(id)}/approve`, { body: opinion ? { opinion } : {} });

export function useApproveUnitRegistration() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: approveUnitRegistration,
    // The queue and the record change, whether the move was taken or lost to another reviewer.
    onSettled: () => client.invalidateQueries({ queryKey: ['units', 'registrations'] }),
  });
}
