import type { Case } from '../domain/case';

/**
 * The dashboard search's word index (store case_words, one record per case, a multiEntry index
 * over its words). A search matches a case when every word typed starts one of the case's words
 * in its ref (or a ref merged into it), author name, @handle, post text, notes, tags or assignee ("bag" finds "baggage",
 * "@dana_travels" finds the handle dana_travels). Kept in step with every case write (tx.ts).
 *
 * lib/db/migrations/v5.ts holds a frozen copy of this tokenizer: change both only together with
 * a migration that rebuilds the index.
 */

/** Letters, digits and underscores (handles keep theirs): everything else separates words. */
const WORD = /[\p{L}\p{N}_]+/gu;
/** Longer words are indexed by their start: keys stay small and a prefix still finds them. */
export const MAX_WORD_LENGTH = 32;

/** The lower-cased words of a text, each cut to MAX_WORD_LENGTH. */
export function wordsIn(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).map((word) => word.slice(0, MAX_WORD_LENGTH));
}

/** Every distinct word a search can find the case by. */
export function caseWordsOf(item: Case): string[] {
  const texts = [
    item.ref,
    ...(item.aliasRefs ?? []),
    item.post.authorName,
    item.post.authorHandle ?? '',
    item.post.text,
    item.assignee ?? '',
    ...(item.tags ?? []),
    ...(item.notes ?? []).map((note) => note.text),
  ];
  return [...new Set(texts.flatMap(wordsIn))];
}

/** The distinct words of a search, longest first (a long word is usually the rarest). */
export function searchWordsOf(search: string): string[] {
  return [...new Set(wordsIn(search))].sort((a, b) => b.length - a.length || a.localeCompare(b));
}

/** The index key range of every word starting with `prefix`. */
export function wordPrefixRange(prefix: string): IDBKeyRange {
  return IDBKeyRange.bound(prefix, `${prefix}\uffff`);
}

/** True when every search word starts one of `words`. */
export function wordsMatch(words: readonly string[], searchWords: readonly string[]): boolean {
  return searchWords.every((wanted) => words.some((word) => word.startsWith(wanted)));
}
