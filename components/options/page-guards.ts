import { useEffect } from 'react';

/**
 * While `active`, leaving or reloading the page asks first (the browser's own "Leave site?"
 * dialog), so unsaved edits are not lost to a closed tab.
 */
export function useUnsavedChangesGuard(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium asks only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [active]);
}

/**
 * Keep scrolled-to and focused fields clear of a bar stuck to the bottom of the page: the page's
 * scroll padding follows the bar's height, so focusing a field (Tab, or focusFirstInvalid)
 * stops above the bar instead of under it.
 */
export function useStickyBottomPadding(element: HTMLElement | null): void {
  useEffect(() => {
    if (!element || typeof ResizeObserver === 'undefined') return;
    const root = document.documentElement;
    const update = () => root.style.setProperty('scroll-padding-bottom', `${Math.ceil(element.getBoundingClientRect().height) + 12}px`);
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty('scroll-padding-bottom');
    };
  }, [element]);
}

/** Scroll the first field marked invalid inside `container` into the middle of the view and focus it; false when there is none. */
export function focusFirstInvalid(container: HTMLElement | null): boolean {
  const field = container?.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (!field) return false;
  field.scrollIntoView?.({ block: 'center' });
  field.focus({ preventScroll: true });
  return true;
}
