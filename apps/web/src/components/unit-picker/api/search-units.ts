import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { Page, UnitPickerItem } from '@butie/contracts';
import { api } from '../../../lib/api-client';

const PICKER_PAGE = 20;

/**
 * GET /api/v1/units/picker (public): approved units by name, keyword matching the name or the start
 * of the credit code; further pages by the keyset cursor (加载更多).
 */
export const unitSearchQuery = (keyword: string, countyId: string | undefined) =>
  infiniteQueryOptions({
    queryKey: ['units', 'picker', keyword, countyId],
    queryFn: ({ pageParam }) =>
      api<Page<UnitPickerItem>>('GET', '/api/v1/units/picker', {
        anonymous: true,
        query: { keyword: keyword || undefined, countyId, cursor: pageParam, limit: PICKER_PAGE },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 60_000,
  });

export function useUnitSearch(keyword: string, countyId: string | undefined, enabled: boolean) {
  return useInfiniteQuery({ ...unitSearchQuery(keyword, countyId), enabled });
}
