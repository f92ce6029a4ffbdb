import { useEffect, useState } from 'react';
import { FILTERS_STORAGE_KEY, restoreFilters, type FilterState } from './filters';

/** Filter state that survives closing the dashboard (kept in this page's localStorage). */
export function useStickyFilters(): [FilterState, (next: FilterState) => void] {
  // The popup's "My cases" link opens dashboard.html?mine=1.
  const [filters, setFilters] = useState<FilterState>(() => {
    const restored = restoreFilters(readStored());
    return new URLSearchParams(location.search).get('mine') === '1' ? { ...restored, mine: true } : restored;
  });
  useEffect(() => {
    try {
      localStorage.setItem(FILTERS_STORAGE_KEY, JSON.stringify(filters));
    } catch {
      // Storage full or disabled: the filters just do not stick.
    }
  }, [filters]);
  return [filters, setFilters];
}

function readStored(): string | null {
  try {
    return localStorage.getItem(FILTERS_STORAGE_KEY);
  } catch {
    return null;
  }
}

/** `value`, once it has stopped changing for `delayMs` (typing in the search box). */
export function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/** The case a `#case=<ref>` link points at; follows hash changes (e.g. from a notification). */
export function useHashCaseRef(): [string, (ref: string) => void] {
  const read = () => new URLSearchParams(location.hash.slice(1)).get('case') ?? '';
  const [ref, setRef] = useState(read);
  useEffect(() => {
    const onHash = () => setRef(read());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const select = (next: string) => {
    history.replaceState(null, '', next ? `#case=${encodeURIComponent(next)}` : location.pathname + location.search);
    setRef(next);
  };
  return [ref, select];
}
