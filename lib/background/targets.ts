import { loadSettings, watchSettings } from '../settings/store';
import { DEFAULT_RESPONSE_TARGETS, type ResponseTargets } from '../workflow/targets';

export interface TargetsSource {
  /** The configured first-response targets (defaults when settings are missing or invalid). */
  current(): Promise<ResponseTargets>;
}

/**
 * Response targets from the settings, read once per worker and kept fresh by the storage
 * change event; `onChange` runs when someone saves different targets (alarms must move).
 */
export function createTargetsSource(onChange: () => void): TargetsSource {
  let cached: Promise<ResponseTargets> | null = null;
  const read = () => loadSettings().then(
    (loaded) => loaded.settings.responseTargets,
    () => DEFAULT_RESPONSE_TARGETS,
  );
  watchSettings((loaded) => {
    const next = loaded.settings.responseTargets;
    const previous = cached;
    cached = Promise.resolve(next);
    void previous?.then((before) => {
      if (!sameTargets(before, next)) onChange();
    });
  });
  return {
    current() {
      cached ??= read();
      return cached;
    },
  };
}

function sameTargets(a: ResponseTargets, b: ResponseTargets): boolean {
  return a.P1 === b.P1 && a.P2 === b.P2 && a.P3 === b.P3 && a.P4 === b.P4;
}
