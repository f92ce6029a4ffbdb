import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DashboardApp } from '../../components/dashboard/DashboardApp';
import { invalidateCasesOnChange } from '../../components/popup/subscriptions';
import { invalidateSettingsOnChange } from '../../lib/queries/settings';
import '../../components/common/base.css';
import '../../components/dashboard/dashboard.css';

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1 } } });
invalidateCasesOnChange(queryClient);
invalidateSettingsOnChange(queryClient);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <DashboardApp />
    </QueryClientProvider>
  </StrictMode>,
);
