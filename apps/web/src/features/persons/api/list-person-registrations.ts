import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Page, PersonRegistrationListItem } from '@butie/contracts';
import { api } from '../../../lib/api-client';
import { LIST_PAGE_SIZE } from '../../../lib/use-list-query';

/** The queue's filters as the page keeps them in its address (`from`/`to` are the submission days). */
export interface PersonRegistrationFilter {
  status?: string;
  keyword?: string;
  from?: string;
  to?: string;
}

/** GET /api/v1/persons/registrations: 人员注册审核 — the unit's reported registrants, keyset-paged. */
export const personRegistrationsQuery = (filter: PersonRegistrationFilter, cursor: string | undefined) =>
  queryOptions({
    queryKey: ['persons', 'registrations', 'list', filter, cursor],
    queryFn: () =>
      api<Page<PersonRegistrationListItem>>('GET', '/api/v1/persons/registrations', {
        query: { status: filter.status, keyword: filter.keyword, submittedFrom: filter.from, submittedTo: filter.to, cursor, limit: LIST_PAGE_SIZE },
      }),
    placeholderData: keepPreviousData,
  });

export function usePersonRegistrations(filter: PersonRegistrationFilter, cursor: string | undefined) {
  return useQuery(personRegistrationsQuery(filter, cursor));
}
