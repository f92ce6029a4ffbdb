import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { loadSettings, saveSettings, watchSettings, type LoadedSettings } from '../settings/store';
import type { Settings, SettingsInput } from '../settings/schema';

export const settingsKeys = {
  all: ['settings'] as const,
};

/** Stored settings; never stale on its own because storage changes invalidate it (see below). */
export const settingsQuery = () =>
  queryOptions({
    queryKey: settingsKeys.all,
    queryFn: loadSettings,
    staleTime: Infinity,
  });

/** Validate and store; on success the cached settings become the saved ones at once. */
export const saveSettingsMutation = (queryClient: QueryClient) =>
  mutationOptions<Settings, Error, SettingsInput | Settings>({
    mutationKey: [...settingsKeys.all, 'save'],
    mutationFn: saveSettings,
    onSuccess: (saved) => {
      queryClient.setQueryData<LoadedSettings>(settingsKeys.all, { settings: saved, error: null });
    },
  });

/** Re-read settings whenever any page or tab changes them; returns unsubscribe. */
export function invalidateSettingsOnChange(queryClient: QueryClient): () => void {
  return watchSettings(() => {
    void queryClient.invalidateQueries({ queryKey: settingsKeys.all });
  });
}
