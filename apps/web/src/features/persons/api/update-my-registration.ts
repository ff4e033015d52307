import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PersonRegistrationView, UpdatePersonRegistrationRequest } from '@butie/contracts';
import { api } from '../../../lib/api-client';
import { MY_REGISTRATION_KEY } from './my-registration';
import { refreshSignedInUser } from '../../../lib/refresh-signed-in-user';

/**
 * PUT /api/v1/persons/registrations/mine: name and basic information. After approval a change of
 * name, ID or unit sends the registration back to the unit, and the menu shrinks with it.
 */
export function useUpdateMyRegistration() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdatePersonRegistrationRequest) => api<PersonRegistrationView>('PUT', '/api/v1/persons/registrations/mine', { body: input }),
    onSuccess: async (view) => {
      client.setQueryData(MY_REGISTRATION_KEY, view);
      await refreshSignedInUser();
    },
  });
}
