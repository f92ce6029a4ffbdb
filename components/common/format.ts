import { formatDuration } from '../../lib/i18n/format';

/** A wait in words: "under 1 min", "42 min", "3 h 12 min", "2 d 5 h". */
export function formatWaited(milliseconds: number): string {
  // A negative wait (clock skew) reads as no wait, not as its absolute value.
  return formatDuration(Number.isFinite(milliseconds) && milliseconds > 0 ? milliseconds : 0);
}

/** First words of a post for a one-line preview; whitespace collapsed. */
export function snippet(text: string, maxLength = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxLength) return flat;
  return `${flat.slice(0, maxLength - 1).trimEnd()}…`;
}
