import type { UserView } from '@butie/contracts';
import { api } from './api-client';
import { sessionStore } from './session';

/**
 * GET /api/v1/me into the session: the registration status is part of the signed-in user (it decides
 * the menu), so after the account's own move — or on seeing that its reviewer (the unit, the county)
 * decided — the user is read again and the menu follows at once.
 */
export async function refreshSignedInUser(): Promise<void> {
  sessionStore.updateUser(await api<UserView>('GET', '/api/v1/me'));
}
