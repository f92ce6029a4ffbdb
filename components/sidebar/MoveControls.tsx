import { useRef, type PointerEvent } from 'react';
import type { FloatingPosition } from '../../lib/settings/sidebar-position';
import { t } from '../../lib/i18n/t';

/** A new spot for the floating panel; `done` once the drag (or key press) ends, when it is worth remembering. */
export type MoveHandler = (position: FloatingPosition, done: boolean) => void;

const KEY_STEP_PX = 20;

/**
 * Pointer handlers that let the floating panel's header drag the panel (its buttons other than the
 * grip keep their clicks). The panel is placed from the right edge, so moving right lowers `right`.
 */
export function useHeaderDrag(position: FloatingPosition, onMove: MoveHandler) {
  const drag = useRef<{ x: number; y: number; from: FloatingPosition } | null>(null);
  const spotAt = (event: PointerEvent, start: { x: number; y: number; from: FloatingPosition }): FloatingPosition => ({
    right: start.from.right - (event.clientX - start.x),
    top: start.from.top + (event.clientY - start.y),
  });
  const end = (event: PointerEvent) => {
    const start = drag.current;
    if (!start) return;
    drag.current = null;
    onMove(spotAt(event, start), true);
  };
  return {
    onPointerDown(event: PointerEvent<HTMLElement>) {
      if (event.button !== 0 || (event.target as Element).closest('button:not(.cs-move)')) return;
      event.currentTarget.setPointerCapture(event.pointerId);
      drag.current = { x: event.clientX, y: event.clientY, from: position };
      event.preventDefault();
    },
    onPointerMove(event: PointerEvent) {
      if (drag.current) onMove(spotAt(event, drag.current), false);
    },
    onPointerUp: end,
    onPointerCancel: end,
  };
}

/** The keyboard's way to move the floating panel: focus this grip and use the arrow keys (Shift for bigger steps). */
export function MoveButton({ position, onMove }: { position: FloatingPosition; onMove: MoveHandler }) {
  return (
    <button
      type="button"
      className="cs-move"
      data-testid="careside-sidebar-move"
      aria-label={t('sidebar.move')}
      title={t('sidebar.moveTitle')}
      onKeyDown={(event) => {
        const step = event.shiftKey ? KEY_STEP_PX * 3 : KEY_STEP_PX;
        const next = nudged(position, event.key, step);
        if (!next) return;
        event.preventDefault();
        onMove(next, true);
      }}
    >
      <span aria-hidden="true">⠿</span>
    </button>
  );
}

function nudged({ right, top }: FloatingPosition, key: string, step: number): FloatingPosition | null {
  switch (key) {
    case 'ArrowLeft':
      return { right: right + step, top };
    case 'ArrowRight':
      return { right: right - step, top };
    case 'ArrowUp':
      return { right, top: top - step };
    case 'ArrowDown':
      return { right, top: top + step };
    default:
      return null;
  }
}
