import { useEffect, useRef, type RefObject } from 'react';

export interface RowKeyActions {
  onLog: (postKey: string) => void;
  onOpenCase?: ((postKey: string) => void) | undefined;
  /** Subscribe to the focus-sidebar shortcut; returns the unsubscribe. */
  onFocusRequest?: ((listener: () => void) => () => void) | undefined;
  /** The shortcut was pressed while the sidebar is collapsed: open it first. */
  expand: () => void;
}

const ROW = '[data-testid="careside-mention"]';

/** Keys that would otherwise be typed: ignore them in fields and with modifiers. */
function isTyping(event: KeyboardEvent): boolean {
  const target = event.composedPath()[0];
  const editable = target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  return editable || event.altKey || event.ctrlKey || event.metaKey;
}

/**
 * Keyboard work in the sidebar, like a mail client's list: j / k move between rows, l logs the
 * row's post, r opens its case; the focus-sidebar shortcut puts focus on the first row.
 */
export function useRowKeys(sidebar: RefObject<HTMLElement | null>, actions: RowKeyActions): void {
  const { onLog, onOpenCase, onFocusRequest, expand } = actions;

  useEffect(() => {
    const root = sidebar.current;
    if (!root) return undefined;
    const rows = () => [...root.querySelectorAll<HTMLElement>(ROW)];
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event) || !['j', 'k', 'l', 'r'].includes(event.key)) return;
      const target = event.composedPath()[0];
      const row = target instanceof Element ? target.closest<HTMLElement>(ROW) : null;
      const postKey = row?.dataset.postKey;
      if (event.key === 'j' || event.key === 'k') {
        const all = rows();
        const next = all[row ? all.indexOf(row) + (event.key === 'j' ? 1 : -1) : 0];
        next?.focus();
      } else if (postKey && event.key === 'l' && row?.querySelector('[data-testid="careside-mention-log"]')) {
        onLog(postKey);
      } else if (postKey && event.key === 'r' && onOpenCase && row?.querySelector('[data-testid="careside-mention-open-case"]')) {
        onOpenCase(postKey);
      } else {
        return;
      }
      event.preventDefault();
      event.stopPropagation();
    };
    root.addEventListener('keydown', onKey);
    return () => root.removeEventListener('keydown', onKey);
  }, [sidebar, onLog, onOpenCase]);

  // Focus lands once the rows are there (an expanded sidebar renders them in its next commit).
  const focusPending = useRef(false);
  useEffect(
    () =>
      onFocusRequest?.(() => {
        focusPending.current = true;
        expand();
        focusFirstRow(sidebar.current, focusPending);
      }),
    [sidebar, onFocusRequest, expand],
  );
  useEffect(() => focusFirstRow(sidebar.current, focusPending));
}

/** Focus the first row if a focus request is pending and the rows are rendered. */
function focusFirstRow(root: HTMLElement | null, pending: { current: boolean }): void {
  if (!pending.current || !root) return;
  const first = root.querySelector<HTMLElement>(ROW);
  if (!first && root.dataset.mode === 'collapsed') return; // Not rendered yet.
  pending.current = false;
  (first ?? root).focus();
}
