import type { TestApp } from './test-app.js';

export interface KeysetPageBody<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Follows `nextCursor` from the first page of a keyset list to the last and returns every page, so
 * that a test can check that pages neither overlap nor skip a row. `query` is the rest of the query
 * string (filters, `limit`).
 */
export async function allPages<T>(t: TestApp, headers: Record<string, string>, path: string, query = ''): Promise<KeysetPageBody<T>[]> {
  const pages: KeysetPageBody<T>[] = [];
  let cursor: string | null = null;
  do {
    const search = [query, cursor ? `cursor=${cursor}` : ''].filter(Boolean).join('&');
    const response = await t.http().get(`${path}${search ? `?${search}` : ''}`).set(headers);
    expect(response.status).toBe(200);
    pages.push(response.body as KeysetPageBody<T>);
    cursor = (response.body as KeysetPageBody<T>).nextCursor;
    // A runaway loop would mean the cursor never ends.
    expect(pages.length).toBeLessThan(200);
  } while (cursor);
  return pages;
}

/** Every row of a keyset list, in list order. */
export async function allItems<T>(t: TestApp, headers: Record<string, string>, path: string, query = ''): Promise<T[]> {
  return (await allPages<T>(t, headers, path, query)).flatMap((page) => page.items);
}
