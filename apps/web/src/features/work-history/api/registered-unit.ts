import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PersonRegistrationView } from '@butie/contracts';
import { api } from '../../../lib/api-client';

export type RegisteredUnit = PersonRegistrationView['unit'];

/**
 * The unit the applicant is registered under, from GET /api/v1/persons/registrations/mine (the
 * session's user carries no unit for an applicant). Only the current job there may use one file as
 * both 劳动合同 and 证明材料 (domain §5.2), so the form offers that switch for it alone.
 */
export const registeredUnitQuery = () =>
  queryOptions({
    queryKey: ['work-histories', 'registered-unit'],
    queryFn: async (): Promise<RegisteredUnit> => (await api<PersonRegistrationView>('GET', '/api/v1/persons/registrations/mine')).unit,
    // A change of unit sends the registration back to review, and this page closes until approval.
    staleTime: 5 * 60 * 1000,
  });

export function useRegisteredUnit() {
  return useQuery(registeredUnitQuery());
}
