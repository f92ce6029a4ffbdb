/**
 * Triage of one post: is it a complaint, what about, how urgent. Pure and synchronous; models are
 * decoded on first use. Typical posts take tens of microseconds (scripts/triage/bench.ts).
 */
import type { Post } from '../domain/post';
import type { TriageResult } from '../domain/triage';
import { categorizeFromPrepared } from './category';
import { complaintModel, judgeComplaint } from './complaint';
import { brandMatcherFor, prepareText } from './prepare';
import { scorePriority } from './priority';
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
}

/** What triage reads of a post. */
export type TriageInput = Pick<Post, 'kind' | 'text' | 'postedAt' | 'reach'>;

export function triagePost(post: TriageInput, options: TriageOptions = {}): TriageResult {
  const prepared = prepareText(post.text, brandMatcherFor(options.brandTerms));
  const judgement = judgeComplaint(prepared, complaintModel(), post.reach.rating);
  const complaint = judgement.result;
  const category = categorizeFromPrepared(prepared);
  const priority = scorePriority({
    complaint,
    urgency: findUrgencyCues(prepared.normalized),
    reach: post.reach,
    kind: post.kind,
    ...(judgement.judged ? {} : { complaintNote: `${judgement.language}: complaint not judged, ranked by reach` }),
    ...(post.postedAt !== undefined ? { postedAt: post.postedAt } : {}),
    ...(options.now !== undefined ? { now: options.now } : {}),
  });
  return { complaint, category, priority };
}
