import { useSearchParams } from 'react-router-dom';

/** Reads and writes a page's filters in the URL (string values only; empty ones dropped). */
export function useUrlFilter<T extends Record<string, string | undefined>>(keys: (keyof T & string)[]): [T, (values: T) => void] {
  const [params, setParams] = useSearchParams();
  const filter = Object.fromEntries(keys.map((key) => [key, params.get(key) || undefined])) as T;
  const update = (values: T) => {
    const next = new URLSearchParams();
    for (const key of keys) {
      const value = values[key];
      if (value) next.set(key, value);
    }
    setParams(next);
  };
  return [filter, update];
}
