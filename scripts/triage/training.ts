/** Shared training plumbing: featurise tweets, fold-safe feature scaling, model-file writing. */
import { writeFileSync } from 'node:fs';
import { extractFeatures, type FeatureConfig, type FeatureCue, type SparseFeatures } from '../../lib/triage/features';
import type { EncodedLinearModel } from '../../lib/triage/linear-model';
import { brandMatcherFor, prepareText, type PreparedText } from '../../lib/triage/prepare';
import { AIRLINE_BRAND_TERMS, type LabelledTweet } from './dataset';
import { mergeDuplicates } from './ftrl';

export interface Example {
  row: number;
  features: SparseFeatures;
  label: number;
  weight?: number;
  /** Cross-validation fold (1-4) when it is not `row % 5` (rows of another data set). */
  fold?: number;
  /** Which data set or group the row comes from (e.g. 'airline'), when the trainer treats groups apart. */
  group?: string;
}

/** One labelled text of any data set, with the brand terms to mask in it. */
export interface LabelledText {
  row: number;
  text: string;
  label: number;
  brandTerms: readonly string[];
  weight?: number;
  fold?: number;
  group?: string;
}

/** `cuesOf`: the cues the model sees (by default the complaint cues). */
export function buildTextExamples(
  items: readonly LabelledText[],
  features: FeatureConfig,
  cuesOf: (prepared: PreparedText) => readonly FeatureCue[] = (prepared) => prepared.cues,
): Example[] {
  return items.map((item) => {
    const prepared = prepareText(item.text, brandMatcherFor(item.brandTerms));
    return {
      row: item.row,
      features: mergeDuplicates(extractFeatures(prepared.tokens, cuesOf(prepared), features)),
      label: item.label,
      ...(item.weight !== undefined ? { weight: item.weight } : {}),
      ...(item.fold !== undefined ? { fold: item.fold } : {}),
      ...(item.group !== undefined ? { group: item.group } : {}),
    };
  });
}

export function buildExamples(
  tweets: readonly LabelledTweet[],
  features: FeatureConfig,
  labelOf: (tweet: LabelledTweet) => number,
): Example[] {
  const brands = brandMatcherFor(AIRLINE_BRAND_TERMS);
  return tweets.map((tweet) => {
    const prepared = prepareText(tweet.text, brands);
    return {
      row: tweet.row,
      features: mergeDuplicates(extractFeatures(prepared.tokens, prepared.cues, features)),
      label: labelOf(tweet),
    };
  });
}

/** Multiply each example's feature values by a per-bucket scale (learned on the same training rows). */
export function scaleExamples(examples: readonly Example[], scales: Float64Array | undefined): Example[] {
  if (!scales) return [...examples];
  return examples.map((e) => ({
    ...e,
    features: {
      buckets: e.features.buckets,
      values: e.features.values.map((v, k) => v * (scales[e.features.buckets[k] as number] as number)),
    },
  }));
}

export function writeModelFile(options: { path: string; exportName: string; header: string[]; model: EncodedLinearModel }): number {
  const source = [
    ...options.header.map((line) => `// ${line}`),
    "import type { EncodedLinearModel } from '../linear-model';",
    '',
    `export const ${options.exportName}: EncodedLinearModel = ${JSON.stringify(options.model, null, 1)};`,
    '',
  ].join('\n');
  writeFileSync(options.path, source);
  return source.length;
}
