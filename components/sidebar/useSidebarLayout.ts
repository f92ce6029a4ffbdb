import { useCallback, useEffect, useLayoutEffect, useState, type RefObject } from 'react';
import { dockTopOf, pageTheme, reservePageRoom } from '../../lib/content/page-look';
import { saveSidebarMode, type SidebarMode } from '../../lib/settings/sidebar-layout';
import type { Platform } from '../../lib/domain/post';

/** The docked panel's width; the page is narrowed by exactly this much. */
export const DOCKED_WIDTH_PX = 340;

/**
 * The sidebar's layout on this site: the mode the user chose (remembered per site), the room a
 * docked panel takes from the page, where it starts below the page's own top bar, and the
 * page's light or dark theme.
 */
export function useSidebarLayout(platform: Platform, initialMode: SidebarMode, sidebar: RefObject<HTMLElement | null>) {
  const [mode, setMode] = useState(initialMode);
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

  // Before paint: the page reflows once into its narrower width, with the panel already there,
  // starting below the page's own fixed top bar if it has one.
  useLayoutEffect(() => {
    const element = sidebar.current;
    if (mode !== 'docked' || !element) return undefined;
    const release = reservePageRoom(document, DOCKED_WIDTH_PX);
    const root = element.getRootNode();
    const top = dockTopOf(document, root instanceof ShadowRoot ? root.host : null);
    if (top > 0) element.style.setProperty('top', `${top}px`);
    return () => {
      element.style.removeProperty('top');
      release();
    };
  }, [mode, sidebar]);

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

  return { mode, openMode, theme, changeMode };
}
