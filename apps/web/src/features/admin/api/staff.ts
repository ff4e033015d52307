import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccountStatus, Role, StaffAccountPage, StaffAccountView } from '@butie/contracts';
import { api } from '../../../lib/api-client';
import { LIST_PAGE_SIZE } from '../../../lib/use-list-query';

/** 人员账号's filters as the page keeps them in its address. */
export interface StaffFilter {
  role?: string;
  regionId?: string;
  status?: string;
  keyword?: string;
}

/** GET /api/v1/staff: keyset-paged, newest first, with the number of accounts that match. */
export const staffListQuery = (filter: StaffFilter, cursor: string | undefined) =>
  queryOptions({
    queryKey: ['staff', 'list', filter, cursor],
    queryFn: () => api<StaffAccountPage>('GET', '/api/v1/staff', { query: { ...filter, cursor, limit: LIST_PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });

export function useStaffList(filter: StaffFilter, cursor: string | undefined) {
  return useQuery(staffListQuery(filter, cursor));
}

export interface NewStaff {
  username: string;
  fullName: string;
  role: Role;
  regionId?: string;
  phone?: string;
  email?: string;
}

function useStaffMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => client.invalidateQueries({ queryKey: ['staff'] }) });
}

export const useCreateStaff = () =>
  useStaffMutation((input: NewStaff) => api<{ account: StaffAccountView; temporaryPassword: string }>('POST', '/api/v1/staff', { body: input }));

export const useUpdateStaff = () =>
  useStaffMutation(({ id, ...changes }: { id: string; fullName?: string; phone?: string | null; email?: string | null; status?: AccountStatus }) =>
    api<StaffAccountView>('PATCH', `/api/v1/staff/${id}`, { body: changes }),
  );

export const useResetStaffPassword = () =>
  useStaffMutation((id: string) => api<{ temporaryPassword: string }>('POST', `/api/v1/staff/${id}/password-reset`));

/** Lifts a sign-in lock before it runs out (logged by the API). */
export const useUnlockStaff = () => useStaffMutation((id: string) => api<StaffAccountView>('POST', `/api/v1/staff/${id}/unlock`));
