import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { UnitFieldsInput, UnitRegistrationView } from './types';

/** PUT /api/v1/units/registrations/mine: a returned unit fixes its fields (then 重新提交). */
export const updateMyUnitRegistration = (input: UnitFieldsInput) =>
  api<UnitRegistrationView>('PUT', '/api/v1/units/registrations/mine', { body: input });

export function useUpdateMyUnitRegistration() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: updateMyUnitRegistration,
    onSuccess: (view) => client.setQueryData(['units', 'registrations', 'mine'], view),
  });
}
