import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PopupApp } from '../../components/popup/PopupApp';
import { invalidateCasesOnChange } from '../../components/popup/subscriptions';
import { invalidateSettingsOnChange } from '../../lib/queries/settings';
import '../../components/common/base.css';
import '../../components/popup/popup.css';

// A popup lives seconds: one quick retry, then show the error with a Retry button.
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1 } } });
invalidateCasesOnChange(queryClient);
invalidateSettingsOnChange(queryClient);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <PopupApp />
    </QueryClientProvider>
  </StrictMode>,
);
