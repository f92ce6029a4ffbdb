/**
 * Complaint category: a multinomial model trained on the airline tweets' complaint reasons and 713 hand-labelled
 * complaints of other industries (scripts/triage/train-category-model.ts). The model also sees category cues
 * (category-cues.ts: which category's keywords and phrase rules the post hits), and each keyword hit adds
 * CATEGORY_PIPELINE.keywordVote to its category's probability, so words of other industries still count. Only the
 * unambiguous phrase rules decide before the model (CATEGORY_PIPELINE.ruleClasses); the rest are cues it weighs.
 */
import { decodeLinearModel, softmaxInPlace, type LinearModel } from './linear-model';
import { CATEGORY_MODEL } from './model/category-model';
import { brandMatcherFor, prepareText, type PreparedText } from './prepare';
import { classLogits } from './score';
import { CATEGORY_LABELS, type CategoryId, type CategoryResult } from '../domain/triage';
import { categoryByRule } from './category-rules';
import { scanCategoryCues, type CategoryCueScan } from './category-cues';
import type { FeatureCue } from './features';

export * from './category-rules';

let model: LinearModel | undefined;

export function categoryModel(): LinearModel {
  model ??= decodeLinearModel(CATEGORY_MODEL);
  return model;
}

/**
 * The cues the category model sees: the complaint cues and the category cues (category-cues.ts). Training
 * (scripts/triage/train-category-model.ts) uses this too; a model with cue weight 0 ignores them.
 */
export function categoryFeatureCues(prepared: PreparedText, linear?: LinearModel): readonly FeatureCue[] {
  return featureCuesOf(prepared, scanCategoryCues(prepared.normalized), linear);
}

function featureCuesOf(prepared: PreparedText, scan: CategoryCueScan, linear?: LinearModel): readonly FeatureCue[] {
  if (linear?.features.cueWeight === 0) return prepared.cues;
  return [...prepared.cues, ...scan.cues];
}

/** The model's class probabilities (aligned with `linear.classes`). */
function modelProbabilities(prepared: PreparedText, linear: LinearModel, scan: CategoryCueScan): Float64Array {
  const cues = featureCuesOf(prepared, scan, linear);
  return softmaxInPlace(classLogits(linear, prepared.tokens, cues, new Float64Array(linear.classes.length)));
}

function bestOf(probabilities: Float64Array, linear: LinearModel): CategoryResult {
  let best = 0;
  for (let i = 1; i < probabilities.length; i++) if ((probabilities[i] as number) > (probabilities[best] as number)) best = i;
  const category = (linear.classes[best] ?? 'other') as CategoryId;
  return { category, label: CATEGORY_LABELS[category], confidence: probabilities[best] ?? 0, source: 'model' };
}

/** Model-only classification (exported for evaluation). */
export function categoryByModel(prepared: PreparedText, linear: LinearModel = categoryModel()): CategoryResult {
  return bestOf(modelProbabilities(prepared, linear, scanCategoryCues(prepared.normalized)), linear);
}

/** How the categoriser combines its parts (scripts/triage/train-category-model.ts --search compares them). */
export interface CategoryPipeline {
  /** Phrase rules (category-rules.ts) decide before the model. */
  rules: boolean;
  /** With `rules`: only the English rules of these categories decide (the others stay cues); all when absent. */
  ruleClasses?: readonly CategoryId[];
  /** Weight of one keyword hit (category-keywords.ts) added to the model's probabilities (0: none). */
  keywordVote: number;
}

/**
 * The shipped combination (MODEL_CARD.md): only the unambiguous phrase rules decide first (outage, login, refund
 * and charge wording, lost or damaged bags and parcels, and the Spanish rules, since the model knows no Spanish); the others are cues the model
 * weighs, which did better than all rules deciding first in every cross-validation run over the training batches.
 * Keyword votes 0.2 (0.3 before) keep the airline held-out macro-F1 over its 0.59 floor (0.589 at 0.3).
 */
export const CATEGORY_PIPELINE: CategoryPipeline = {
  rules: true,
  ruleClasses: ['outage', 'account_login', 'billing_refund', 'lost_damaged'],
  keywordVote: 0.2,
};

/** Model probabilities plus keyword votes; `source` is 'model' when the model's own choice stands. */
export function categoryByModelAndKeywords(
  prepared: PreparedText,
  linear: LinearModel = categoryModel(),
  keywordVote = CATEGORY_PIPELINE.keywordVote,
): CategoryResult {
  return byModelAndKeywords(prepared, linear, keywordVote, scanCategoryCues(prepared.normalized));
}

/** `scan` gives both the model's category cues and the keyword hits that vote (one pass of the lexicons). */
function byModelAndKeywords(prepared: PreparedText, linear: LinearModel, keywordVote: number, scan: CategoryCueScan): CategoryResult {
  const probabilities = modelProbabilities(prepared, linear, scan);
  const scores = new Map<CategoryId, number>();
  linear.classes.forEach((id, i) => scores.set(id as CategoryId, probabilities[i] ?? 0));
  const evidence = new Map<CategoryId, string[]>();
  for (const [id, hits] of keywordVote > 0 ? scan.keywordHits : []) {
    evidence.set(id, hits);
    scores.set(id, (scores.get(id) ?? 0) + keywordVote * hits.length);
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
export function categorizeFromPrepared(
  prepared: PreparedText,
  linear: LinearModel = categoryModel(),
  pipeline: CategoryPipeline = CATEGORY_PIPELINE,
): CategoryResult {
  const byRule = pipeline.rules ? categoryByRule(prepared.normalized, pipeline.ruleClasses) : undefined;
  if (byRule) return byRule;
  // Only when every phrase rule decides and none matched can the scan skip the rule cues; rules outside
  // `ruleClasses` stay cues the model weighs.
  const everyRuleRan = pipeline.rules && pipeline.ruleClasses === undefined;
  const scan = scanCategoryCues(prepared.normalized, !everyRuleRan);
  return byModelAndKeywords(prepared, linear, pipeline.keywordVote, scan);
}

export function categorizeComplaint(
  text: string,
  options: { brandTerms?: readonly string[]; model?: LinearModel; pipeline?: CategoryPipeline } = {},
): CategoryResult {
  return categorizeFromPrepared(prepareText(text, brandMatcherFor(options.brandTerms)), options.model, options.pipeline);
}
