import { isPair } from './shingles';

const MAX_LABEL_PHRASES = 2;
const FALLBACK_LABEL = 'similar complaints';

/**
 * A short name for a group from the shingles most of its members share: word pairs first
 * ("lost bag · baggage claim"), then single words; ties go to the phrase seen first. A phrase
 * must be shared by at least two members, and phrases in a label share no word.
 */
export function spiralLabel(memberShingles: readonly (readonly string[])[]): string {
  const counts = new Map<string, number>();
  for (const shingles of memberShingles) {
    for (const shingle of new Set(shingles)) counts.set(shingle, (counts.get(shingle) ?? 0) + 1);
  }
  const shared = [...counts].filter(([, count]) => count >= 2);
  // Map iteration is insertion order, so the stable sort leaves ties in order of first sighting.
  const ranked = shared.sort((a, b) => b[1] - a[1] || Number(isPair(b[0])) - Number(isPair(a[0]))).map(([shingle]) => shingle);
  const picked: string[] = [];
  const usedWords = new Set<string>();
  const take = (candidates: string[]) => {
    for (const shingle of candidates) {
      if (picked.length >= MAX_LABEL_PHRASES) return;
      const words = shingle.split(' ');
      if (words.some((word) => usedWords.has(word))) continue;
      picked.push(shingle);
      for (const word of words) usedWords.add(word);
    }
  };
  take(ranked.filter(isPair));
  take(ranked.filter((shingle) => !isPair(shingle)));
  return picked.length > 0 ? picked.join(' · ') : FALLBACK_LABEL;
}
