import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { englishLeaks, installLocaleMessages } from '../i18n/testing';
import { BADGE_BREACH_COLOR, BADGE_CALM_COLOR, badgeColor, badgeText, badgeTitle, showOpenCount } from './badge';

describe('badge', () => {
  it('says nothing at zero and caps large counts', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(1)).toBe('1');
    expect(badgeText(999)).toBe('999');
    expect(badgeText(1000)).toBe('999+');
  });

  it('is red only when a case breaches its target', () => {
    expect(badgeColor(0)).toBe(BADGE_CALM_COLOR);
    expect(badgeColor(1)).toBe(BADGE_BREACH_COLOR);
    expect(BADGE_BREACH_COLOR.toLowerCase()).toBe('#b42318');
  });

  it('shows the open count on the toolbar action, red with a breach, with a title that says so', async () => {
    await showOpenCount(12, 2);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('12');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([0xb4, 0x23, 0x18, 255]);
    expect(await fakeBrowser.action.getTitle({})).toBe('CareSide: 12 open cases, 2 past target');
    await showOpenCount(1, 0);
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([0x47, 0x54, 0x67, 255]);
    await showOpenCount(0);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('words its tooltip in the browser language', () => {
    expect([badgeTitle(0, 0), badgeTitle(1, 0), badgeTitle(3, 1)]).toEqual([
      'CareSide: no open cases',
      'CareSide: 1 open case',
      'CareSide: 3 open cases, 1 past target',
    ]);
    installLocaleMessages(fakeBrowser.i18n, 'es', 'es');
    const titles = [badgeTitle(0, 0), badgeTitle(1, 0), badgeTitle(12, 2)];
    expect(titles).toEqual([
      'CareSide: no hay casos abiertos',
      'CareSide: 1 caso abierto',
      'CareSide: 12 casos abiertos, 2 fuera de plazo',
    ]);
    expect(englishLeaks(titles.join('\n'))).toEqual([]);
  });
});
