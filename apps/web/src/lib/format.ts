import dayjs from 'dayjs';

export const DASH = '—';

export function formatDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD HH:mm:ss') : DASH;
}
