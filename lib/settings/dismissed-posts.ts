import { browser } from 'wxt/browser';
import type { PostKey } from '../domain/post';
import { lazySchema, z } from '../validation/zod';

/**
 * Posts the user dismissed from the sidebar (a thank-you, a post that needs nothing): they stay
 * out of the list on every page and after a reload. Only the newest keys are kept, so the list
 * never grows without bound; an old dismissed post that comes back is listed again.
 */
export const DISMISSED_POSTS_KEY = 'careside:dismissedPosts';
export const MAX_DISMISSED_POSTS = 2_000;

const DismissedSchema = lazySchema(() => z.array(z.string()));

/** The dismissed post keys, oldest first; none when storage cannot be read. */
export async function loadDismissedPosts(): Promise<PostKey[]> {
  try {
    const parsed = DismissedSchema.safeParse((await browser.storage.local.get(DISMISSED_POSTS_KEY))[DISMISSED_POSTS_KEY]);
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** `keys` with `dismissed` added (as the newest) and `restored` removed, capped to the newest MAX_DISMISSED_POSTS. */
export function nextDismissed(
  keys: readonly PostKey[],
  change: { dismissed?: readonly PostKey[]; restored?: readonly PostKey[] },
): PostKey[] {
  const drop = new Set([...(change.dismissed ?? []), ...(change.restored ?? [])]);
  const next = [...keys.filter((key) => !drop.has(key)), ...(change.dismissed ?? [])];
  return next.slice(Math.max(0, next.length - MAX_DISMISSED_POSTS));
}

/** Apply a change to the stored list (read again first: another tab may have dismissed posts meanwhile). */
export async function saveDismissedChange(change: { dismissed?: readonly PostKey[]; restored?: readonly PostKey[] }): Promise<void> {
  try {
    await browser.storage.local.set({ [DISMISSED_POSTS_KEY]: nextDismissed(await loadDismissedPosts(), change) });
  } catch (error) {
    console.warn('[CareSide] could not remember the dismissed posts:', error);
  }
}
