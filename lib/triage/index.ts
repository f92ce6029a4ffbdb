/**
 * Triage of one post: is it a complaint, what about, how urgent. Pure and synchronous; models are
 * decoded on first use. Typical posts take tens of microseconds (scripts/triage/bench.ts).
 */
import type { Post } from '../domain/post';
import type { ComplaintResult, Priority, PriorityReason, TriageResult } from '../domain/triage';
import { categorizeFromPrepared, NOT_CATEGORISED } from './category';
import { complaintModel, judgeComplaint } from './complaint';
import { brandMatcherFor, prepareText, type PreparedText } from './prepare';
import { scorePriority } from './priority';
import { englishReason } from './reason';
import { findUrgencyCues } from './urgency';

export { brandTermsOf } from './brand-terms';
export { detectComplaint, type ComplaintOptions } from './complaint';
export { categorizeComplaint } from './category';
export { scorePriority } from './priority';

export interface TriageOptions {
  /** Brand names, aliases, "@handles", "#tags" to mask (see `brandTermsOf`). */
  brandTerms?: readonly string[];
  /** Current time in ms, for the age part of the priority; omit for age-independent results. */
  now?: number;
  /**
   * Hook for the per-install adaptive layer (adaptive.ts, applied by the background): moves a judged
   * complaint verdict before priority is scored. Sponsored and not-judged posts never reach it.
   */
  adjustComplaint?: (complaint: ComplaintResult, prepared: PreparedText) => ComplaintResult;
  /**
   * 'complaints' (the default): only a post judged a complaint gets a category; others get NOT_CATEGORISED
   * (nothing shows a non-complaint's category, and the category model is most of triage's time).
   * 'always': every post, e.g. one being logged as a case, which stores its category whatever the verdict.
   */
  categorize?: 'complaints' | 'always';
}

/** What triage reads of a post. */
export type TriageInput = Pick<Post, 'kind' | 'text' | 'postedAt' | 'reach'> & Partial<Pick<Post, 'sponsored' | 'answeredBy'>>;

const SPONSORED: PriorityReason = { verdict: 'sponsored' };

const LOWER: Record<Priority, Priority> = { P1: 'P2', P2: 'P3', P3: 'P4', P4: 'P4' };

/**
 * A sponsored post is an ad, never a complaint (P4, whatever its text says about the brand). A
 * post the brand already answered on the page drops one level and says who answered.
 */
export function triagePost(post: TriageInput, options: TriageOptions = {}): TriageResult {
  const prepared = prepareText(post.text, brandMatcherFor(options.brandTerms));
  const always = options.categorize === 'always';
  if (post.sponsored) {
    return {
      complaint: { isComplaint: false, confidence: 0, cues: [] },
      category: always ? categorizeFromPrepared(prepared) : NOT_CATEGORISED,
      priority: { priority: 'P4', score: 0, explanation: englishReason('P4', SPONSORED), reason: SPONSORED },
    };
  }
  const judgement = judgeComplaint(prepared, complaintModel(), post.reach.rating);
  const complaint = judgement.judged && options.adjustComplaint ? options.adjustComplaint(judgement.result, prepared) : judgement.result;
  const category = always || complaint.isComplaint ? categorizeFromPrepared(prepared) : NOT_CATEGORISED;
  const scored = scorePriority({
    complaint,
    urgency: findUrgencyCues(prepared.normalized),
    reach: post.reach,
    kind: post.kind,
    ...(judgement.judged ? {} : { notJudgedLanguage: judgement.language }),
    ...(post.postedAt !== undefined ? { postedAt: post.postedAt } : {}),
    ...(options.now !== undefined ? { now: options.now } : {}),
  });
  if (post.answeredBy === undefined) return { complaint, category, priority: scored };
  const lowered = LOWER[scored.priority];
  const reason: PriorityReason = { ...(scored.reason ?? { verdict: 'not_complaint' }), answeredBy: post.answeredBy };
  const priority = { ...scored, priority: lowered, explanation: englishReason(lowered, reason), reason };
  return { complaint, category, priority };
}
