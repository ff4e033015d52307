import dayjs, { type Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { useCursorStack } from '../../components/CursorPager';

type Filter = Record<string, string | undefined>;
export type RangeValue = [Dayjs | null, Dayjs | null] | null | undefined;

/**
 * A log page's filters, kept in the URL (so a filtered page can be reloaded and shared), with the
 * date range as `from`/`to` (YYYY-MM-DD) and keyset paging that restarts with every new search.
 */
export function useLogFilter<F extends Filter>(keys: (keyof F & string)[]) {
  const [params, setParams] = useSearchParams();
  const pager = useCursorStack();
  const filter = Object.fromEntries([...keys, 'from', 'to'].map((key) => [key, params.get(key) || undefined])) as F & { from?: string; to?: string };

  const search = (values: Partial<F> & { range?: RangeValue }) => {
    const { range, ...rest } = values;
    const next = new URLSearchParams();
    for (const key of keys) {
      const value = (rest as Filter)[key]?.trim();
      if (value) next.set(key, value);
    }
    if (range?.[0]) next.set('from', range[0].format('YYYY-MM-DD'));
    if (range?.[1]) next.set('to', range[1].format('YYYY-MM-DD'));
    pager.reset();
    setParams(next);
  };

  const initialValues = {
    ...filter,
    range: filter.from || filter.to ? [filter.from ? dayjs(filter.from) : null, filter.to ? dayjs(filter.to) : null] : undefined,
  };

  return { filter, pager, search, initialValues };
}
