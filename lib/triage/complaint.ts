/**
 * Complaint detection: hashed logistic regression (lib/triage/model/complaint-model.ts, trained by
 * scripts/triage/train-complaint-model.ts on airline and multi-industry complaint tweets) plus the explicit
 * cues in cues.ts, which are both model features and the human-readable evidence returned to the caller.
 *
 * Length: the model's features are averages over the text (features.ts, lengthNorm 'mean'), so repeating a
 * sentence does not raise the score. A post longer than a tweet is scored in tweet-sized pieces (whole
 * sentences, PIECE_CHARS at most) and its probability is the highest piece's: one complaint sentence among
 * neutral ones still counts, and many neutral sentences never add up to a complaint.
 *
 * Ratings: a star rating (Yelp reviews) shifts the text's log-odds by RATING_LOGIT, so 1-2★ reviews are
 * complaints unless their text is clearly content, 3-5★ reviews only when their text is an unmistakable one.
 * A 3★ review is mixed by nature: it is a complaint when its text reports a problem with the visit
 * (review-problems.ts: slow or rude service, a dish sent back, an order mixed up...), which lifts it to
 * RULE_FLOOR. The offsets were set by hand and checked on the Yelp evaluation data; the 3★ rule on CareSide's
 * hand labels of the 3★ reviews (lib/triage/MODEL_CARD.md).
 */
import type { ComplaintResult } from '../domain/triage';
import { describeCue, type CueMatch } from './cues';
import { decodeLinearModel, sigmoid, type LinearModel } from './linear-model';
import { COMPLAINT_MODEL } from './model/complaint-model';
import { detectLanguage, findLanguageCue, isCueLanguage, type LanguageCode } from './language';
import { brandMatcherFor, preparePiece, prepareText, type PreparedText } from './prepare';
import { binaryLogit } from './score';
import { findReviewProblem } from './review-problems';
import { complaintFeatureCues } from './service-terms';
import { BOUNDARY_TOKEN } from './text';

export interface ComplaintOptions {
  /**
   * Brand names, aliases, "@handles" and "#tags" to mask as one <brand> token, so the verdict does
   * not depend on which brand is named. Other @handles are always masked.
   */
  brandTerms?: readonly string[];
  /** Star rating 1-5 of a review (0 or absent: none). */
  rating?: number;
}

let model: LinearModel | undefined;

/** The shipped complaint model, viewed on first use (its int8 table as shipped; see linear-model.ts). */
export function complaintModel(): LinearModel {
  model ??= decodeLinearModel(COMPLAINT_MODEL);
  return model;
}

/** Longest piece scored as one text: a tweet's length, what the model was trained on. */
export const PIECE_CHARS = 280;

/** Log-odds added for a star rating (index = stars; 0 = no rating). */
export const RATING_LOGIT: readonly number[] = [0, 4, 3, -4, -4, -6];

function linearScore(prepared: PreparedText, linear: LinearModel): number {
  return binaryLogit(linear, prepared.tokens, complaintFeatureCues(prepared, linear.features));
}

// A sentence and the spaces after it (a run of . ! ? or a line break ends one).
const SENTENCE_RE = /[^.!?\n]*(?:[.!?]+|\n|$)\s*/g;

/**
 * Split normalised text into pieces of whole sentences, each at most `limit` characters (a longer
 * sentence is cut at the last space before the limit).
 */
export function splitPieces(normalized: string, limit: number = PIECE_CHARS): string[] {
  const pieces: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim()) pieces.push(current);
    current = '';
  };
  SENTENCE_RE.lastIndex = 0;
  for (const match of normalized.matchAll(SENTENCE_RE)) {
    let sentence = match[0];
    if (!sentence) continue;
    if (current.length + sentence.length <= limit) {
      current += sentence;
      continue;
    }
    flush();
    while (sentence.length > limit) {
      const space = sentence.lastIndexOf(' ', limit);
      const cut = space > limit / 2 ? space + 1 : limit;
      pieces.push(sentence.slice(0, cut));
      sentence = sentence.slice(cut);
    }
    current = sentence;
  }
  flush();
  return pieces;
}

/** Log-odds of the text alone: of the whole text when it is tweet-sized, else of its most complaint-like piece. */
function textLogit(prepared: PreparedText, linear: LinearModel): number {
  if (prepared.normalized.length <= PIECE_CHARS) return linearScore(prepared, linear);
  let best = -Infinity;
  for (const piece of splitPieces(prepared.normalized)) {
    const part = preparePiece(piece, prepared.brands);
    if (hasContent(part.tokens)) best = Math.max(best, linearScore(part, linear));
  }
  return best === -Infinity ? linearScore(prepared, linear) : best;
}

/** Complaint probability of already-prepared text, before post-rules and rating. */
export function complaintProbability(prepared: PreparedText, linear: LinearModel = complaintModel()): number {
  return sigmoid(textLogit(prepared, linear));
}

/**
 * Post-rule layer: cues that were complaints in over 90% of the training tweets where they occur,
 * but are too rare there for the model to weigh fully (sarcasm: "thanks for losing my bag").
 * They lift the probability to at least RULE_FLOOR.
 */
const DECISIVE_CUES: ReadonlySet<CueMatch['id']> = new Set(['sarcasm', 'never_again']);
export const RULE_FLOOR = 0.75;

/** Only placeholders and punctuation ("", "@acme", a bare link): nothing to complain with. */
function hasContent(tokens: readonly string[]): boolean {
  return tokens.some((token) => !token.startsWith('<') && token !== BOUNDARY_TOKEN);
}

const logit = (p: number) => Math.log(p / (1 - p));

/** Confidence given to a post in a cue language (es, fr, de, pt, ja, zh) with / without a complaint cue. */
export const LANGUAGE_CUE_CONFIDENCE = { cue: 0.85, none: 0.15 } as const;

export interface ComplaintJudgement {
  result: ComplaintResult;
  language: LanguageCode;
  /** False when CareSide cannot judge the post's language (no model or cues for it) and there is no rating. */
  judged: boolean;
}

function withRating(confidence: number, rating: number | undefined): number {
  const stars = rating === undefined ? 0 : Math.round(rating);
  const shift = RATING_LOGIT[stars] ?? 0;
  return shift === 0 ? confidence : sigmoid(logit(Math.min(0.999, Math.max(0.001, confidence))) + shift);
}

/**
 * The verdict with the language it was made in. English: the model. es, fr, de, pt, ja, zh: their complaint
 * cues (language.ts). Any other language: not judged (unless a star rating says enough), and the evidence says so.
 */
export function judgeComplaint(prepared: PreparedText, linear: LinearModel = complaintModel(), rating?: number): ComplaintJudgement {
  const language = detectLanguage(prepared.normalized, prepared.tokens);
  // The training data is mostly complaints, so the model's bias alone would call an empty post one.
  if (!hasContent(prepared.tokens)) return { result: { isComplaint: false, confidence: 0, cues: [] }, language, judged: true };
  const hasRating = rating !== undefined && Math.round(rating) >= 1;
  if (language !== 'en') {
    if (!isCueLanguage(language)) {
      const confidence = hasRating ? withRating(0.5, rating) : 0;
      return {
        result: {
          isComplaint: hasRating && confidence >= linear.threshold,
          confidence,
          cues: [`language: ${language}, complaint not judged`],
        },
        language,
        judged: hasRating,
      };
    }
    const cue = findLanguageCue(language, prepared.normalized);
    const confidence = withRating(cue ? LANGUAGE_CUE_CONFIDENCE.cue : LANGUAGE_CUE_CONFIDENCE.none, rating);
    return {
      result: {
        isComplaint: confidence >= linear.threshold,
        confidence,
        cues: cue ? [`${language} complaint cue: "${cue}"`] : [`language: ${language}`],
      },
      language,
      judged: true,
    };
  }
  let confidence = complaintProbability(prepared, linear);
  if (prepared.cues.some((cue) => DECISIVE_CUES.has(cue.id))) confidence = Math.max(confidence, RULE_FLOOR, linear.threshold);
  confidence = withRating(confidence, rating);
  const cues = prepared.cues.map(describeCue);
  const problem = hasRating && Math.round(rating) === 3 ? findReviewProblem(prepared.normalized) : undefined;
  if (problem !== undefined) {
    confidence = Math.max(confidence, RULE_FLOOR, linear.threshold);
    cues.push(`review problem: "${problem}"`);
  }
  return {
    result: { isComplaint: confidence >= linear.threshold, confidence, cues },
    language,
    judged: true,
  };
}

export function complaintFromPrepared(prepared: PreparedText, linear: LinearModel = complaintModel(), rating?: number): ComplaintResult {
  return judgeComplaint(prepared, linear, rating).result;
}

export function detectComplaint(text: string, options: ComplaintOptions = {}): ComplaintResult {
  return complaintFromPrepared(prepareText(text, brandMatcherFor(options.brandTerms)), complaintModel(), options.rating);
}
