import type { Post, PostKey } from '../domain/post';
import type { TriageAtLog } from '../messaging/protocol';
import type { Brand } from '../settings/schema';
import { brandTermsOf, triagePost, type TriageResult } from '../triage';

/** Most triage results remembered per page (a long scroll); past this the cache starts over. */
const MAX_CACHED = 5_000;
/** The protocol's limits on what is stored with a case. */
const MAX_EXPLANATION = 300;
const MAX_CUES = 20;
const MAX_CUE_LENGTH = 200;

export interface TriageCache {
  /** Triage of this post; computed again only when what it depends on changed. */
  of: (postKey: PostKey, post: Post) => TriageResult;
  /** The last result for a post, without computing one. */
  peek: (postKey: PostKey) => TriageResult | undefined;
  /** New brands: every post is triaged again on its next read. */
  setBrands: (brands: readonly Brand[]) => void;
}

/** What triage reads of a post: sites rewrite posts (relative times, counts) far more often than this changes. */
function inputKey(post: Post): string {
  return `${post.kind}\u0000${post.postedAt ?? ''}\u0000${JSON.stringify(post.reach)}\u0000${post.text}`;
}

/**
 * Triage per brand-mentioning post in the content script. triagePost takes tens of microseconds
 * per post (scripts/triage/bench.ts); the cache keeps re-reads of the same post (X re-renders
 * posts constantly) from paying it again.
 */
export function createTriageCache(now: () => number = Date.now): TriageCache {
  let brandTerms: string[] = [];
  const cache = new Map<PostKey, { post: Post; key: string; result: TriageResult }>();
  return {
    of(postKey, post) {
      const cached = cache.get(postKey);
      // Same post object as last time (every sidebar publish asks again): no key to build.
      if (cached?.post === post) return cached.result;
      const key = inputKey(post);
      if (cached?.key === key) {
        cached.post = post;
        return cached.result;
      }
      const result = triagePost(post, { brandTerms, now: now() });
      if (cache.size >= MAX_CACHED) cache.clear();
      cache.set(postKey, { post, key, result });
      return result;
    },
    peek: (postKey) => cache.get(postKey)?.result,
    setBrands(brands) {
      brandTerms = brands.flatMap(brandTermsOf);
      cache.clear();
    },
  };
}

/** "P1 · Delivery / delay" (or "P4 · Not a complaint"): the compact form on the inline control. */
export function triageLabel(triage: TriageResult): string {
  const what = triage.complaint.isComplaint ? triage.category.label : 'Not a complaint';
  return `${triage.priority.priority} · ${what}`;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** What the content script's triage concluded, in the form cases/log stores with a new case. */
export function triageAtLog(triage: TriageResult): TriageAtLog {
  return {
    priority: triage.priority.priority,
    category: triage.category.category,
    snapshot: {
      complaint: triage.complaint.isComplaint,
      confidence: Math.min(1, Math.max(0, triage.complaint.confidence)),
      explanation: clip(triage.priority.explanation, MAX_EXPLANATION),
      cues: triage.complaint.cues.slice(0, MAX_CUES).map((cue) => clip(cue, MAX_CUE_LENGTH)),
    },
  };
}
