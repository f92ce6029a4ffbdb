/**
 * Problem reports in a review's text: what a 3★ review says went wrong on the visit (slow or rude service, a dish
 * sent back or badly cooked, an order mixed up, something dirty or broken, an extra charge). A 3★ review is mixed
 * by nature, and the tweet-trained model reads long reviews barely better than chance, so for 3★ these phrases
 * decide (complaint.ts). Written on the odd rows of CareSide's hand-labelled 3★ Yelp reviews and measured on the
 * even rows (scripts/triage/three-star.ts, lib/triage/MODEL_CARD.md). Run on `normalizeText` output; linear time.
 */

const STAFF = String.raw`(?:service|waitress|waiter|server|servers|staff|bartenders?|hostess(?:es)?|employees?|manager|cashier)`;
const BAD = String.raw`(?:slow|rude|terrible|awful|horrible|abysmal|poor|bad|inattentive|unhelpful|nasty|unfriendly)`;

const REVIEW_PROBLEM_PATTERNS: readonly RegExp[] = [
  // Service: "the service was painfully slow", "rude hostesses", "our server forgot about us".
  new RegExp(String.raw`\b${STAFF}\b(?: \w+){0,4}? (?:\w+ly )?${BAD}\b|\b(?:\w+ly )?${BAD} ${STAFF}\b`),
  new RegExp(String.raw`\b${STAFF}\b[^.!?]{0,40}\b(?:forgot|ignored|spilled|disappeared|never came|could(?: not|n'?t) help|no clue)\b`),
  // Waiting: "waited entirely too long", "took forever", "waited 75 minutes to get our lunch".
  /\b(?:waited|wait(?:ing)?|took)\b[^.!?]{0,30}\b(?:forever|too long|a long time|ridiculous|\d+ (?:minutes|mins) (?:to get|for (?:our|my|the) (?:food|lunch|dinner|drinks?|check|bill))|over an hour|an hour (?:and|for))/,
  // A dish: sent back, badly cooked, cold, stale.
  /\bsen[dt] (?:\w+ ){0,3}?back\b|\b(?:over ?cooked|under ?cooked|burnt|stale|was cold|were cold|came out cold|cold in the middle|still (?:cool|cold|frozen) in the middle|microwaved|slimy)\b/,
  // The order: mixed up, wrong, missing.
  /\b(?:screwed up|messed up|mixed up|huge mess|got (?:it|our order|my order) wrong|wrong (?:order|dish|item|drink)|forgot (?:our|my|the|about us)|never (?:came|brought|arrived))\b/,
  // Words that are a problem report wherever they stand in a review, and "not going back".
  /\b(?:rude|pathetic|inedible|disgusting|a disaster|spilled|could(?: not|n'?t) help (?:me|us))\b|\b(?:not (?:going|coming) back|won'?t (?:be (?:back|returning)|go back|return)|will not (?:be back|return|go back)|never (?:going|coming) back)\b/,
  // Dirty, broken, charged.
  /\b(?:dirty (?:glass|glasses|table|tables|plates?|menus?|bathrooms?|restrooms?|rooms?)|filthy|broken or missing|(?:is|are|were|was) broken|charged (?:me|us) (?:an? )?extra|overcharg\w*|bare hands?)\b/,
];

/** The first problem-report phrase of a review, or undefined when it reports none. */
export function findReviewProblem(normalized: string): string | undefined {
  for (const pattern of REVIEW_PROBLEM_PATTERNS) {
    const match = pattern.exec(normalized);
    if (match) return match[0].trim().slice(0, 60);
  }
  return undefined;
}
