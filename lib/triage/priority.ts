/**
 * Priority P1–P4 from a deterministic 0–100 score. Weights (documented here and in the tests):
 *
 *   complaint     20 + 20 × confidence when the post is a complaint, else 0           (0–40)
 *   reach         6 × (log10(1 + audience) − 1), clamped; audience = the largest of
 *                 views, followers, 20 × likes, 50 × reposts, 20 × replies           (0–30)
 *                 (10 → 0, 1k → 12, 25k → 20, 1M → 30)
 *   urgency       safety 35, legal 25, long unanswered wait 15, churn 15, outage 15;
 *                 summed, capped                                                      (0–40)
 *   visibility    review 8, post 5, reply/comment 2 (how public and lasting it is)     (2–8)
 *   rating        Yelp-style stars: 1 → 10, 2 → 5                                      (0–10)
 *   age           only when `now` is given: < 2 h → +10, < 24 h → +5, > 7 days → −10; but an unanswered
 *                 complaint keeps its +10 as it ages (the customer is still waiting): age alone never
 *                 demotes a complaint. From 1 day on the reason line says "posted 14 d ago".
 *
 * Levels: P1 ≥ 70, P2 ≥ 50, P3 ≥ 30, else P4. Guards: a safety cue is at least P2; a post that is
 * neither a complaint nor urgent is at most P3 (a viral compliment is not a care emergency).
 */
import type { PostKind, Reach } from '../domain/post';
import type { UrgencyCue, UrgencyKind } from './urgency';

import type { Priority, PriorityReason, PriorityResult, ReachSignalName } from '../domain/triage';
import { englishReason } from './reason';

export { formatCount } from './reason';

export const PRIORITY_THRESHOLDS = { P1: 70, P2: 50, P3: 30 } as const;

export const URGENCY_POINTS: Record<UrgencyKind, number> = {
  safety: 35,
  legal: 25,
  long_wait: 15,
  churn: 15,
  outage: 15,
};
const URGENCY_CAP = 40;
const REACH_CAP = 30;
const VISIBILITY_POINTS: Record<PostKind, number> = { review: 8, post: 5, reply: 2, comment: 2 };
const HOUR = 3_600_000;

export interface PriorityInput {
  complaint: { isComplaint: boolean; confidence: number };
  urgency: readonly UrgencyCue[];
  reach: Reach;
  kind: PostKind;
  /** ISO 8601 publish time, when known. */
  postedAt?: string;
  /** Current time in ms; age counts only when given, so results are reproducible. */
  now?: number;
  /** The post's language when the complaint model could not judge it (the reason says "zh: complaint not judged"). */
  notJudgedLanguage?: string;
}

interface ReachSignal {
  audience: number;
  /** The signal that set the audience and its count, for the reason ("25k views"). */
  count: number;
  signal: ReachSignalName;
}

function reachSignal(reach: Reach): ReachSignal | undefined {
  // Largest audience wins; ties go to the earlier signal. Only the winner is formatted.
  const candidates: readonly [number, number, ReachSignalName][] = [
    [reach.views ?? 0, reach.views ?? 0, 'views'],
    [reach.followers ?? 0, reach.followers ?? 0, 'followers'],
    [20 * (reach.likes ?? 0), reach.likes ?? 0, 'likes'],
    [50 * (reach.reposts ?? 0), reach.reposts ?? 0, 'reposts'],
    [20 * (reach.replies ?? 0), reach.replies ?? 0, 'replies'],
  ];
  let best: (typeof candidates)[number] | undefined;
  for (const candidate of candidates) {
    if (candidate[0] > 0 && (!best || candidate[0] > best[0])) best = candidate;
  }
  return best && { audience: best[0], count: best[1], signal: best[2] };
}

function pointsForSignal(signal: ReachSignal | undefined): number {
  if (!signal) return 0;
  return Math.min(REACH_CAP, Math.max(0, 6 * (Math.log10(1 + signal.audience) - 1)));
}

export function reachPoints(reach: Reach): number {
  return pointsForSignal(reachSignal(reach));
}

const FRESH_POINTS = 10;

type AgeNote = Pick<PriorityReason, 'fresh' | 'ageDays'>;

function agePoints(postedAt: string | undefined, now: number | undefined, isComplaint: boolean): { points: number; note?: AgeNote } {
  if (postedAt === undefined || now === undefined) return { points: 0 };
  const posted = Date.parse(postedAt);
  if (Number.isNaN(posted)) return { points: 0 };
  const ageHours = Math.max(0, now - posted) / HOUR;
  if (ageHours < 2) return { points: FRESH_POINTS, note: { fresh: true } };
  const note = ageHours >= 24 ? { ageDays: Math.floor(ageHours / 24) } : undefined;
  // A complaint nobody has answered does not become less urgent by waiting longer.
  if (isComplaint) return { points: FRESH_POINTS, ...(note ? { note } : {}) };
  if (ageHours < 24) return { points: 5 };
  if (ageHours > 24 * 7) return { points: -10, ...(note ? { note } : {}) };
  return { points: 0 };
}

function levelOf(score: number): Priority {
  if (score >= PRIORITY_THRESHOLDS.P1) return 'P1';
  if (score >= PRIORITY_THRESHOLDS.P2) return 'P2';
  if (score >= PRIORITY_THRESHOLDS.P3) return 'P3';
  return 'P4';
}

const LEVEL_RANK: Record<Priority, number> = { P1: 1, P2: 2, P3: 3, P4: 4 };

export function scorePriority(input: PriorityInput): PriorityResult {
  const { complaint, urgency, reach, kind } = input;
  const complaintPoints = complaint.isComplaint ? 20 + 20 * Math.min(1, Math.max(0, complaint.confidence)) : 0;
  const urgencyPoints = Math.min(
    URGENCY_CAP,
    urgency.reduce((sum, cue) => sum + URGENCY_POINTS[cue.kind], 0),
  );
  const rating = reach.rating;
  const ratingPoints = rating === undefined || rating === 0 ? 0 : rating <= 1 ? 10 : rating <= 2 ? 5 : 0;
  const age = agePoints(input.postedAt, input.now, complaint.isComplaint);
  const signal = reachSignal(reach);
  const raw = complaintPoints + pointsForSignal(signal) + urgencyPoints + VISIBILITY_POINTS[kind] + ratingPoints + age.points;
  const score = Math.round(Math.min(100, Math.max(0, raw)) * 10) / 10;

  let priority = levelOf(score);
  if (urgency.some((cue) => cue.kind === 'safety') && LEVEL_RANK[priority] > LEVEL_RANK.P2) priority = 'P2';
  if (!complaint.isComplaint && urgency.length === 0 && LEVEL_RANK[priority] < LEVEL_RANK.P3) priority = 'P3';

  const first = urgency[0];
  const reason: PriorityReason = {
    ...(input.notJudgedLanguage !== undefined
      ? { verdict: 'not_judged', language: input.notJudgedLanguage }
      : { verdict: complaint.isComplaint ? 'complaint' : 'not_complaint' }),
    ...(signal ? { reach: { count: signal.count, signal: signal.signal } } : {}),
    ...(ratingPoints > 0 && rating !== undefined ? { rating } : {}),
    ...(first ? { urgency: { snippet: first.snippet, more: urgency.length - 1 } } : {}),
    ...age.note,
  };
  return { priority, score, explanation: englishReason(priority, reason), reason };
}
