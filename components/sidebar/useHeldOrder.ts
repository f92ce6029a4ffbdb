import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type PointerEvent,
  type RefObject,
} from 'react';
import { holdOrder, showMoreHeld, type Keyed } from '../../lib/content/held-order';
import { SIDEBAR_PAGE_ROWS } from '../../lib/content/view-model';

const ROW = '[data-testid="careside-mention"]';

/** Handlers for the list's element: pointer over it or focus inside it holds the order. */
export interface ListHoldEvents {
  onPointerEnter: () => void;
  onPointerLeave: (event: PointerEvent<HTMLElement>) => void;
  onFocus: (event: FocusEvent<HTMLElement>) => void;
  onBlur: (event: FocusEvent<HTMLElement>) => void;
}

function activeIn(root: HTMLElement | null): HTMLElement | null {
  const active = (root?.getRootNode() as Document | ShadowRoot | undefined)?.activeElement;
  return root && active instanceof HTMLElement && root.contains(active) ? active : null;
}

const focusedIn = (sidebar: RefObject<HTMLElement | null>) => activeIn(sidebar.current);
const listIn = (sidebar: RefObject<HTMLElement | null>) => sidebar.current?.querySelector<HTMLElement>('.cs-list') ?? null;

/** Focus dropped to <body> (or nowhere), as when the focused node was removed: nobody else took it. */
function focusWasLost(doc: Document): boolean {
  return doc.activeElement === null || doc.activeElement === doc.body;
}

/**
 * A keyboard user's row left the list (its post went, or the page navigated): browsers drop focus to
 * <body> without a blur, so the hold would stay with nobody in the list. Focus goes to the top row.
 */
function useFocusKeptInList(sidebar: RefObject<HTMLElement | null>, focusIn: boolean) {
  useLayoutEffect(() => {
    const list = listIn(sidebar);
    if (!focusIn || !list || activeIn(list) || !focusWasLost(list.ownerDocument)) return;
    list.querySelector<HTMLElement>(ROW)?.focus({ preventScroll: true });
  });
}

/**
 * React's pointerleave never comes when the row under the pointer is removed (the list shrinks away
 * from it), nor when a touch ends: while the pointer holds the order, a pointer over anything outside
 * the list releases it.
 */
function usePointerReleaseOutside(sidebar: RefObject<HTMLElement | null>, pointerIn: boolean, release: () => void) {
  const latest = useRef(release);
  useLayoutEffect(() => {
    latest.current = release;
  });
  useEffect(() => {
    const doc = sidebar.current?.ownerDocument;
    if (!pointerIn || !doc) return;
    const onOver = (event: globalThis.PointerEvent) => {
      const list = listIn(sidebar);
      if (list && !event.composedPath().includes(list)) latest.current();
    };
    doc.addEventListener('pointerover', onOver, true);
    return () => doc.removeEventListener('pointerover', onOver, true);
  }, [sidebar, pointerIn]);
}

/** Keyboard focus only: a clicked button keeps focus, but the pointer that clicked it has left. */
function isKeyboardFocus(element: Element | null): boolean {
  return element?.matches(':focus-visible') ?? false;
}

/**
 * Where focus was in the sidebar before a commit that can move or remove its element, put back after
 * it: React moves a re-sorted row's DOM node, and a moved or removed focused node drops focus to <body>.
 */
function useKeptFocus(sidebar: RefObject<HTMLElement | null>) {
  const pending = useRef<HTMLElement | null>(null);
  const remember = useCallback(() => {
    pending.current = focusedIn(sidebar);
  }, [sidebar]);
  useLayoutEffect(() => {
    const kept = pending.current;
    const root = sidebar.current;
    if (!kept || !root) return;
    pending.current = null;
    // Only focus that was lost (on <body>): never take it back from where the user put it since.
    if (!focusWasLost(root.ownerDocument)) return;
    // Gone with the order it applied (the notice): the top row takes focus.
    const target = kept.isConnected ? kept : root.querySelector<HTMLElement>(ROW);
    target?.focus({ preventScroll: true });
  });
  return remember;
}

/**
 * The sidebar's rows, paged ("Show more"), with their order held while the pointer is over the list
 * or focus is inside it (held-order.ts). The order is applied when both leave, or on request.
 */
export function useHeldOrder<Row extends Keyed>(ordered: readonly Row[], sidebar: RefObject<HTMLElement | null>) {
  const [limit, setLimit] = useState(SIDEBAR_PAGE_ROWS);
  const [pointerIn, setPointerIn] = useState(false);
  const [focusIn, setFocusIn] = useState(false);
  // The order on screen when the hold began, and every row listed then (to tell new rows from re-ranked ones).
  const [hold, setHold] = useState<{ shown: readonly string[]; listed: ReadonlySet<string> }>(() => ({ shown: [], listed: new Set() }));
  const { shown } = hold;
  const setShown = useCallback(
    (keys: readonly string[]) => setHold({ shown: keys, listed: new Set(ordered.map((row) => row.postKey)) }),
    [ordered],
  );
  const held = pointerIn || focusIn;
  const view = useMemo(() => holdOrder(shown, ordered, held, limit, hold.listed), [shown, ordered, held, limit, hold.listed]);
  const rememberFocus = useKeptFocus(sidebar);
  // Held with none of its rows left (holdOrder shows the current page then): hold these from now on.
  if (held && view.rows.length > 0 && !view.rows.some((row) => shown.includes(row.postKey))) setShown(view.rows.map((row) => row.postKey));
  const shownKeys = useCallback(() => view.rows.map((row) => row.postKey), [view]);

  const releasePointer = () => {
    // Focus may have gone without a blur (its row was removed): ask the page where it is.
    const focused = activeIn(listIn(sidebar));
    const focusStays = focused !== null && isKeyboardFocus(focused);
    // A clicked button keeps focus but no hold: the order applied now may move its row.
    if (pointerIn && !focusStays) rememberFocus();
    setPointerIn(false);
    setFocusIn(focusStays);
  };
  usePointerReleaseOutside(sidebar, pointerIn, releasePointer);
  useFocusKeptInList(sidebar, focusIn);

  const listEvents: ListHoldEvents = {
    onPointerEnter: () => {
      if (!held) setShown(shownKeys());
      setPointerIn(true);
    },
    onPointerLeave: (event) => {
      // A touch leaves as it lifts, before its click: the hold lasts until a pointer is over something else.
      if (event.pointerType !== 'touch') releasePointer();
    },
    onFocus: (event) => {
      if (!isKeyboardFocus(event.target)) return;
      if (!held) setShown(shownKeys());
      setFocusIn(true);
    },
    onBlur: (event) => {
      const next = event.relatedTarget;
      // The window lost focus (another app, devtools): focus stays in the list, and returns there.
      if (next === null && !document.hasFocus()) return;
      if (next instanceof Node && event.currentTarget.contains(next)) return;
      setFocusIn(false);
    },
  };

  const applyOrder = useCallback(() => {
    rememberFocus();
    setShown(ordered.slice(0, limit).map((row) => row.postKey));
  }, [rememberFocus, setShown, ordered, limit]);

  const showMore = useCallback(() => {
    // The rows listed when the hold began stay what they were: a new row held back is still new.
    if (held) setHold((current) => ({ ...current, shown: showMoreHeld(shownKeys(), ordered, SIDEBAR_PAGE_ROWS, limit) }));
    setLimit((count) => count + SIDEBAR_PAGE_ROWS);
  }, [held, shownKeys, ordered, limit]);

  /** Opening a case replaces the list: whatever held it is gone with it. */
  const releaseHold = useCallback(() => {
    setPointerIn(false);
    setFocusIn(false);
  }, []);

  return { ...view, listEvents, applyOrder, showMore, releaseHold };
}
