/** Same length and the same items (by ===) in the same order. */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return sameAsRange(a, b, 0, b.length);
}

/** Whether `items` are exactly source[start, end), compared in place (no slice of a long source). */
export function sameAsRange<T>(items: readonly T[], source: readonly T[], start: number, end: number): boolean {
  if (items.length !== end - start) return false;
  for (let index = 0; index < items.length; index++) if (items[index] !== source[start + index]) return false;
  return true;
}
