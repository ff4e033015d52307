import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { UnitRegistrationView } from './types';

/** POST /api/v1/units/registrations/mine/resubmit: RETURNED → PENDING (the county reviews again). */
export const resubmitMyUnitRegistration = () => api<UnitRegistrationView>('POST', '/api/v1/units/registrations/mine/resubmit');

export function useResubmitMyUnitRegistration() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: resubmitMyUnitRegistration,
    onSettled: () => client.invalidateQueries({ queryKey: ['units', 'registrations', 'mine'] }),
  });
}
