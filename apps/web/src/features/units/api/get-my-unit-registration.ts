import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { UnitRegistrationView } from './types';

/** GET /api/v1/units/registrations/mine: the signed-in unit's own registration. */
export const myUnitRegistrationQuery = () =>
  queryOptions({
    queryKey: ['units', 'registrations', 'mine'],
    queryFn: () => api<UnitRegistrationView>('GET', '/api/v1/units/registrations/mine'),
  });

export function useMyUnitRegistration() {
  return useQuery(myUnitRegistrationQuery());
}
