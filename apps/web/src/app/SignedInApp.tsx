import App from 'antd/es/app';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';

// Dates are shown and picked on signed-in pages only: the login page need not carry dayjs.
dayjs.locale('zh-cn');

/**
 * What the signed-in pages (and the public pages beside the login page: router.tsx) share beyond the root providers: antd's App, whose message,
 * notification and modal hooks they use (about 20 kB gzip the login page does without).
 */
export function SignedInApp({ children }: { children: ReactNode }) {
  return <App notification={{ placement: 'bottomRight' }}>{children}</App>;
}
