import type { SettingsSource } from '../settings/source';
import type { ResponseTargets } from '../workflow/targets';

export interface TargetsSource {
  /** The configured first-response targets (defaults when settings are missing or invalid). */
  current(): Promise<ResponseTargets>;
}

/**
 * Response targets from the worker's settings; `onChange` runs when someone saves different
 * targets (alarms must move).
 */
export function createTargetsSource(settings: SettingsSource, onChange: () => void): TargetsSource {
  let known: ResponseTargets | undefined;
  const current = async () => (known = (await settings.current()).settings.responseTargets);
  settings.subscribe((loaded) => {
    const before = known;
    known = loaded.settings.responseTargets;
    if (before && !sameTargets(before, known)) onChange();
  });
  return { current };
}

function sameTargets(a: ResponseTargets, b: ResponseTargets): boolean {
  return a.P1 === b.P1 && a.P2 === b.P2 && a.P3 === b.P3 && a.P4 === b.P4;
}
