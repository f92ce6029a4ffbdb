import { browser } from 'wxt/browser';
import { t } from '../i18n/t';

/** Red: at least one open case is past its first-response target. */
export const BADGE_BREACH_COLOR = '#B42318';
/** Calm slate while every open case is within its target. */
export const BADGE_CALM_COLOR = '#475467';

/** What the toolbar badge says for this many open cases: nothing at zero, capped to fit. */
export function badgeText(openCount: number): string {
  if (openCount <= 0) return '';
  return openCount > 999 ? '999+' : String(openCount);
}

export function badgeColor(breaching: number): string {
  return breaching > 0 ? BADGE_BREACH_COLOR : BADGE_CALM_COLOR;
}

/** The part of the toolbar button the badge writes. */
export interface ToolbarBadge {
  setBadgeBackgroundColor(details: { color: string }): Promise<void> | void;
  setBadgeText(details: { text: string }): Promise<void> | void;
  setTitle(details: { title: string }): Promise<void> | void;
}

/** This browser's toolbar button: MV3 has `action`; Firefox MV2 builds only have `browserAction`. */
export function toolbarBadge(): ToolbarBadge {
  const action: ToolbarBadge | undefined = browser.action;
  return action ?? browser.browserAction;
}

/** The toolbar button's tooltip: the open count, and how many are past target. */
export function badgeTitle(openCount: number, breaching: number): string {
  if (openCount === 0) return t('badge.noOpenCases');
  const open = t('badge.openCases', openCount);
  return breaching > 0 ? t('badge.pastTarget', { open, count: String(breaching) }) : open;
}

/** Show the open count, red when any open case breaches its target. */
export async function showOpenCount(openCount: number, breaching = 0, action: ToolbarBadge = toolbarBadge()): Promise<void> {
  await Promise.all([
    action.setBadgeBackgroundColor({ color: badgeColor(breaching) }),
    action.setBadgeText({ text: badgeText(openCount) }),
    action.setTitle({ title: badgeTitle(openCount, breaching) }),
  ]);
}
