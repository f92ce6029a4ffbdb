// Test helpers shared by the options page tests (not shipped: only *.test.tsx import it).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { invalidateSettingsOnChange } from '../../lib/queries/settings';
import { AGENT_PROFILE_STORAGE_KEY } from '../../lib/settings/agent-profile';
import { SETTINGS_STORAGE_KEY } from '../../lib/settings/schema';
import { OptionsApp } from './OptionsApp';

/**
 * What is stored, as the app reads it: the settings with the install's signature (kept under its
 * own key, agent-profile.ts) put back.
 */
export async function stored(): Promise<unknown> {
  const all = await fakeBrowser.storage.local.get([SETTINGS_STORAGE_KEY, AGENT_PROFILE_STORAGE_KEY]);
  const settings = all[SETTINGS_STORAGE_KEY] as Record<string, unknown> | undefined;
  const profile = all[AGENT_PROFILE_STORAGE_KEY] as { signature: string } | undefined;
  return settings && profile ? { ...settings, agentSignature: profile.signature } : settings;
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
