import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { CreateUnitRegistrationRequest, UnitRegistrationView } from './types';

/** POST /api/v1/units/registrations (no sign-in): the unit and its login account, straight into review. */
export const createUnitRegistration = (input: CreateUnitRegistrationRequest) =>
  api<UnitRegistrationView>('POST', '/api/v1/units/registrations', { body: input, anonymous: true });

export function useCreateUnitRegistration() {
  return useMutation({ mutationFn: createUnitRegistration });
}
