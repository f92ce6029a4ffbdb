/**
 * Urgency cues for priority: safety, legal threats, long unanswered waits, churn, outages.
 * Patterns run on `normalizeText` output and return the matched phrase for the explanation line.
 */
import { gatePatterns } from './pattern-gate';

export const URGENCY_KINDS = ['safety', 'legal', 'long_wait', 'churn', 'outage'] as const;
export type UrgencyKind = (typeof URGENCY_KINDS)[number];

export interface UrgencyCue {
  kind: UrgencyKind;
  snippet: string;
}

const SPAN = String.raw`(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|many|few|couple of)\s?(?:days?|weeks?|wks?|months?)`;
const UNANSWERED = String.raw`(?:no (?:response|reply|replies|answer|word|update|updates|call ?back|refund)|not (?:heard|had) (?:back|anything)|haven'?t heard(?: back| anything)?|nobody (?:has )?(?:replied|responded|answered|called)|still waiting|been waiting|waiting|ignored)`;

export const URGENCY_PATTERNS: readonly (readonly [UrgencyKind, RegExp])[] = [
  [
    'safety',
    /\b(?:unsafe|safety (?:issue|hazard|concern|risk)|injur(?:y|ies|ed)|hurt (?:me|my|us)|fire|smoke|caught fire|explod\w*|emergency|hospital\w*|ambulance|food poisoning|allergic reaction|anaphyla\w*|carbon monoxide|gas leak|assault\w*|harass\w*|dangerous|danger|choking|bleeding|electrocut\w*|recall)\b/,
  ],
  [
    'legal',
    /\b(?:lawyers?|attorneys?|lawsuit|sue|suing|legal action|small claims|better business bureau|bbb|ftc|attorney general|consumer protection|class action|take (?:you|this) to court|report(?:ing)? you to)\b/,
  ],
  [
    'long_wait',
    new RegExp(
      String.raw`\b${UNANSWERED}\b[^.!?]{0,30}?\b(?:for|in|after|since|over)\s(?:over\s|almost\s|nearly\s)?${SPAN}\b|\b${SPAN}\b[^.!?]{0,30}?\b(?:and |with |but |of )?(?:still )?${UNANSWERED}\b`,
    ),
  ],
  [
    'churn',
    /\b(?:cancel(?:l?ing)? my (?:account|subscription|membership|plan|service|order)|clos(?:e|ing) my account|switch(?:ing)? to|taking my business elsewhere|take my business elsewhere|never (?:buying|ordering|flying|using|shopping)\b[^.!?]{0,20}\bagain|done with (?:you|this company)|lost (?:a|my|your) customer)/,
  ],
  [
    'outage',
    /\b(?:outage|(?:site|website|app|server|servers|service|system|systems|network|platform) (?:is |are |went |has been |keeps going )?(?:down|offline)|down for everyone|not loading|won'?t load)\b/,
  ],
];

const URGENCY_GATE = gatePatterns(URGENCY_PATTERNS.map(([, pattern]) => pattern));

/** At most one cue per kind, in URGENCY_KINDS order. */
export function findUrgencyCues(normalized: string): UrgencyCue[] {
  const found: UrgencyCue[] = [];
  for (let k = 0; k < URGENCY_PATTERNS.length; k++) {
    if (!URGENCY_GATE.mayMatch(normalized, k)) continue;
    const [kind, pattern] = URGENCY_PATTERNS[k]!;
    const match = pattern.exec(normalized);
    if (match) found.push({ kind, snippet: match[0].trim().slice(0, 60) });
  }
  return found;
}
