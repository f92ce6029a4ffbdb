// Test helpers shared by the options page tests (not shipped: only *.test.tsx import it).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { invalidateSettingsOnChange } from '../../lib/queries/settings';
import { SETTINGS_STORAGE_KEY } from '../../lib/settings/schema';
import { OptionsApp } from './OptionsApp';

/** What is in storage under the settings key right now. */
export async function stored(): Promise<unknown> {
  return (await fakeBrowser.storage.local.get(SETTINGS_STORAGE_KEY))[SETTINGS_STORAGE_KEY];
}

/** Store `initial` (unless undefined), render the page and wait until it shows the form. */
export async function renderOptions(initial: unknown) {
  if (initial !== undefined) await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: initial });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const unsubscribe = invalidateSettingsOnChange(client);
  render(
    <QueryClientProvider client={client}>
      <OptionsApp />
    </QueryClientProvider>,
  );
  await screen.findByTestId('options-save');
  return { client, unsubscribe };
}

export const type = (element: HTMLElement, value: string) => fireEvent.change(element, { target: { value } });
export const message = () => screen.getByTestId('options-message');
export const save = () => fireEvent.click(screen.getByTestId('options-save'));
