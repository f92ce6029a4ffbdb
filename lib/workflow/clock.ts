/**
 * The response clock and the post's age, kept apart.
 *
 * The first-response clock starts when the case is logged: that is when the team took the case
 * on, and the only moment every case has. The post's own time is NOT used: a year-old review
 * logged today would otherwise be "overdue by 399 d" the moment it is logged, and every older
 * post would land past target at once. How old the post is (the customer may have waited
 * before anyone noticed) is shown separately, see postAgeMs.
 */
export interface ClockCase {
  createdAt: number;
}

export function clockStartOf(caseLike: ClockCase): number {
  return caseLike.createdAt;
}

/** When the post was published (epoch ms), or undefined when the page did not say or said nonsense. */
export function postedAtOf(caseLike: { post?: { postedAt?: string | undefined } | undefined }): number | undefined {
  const postedAt = caseLike.post?.postedAt;
  if (postedAt === undefined) return undefined;
  const posted = Date.parse(postedAt);
  return Number.isFinite(posted) && posted >= 0 ? posted : undefined;
}

/**
 * How long ago the post was published, at `now`; undefined when its time is unknown. A post time
 * in the future (clock skew) counts as "just now" rather than a negative age.
 */
export function postAgeMs(caseLike: { post?: { postedAt?: string | undefined } | undefined }, now: number): number | undefined {
  const posted = postedAtOf(caseLike);
  return posted === undefined ? undefined : Math.max(0, now - posted);
}
