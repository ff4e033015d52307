import dayjs, { type Dayjs } from 'dayjs';

export const DASH = '—';

/**
 * `2025-03-10 08:00:00` (or to the minute) in the browser's zone; a missing or unreadable value
 * shows as 「—」, never 「Invalid Date」.
 */
export function formatDateTime(value: string | null | undefined, precision: 'seconds' | 'minutes' = 'seconds'): string {
  const time = value ? dayjs(value) : null;
  return time?.isValid() ? time.format(precision === 'seconds' ? 'YYYY-MM-DD HH:mm:ss' : 'YYYY-MM-DD HH:mm') : DASH;
}

/** `03-10 08:00`: a time that is soon, e.g. the end of a sign-in lock. */
export function formatShortTime(value: string): string {
  const time = dayjs(value);
  return time.isValid() ? time.format(time.isSame(dayjs(), 'day') ? 'HH:mm' : 'MM-DD HH:mm') : DASH;
}

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day written YYYY-MM-DD (as in a URL), or null for anything else, 2025-02-30 included. */
export function parseCalendarDay(value: string | null | undefined): Dayjs | null {
  if (!value || !CALENDAR_DAY.test(value)) return null;
  const day = dayjs(value);
  return day.isValid() && day.format('YYYY-MM-DD') === value ? day : null;
}

/** `356 KB`, `4.2 MB`: a file's size as people read it. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}
