import type { RegistrationStatus } from '@butie/contracts';
import { DEFAULT_PAGE_SIZE } from '../paging/keyset.js';
import { assertDayOrder } from '../validation/calendar-day.js';
import type { SubmittedDaysQuery } from './review.dto.js';

/** What a review queue's repository is asked for: the query's filters, checked and with a page size. */
export interface ReviewQueueFilter {
  status?: RegistrationStatus;
  keyword?: string;
  submittedFrom?: string;
  submittedTo?: string;
  cursor?: string;
  limit: number;
}

/** A review queue's query as its repository takes it: the days in order (else 400), an empty keyword none. */
export function reviewQueueFilter(query: SubmittedDaysQuery & { status?: RegistrationStatus; keyword?: string }): ReviewQueueFilter {
  assertDayOrder({ from: query.submittedFrom, to: query.submittedTo }, { from: 'submittedFrom', to: 'submittedTo' });
  return {
    status: query.status,
    keyword: query.keyword || undefined,
    submittedFrom: query.submittedFrom,
    submittedTo: query.submittedTo,
    cursor: query.cursor,
    limit: query.limit ?? DEFAULT_PAGE_SIZE,
  };
}
