import { extractUrls } from './extract-urls';

/**
 * X's weighted tweet length, following twitter-text's parseTweet with config v3
 * (github.com/twitter/twitter-text, config/v3.json):
 * - text is NFC-normalized first;
 * - code points in [0-4351], [8192-8205], [8208-8223], [8242-8247] weigh 1 (Latin, Greek,
 *   Cyrillic, Hebrew, Arabic, Indic..., general punctuation); every other code point weighs 2
 *   (CJK, Hangul, most symbols, astral characters);
 * - every link counts as 23 (transformedURLLength: t.co wrapping), whatever its length;
 * - an emoji counts 2 as ONE unit, including ZWJ sequences, skin tones, flags, keycaps and
 *   tag sequences (twitter-text uses twemoji-parser; we use Unicode's RGI_Emoji set);
 * - the limit is 280 weighted characters.
 */
export const TWITTER_TEXT_CONFIG = {
  maxWeightedTweetLength: 280,
  scale: 100,
  defaultWeight: 200,
  transformedURLLength: 23,
  ranges: [
    { start: 0, end: 4351, weight: 100 },
    { start: 8192, end: 8205, weight: 100 },
    { start: 8208, end: 8223, weight: 100 },
    { start: 8242, end: 8247, weight: 100 },
  ],
} as const;

export interface TweetLength {
  /** Weighted length in X characters. */
  weightedLength: number;
  /** Within 280, not empty, and free of characters X rejects. */
  valid: boolean;
  /** Share of the limit used, in thousandths (floor), like twitter-text. */
  permillage: number;
  /**
   * UTF-16 index in `normalizedText` where the text first exceeds the limit
   * (`normalizedText.length` when it fits).
   */
  overflowIndex: number;
  /** The NFC text that was measured; equals the input when it was already NFC. */
  normalizedText: string;
}

// Keycaps without VS16 ("1⃣") are emoji for twemoji but not in RGI_Emoji.
const EMOJI = /[0-9#*]\uFE0F?\u20E3|\p{RGI_Emoji}/gv;
// Characters that make X reject a tweet: BOM, non-characters, bidi embeddings/overrides.
const INVALID_CHARS = /[\uFFFE\uFEFF\uFFFF\u202A-\u202E]/;

export function characterWeight(codePoint: number): number {
  for (const range of TWITTER_TEXT_CONFIG.ranges) {
    if (codePoint >= range.start && codePoint <= range.end) return range.weight;
  }
  return TWITTER_TEXT_CONFIG.defaultWeight;
}

export function tweetLength(text: string): TweetLength {
  const { scale, maxWeightedTweetLength, transformedURLLength, defaultWeight } = TWITTER_TEXT_CONFIG;
  const normalizedText = text.normalize('NFC');
  const urlEnds = new Map<number, number>();
  for (const url of extractUrls(normalizedText)) urlEnds.set(url.start, url.end);
  const emojiEnds = new Map<number, number>();
  for (const match of normalizedText.matchAll(EMOJI)) {
    emojiEnds.set(match.index, match.index + match[0].length);
  }

  const limit = maxWeightedTweetLength * scale;
  let weighted = 0;
  let overflowIndex = -1;
  let index = 0;
  while (index < normalizedText.length) {
    let next: number;
    const urlEnd = urlEnds.get(index);
    const emojiEnd = emojiEnds.get(index);
    if (urlEnd !== undefined) {
      weighted += transformedURLLength * scale;
      next = urlEnd;
    } else if (emojiEnd !== undefined) {
      weighted += defaultWeight;
      next = emojiEnd;
    } else {
      const codePoint = normalizedText.codePointAt(index) ?? 0;
      weighted += characterWeight(codePoint);
      next = index + (codePoint > 0xffff ? 2 : 1);
    }
    if (overflowIndex === -1 && weighted > limit) overflowIndex = index;
    index = next;
  }

  const weightedLength = weighted / scale;
  return {
    weightedLength,
    valid: weightedLength > 0 && weightedLength <= maxWeightedTweetLength && !INVALID_CHARS.test(normalizedText),
    permillage: Math.floor((weightedLength / maxWeightedTweetLength) * 1000),
    overflowIndex: overflowIndex === -1 ? normalizedText.length : overflowIndex,
    normalizedText,
  };
}
