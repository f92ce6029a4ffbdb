/**
 * Category cue features: which category lexicon (category-keywords.ts) and phrase rules (category-rules.ts)
 * a post hits, as cue ids the category model weighs like words (it learns what each is worth for each class),
 * instead of votes or rules that override it. A keyword right after a negation ("no signal", "never
 * delivered", "not charged") gets its own id, so the model can weigh it apart.
 */
import type { FeatureCue } from './features';
import { CATEGORY_KEYWORDS } from './category-keywords';
import { CATEGORY_RULES, CATEGORY_RULES_ES } from './category-rules';

/** Hits of one category's lexicon that count: more than this add nothing (a list of prices is not 5× billing). */
const MAX_HITS = 2;
/** A negation within the three words before a keyword: "no", "not", "never", "n't", "without". */
const NEGATED_BEFORE = /\b(?:no|not|never|nothing|without|cannot|\w+n'?t)\b(?:\W+\w+){0,2}\W*$/;

/** The cue ids of one normalised text, e.g. ['kw:billing_refund', 'kw:billing_refund', 'rule:outage']. */
export function findCategoryCues(normalized: string): FeatureCue[] {
  const cues: FeatureCue[] = [];
  for (const [category, pattern] of CATEGORY_KEYWORDS) {
    let hits = 0;
    for (const match of normalized.matchAll(pattern)) {
      const negated = NEGATED_BEFORE.test(normalized.slice(Math.max(0, match.index - 30), match.index));
      cues.push({ id: negated ? `kwneg:${category}` : `kw:${category}` });
      if (++hits >= MAX_HITS) break;
    }
  }
  for (const [category, pattern] of [...CATEGORY_RULES, ...CATEGORY_RULES_ES]) {
    if (pattern.test(normalized)) cues.push({ id: `rule:${category}` });
  }
  return cues;
}
