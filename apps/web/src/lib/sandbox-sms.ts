import { useQuery } from '@tanstack/react-query';
import type { SandboxSmsView } from '@butie/contracts';
import { api, ApiError } from './api-client';

/** How long to keep asking for a message that has not arrived (the sandbox writes it at once). */
const GIVE_UP_AFTER_TRIES = 30;

const readSandboxSms = async (ticket: string): Promise<SandboxSmsView | null> => {
  try {
    return await api<SandboxSmsView>('GET', `/api/v1/sandbox/sms-outbox/${encodeURIComponent(ticket)}`, { anonymous: true });
  } catch (error) {
    // 404: not there yet. Any other refusal is an answer too: nothing to show.
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
};

/**
 * Only with the SMS sandbox on: the message that "arrived" on the phone, read by the ticket that
 * sending it returned (never by phone number, which would tell who is registered).
 */
export function useSandboxSms(ticket: string | undefined) {
  return useQuery({
    queryKey: ['sandbox-sms', ticket],
    queryFn: () => readSandboxSms(ticket!),
    enabled: !!ticket,
    staleTime: Infinity,
    refetchInterval: (query) => (query.state.data || query.state.dataUpdateCount >= GIVE_UP_AFTER_TRIES ? false : 1000),
  });
}
