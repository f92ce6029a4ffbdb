/**
 * When the customer started waiting. The response clock starts at the post's own time when
 * the page showed it (the customer has been waiting since they posted, not since we noticed),
 * and at the time the case was logged otherwise. A post time later than the logging time can
 * only be clock skew or a bad value, so the earlier of the two wins.
 */
export interface ClockCase {
  createdAt: number;
  post?: { postedAt?: string | undefined } | undefined;
}

export function clockStartOf(caseLike: ClockCase): number {
  const postedAt = caseLike.post?.postedAt;
  if (postedAt === undefined) return caseLike.createdAt;
  const posted = Date.parse(postedAt);
  if (!Number.isFinite(posted) || posted < 0) return caseLike.createdAt;
  return Math.min(posted, caseLike.createdAt);
}
