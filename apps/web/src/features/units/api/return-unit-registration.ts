import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { UnitRegistrationView } from './types';

/** POST /api/v1/units/registrations/{id}/return `{opinion}`: PENDING → RETURNED, the opinion mandatory. */
export const returnUnitRegistration = ({ id, opinion }: { id: string; opinion: string }) =>
  api<UnitRegistrationView>('POST', `/api/v1/units/registrations/${encodeURIComponent(id)}/return`, { body: { opinion } });

export function useReturnUnitRegistration() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: returnUnitRegistration,
    onSettled: () => client.invalidateQueries({ queryKey: ['units', 'registrations'] }),
  });
}
