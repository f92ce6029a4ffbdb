import type { Post } from '../domain/post';
import { sanitizeCustomerValue } from '../util/sanitize';

/** X handles: 1-15 letters, digits or underscores. */
const X_HANDLE = /^[A-Za-z0-9_]{1,15}$/;
const TITLES = new Set(['mr', 'mrs', 'ms', 'mx', 'miss', 'dr', 'prof', 'sir', 'dame']);
const HAS_LETTER = /\p{L}/u;
// Punctuation, symbols (incl. emoji) and their joiners/selectors at either end of a word.
const EDGE_PUNCTUATION = /^[\p{P}\p{S}\p{Cf}\uFE0F\u20E3]+|[\p{P}\p{S}\p{Cf}\uFE0F\u20E3]+$/gu;

/** Fallback greeting when the page gives no usable name: "Hi there". */
export const FALLBACK_GREETING_NAME = 'there';

/**
 * How a reply addresses the customer (`{firstName}`): "@handle" on X, the first name
 * elsewhere ("Dana" from "Dana K."), "there" when nothing usable is on the page.
 * Everything returned is sanitized: no bidi overrides, controls or template braces.
 */
export function greetingName(post: Pick<Post, 'platform' | 'authorName' | 'authorHandle'>): string {
  if (post.platform === 'x' && post.authorHandle !== undefined) {
    const handle = post.authorHandle.replace(/^@/, '');
    if (X_HANDLE.test(handle)) return `@${handle}`;
  }
  return firstNameOf(post.authorName) ?? FALLBACK_GREETING_NAME;
}

/** First name-like word of a display name, keeping a title with the next word ("Dr. Okafor"). */
export function firstNameOf(displayName: string): string | undefined {
  const words = sanitizeCustomerValue(displayName, 80)
    .split(' ')
    .map((word) => word.replace(EDGE_PUNCTUATION, ''))
    .filter((word) => HAS_LETTER.test(word));
  const [first, second] = words;
  if (first === undefined) return undefined;
  if (TITLES.has(first.toLowerCase()) && second !== undefined) {
    return sanitizeCustomerValue(`${first}. ${second}`);
  }
  // A lone initial ("J. Smith") reads badly as a greeting: prefer the next word.
  if (first.length === 1 && second !== undefined) return sanitizeCustomerValue(second);
  return sanitizeCustomerValue(first);
}
