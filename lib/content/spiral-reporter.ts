import type { Post, PostKey } from '../domain/post';
import type { BrandHit } from '../match/brand-matcher';
import { MAX_OBSERVE_BATCH, type SpiralComplaint } from '../spirals/schema';
import type { MentionEntry } from './view-model';

/** Complaints seen within this long go to the background in one message. */
export const REPORT_DELAY_MS = 1_000;
/** Posts remembered as reported per page; past this the memory starts over (the background dedupes too). */
const MAX_REMEMBERED = 10_000;

export interface SpiralReporterDeps {
  send: (complaints: SpiralComplaint[]) => Promise<unknown>;
  /** Run `flush` later (ctx.setTimeout in the page). */
  delay: (flush: () => void, ms: number) => void;
}

export interface SpiralReporter {
  /** Not reported from this page yet (so worth building a complaint for). */
  wants: (postKey: PostKey) => boolean;
  /** Queue complaints for the background; each post is reported once per page. */
  report: (complaints: readonly SpiralComplaint[]) => void;
  /** Send what is queued now. */
  flush: () => Promise<void>;
}

/**
 * Blank out brand mentions ("@AcmeAir", "Acme Air") so complaints compare on what went wrong,
 * not on the brand every one of them names.
 */
export function withoutBrandMentions(text: string, hits: readonly Pick<BrandHit, 'start' | 'end'>[]): string {
  if (hits.length === 0) return text;
  let out = '';
  let at = 0;
  for (const { start, end } of [...hits].sort((a, b) => a.start - b.start)) {
    if (start < at) continue;
    out += `${text.slice(at, start)} `;
    at = end;
  }
  return out + text.slice(at);
}

/** A complaint as spirals/observe takes it: arrival is the publish time when shown (never later than now). */
export function spiralComplaintOf(postKey: PostKey, post: Post, hits: readonly BrandHit[], now: number): SpiralComplaint {
  const posted = post.postedAt === undefined ? Number.NaN : Date.parse(post.postedAt);
  return {
    postKey,
    text: withoutBrandMentions(post.text, hits),
    at: Number.isFinite(posted) && posted >= 0 ? Math.min(posted, now) : now,
    platform: post.platform,
  };
}

/** The published mentions' complaints not yet reported from this page, to the background's spiral window. */
export function reportComplaintsAmong(
  reporter: SpiralReporter,
  mentions: readonly MentionEntry[],
  hitsOf: (postKey: PostKey) => readonly BrandHit[],
): void {
  const at = Date.now();
  const complaints = mentions
    .filter((mention) => mention.triage?.complaint.isComplaint && reporter.wants(mention.postKey))
    .map((mention) => spiralComplaintOf(mention.postKey, mention.post, hitsOf(mention.postKey), at));
  reporter.report(complaints);
}

/** Batches the complaints a tab sees into spirals/observe messages. */
export function createSpiralReporter({ send, delay }: SpiralReporterDeps): SpiralReporter {
  const reported = new Set<PostKey>();
  let queued = new Map<PostKey, SpiralComplaint>();
  let scheduled = false;

  const flush = async () => {
    scheduled = false;
    const batch = [...queued.values()];
    queued = new Map();
    for (let start = 0; start < batch.length; start += MAX_OBSERVE_BATCH) {
      const chunk = batch.slice(start, start + MAX_OBSERVE_BATCH);
      try {
        await send(chunk);
      } catch (error) {
        // Not fatal: they are reported again the next time the page publishes them.
        for (const complaint of chunk) reported.delete(complaint.postKey);
        console.warn('[CareSide] could not report complaints for spiral detection:', error);
      }
    }
  };

  return {
    wants: (postKey) => !reported.has(postKey),
    report(complaints) {
      for (const complaint of complaints) {
        if (reported.has(complaint.postKey)) continue;
        if (reported.size >= MAX_REMEMBERED) reported.clear();
        reported.add(complaint.postKey);
        queued.set(complaint.postKey, complaint);
      }
      if (queued.size > 0 && !scheduled) {
        scheduled = true;
        delay(() => void flush(), REPORT_DELAY_MS);
      }
    },
    flush,
  };
}
