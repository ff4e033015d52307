import { useSearchParams } from 'react-router-dom';
import type { DateRange } from '../../components/DateRangeField';
import { parseCalendarDay } from '../../lib/format';

export interface FilterKey<K extends string> {
  name: K;
  /** Chinese name, for the notice about a value in the address that was ignored. */
  label: string;
  /** Values the list accepts; others (e.g. typed into the address bar) are ignored, not sent. */
  accepts?: (value: string) => boolean;
}

const CURSOR = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * A log page's state, all in the URL so that reload, back/forward and a shared link keep it: the
 * filters, the date range as `from`/`to` (YYYY-MM-DD), and the page position as the keyset
 * cursors that led to it (`cursor` repeated; 上一页 drops the last). A new search starts at page 1.
 */
export function useLogFilter<K extends string>(keys: FilterKey<K>[]) {
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
    from: read('from', '起始日期', isDay),
    to: read('to', '截止日期', isDay),
  };

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

  const search = (values: Partial<Record<K, string>> & { range?: DateRange | null }) => {
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
    ignored,
    initialValues,
    search,
    pager: {
      cursor: cursors[cursors.length - 1],
      pageNumber: cursors.length + 1,
      hasPrevious: cursors.length > 0,
      next: (cursor: string) => withCursors([...cursors, cursor]),
      previous: () => withCursors(cursors.slice(0, -1)),
    },
  };
}
