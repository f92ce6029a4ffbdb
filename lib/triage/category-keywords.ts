/**
 * Keyword votes for complaint categories in any industry, added to the airline-trained model's probabilities
 * (category.ts), whose vocabulary is flights. Each category has a list of words and short phrases; each hit is
 * one vote. Developed on the odd rows of the hand-labelled complaints-2019 sample and checked on the airline
 * held-out split (lib/triage/MODEL_CARD.md).
 */
import { CATEGORY_LABELS, type CategoryId, type CategoryResult } from '../domain/triage';

const words = (list: string) => new RegExp(`\\b(?:${list})\\b`, 'g');

export const CATEGORY_KEYWORDS: readonly (readonly [CategoryId, RegExp])[] = [
  [
    'outage',
    words(
      "outages?|outtage|power|electricity|no lights|lost power|network|signal|reception|connection|connectivity|internet|wi-?fi|broadband|[234] ?g|can'?t connect|cant connect|offline|down for|site (?:is |has been )?down|service (?:is )?down|(?:is|went) down|interrupt\\w*",
    ),
  ],
  [
    'account_login',
    words(
      'log ?in|logging (?:me )?out|logged (?:in|out)|log into|sign ?in|signing in|password|username|account activation|activate (?:my )?account|banned|suspended|locked out|hacked|verification code',
    ),
  ],
  [
    'billing_refund',
    words(
      'bills?|billing|billed|charged?|charging|charges|refunds?|refunded|reimburse\\w*|money|pric(?:e|es|ey|ing)|expensive|overpriced|cost|costs|fees?|paid|payments?|withdrawal|currency|short ?changed|claim|rip ?off|subscription fee|overcharg\\w*|return(?:ed|s)?|exchange',
    ),
  ],
  ['cancellation', words('cancel+(?:ed|ing|s|ation)?|discontinu\\w*|stopping|shut(?:ting)? down')],
  [
    'lost_damaged',
    words(
      'lost (?:my|our|the) \\w+|gone missing|went missing|stolen|damaged|arrived (?:broken|damaged|ripped|torn|opened)|opened empty|empty package|ripped (?:dress|item|parcel|box)',
    ),
  ],
  // A no-show for something booked (an engineer, a table, a pickup) is a booking problem, not a staff one.
  [
    'booking',
    words(
      'book(?:ed|ing|ings)?|reservations?|reserved?|tickets?|check ?in|checking in|appointments?|rooms?|never (?:showed|turned) up|no[- ]show',
    ),
  ],
  [
    'delivery_delay',
    words(
      "orders?|ordered|deliver(?:y|ies|ed)?|packages?|parcels?|shipp(?:ed|ing)|shipments?|tracking|arriv(?:e|ed|al)|never (?:came|received|got)|haven'?t (?:received|got)|not received|still waiting|waiting for (?:my |our |the )?(?:food|order|delivery)|late|delay(?:ed|s)?|drive ?thr(?:u|ough)|missing (?:item|items|piece|pieces|parts?)|parts? (?:haven'?t|have not|never)|the paper|my paper|replacement|in transit|dispatch(?:ed)?|train|bus|stuck",
    ),
  ],
  [
    'product_defect',
    words(
      "quality|broke|broken|faulty|defective|rusting|rust|ripped|coming apart|falls? off|fell apart|design ?flaw|recall|cold|stale|raw|pink|undercooked|no meat|disgusting|smells?|dirty|used|not working|doesn'?t work|won'?t work|stopped working|isn'?t working|no longer (?:recognized|working)",
    ),
  ],
  // Software words: the app or website itself misbehaving (its being down altogether is an outage).
  [
    'app_bug',
    words(
      "glitch(?:es|y)?|bugs?|buggy|errors?|crash(?:es|ed|ing)?|apps?|website|site|web ?page|page|layout|updates?|updated|program|software|browser|loading|freez(?:es|ing)|deleting|can'?t (?:type|write|add|find|open)",
    ),
  ],
  [
    'staff_service',
    words(
      "customer service|customer care|service|staff|employees?|rude|manager|supervisor|representative|rep|agent|driver|engineer|response|respond(?:ed|ing)?|repl(?:y|ied|ies)|no answer|answer(?:ed)? the phone|pick the phone up|phone line|call(?:ed)? back|call ?back|hold time|on hold|unanswered|dm'?d|emails?|complain(?:t|ts|ed)?|escalate\\w*|live chat|support ticket|nobody|no one|ignor\\w*|still no|help",
    ),
  ],
];

/** The keyword tier alone (for evaluation): the category with the most hits (ties: list order), or undefined. */
export function categoryByKeywords(normalized: string): CategoryResult | undefined {
  let best: { category: CategoryId; hits: number; evidence: string } | undefined;
  for (const [category, pattern] of CATEGORY_KEYWORDS) {
    const found = normalized.match(pattern);
    if (found && found.length > (best?.hits ?? 0)) best = { category, hits: found.length, evidence: found.join(', ') };
  }
  if (!best) return undefined;
  return {
    category: best.category,
    label: CATEGORY_LABELS[best.category],
    confidence: Math.min(0.9, 0.5 + 0.1 * best.hits),
    source: 'rule',
    evidence: best.evidence,
  };
}
