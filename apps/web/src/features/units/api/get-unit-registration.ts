import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { UnitRegistrationView } from './types';

/** GET /api/v1/units/registrations/{id}: one registration of the reviewer's county (else 404). */
export const unitRegistrationQuery = (id: string) =>
  queryOptions({
    queryKey: ['units', 'registrations', 'detail', id],
    queryFn: () => api<UnitRegistrationView>('GET', `/api/v1/units/registrations/${encodeURIComponent(id)}`),
  });

export function useUnitRegistration(id: string) {
  return useQuery(unitRegistrationQuery(id));
}
