/**
 * Complaint category: phrase rules first (specific wording, and the categories the training data has
 * no examples of: billing/refund, account/login, outage), then a small multinomial model trained on
 * the airline tweets' complaint reasons (scripts/triage/train-category-model.ts).
 */
import { collectFeatures, FeatureBuffer } from './features';
import { decodeLinearModel, softmaxInPlace, type LinearModel } from './linear-model';
import { CATEGORY_MODEL } from './model/category-model';
import { brandMatcherFor, prepareText, type PreparedText } from './prepare';
import { CATEGORY_LABELS, type CategoryId, type CategoryResult } from '../domain/triage';
import { categoryByRule } from './category-rules';

export * from './category-rules';

let model: LinearModel | undefined;
const scratch = new FeatureBuffer();

export function categoryModel(): LinearModel {
  model ??= decodeLinearModel(CATEGORY_MODEL);
  return model;
}

/** Model-only classification (exported for evaluation). */
export function categoryByModel(prepared: PreparedText, linear: LinearModel = categoryModel()): CategoryResult {
  const stride = linear.classes.length;
  const weights = linear.weights;
  const scores = Float64Array.from(linear.bias);
  const { buckets, values, count } = collectFeatures(prepared.tokens, prepared.cues, linear.features, scratch);
  // One pass over the features, all classes at once (weights are class-interleaved).
  for (let i = 0; i < count; i++) {
    const base = (buckets[i] as number) * stride;
    const value = values[i] as number;
    for (let c = 0; c < stride; c++) scores[c] = (scores[c] as number) + (weights[base + c] as number) * value;
  }
  const probabilities = softmaxInPlace(scores);
  let best = 0;
  for (let i = 1; i < probabilities.length; i++) if ((probabilities[i] as number) > (probabilities[best] as number)) best = i;
  const category = (linear.classes[best] ?? 'other') as CategoryId;
  return { category, label: CATEGORY_LABELS[category], confidence: probabilities[best] ?? 0, source: 'model' };
}

export function categorizeFromPrepared(prepared: PreparedText): CategoryResult {
  return categoryByRule(prepared.normalized) ?? categoryByModel(prepared);
}

export function categorizeComplaint(text: string, options: { brandTerms?: readonly string[] } = {}): CategoryResult {
  return categorizeFromPrepared(prepareText(text, brandMatcherFor(options.brandTerms)));
}
