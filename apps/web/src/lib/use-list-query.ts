import { useSearchParams } from 'react-router-dom';
import type { DateRange } from '../components/DateRangeField';
import { parseCalendarDay } from './format';

export interface ListFilterKey<K extends string> {
  /** The query parameter, the same in the page's address, the API call and the filter form. */
  name: K;
  /** Chinese name, for the notice about a value in the address that was ignored. */
  label: string;
  /** Values the list accepts; others (e.g. typed into the address bar) are ignored, not sent. */
  accepts?: (value: string) => boolean;
}

/** Rows a page of every keyset list asks for (`limit`); the API allows up to 100. */
export const LIST_PAGE_SIZE = 20;

// The API's cursors are base64url; anything else in the address is dropped, not sent.
const CURSOR = /^[A-Za-z0-9_-]{1,1024}$/;

/**
 * A server list's state, all in the URL so that reload, back/forward and a shared link keep it:
 * the filters, an optional date range as `from`/`to` (YYYY-MM-DD), and the position as the stack of
 * keyset cursors that led to it (`cursor` repeated; 上一页 drops the last). A new search starts at
 * page 1. Pass the result to <ServerTable> and `filter`/`cursor` to the list's query hook.
 */
export function useListQuery<K extends string>(keys: readonly ListFilterKey<K>[], options: { dateRange?: boolean } = {}) {
  const [params, setParams] = useSearchParams();
  const ignored: string[] = [];

  const read = (name: string, label: string, accepts: (value: string) => boolean = () => true) => {
    const value = params.get(name)?.trim();
    if (!value) return undefined;
    if (accepts(value)) return value;
    ignored.push(label);
    return undefined;
  };
  const isDay = (value: string) => parseCalendarDay(value) !== null;
  const filter = {
    ...(Object.fromEntries(keys.map((key) => [key.name, read(key.name, key.label, key.accepts)])) as Record<K, string | undefined>),
    ...(options.dateRange ? { from: read('from', '起始日期', isDay), to: read('to', '截止日期', isDay) } : {}),
  } as Record<K, string | undefined> & { from?: string; to?: string };

  let cursors = params.getAll('cursor');
  if (!cursors.every((cursor) => CURSOR.test(cursor))) {
    ignored.push('分页位置');
    cursors = [];
  }

  const withCursors = (next: string[]) => {
    const search = new URLSearchParams(params);
    search.delete('cursor');
    for (const cursor of next) search.append('cursor', cursor);
    setParams(search);
  };

  const search = (values: Partial<Record<K, string | null>> & { range?: DateRange | null }) => {
    const next = new URLSearchParams();
    for (const key of keys) {
      const value = values[key.name]?.trim();
      if (value) next.set(key.name, value);
    }
    if (values.range?.[0]) next.set('from', values.range[0].format('YYYY-MM-DD'));
    if (values.range?.[1]) next.set('to', values.range[1].format('YYYY-MM-DD'));
    setParams(next);
  };

  const initialValues = {
    ...filter,
    range: filter.from || filter.to ? ([parseCalendarDay(filter.from), parseCalendarDay(filter.to)] as DateRange) : undefined,
  };

  return {
    filter,
    /** Whether any filter is set (the empty state then suggests changing them). */
    filtered: Object.values(filter).some((value) => value !== undefined),
    ignored,
    initialValues,
    search,
    reset: () => setParams(new URLSearchParams()),
    pager: {
      cursor: cursors[cursors.length - 1] as string | undefined,
      pageNumber: cursors.length + 1,
      hasPrevious: cursors.length > 0,
      next: (cursor: string) => withCursors([...cursors, cursor]),
      previous: () => withCursors(cursors.slice(0, -1)),
      first: () => withCursors([]),
    },
  };
}

export type ListQuery<K extends string> = ReturnType<typeof useListQuery<K>>;
