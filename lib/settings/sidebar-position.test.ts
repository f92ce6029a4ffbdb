import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  clampFloatingPosition,
  DEFAULT_FLOATING_POSITION,
  FLOATING_MIN_VISIBLE_PX,
  loadSidebarPosition,
  saveSidebarPosition,
  SIDEBAR_POSITION_KEY,
} from './sidebar-position';

beforeEach(() => fakeBrowser.reset());

const laptop = { width: 1280, height: 800 };

describe('clampFloatingPosition', () => {
  it('keeps a spot that fits as it is, in whole pixels', () => {
    expect(clampFloatingPosition({ right: 200.4, top: 300.6 }, 340, laptop)).toEqual({ right: 200, top: 301 });
  });

  it('keeps the whole panel width inside the window and its header and some rows above the bottom', () => {
    expect(clampFloatingPosition({ right: 1200, top: 790 }, 340, laptop)).toEqual({
      right: 1280 - 340,
      top: 800 - FLOATING_MIN_VISIBLE_PX,
    });
    expect(clampFloatingPosition({ right: -50, top: -10 }, 340, laptop)).toEqual({ right: 0, top: 0 });
  });

  it('pulls the panel back in when the window shrinks, and pins it to the top-right corner when the window is smaller than the panel', () => {
    const spot = { right: 800, top: 600 };
    expect(clampFloatingPosition(spot, 340, { width: 900, height: 500 })).toEqual({ right: 560, top: 500 - FLOATING_MIN_VISIBLE_PX });
    expect(clampFloatingPosition(spot, 340, { width: 300, height: 100 })).toEqual({ right: 0, top: 0 });
  });

  it('reads a spot that is not a number as the default one', () => {
    expect(clampFloatingPosition({ right: Number.NaN, top: Number.POSITIVE_INFINITY }, 340, laptop)).toEqual(DEFAULT_FLOATING_POSITION);
  });
});

describe('the floating position per site', () => {
  it('remembers each site apart and starts from the default elsewhere', async () => {
    await saveSidebarPosition('yelp', { right: 412.7, top: 96 });
    expect(await loadSidebarPosition('yelp')).toEqual({ right: 413, top: 96 });
    expect(await loadSidebarPosition('x')).toEqual(DEFAULT_FLOATING_POSITION);
    await saveSidebarPosition('x', { right: 30, top: 40 });
    expect(await loadSidebarPosition('yelp')).toEqual({ right: 413, top: 96 });
  });

  it('reads a broken stored value as no position', async () => {
    await fakeBrowser.storage.local.set({ [SIDEBAR_POSITION_KEY]: { x: { right: 'far', top: 2 } } });
    expect(await loadSidebarPosition('x')).toEqual(DEFAULT_FLOATING_POSITION);
  });
});
