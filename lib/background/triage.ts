import { postKeyOf, type Post } from '../domain/post';
import { clip, fraction, triageAtLog } from '../domain/triage-at-log';
import type { Brand } from '../domain/brand';
import type { SettingsSource } from '../settings/source';
import { brandTermsOf } from '../triage/brand-terms';
import { TRIAGE_WIRE_LIMITS as LIMITS, type PriorityReason, type TriageAtLog, type TriageResult } from '../domain/triage';
import { ProtocolError } from '../messaging/errors';
import { protocol } from '../messaging/protocol';
import type { MessageHandlers } from '../messaging/server';
import { triagePost } from '../triage';
import { complaintModel } from '../triage/complaint';
import { adjusterFor, type LearnedTriage, type LearningService } from './learning';
import { EMPTY_LAYER } from '../triage/adaptive';

const NOTHING_LEARNED: Promise<LearnedTriage> = Promise.resolve({ layer: EMPTY_LAYER, labels: new Map() });

/** Work done by posts/triage since the worker started (read by scripts/bench/timeline.ts and coldstart.ts). */
export interface TriageStats {
  requests: number;
  posts: number;
  ms: number;
  /** performance.now() (ms since the worker started) when startBackground ran, i.e. after module evaluation. */
  startedAt?: number;
  /** When the first posts/triage request reached its handler, and when its answer was ready. */
  firstRequestAt?: number;
  firstAnsweredAt?: number;
}

/**
 * A woken worker's script has run before the message that woke it arrives (it is still crossing from the
 * browser process): in that idle moment, build and walk the posts/triage schemas as their first parse would,
 * then decode the complaint model. Each step is a task of its own, so a message arriving in between is not
 * kept waiting for the rest; a wake for anything else pays a few ms for them after its listeners ran.
 */
export function warmTriagePath(): void {
  setTimeout(() => {
    protocol['posts/triage'].request.safeParse({ posts: [] });
    protocol['posts/triage'].response.safeParse({ results: [] });
    setTimeout(() => complaintModel(), 0);
  }, 0);
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
    priority: {
      ...result.priority,
      explanation: clip(result.priority.explanation, LIMITS.explanation),
      ...(result.priority.reason ? { reason: reasonForWire(result.priority.reason) } : {}),
    },
  };
}

/** The reason's page text (the quoted phrase, who answered) within the wire limits. */
function reasonForWire(reason: PriorityReason): PriorityReason {
  return {
    ...reason,
    ...(reason.urgency ? { urgency: { ...reason.urgency, snippet: clip(reason.urgency.snippet, LIMITS.cueLength) } } : {}),
    ...(reason.answeredBy !== undefined ? { answeredBy: clip(reason.answeredBy, LIMITS.label) } : {}),
  };
}

/** Every configured brand's terms, masked before scoring; worked out once per settings value. */
export function brandTermsFor(settings: SettingsSource): Promise<readonly string[]> {
  return settings.current().then(({ settings: current }) => {
    let terms = TERMS_BY_SETTINGS.get(current);
    if (!terms) {
      terms = current.brands.flatMap(brandTermsOf);
      TERMS_BY_SETTINGS.set(current, terms);
    }
    return terms;
  });
}
const TERMS_BY_SETTINGS = new WeakMap<object, readonly string[]>();

/**
 * posts/triage: the background masks the brands it knows from its own settings, so tabs send
 * only posts (and cannot make the store keep a verdict they computed). The team's corrections
 * (learning.ts) move the verdicts; triage/correct records one.
 */
export function createTriageHandlers(
  now: () => number,
  stats: TriageStats,
  settings: SettingsSource,
  /** Without one (tests of triage alone) verdicts are the shipped model's and corrections are refused. */
  learning?: LearningService,
): Pick<MessageHandlers, 'posts/triage' | 'triage/correct'> {
  return {
    'posts/triage': async ({ posts }, { sitePlatform }) => {
      stats.firstRequestAt ??= performance.now();
      const foreign = sitePlatform ? posts.find((post) => post.platform !== sitePlatform) : undefined;
      if (foreign) throw new ProtocolError('forbidden_sender', `A ${sitePlatform} tab cannot triage a ${foreign.platform} post`);
      const reads = Promise.all([brandTermsFor(settings), learning ? learning.current() : NOTHING_LEARNED]);
      // A woken worker's first request decodes the model while those reads (storage, IndexedDB) are in flight.
      complaintModel();
      const [brandTerms, learned] = await reads;
      const started = performance.now();
      const at = now();
      const results = posts.map((post) => {
        const postKey = postKeyOf(post.platform, post.postId);
        const adjustComplaint = adjusterFor(learned, postKey);
        const options = { brandTerms, now: at, ...(adjustComplaint ? { adjustComplaint } : {}) };
        return { postKey, triage: triageForWire(triagePost(post, options)) };
      });
      stats.requests += 1;
      stats.posts += posts.length;
      stats.ms += performance.now() - started;
      stats.firstAnsweredAt ??= performance.now();
      return { results };
    },
    'triage/correct': async ({ post, label }, { sitePlatform }) => {
      if (sitePlatform && post.platform !== sitePlatform) {
        throw new ProtocolError('forbidden_sender', `A ${sitePlatform} tab cannot correct a ${post.platform} post`);
      }
      if (!learning) throw new ProtocolError('internal', 'Corrections are not available here');
      const changed = await learning.correct(post, label, 'click', await brandTermsFor(settings));
      return { changed, status: await learning.status() };
    },
  };
}

/**
 * What a new case stores of its post's triage, worked out here from the post itself: the
 * store keeps the background's own verdict, never one a tab asserts.
 */
export function triageAtLogFor(post: Post, brandIds: readonly string[], brands: readonly Brand[], now: number): TriageAtLog {
  const brandTerms = brands.filter((brand) => brandIds.includes(brand.id)).flatMap(brandTermsOf);
  return triageAtLog(triagePost(post, { brandTerms, now, categorize: 'always' }));
}
