import type { CaseDb } from '../db/schema';
import { settle } from './tx';
import { candidatesFromProbes, newestFirst, uniqueInRange, type WordKey } from './search-walk';
import { wordPrefixRange, wordsMatch } from './words';

/**
 * A word lookup longer than this is not read whole while another word of the search may be
 * rarer: the rarest word's cases are then checked against the longer words one record each.
 */
const WORD_PROBE_LIMIT = 2_000;

/**
 * Ids of the cases created in [from, to) whose words match every search word (lib/cases/words.ts),
 * newest first (by createdAt, then id). Reads index keys only: the word store's keys are
 * [createdAt, id], so a lookup needs no case and no second read to be ordered.
 */
export async function wordMatchingIds(
  db: CaseDb,
  searchWords: readonly string[],
  from: number,
  to: number,
  probeLimit: number = WORD_PROBE_LIMIT,
): Promise<string[]> {
  const tx = db.transaction('case_words', 'readonly');
  const index = tx.store.index('words');
  const keys = await settle(tx, async (): Promise<WordKey[]> => {
    const probes = await Promise.all(searchWords.map((word) => index.getAllKeys(wordPrefixRange(word), probeLimit + 1)));
    const whole = candidatesFromProbes(probes, probeLimit, searchWords, from, to);
    if (whole) {
      if (whole.unchecked.length === 0) return whole.candidates;
      const records = await Promise.all(whole.candidates.map((key) => tx.store.get(key)));
      return whole.candidates.filter((_, i) => wordsMatch(records[i]?.words ?? [], whole.unchecked));
    }
    // Every word is common: read each whole and intersect, the shortest list driving.
    const lists = (await Promise.all(searchWords.map((word) => index.getAllKeys(wordPrefixRange(word))))).sort(
      (a, b) => a.length - b.length,
    );
    const [driver = [], ...others] = lists;
    const sets = others.map((list) => new Set(list.map(([, id]) => id)));
    return uniqueInRange(driver, from, to).filter(([, id]) => sets.every((set) => set.has(id)));
  });
  return keys.sort(newestFirst).map(([, id]) => id);
}
