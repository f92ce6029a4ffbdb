import {
  LEARNING_EXPORT_FORMAT,
  type Correction,
  type CorrectionLabel,
  type LearningExport,
  type LearningStatus,
} from '../domain/learning';
import { postKeyOf, type PostKey } from '../domain/post';
import type { TriagePost } from '../messaging/protocol';
import { adaptiveFeatures, adjustComplaint, fitAdaptiveLayer, marginOf, type AdaptiveLayer } from '../triage/adaptive';
import { complaintModel } from '../triage/complaint';
import { triagePost, type TriageOptions } from '../triage';
import type { CaseStore } from './case-store';

/** What posts/triage applies: the fitted layer and each corrected post's own label. */
export interface LearnedTriage {
  layer: AdaptiveLayer;
  labels: ReadonlyMap<PostKey, CorrectionLabel>;
}

export interface LearningService {
  /** The layer and labels to triage with (loaded from IndexedDB once, refitted after each change). */
  current(): Promise<LearnedTriage>;
  /** Store the team's call on a post; resolves to whether it changed anything. */
  correct(post: TriagePost, label: CorrectionLabel, source: Correction['source'], brandTerms: readonly string[]): Promise<boolean>;
  status(): Promise<LearningStatus>;
  /** Forget every correction; resolves to how many there were. */
  reset(): Promise<number>;
  exportLayer(): Promise<LearningExport>;
  importLayer(imported: LearningExport): Promise<LearningStatus>;
}

export interface LearningDeps {
  store: CaseStore;
  now: () => number;
  /** Verdicts changed: tabs should triage their posts again. */
  onChanged: () => void;
}

/**
 * What a correction keeps of a post: the layer's hashed features and the shipped model's margin,
 * read through triagePost's hook so the post is prepared exactly as triage prepares it.
 */
export function learningExampleOf(post: TriagePost, brandTerms: readonly string[]): Pick<Correction, 'margin' | 'buckets'> {
  let buckets: number[] = [];
  const result = triagePost(post, {
    brandTerms,
    adjustComplaint: (complaint, prepared) => {
      buckets = adaptiveFeatures(prepared);
      return complaint;
    },
  });
  return { margin: marginOf(result.complaint.confidence, complaintModel().threshold), buckets };
}

function learnedFrom(corrections: readonly Correction[]): LearnedTriage {
  const layer = fitAdaptiveLayer(
    corrections.map((item) => ({ complaint: item.label === 'complaint', margin: item.margin, buckets: item.buckets })),
  );
  return { layer, labels: new Map(corrections.map((item) => [item.postKey, item.label])) };
}

function statusOf(corrections: readonly Correction[]): LearningStatus {
  const complaint = corrections.filter((item) => item.label === 'complaint').length;
  const last = corrections.at(-1);
  return {
    corrections: corrections.length,
    complaint,
    notComplaint: corrections.length - complaint,
    ...(last ? { lastAt: last.at } : {}),
  };
}

/**
 * The background's adaptive triage: corrections live in IndexedDB; the fitted layer is kept in
 * memory and refitted from all of them after every change (a few ms for thousands).
 */
export function createLearningService({ store, now, onChanged }: LearningDeps): LearningService {
  let loaded: Promise<{ corrections: Correction[]; learned: LearnedTriage }> | null = null;
  const load = () => {
    loaded ??= store
      .use((repository) => repository.corrections.all())
      .then((corrections) => ({ corrections, learned: learnedFrom(corrections) }));
    // A failed read is tried again next time rather than remembered.
    loaded.catch(() => (loaded = null));
    return loaded;
  };
  const changed = () => {
    loaded = null;
    onChanged();
  };
  return {
    current: async () => (await load()).learned,
    async correct(post, label, source, brandTerms) {
      const correction: Correction = {
        postKey: postKeyOf(post.platform, post.postId),
        label,
        source,
        at: now(),
        ...learningExampleOf(post, brandTerms),
      };
      const stored = await store.use((repository) => repository.corrections.put(correction));
      if (stored) changed();
      return stored;
    },
    status: async () => statusOf((await load()).corrections),
    async reset() {
      const removed = await store.use((repository) => repository.corrections.clear());
      changed();
      return removed;
    },
    exportLayer: async () => ({ format: LEARNING_EXPORT_FORMAT, corrections: (await load()).corrections }),
    async importLayer(imported) {
      await store.use((repository) => repository.corrections.replaceAll(imported.corrections));
      changed();
      return statusOf((await load()).corrections);
    },
  };
}

/** triagePost's hook for one post: its own label first, else the layer (none while nothing was learned). */
export function adjusterFor(learned: LearnedTriage, postKey: PostKey): TriageOptions['adjustComplaint'] {
  const own = learned.labels.get(postKey);
  if (!own && learned.layer.examples === 0) return undefined;
  const threshold = complaintModel().threshold;
  return (complaint, prepared) => adjustComplaint(complaint, { buckets: adaptiveFeatures(prepared), threshold }, learned.layer, own);
}
