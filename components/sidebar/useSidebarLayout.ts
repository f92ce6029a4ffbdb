import { useCallback, useEffect, useLayoutEffect, useState, type RefObject } from 'react';
import { dockTopOf, pageTheme, reservePageRoom } from '../../lib/content/page-look';
import { clampSidebarWidth, saveSidebarMode, saveSidebarWidth, type SidebarMode } from '../../lib/settings/sidebar-layout';
import type { Platform } from '../../lib/domain/post';

/**
 * The sidebar's layout on this site: the mode and width the user chose (remembered per site), the
 * room a docked panel takes from the page (exactly its width), where it starts below the page's
 * own top bar, and the page's light or dark theme.
 */
export function useSidebarLayout(
  platform: Platform,
  initial: { mode: SidebarMode; width: number },
  sidebar: RefObject<HTMLElement | null>,
) {
  const [mode, setMode] = useState(initial.mode);
  const [width, setWidth] = useState(() => clampSidebarWidth(initial.width));
  const initialMode = initial.mode;
  const [openMode, setOpenMode] = useState<Exclude<SidebarMode, 'collapsed'>>(initialMode === 'floating' ? 'floating' : 'docked');
  const [theme, setTheme] = useState<'light' | 'dark'>(() => pageTheme(document));

  const changeMode = useCallback(
    (next: SidebarMode) => {
      setMode(next);
      if (next !== 'collapsed') setOpenMode(next);
      void saveSidebarMode(platform, next);
    },
    [platform],
  );

  // While dragging, only the state follows the pointer; the width is stored once, when the drag ends.
  const resize = useCallback(
    (next: number, done: boolean) => {
      const clamped = clampSidebarWidth(next);
      setWidth(clamped);
      if (done) void saveSidebarWidth(platform, clamped);
    },
    [platform],
  );

  // Before paint: the page reflows once into its narrower width, with the panel already there,
  // starting below the page's own fixed top bar if it has one.
  useLayoutEffect(() => {
    const element = sidebar.current;
    if (mode !== 'docked' || !element) return undefined;
    const release = reservePageRoom(document, width);
    const root = element.getRootNode();
    const top = dockTopOf(document, root instanceof ShadowRoot ? root.host : null);
    if (top > 0) element.style.setProperty('top', `${top}px`);
    return () => {
      element.style.removeProperty('top');
      release();
    };
  }, [mode, width, sidebar]);

  // Sites switch theme without a reload (X's display settings); the OS setting counts where the page paints none.
  useEffect(() => {
    const query = window.matchMedia?.('(prefers-color-scheme: dark)');
    const follow = () => setTheme(pageTheme(document));
    query?.addEventListener('change', follow);
    const observer = new MutationObserver(follow);
    for (const element of [document.documentElement, document.body]) {
      if (element) observer.observe(element, { attributes: true, attributeFilter: ['style', 'class', 'data-theme'] });
    }
    return () => {
      query?.removeEventListener('change', follow);
      observer.disconnect();
    };
  }, []);

  return { mode, openMode, theme, changeMode, width, resize };
}
