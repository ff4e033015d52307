import { useMutation } from '@tanstack/react-query';
import type { EstimateRequest, QuoteView } from '@butie/contracts';
import { api } from '../../../lib/api-client';

/** GET /api/v1/public/estimate, run when the visitor asks (测算), not on every keystroke. */
export function useEstimate() {
  return useMutation({
    mutationFn: (request: EstimateRequest) => api<QuoteView>('GET', '/api/v1/public/estimate', { query: { ...request }, anonymous: true }),
  });
}
