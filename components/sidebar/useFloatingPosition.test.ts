import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { loadSidebarPosition } from '../../lib/settings/sidebar-position';
import { useFloatingPosition } from './useFloatingPosition';

function resizeWindow(width: number, height: number) {
  Object.assign(window, { innerWidth: width, innerHeight: height });
  window.dispatchEvent(new Event('resize'));
}

describe('useFloatingPosition', () => {
  it('keeps the panel on screen when the window shrinks, and goes back to the chosen spot when it grows', () => {
    resizeWindow(1280, 800);
    const { result } = renderHook(() => useFloatingPosition('x', { right: 700, top: 500 }, 340));
    expect(result.current.position).toEqual({ right: 700, top: 500 });
    act(() => resizeWindow(800, 560));
    expect(result.current.position).toEqual({ right: 460, top: 440 });
    act(() => resizeWindow(1280, 800));
    expect(result.current.position).toEqual({ right: 700, top: 500 });
  });

  it('remembers the spot for the site once a move ends, not while dragging', async () => {
    resizeWindow(1280, 800);
    const { result } = renderHook(() => useFloatingPosition('yelp', { right: 16, top: 72 }, 340));
    act(() => result.current.move({ right: 300, top: 200 }, false));
    expect(result.current.position).toEqual({ right: 300, top: 200 });
    expect(await loadSidebarPosition('yelp')).toEqual({ right: 16, top: 72 });
    act(() => result.current.move({ right: 5_000, top: 210 }, true));
    expect(result.current.position).toEqual({ right: 940, top: 210 });
    await waitFor(async () => expect(await loadSidebarPosition('yelp')).toEqual({ right: 940, top: 210 }));
  });
});
