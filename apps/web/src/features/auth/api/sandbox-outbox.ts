import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface OutboxMessage {
  id: string;
  phone: string;
  template: string;
  content: string;
  sentAt: string;
}

/** Only while the sandbox SMS provider is on: what "arrived" on a phone, for demos and tests. */
export function useSandboxOutbox(phone: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['sandbox-outbox', phone],
    queryFn: () => api<OutboxMessage[]>('GET', '/api/v1/sandbox/sms-outbox', { query: { phone, limit: 1 }, anonymous: true }),
    enabled: enabled && !!phone,
    refetchInterval: 3000,
  });
}
