/**
 * Word shingles of a complaint for similarity: the triage normaliser and tokenizer
 * (lib/triage/text.ts), minus placeholders, punctuation, emoji and common function words, with
 * plurals folded ("bags" → "bag"). Shingles are the content words and adjacent content-word
 * pairs: "Acme lost my bags at baggage claim" → lost, bag, baggage, claim, "lost bag",
 * "bag baggage", "baggage claim". Pairs carry the phrasing; single words keep short posts comparable.
 */
import { MAX_POST_TEXT } from '../domain/post';
import { normalizeText, tokenize } from '../triage/text';

/** Most distinct shingles kept per complaint (in text order): bounds memory and storage for huge posts. */
export const MAX_SHINGLES = 128;

// Function words and chat filler that say nothing about what went wrong.
const STOPWORDS = new Set(
  (
    'a an the and or but if so as of at by for from in into on onto to with without about over under ' +
    'is am are was were be been being do does did doing have has had having will would shall should can could ' +
    'may might must i me my mine im ive id ill we us our ours you your yours youre u ur he him his she her hers ' +
    'it its itd they them their theirs this that these those there here what which who whom whose when where ' +
    'how why all any some no not nor only own same than too very just also again still yet then now even ' +
    'up down out off such each every both few more most other another one get got gets getting go going went gone ' +
    'after before since while because until though ' +
    'please thanks thank thx pls plz lol omg ok okay hey hi hello yes yeah really'
  ).split(' '),
);

function isContentWord(token: string): boolean {
  if (token.length < 2 || token.startsWith('<')) return false;
  // Words only: emoji, "!", "?", clause marks and emoticons carry tone, not topic.
  if (!/^#?[\p{L}\p{N}]/u.test(token)) return false;
  return !STOPWORDS.has(token);
}

/** Fold simple English plurals and verb -s forms: "bags" → "bag", "crashes" → "crash", "delays" → "delay". */
function stem(word: string): string {
  if (word.length <= 3 || !word.endsWith('s') || /(?:ss|us|is)$/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:sh|ch|x|z)es$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

/** Content words of `text` in order (hashtags lose their "#": "#lostbag" counts as the word "lostbag"). */
export function contentWords(text: string): string[] {
  const tokens = tokenize(normalizeText(text.length > MAX_POST_TEXT ? text.slice(0, MAX_POST_TEXT) : text));
  const words: string[] = [];
  for (const token of tokens) {
    const word = token.startsWith('#') ? token.slice(1) : token;
    if (isContentWord(word)) words.push(stem(word));
  }
  return words;
}

/** Distinct shingles (words and word pairs) in text order, at most MAX_SHINGLES. */
export function complaintShingles(text: string): string[] {
  const words = contentWords(text);
  const shingles = new Set<string>();
  for (let i = 0; i < words.length && shingles.size < MAX_SHINGLES; i++) {
    shingles.add(words[i] as string);
    const next = words[i + 1];
    if (next !== undefined && shingles.size < MAX_SHINGLES) shingles.add(`${words[i] as string} ${next}`);
  }
  return [...shingles];
}

/** A pair ("lost bag") reads better in a label than a single word. */
export function isPair(shingle: string): boolean {
  return shingle.includes(' ');
}
