import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DISMISSED_POSTS_KEY, loadDismissedPosts, MAX_DISMISSED_POSTS, nextDismissed, saveDismissedChange } from './dismissed-posts';
import { loadSidebarMode, loadSidebarWidth, saveSidebarMode, saveSidebarWidth, SIDEBAR_WIDTH, SIDEBAR_WIDTH_KEY } from './sidebar-layout';

beforeEach(() => fakeBrowser.reset());

describe('sidebar layout per site', () => {
  it('remembers the mode and the width of each site apart', async () => {
    await saveSidebarMode('yelp', 'floating');
    await saveSidebarWidth('x', 455.4);
    expect(await loadSidebarMode('yelp')).toBe('floating');
    expect(await loadSidebarMode('x')).toBe('docked');
    expect(await loadSidebarWidth('x')).toBe(455);
    expect(await loadSidebarWidth('facebook')).toBe(SIDEBAR_WIDTH.default);
  });

  it('keeps widths within the limits, and falls back to the default on a stored value it cannot read', async () => {
    await saveSidebarWidth('x', 5_000);
    await saveSidebarWidth('yelp', 10);
    expect(await loadSidebarWidth('x')).toBe(SIDEBAR_WIDTH.max);
    expect(await loadSidebarWidth('yelp')).toBe(SIDEBAR_WIDTH.min);
    await fakeBrowser.storage.local.set({ [SIDEBAR_WIDTH_KEY]: 'wide' });
    expect(await loadSidebarWidth('x')).toBe(SIDEBAR_WIDTH.default);
  });
});

describe('dismissed posts', () => {
  it('adds dismissed keys as the newest, removes restored ones, and keeps each key once', async () => {
    await saveDismissedChange({ dismissed: ['x:1', 'x:2'] });
    await saveDismissedChange({ dismissed: ['x:1', 'yelp:3'] });
    expect(await loadDismissedPosts()).toEqual(['x:2', 'x:1', 'yelp:3']);
    await saveDismissedChange({ restored: ['x:2', 'yelp:3'] });
    expect(await loadDismissedPosts()).toEqual(['x:1']);
  });

  it('keeps only the newest keys, and reads a broken stored value as none', async () => {
    const many = Array.from({ length: MAX_DISMISSED_POSTS }, (_, index) => `x:${index}`);
    expect(nextDismissed(many, { dismissed: ['x:new'] })).toEqual([...many.slice(1), 'x:new']);
    await fakeBrowser.storage.local.set({ [DISMISSED_POSTS_KEY]: { 'x:1': true } });
    expect(await loadDismissedPosts()).toEqual([]);
  });
});
