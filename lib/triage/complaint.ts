/**
 * Complaint detection: hashed logistic regression (lib/triage/model/complaint-model.ts, trained by
 * scripts/triage/train-complaint-model.ts) plus the explicit cues in cues.ts, which are both model
 * features and the human-readable evidence returned to the caller.
 */
import type { ComplaintResult } from '../domain/triage';
import { describeCue, type CueMatch } from './cues';
import { collectFeatures, FeatureBuffer } from './features';
import { decodeLinearModel, sigmoid, type LinearModel } from './linear-model';
import { COMPLAINT_MODEL } from './model/complaint-model';
import { brandMatcherFor, prepareText, type PreparedText } from './prepare';
import { BOUNDARY_TOKEN } from './text';

export interface ComplaintOptions {
  /**
   * Brand names, aliases, "@handles" and "#tags" to mask as one <brand> token, so the verdict does
   * not depend on which brand is named. Other @handles are always masked.
   */
  brandTerms?: readonly string[];
}

let model: LinearModel | undefined;
const scratch = new FeatureBuffer();

/** The shipped complaint model, decoded on first use (1 MB of Float32 weights). */
export function complaintModel(): LinearModel {
  model ??= decodeLinearModel(COMPLAINT_MODEL);
  return model;
}

/** Complaint probability of already-prepared text (shared with triagePost to avoid preparing twice). */
export function complaintProbability(prepared: PreparedText, linear: LinearModel = complaintModel()): number {
  const { buckets, values, count } = collectFeatures(prepared.tokens, prepared.cues, linear.features, scratch);
  // Binary model: one class, so bucket b's weight is at index b.
  const weights = linear.weights;
  let score = linear.bias[0] ?? 0;
  for (let i = 0; i < count; i++) score += (weights[buckets[i] as number] as number) * (values[i] as number);
  return sigmoid(score);
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

export function complaintFromPrepared(prepared: PreparedText, linear: LinearModel = complaintModel()): ComplaintResult {
  // The training data is 63% complaints, so the model's bias alone would call an empty post one.
  if (!hasContent(prepared.tokens)) return { isComplaint: false, confidence: 0, cues: [] };
  let confidence = complaintProbability(prepared, linear);
  if (prepared.cues.some((cue) => DECISIVE_CUES.has(cue.id))) confidence = Math.max(confidence, RULE_FLOOR, linear.threshold);
  return {
    isComplaint: confidence >= linear.threshold,
    confidence,
    cues: prepared.cues.map(describeCue),
  };
}

export function detectComplaint(text: string, options: ComplaintOptions = {}): ComplaintResult {
  return complaintFromPrepared(prepareText(text, brandMatcherFor(options.brandTerms)));
}
