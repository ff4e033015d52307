import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
// The ES module: `antd/locale/zh_CN` is CommonJS and brings the CommonJS copies of its pickers' locales.
import zhCN from 'antd/es/locale/zh_CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { router } from './app/router';
import { appTheme } from './app/theme';
import { queryClient } from './lib/query-client';


createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} theme={appTheme}>
      {/* antd's App and dayjs's locale are for the signed-in routes only: app/SignedInApp.tsx. */}
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ConfigProvider>
  </StrictMode>,
);
