import { wordsIn } from './words';

/** An agent a case may be assigned to: the case stores the id, people type the name. */
export interface Teammate {
  id: string;
  name: string;
}

/** More combinations than this (many words each naming teammates) keep only the words as typed. */
const MAX_VARIANTS = 16;

/**
 * The word lists a search looks up so that a teammate's name finds the cases assigned to them.
 * Cases store the assignee's agent id ("agent-7f3k9m2pqx"), and the word index holds that id's
 * words, never the name: a teammate can rename themselves at any time, so names are resolved here,
 * at query time, against the current roster. A search word that starts a word of a teammate's name
 * also matches the words of that teammate's id; the lists are every such combination (a case
 * matching any one list matches the search). The words as typed always come first.
 */
export function searchWordVariants(searchWords: readonly string[], teammates: readonly Teammate[]): string[][] {
  const choices = searchWords.map((word) => [[word], ...idWordsNamed(word, teammates)]);
  let variants: string[][] = [[]];
  for (const options of choices) {
    variants = variants.flatMap((variant) => options.map((option) => [...variant, ...option]));
    if (variants.length > MAX_VARIANTS) return [[...searchWords]];
  }
  return variants.map((variant) => [...new Set(variant)]);
}

/** The words of each teammate id whose name has a word starting with `word` (ids that are not already that name). */
function idWordsNamed(word: string, teammates: readonly Teammate[]): string[][] {
  const found = new Map<string, string[]>();
  for (const { id, name } of teammates) {
    const idWords = wordsIn(id);
    if (idWords.length === 0 || !wordsIn(name).some((nameWord) => nameWord.startsWith(word))) continue;
    // The id already holds the typed word ("priya" as a CouchDB user name): the words as typed find it.
    if (idWords.some((idWord) => idWord.startsWith(word))) continue;
    found.set(idWords.join(' '), idWords);
  }
  return [...found.values()];
}
