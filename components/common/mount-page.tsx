import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { invalidateSettingsOnChange } from '../../lib/queries/settings';
import { followTeamStatus } from '../../lib/queries/team';
import { invalidateCasesOnChange } from './subscriptions';
import { t } from '../../lib/i18n/t';
import { uiLocale } from '../../lib/i18n/format';
import { ensureMessages } from '../../lib/i18n/ensure-messages';

export interface ExtensionPageOptions {
  /** Re-read case queries whenever the background broadcasts a store change. */
  liveCases: boolean;
  /** The tab's title, in the UI language (the HTML's <title> is the English fallback). */
  title: 'pageTitle.dashboard' | 'pageTitle.options' | 'pageTitle.popup' | 'pageTitle.welcome';
}

/**
 * Render one extension page (popup, dashboard, options) into #root with its own QueryClient,
 * kept fresh by the settings (and, if asked, case-store) change broadcasts.
 */
export function mountExtensionPage(App: ComponentType, options: ExtensionPageOptions): void {
  // The page renders once its UI strings are sure to be there (lib/i18n/ensure-messages.ts).
  void ensureMessages().then(() => renderExtensionPage(App, options));
}

function renderExtensionPage(App: ComponentType, { liveCases, title }: ExtensionPageOptions): void {
  document.title = t(title);
  document.documentElement.lang = uiLocale();
  // Pages live seconds to minutes: one quick retry, then show the error with a Retry button.
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1 } } });
  if (liveCases) invalidateCasesOnChange(queryClient);
  invalidateSettingsOnChange(queryClient);
  followTeamStatus(queryClient);

  const root = document.getElementById('root');
  if (!root) throw new Error('CareSide page is missing its #root element');
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  );
}
