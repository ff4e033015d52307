import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PersonRegistrationView } from '@butie/contracts';
import { api } from '../../../lib/api-client';
import { MY_REGISTRATION_KEY } from './my-registration';
import { refreshSignedInUser } from '../../../lib/refresh-signed-in-user';

/** POST /api/v1/persons/registrations/mine/submit: 注册并上报 / 提交申请 (DRAFT or RETURNED → PENDING). */
export function useSubmitMyRegistration() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<PersonRegistrationView>('POST', '/api/v1/persons/registrations/mine/submit'),
    onSuccess: async (view) => {
      client.setQueryData(MY_REGISTRATION_KEY, view);
      await refreshSignedInUser();
    },
    onError: () => client.invalidateQueries({ queryKey: MY_REGISTRATION_KEY }),
  });
}
