import { useCallback, useState, useSyncExternalStore } from 'react';
import { clampFloatingPosition, saveSidebarPosition, type FloatingPosition } from '../../lib/settings/sidebar-position';
import type { Platform } from '../../lib/domain/post';

/**
 * Where the floating panel sits on this site: the spot the user dragged it to (remembered per
 * site), pulled back inside the window whenever the window is too small for it. The remembered
 * spot itself is kept, so the panel returns there once the window grows again.
 */
export function useFloatingPosition(platform: Platform, initial: FloatingPosition, panelWidth: number) {
  const [chosen, setChosen] = useState(initial);
  const viewport = useViewportSize();
  const position = clampFloatingPosition(chosen, panelWidth, viewport);

  // While dragging only the state follows the pointer; the spot is stored once, when the move ends.
  const move = useCallback(
    (next: FloatingPosition, done: boolean) => {
      const kept = clampFloatingPosition(next, panelWidth, { width: window.innerWidth, height: window.innerHeight });
      setChosen(kept);
      if (done) void saveSidebarPosition(platform, kept);
    },
    [platform, panelWidth],
  );
  return { position, move };
}

function subscribeToResize(onChange: () => void): () => void {
  window.addEventListener('resize', onChange);
  return () => window.removeEventListener('resize', onChange);
}
// One string, so an unchanged size is an unchanged snapshot.
const viewportKey = () => `${window.innerWidth}x${window.innerHeight}`;

function useViewportSize(): { width: number; height: number } {
  const [width, height] = useSyncExternalStore(subscribeToResize, viewportKey).split('x').map(Number);
  return { width: width ?? 0, height: height ?? 0 };
}
