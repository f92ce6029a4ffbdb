import { postKeyOf, type Post } from '../domain/post';
import { clip, fraction, triageAtLog } from '../domain/triage-at-log';
import type { Brand } from '../domain/brand';
import { brandTermsOf } from '../triage/brand-terms';
import { TRIAGE_WIRE_LIMITS as LIMITS, type TriageAtLog, type TriageResult } from '../domain/triage';
import { ProtocolError } from '../messaging/errors';
import type { MessageHandlers } from '../messaging/server';
import { triagePost } from '../triage';

/** Work done by posts/triage since the worker started (read by scripts/bench/timeline.ts). */
export interface TriageStats {
  requests: number;
  posts: number;
  ms: number;
}

/** A result in the protocol's bounds (cues quote post text, which can be long). */
export function triageForWire(result: TriageResult): TriageResult {
  return {
    complaint: {
      isComplaint: result.complaint.isComplaint,
      confidence: fraction(result.complaint.confidence),
      cues: result.complaint.cues.slice(0, LIMITS.cues).map((cue) => clip(cue, LIMITS.cueLength)),
    },
    category: {
      category: result.category.category,
      label: result.category.label,
      confidence: fraction(result.category.confidence),
      source: result.category.source,
      ...(result.category.evidence !== undefined ? { evidence: clip(result.category.evidence, LIMITS.cueLength) } : {}),
    },
    priority: { ...result.priority, explanation: clip(result.priority.explanation, LIMITS.explanation) },
  };
}

export function createTriageHandlers(now: () => number, stats: TriageStats): Pick<MessageHandlers, 'posts/triage'> {
  return {
    'posts/triage': ({ brandTerms, posts }, { sitePlatform }) => {
      const foreign = sitePlatform ? posts.find((post) => post.platform !== sitePlatform) : undefined;
      if (foreign) return Promise.reject(new ProtocolError('forbidden_sender', `A ${sitePlatform} tab cannot triage a ${foreign.platform} post`));
      const started = performance.now();
      const at = now();
      const results = posts.map((post) => ({
        postKey: postKeyOf(post.platform, post.postId),
        triage: triageForWire(triagePost(post, { brandTerms, now: at })),
      }));
      stats.requests += 1;
      stats.posts += posts.length;
      stats.ms += performance.now() - started;
      return Promise.resolve({ results });
    },
  };
}

/**
 * Triage for a post logged before its tab had an answer (it asked moments ago, or the worker
 * was restarting), so every case is stored with a priority and category.
 */
export function triageAtLogFor(post: Post, brandIds: readonly string[], brands: readonly Brand[], now: number): TriageAtLog {
  const brandTerms = brands.filter((brand) => brandIds.includes(brand.id)).flatMap(brandTermsOf);
  return triageAtLog(triagePost(post, { brandTerms, now }));
}
