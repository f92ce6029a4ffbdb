import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BADGE_BACKGROUND_COLOR, badgeText, showOpenCount } from './badge';

describe('badge', () => {
  it('says nothing at zero and caps large counts', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(1)).toBe('1');
    expect(badgeText(999)).toBe('999');
    expect(badgeText(1000)).toBe('999+');
  });

  it('shows the open count on the toolbar action with our colour', async () => {
    await showOpenCount(12);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('12');
    const color = await fakeBrowser.action.getBadgeBackgroundColor({});
    expect(color).toEqual([0xb4, 0x23, 0x18, 255]);
    expect(BADGE_BACKGROUND_COLOR.toLowerCase()).toBe('#b42318');

    await showOpenCount(0);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });
});
