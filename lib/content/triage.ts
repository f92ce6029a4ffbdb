import type { Post, PostKey } from '../domain/post';
import type { TriagePost } from '../messaging/protocol';
import type { TriageAnswer, TriageResult } from '../domain/triage';
import { t } from '../i18n/t';
import { categoryLabel } from '../domain/labels';

/** Most triage results remembered per page (a long scroll); past this the oldest go. */
const MAX_REMEMBERED = 5_000;
/** After a failed request, a post is asked about again on a read at least this much later. */
export const TRIAGE_RETRY_MS = 5_000;

export interface TriageClientOptions {
  /** Ask the background (posts/triage) about up to `batchSize` posts. */
  send: (posts: TriagePost[]) => Promise<TriageAnswer>;
  batchSize: number;
  /**
   * Send at most once per this many ms (default 0: as soon as no request is in flight). A
   * control shows at once with "Triaging…", so a short wait costs nothing visible, and each
   * message costs the page ~0.3-0.5 ms however few posts it carries.
   */
  minIntervalMs?: number;
  delay?: (callback: () => void, ms: number) => void;
  /** Results (or failures) arrived for these posts. */
  onSettled: (postKeys: PostKey[]) => void;
  /** A request failed: why, in a sentence (null once one succeeds again). */
  onError: (message: string | null) => void;
  now?: () => number;
}

export interface TriageClient {
  /**
   * The triage of this post, or undefined while it is being asked for. A post whose text, kind,
   * time or reach changed is queued again (its previous result stays shown until the new one).
   */
  of: (postKey: PostKey, post: Post) => TriageResult | undefined;
  /** The last result for a post, without queueing anything. */
  peek: (postKey: PostKey) => TriageResult | undefined;
  /** Whether the post's latest version got an answer or a failure (so its control can be shown). */
  settled: (postKey: PostKey) => boolean;
  /** Send what `of` queued (now, or when the interval and the request in flight allow). */
  flush: () => void;
  /**
   * Ask again about this post even though it did not change (the team's corrections moved
   * verdicts): its current result stays shown until the new one arrives.
   */
  again: (postKey: PostKey, post: Post) => void;
  /**
   * The brands changed: every post is triaged again on its next read. (The background masks the
   * brands it knows from its own settings; the tab sends only posts.)
   */
  forgetAll: () => void;
  /** Settles once nothing is queued, waiting for its turn or in flight (answered or failed). */
  idle: () => Promise<void>;
}

/** The part of a post the background's triage reads (the wire carries only that). */
export function triagePostOf(post: Post): TriagePost {
  const { platform, postId, kind, text, postedAt, reach, sponsored, answeredBy } = post;
  return {
    platform,
    postId,
    kind,
    text,
    ...(postedAt !== undefined ? { postedAt } : {}),
    reach,
    ...(sponsored ? { sponsored } : {}),
    ...(answeredBy !== undefined ? { answeredBy } : {}),
  };
}

/** What triage reads of a post: sites rewrite posts (relative times, counts) far more often than this changes. */
function inputKey(post: Post): string {
  return `${post.kind}\u0000${post.postedAt ?? ''}\u0000${JSON.stringify(post.reach)}\u0000${post.sponsored ?? ''}\u0000${post.answeredBy ?? ''}\u0000${post.text}`;
}

interface Entry {
  post: Post;
  key: string;
  result: TriageResult | undefined;
  /** The key of the version in flight or answered. */
  askedKey: string | undefined;
  settledKey: string | undefined;
  failedAt: number | undefined;
}

/**
 * Triage for the posts a tab reads, done by the background (models are loaded once per
 * browser there, and the page's main thread stays free). Requests go one round at a time (see
 * flush); answers for a version of a post that has since changed are dropped.
 */
export function createTriageClient(options: TriageClientOptions): TriageClient {
  const now = options.now ?? Date.now;
  const entries = new Map<PostKey, Entry>();
  const queue = new Map<PostKey, Post>();
  let generation = 0;
  let inFlight = 0;
  let waiters: (() => void)[] = [];
  const minIntervalMs = options.minIntervalMs ?? 0;
  const delay = options.delay ?? ((callback: () => void, ms: number) => void setTimeout(callback, ms));
  let lastSentAt = Number.NEGATIVE_INFINITY;
  let timerPending = false;
  const wakeIfIdle = () => {
    if (inFlight > 0 || timerPending || queue.size > 0) return;
    const wake = waiters;
    waiters = [];
    for (const resolve of wake) resolve();
  };
  /**
   * One round of requests at a time, at most once per minIntervalMs: posts read meanwhile wait
   * and go together, so a page adding posts every frame sends a few large messages.
   */
  const flush = () => {
    if (inFlight > 0 || timerPending || queue.size === 0) return;
    const wait = lastSentAt + minIntervalMs - now();
    if (wait > 0) {
      timerPending = true;
      delay(() => {
        timerPending = false;
        flush();
        wakeIfIdle();
      }, wait);
      return;
    }
    lastSentAt = now();
    sendQueued();
  };
  const done = () => {
    inFlight--;
    flush();
    wakeIfIdle();
  };

  const remember = (postKey: PostKey, entry: Entry) => {
    if (entries.size >= MAX_REMEMBERED && !entries.has(postKey)) {
      const oldest = entries.keys().next().value;
      if (oldest !== undefined) entries.delete(oldest);
    }
    entries.set(postKey, entry);
  };

  function sendQueued() {
    if (queue.size === 0) return;
    const pending = [...queue];
    queue.clear();
    for (let start = 0; start < pending.length; start += options.batchSize) sendBatch(pending.slice(start, start + options.batchSize));
  }

  const sendBatch = (posts: [PostKey, Post][]) => {
    const sentGeneration = generation;
    // Each queued post's key was worked out when it was queued (of, again): its entry's askedKey.
    const asked = posts.map(([postKey, post]) => [postKey, entries.get(postKey)?.askedKey ?? inputKey(post)] as const);
    const settle = (apply: (entry: Entry, postKey: PostKey) => void) => {
      if (sentGeneration !== generation) return;
      const settledKeys: PostKey[] = [];
      for (const [postKey, key] of asked) {
        const entry = entries.get(postKey);
        if (!entry || entry.askedKey !== key) continue; // a newer version is in flight
        apply(entry, postKey);
        entry.settledKey = key;
        settledKeys.push(postKey);
      }
      if (settledKeys.length > 0) options.onSettled(settledKeys);
    };
    inFlight++;
    options
      .send(posts.map(([, post]) => triagePostOf(post)))
      .then(
        (answer) => {
          const byKey = new Map(answer.map((item) => [item.postKey, item.triage]));
          options.onError(null);
          settle((entry, postKey) => {
            const result = byKey.get(postKey);
            if (result) entry.result = result;
            entry.failedAt = undefined;
          });
        },
        (error: unknown) => {
          options.onError(t('sidebar.triageUnavailable', { error: error instanceof Error ? error.message : String(error) }));
          const at = now();
          settle((entry) => {
            entry.failedAt = at;
          });
        },
      )
      .finally(done);
  };

  return {
    of(postKey, post) {
      const entry = entries.get(postKey);
      if (entry?.post === post) return entry.result;
      const key = inputKey(post);
      if (entry?.askedKey === key) {
        entry.post = post;
        const retry = entry.failedAt !== undefined && now() - entry.failedAt >= TRIAGE_RETRY_MS;
        if (!retry) return entry.result;
        entry.failedAt = undefined;
        entry.settledKey = undefined;
      }
      const next: Entry = entry ?? { post, key, result: undefined, askedKey: undefined, settledKey: undefined, failedAt: undefined };
      next.post = post;
      next.key = key;
      next.askedKey = key;
      remember(postKey, next);
      queue.set(postKey, post);
      return next.result;
    },
    peek: (postKey) => entries.get(postKey)?.result,
    again(postKey, post) {
      const entry = entries.get(postKey);
      if (!entry || entry.askedKey === undefined) return;
      entry.post = post;
      entry.key = inputKey(post);
      entry.askedKey = entry.key;
      queue.set(postKey, post);
    },
    settled(postKey) {
      const entry = entries.get(postKey);
      return entry !== undefined && entry.settledKey === entry.askedKey;
    },
    flush,
    idle: () =>
      inFlight === 0 && !timerPending && queue.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve)),
    forgetAll() {
      generation++;
      entries.clear();
      queue.clear();
    },
  };
}

/** "P1 · Delivery / delay" (or "P4 · Not a complaint"): the compact form on the inline control. */
export function triageLabel(triage: TriageResult): string {
  const what = triage.complaint.isComplaint ? categoryLabel(triage.category.category) : t('sidebar.notComplaint');
  return `${triage.priority.priority} · ${what}`;
}
