import { useRef } from 'react';
import { SIDEBAR_WIDTH } from '../../lib/settings/sidebar-layout';
import { t } from '../../lib/i18n/t';

export interface ResizeHandleProps {
  width: number;
  /** A new width; `done` once the drag (or key press) ends, when it is worth remembering. */
  onResize: (width: number, done: boolean) => void;
}

const KEY_STEP_PX = 20;

/**
 * The panel's left edge: drag it to resize the panel (the page follows when docked), or focus it
 * and use the arrow keys (left widens, right narrows; Shift for bigger steps).
 */
export function ResizeHandle({ width, onResize }: ResizeHandleProps) {
  const drag = useRef<{ x: number; width: number } | null>(null);
  const widthAt = (clientX: number, start: { x: number; width: number }) => start.width + start.x - clientX;
  const end = (clientX: number) => {
    const start = drag.current;
    if (!start) return;
    drag.current = null;
    onResize(widthAt(clientX, start), true);
  };
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={t('sidebar.resize')}
      aria-valuenow={width}
      aria-valuemin={SIDEBAR_WIDTH.min}
      aria-valuemax={SIDEBAR_WIDTH.max}
      tabIndex={0}
      className="cs-resize"
      data-testid="careside-sidebar-resize"
      title={t('sidebar.resize')}
      onPointerDown={(event) => {
        if (event.button !== 0) return;
        event.currentTarget.setPointerCapture(event.pointerId);
        drag.current = { x: event.clientX, width };
        event.preventDefault();
      }}
      onPointerMove={(event) => {
        if (drag.current) onResize(widthAt(event.clientX, drag.current), false);
      }}
      onPointerUp={(event) => end(event.clientX)}
      onPointerCancel={(event) => end(event.clientX)}
      onKeyDown={(event) => {
        const step = event.shiftKey ? KEY_STEP_PX * 3 : KEY_STEP_PX;
        if (event.key === 'ArrowLeft') onResize(width + step, true);
        else if (event.key === 'ArrowRight') onResize(width - step, true);
        else return;
        event.preventDefault();
      }}
    />
  );
}
