import { browser } from 'wxt/browser';

export const BADGE_BACKGROUND_COLOR = '#B42318';

/** What the toolbar badge says for this many open cases: nothing at zero, capped to fit. */
export function badgeText(openCount: number): string {
  if (openCount <= 0) return '';
  return openCount > 999 ? '999+' : String(openCount);
}

export async function showOpenCount(openCount: number): Promise<void> {
  // MV3 has `action`; Firefox MV2 builds only have `browserAction`.
  const action = (browser.action as typeof browser.action | undefined) ?? browser.browserAction;
  await Promise.all([
    action.setBadgeBackgroundColor({ color: BADGE_BACKGROUND_COLOR }),
    action.setBadgeText({ text: badgeText(openCount) }),
  ]);
}
