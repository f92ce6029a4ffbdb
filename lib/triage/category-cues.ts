/**
 * Category cue features: which category lexicon (category-keywords.ts) and phrase rules (category-rules.ts)
 * a post hits, as cue ids the category model weighs like words (it learns what each is worth for each class),
 * instead of votes or rules that override it. A keyword right after a negation ("no signal", "never
 * delivered", "not charged") gets its own id, so the model can weigh it apart.
 */
import type { CategoryId } from '../domain/triage';
import type { FeatureCue } from './features';
import { CATEGORY_KEYWORDS } from './category-keywords';
import { ALL_RULES, ALL_RULES_GATE } from './category-rules';
import { gatePatterns } from './pattern-gate';

/** Hits of one category's lexicon that count: more than this add nothing (a list of prices is not 5× billing). */
const MAX_HITS = 2;
/** A negation within the three words before a keyword: "no", "not", "never", "n't", "without". */
const NEGATED_BEFORE = /\b(?:no|not|never|nothing|without|cannot|\w+n'?t)\b(?:\W+\w+){0,2}\W*$/;
const KEYWORD_GATE = gatePatterns(CATEGORY_KEYWORDS.map(([, pattern]) => pattern));

/** The cue of each kind per category, made once: ids built per hit were new strings to hash in every lookup. */
const cueOf = (prefix: string): ((category: CategoryId) => FeatureCue) => {
  const cues = new Map<CategoryId, FeatureCue>();
  return (category) => {
    let cue = cues.get(category);
    if (!cue) {
      cue = Object.freeze({ id: `${prefix}:${category}` });
      cues.set(category, cue);
    }
    return cue;
  };
};
const keywordCue = cueOf('kw');
const negatedKeywordCue = cueOf('kwneg');
const ruleCue = cueOf('rule');

/** The cue ids of a text and every keyword hit per category (the keyword votes count them all). */
export interface CategoryCueScan {
  cues: FeatureCue[];
  /** Categories with at least one keyword hit, in CATEGORY_KEYWORDS order, with their hits in text order. */
  keywordHits: (readonly [CategoryId, string[]])[];
}

/**
 * One pass of the keyword lexicons gives both the cues and the votes. `withRuleCues` false skips the phrase
 * rules: a caller that already ran them (category.ts, when none matched) knows every rule cue is absent.
 */
export function scanCategoryCues(normalized: string, withRuleCues = true): CategoryCueScan {
  const cues: FeatureCue[] = [];
  const keywordHits: (readonly [CategoryId, string[]])[] = [];
  for (let k = 0; k < CATEGORY_KEYWORDS.length; k++) {
    if (!KEYWORD_GATE.mayMatch(normalized, k)) continue;
    const [category, pattern] = CATEGORY_KEYWORDS[k]!;
    let hits: string[] | undefined;
    let match: RegExpExecArray | null;
    pattern.lastIndex = 0;
    while ((match = pattern.exec(normalized)) !== null) {
      hits ??= [];
      if (hits.length < MAX_HITS) {
        const negated = NEGATED_BEFORE.test(normalized.slice(Math.max(0, match.index - 30), match.index));
        cues.push(negated ? negatedKeywordCue(category) : keywordCue(category));
      }
      hits.push(match[0]);
    }
    if (hits) keywordHits.push([category, hits]);
  }
  if (withRuleCues) {
    for (let k = 0; k < ALL_RULES.length; k++) {
      const [category, pattern] = ALL_RULES[k]!;
      if (ALL_RULES_GATE.mayMatch(normalized, k) && pattern.test(normalized)) cues.push(ruleCue(category));
    }
  }
  return { cues, keywordHits };
}

/** The cue ids of one normalised text, e.g. ['kw:billing_refund', 'kw:billing_refund', 'rule:outage']. */
export function findCategoryCues(normalized: string): FeatureCue[] {
  return scanCategoryCues(normalized).cues;
}
