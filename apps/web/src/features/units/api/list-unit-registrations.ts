import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Page } from '@butie/contracts';
import { api } from '../../../lib/api-client';
import { LIST_PAGE_SIZE } from '../../../lib/use-list-query';
import type { UnitRegistrationFilter, UnitRegistrationListItem } from './types';

/** GET /api/v1/units/registrations: the county HRSS review queue, keyset-paged. */
export const unitRegistrationsQuery = (filter: UnitRegistrationFilter, cursor: string | undefined) =>
  queryOptions({
    queryKey: ['units', 'registrations', 'list', filter, cursor],
    queryFn: () =>
      api<Page<UnitRegistrationListItem>>('GET', '/api/v1/units/registrations', {
      query: {
        status: filter.status,
        keyword: filter.keyword,
        submittedFrom: filter.from,
        submittedTo: filter.to,
        cursor,
        limit: LIST_PAGE_SIZE,
      },
    }),
    placeholderData: keepPreviousData,
  });

export function useUnitRegistrations(filter: UnitRegistrationFilter, cursor: string | undefined) {
  return useQuery(unitRegistrationsQuery(filter, cursor));
}
