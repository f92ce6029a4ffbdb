import { useCallback, useEffect, useRef, type RefObject } from 'react';

/**
 * Keyboard flow of the case panel: Escape closes it, and closing returns focus to the row's Reply button, so a keyboard user never lands on <body>
 * at the top of an endless feed.
 */
export function useCaseFocus(
  sidebar: RefObject<HTMLElement | null>,
  openCase: string | undefined,
  setOpenCase: (postKey: string | undefined) => void,
) {
  const returnTo = useRef<string | undefined>(undefined);

  const close = useCallback(() => {
    returnTo.current = openCase;
    setOpenCase(undefined);
  }, [openCase, setOpenCase]);

  useEffect(() => {
    const root = sidebar.current;
    if (!root) return;
    // Opening: the panel's Back button takes focus itself (autoFocus) once the case has loaded.
    if (openCase !== undefined) return;
    const postKey = returnTo.current;
    returnTo.current = undefined;
    if (postKey === undefined) return;
    const row = [...root.querySelectorAll<HTMLElement>('[data-testid="careside-mention"]')].find(
      (item) => item.dataset.postKey === postKey,
    );
    row?.querySelector<HTMLElement>('[data-testid="careside-mention-open-case"]')?.focus();
  }, [openCase, sidebar]);

  useEffect(() => {
    const root = sidebar.current;
    if (!root || openCase === undefined) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      // A list open inside the panel (the reply box's "/" saved replies) closes first, on its own.
      if (event.target instanceof Element && event.target.closest('[data-popup-open="true"]')) return;
      event.stopPropagation();
      close();
    };
    root.addEventListener('keydown', onKey);
    return () => root.removeEventListener('keydown', onKey);
  }, [openCase, sidebar, close]);

  return close;
}
