/**
 * `compute` remembered by its string argument, for pure functions the page calls with the same
 * few values again and again (a label's wording, a button's aria-label). The memory is emptied
 * when it reaches `limit` entries, so it never grows with a long session.
 */
export function memoByString<T>(compute: (key: string) => T, limit: number): (key: string) => T {
  const remembered = new Map<string, T>();
  return (key) => {
    if (remembered.has(key)) return remembered.get(key) as T;
    const value = compute(key);
    if (remembered.size >= limit) remembered.clear();
    remembered.set(key, value);
    return value;
  };
}
