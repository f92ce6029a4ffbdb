import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OptionsApp } from '../../components/options/OptionsApp';
import { invalidateSettingsOnChange } from '../../lib/queries/settings';
import '../../components/common/base.css';
import '../../components/options/options.css';

const queryClient = new QueryClient();
invalidateSettingsOnChange(queryClient);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <OptionsApp />
    </QueryClientProvider>
  </StrictMode>,
);
