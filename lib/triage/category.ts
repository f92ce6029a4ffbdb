/**
 * Complaint category: phrase rules first (specific wording, and the categories the training data has
 * no examples of: billing/refund, account/login, outage), then a small multinomial model trained on
 * the airline tweets' complaint reasons (scripts/triage/train-category-model.ts), whose probabilities are
 * added to KEYWORD_VOTE per keyword hit of each category (category-keywords.ts), so that posts from other
 * industries, whose words the airline model never saw, still get a fitting category.
 */
import { decodeLinearModel, softmaxInPlace, type LinearModel } from './linear-model';
import { CATEGORY_MODEL } from './model/category-model';
import { brandMatcherFor, prepareText, type PreparedText } from './prepare';
import { classLogits } from './score';
import { CATEGORY_LABELS, type CategoryId, type CategoryResult } from '../domain/triage';
import { categoryByRule } from './category-rules';
import { CATEGORY_KEYWORDS } from './category-keywords';

export * from './category-rules';

let model: LinearModel | undefined;

export function categoryModel(): LinearModel {
  model ??= decodeLinearModel(CATEGORY_MODEL);
  return model;
}

/** The model's class probabilities (aligned with `linear.classes`). */
function modelProbabilities(prepared: PreparedText, linear: LinearModel): Float64Array {
  return softmaxInPlace(classLogits(linear, prepared.tokens, prepared.cues, new Float64Array(linear.classes.length)));
}

function bestOf(probabilities: Float64Array, linear: LinearModel): CategoryResult {
  let best = 0;
  for (let i = 1; i < probabilities.length; i++) if ((probabilities[i] as number) > (probabilities[best] as number)) best = i;
  const category = (linear.classes[best] ?? 'other') as CategoryId;
  return { category, label: CATEGORY_LABELS[category], confidence: probabilities[best] ?? 0, source: 'model' };
}

/** Model-only classification (exported for evaluation). */
export function categoryByModel(prepared: PreparedText, linear: LinearModel = categoryModel()): CategoryResult {
  return bestOf(modelProbabilities(prepared, linear), linear);
}

/**
 * Weight of one keyword hit against the model's probabilities: chosen on the odd rows of the hand-labelled
 * complaints-2019 sample while keeping the airline held-out macro-F1 at 0.60 or more (MODEL_CARD.md).
 */
export const KEYWORD_VOTE = 0.3;

/** Model probabilities plus keyword votes; `source` is 'model' when the model's own choice stands. */
export function categoryByModelAndKeywords(prepared: PreparedText, linear: LinearModel = categoryModel()): CategoryResult {
  const probabilities = modelProbabilities(prepared, linear);
  const scores = new Map<CategoryId, number>();
  linear.classes.forEach((id, i) => scores.set(id as CategoryId, probabilities[i] ?? 0));
  const evidence = new Map<CategoryId, string[]>();
  for (const [id, pattern] of CATEGORY_KEYWORDS) {
    const hits = prepared.normalized.match(pattern);
    if (!hits) continue;
    evidence.set(id, hits);
    scores.set(id, (scores.get(id) ?? 0) + KEYWORD_VOTE * hits.length);
  }
  const byModel = bestOf(probabilities, linear);
  if (evidence.size === 0) return byModel;
  let best: CategoryId = byModel.category;
  for (const [id, score] of scores) if (score > (scores.get(best) ?? 0)) best = id;
  if (best === byModel.category) return byModel;
  const hits = evidence.get(best) ?? [];
  return {
    category: best,
    label: CATEGORY_LABELS[best],
    confidence: Math.min(0.9, 0.5 + 0.1 * hits.length),
    source: 'rule',
    evidence: hits.join(', '),
  };
}

/** What triagePost reports for a post it did not categorise (not a complaint): 'other', confidence 0. */
export const NOT_CATEGORISED: CategoryResult = Object.freeze({
  category: 'other',
  label: CATEGORY_LABELS.other,
  confidence: 0,
  source: 'model',
});

/** `linear` is the shipped model unless a training script evaluates another (e.g. a cross-validation fold's). */
export function categorizeFromPrepared(prepared: PreparedText, linear: LinearModel = categoryModel()): CategoryResult {
  return categoryByRule(prepared.normalized) ?? categoryByModelAndKeywords(prepared, linear);
}

export function categorizeComplaint(text: string, options: { brandTerms?: readonly string[]; model?: LinearModel } = {}): CategoryResult {
  return categorizeFromPrepared(prepareText(text, brandMatcherFor(options.brandTerms)), options.model);
}
