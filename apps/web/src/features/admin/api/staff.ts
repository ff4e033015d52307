import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccountStatus, CountedPage, Role, StaffAccountView } from '@butie/contracts';
import { api } from '../../../lib/api-client';

export interface StaffQuery {
  role?: Role;
  regionId?: string;
  status?: AccountStatus;
  keyword?: string;
  page: number;
  pageSize: number;
}

export function useStaffList(query: StaffQuery) {
  return useQuery({
    queryKey: ['staff', query],
    queryFn: () => api<CountedPage<StaffAccountView>>('GET', '/api/v1/staff', { query: { ...query } }),
    placeholderData: keepPreviousData,
  });
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
