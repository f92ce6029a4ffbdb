/**
 * Explicit complaint cues: readable evidence shown to the user and extra features for the model
 * (a cue id is hashed like a word, so the model learns how much each cue is worth).
 * All patterns run on `normalizeText` output (lower case, straight quotes) and are linear-time.
 */
import { gatePatterns } from './pattern-gate';

export const COMPLAINT_CUE_IDS = [
  'negation',
  'still_waiting',
  'never_again',
  'fail_hashtag',
  'strong_negative',
  'wait_time',
  'sarcasm',
  'why_question',
  'no_response',
  'problem_report',
  'defect',
  'praise_idiom',
] as const;
export type ComplaintCueId = (typeof COMPLAINT_CUE_IDS)[number];

export interface CueMatch {
  id: ComplaintCueId;
  /** The words that matched, as they appear in the normalised text. */
  snippet: string;
}

const CUE_LABELS: Record<ComplaintCueId, string> = {
  negation: 'negation',
  still_waiting: 'still waiting',
  never_again: 'never again',
  fail_hashtag: 'fail hashtag',
  strong_negative: 'strong negative',
  wait_time: 'wait time',
  sarcasm: 'sarcasm',
  why_question: 'why question',
  no_response: 'no response',
  problem_report: 'problem report',
  defect: 'defect',
  praise_idiom: 'praise',
};

const NUMBER_WORD = String.raw`(?:\d+(?:\.\d+)?\+?|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|several|many|few|couple(?: of)?)`;
const DURATION = String.raw`(?:hours?|hrs?|days?|weeks?|wks?|months?|mins?|minutes?)`;
const FAILURE = String.raw`(?:los(?:e|es|ing|t)|cancel\w*|delay\w*|late|stuck|strand\w*|miss(?:ed|ing)?|broke\w*|break\w*|damag\w*|ruin\w*|ignor\w*|overbook\w*|overcharg\w*|charg(?:ing|ed)|on hold|nothing|no (?:help|response|answer|reply|one|info\w*|updates?)|leav(?:e|ing) (?:me|us)|hang(?:ing)? up|hung up|making (?:me|us) wait)`;

// Up to 25 characters that do not contain a negation: "thanks for NOT losing it" is not sarcasm.
const GAP_WITHOUT_NEGATION = String.raw`(?:(?!\b(?:not|no|never|dont|didnt|cant|wont|isnt|wasnt)\b|\b\w+n't\b)[^.!?]){0,25}?`;

export const CUE_PATTERNS: readonly (readonly [ComplaintCueId, RegExp])[] = [
  [
    'negation',
    /\b(?:not|never|no|nothing|nobody|cannot|can'?t|don'?t|didn'?t|won'?t|isn'?t|wasn'?t|aren'?t|weren'?t|doesn'?t|haven'?t|hasn'?t|hadn'?t|couldn'?t|wouldn'?t|shouldn'?t)\b/,
  ],
  [
    'still_waiting',
    /\bstill (?:waiting|no\b|not\b|nothing|haven'?t|hasn'?t|don'?t|didn'?t|can'?t|on hold|stuck|sitting|delayed|missing|no word)/,
  ],
  [
    'never_again',
    /\bnever\b[^.!?]{0,40}?\bagain\b|\blast time (?:i|we)(?:'ll| will)? fly|\bnever (?:flying|fly|using|buying|ordering|booking) (?:with )?/,
  ],
  ['fail_hashtag', /#\w*(?:fail|sucks|suck|worst|shame|disappoint|ripoff|nothanks|never|badservice|unacceptable|wtf|fml)\w*/],
  [
    'strong_negative',
    /\b(?:worst|terrible|horrible|awful|pathetic|ridiculous|unacceptable|disgusting|disgrace\w*|incompetent|useless|rude|sucks?|hate|furious|appalling|atrocious|shameful|ripoff|rip off|scam)\b/,
  ],
  // "in 5 minutes" / "within a day" is praise for speed, not a wait.
  ['wait_time', new RegExp(String.raw`(?<!\b(?:in|within|under|only|just) )\b${NUMBER_WORD}\s?${DURATION}\b`)],
  [
    'sarcasm',
    new RegExp(
      String.raw`#sarcasm|\b(?:thanks?|thank you|great|awesome|love|lovely|nice|good|great job|good job|well done|way to go|appreciate|bravo|kudos|fantastic|wonderful|brilliant)\b(?: (?:a lot|so much|again|guys|for))?${GAP_WITHOUT_NEGATION}\b${FAILURE}`,
    ),
  ],
  ['why_question', /\bwhy\b[^?]{0,120}\?|\bhow (?:hard|difficult|long|many times)\b[^?]{0,80}\?/],
  [
    'no_response',
    /\bno (?:response|reply|answer|call ?back|one (?:answers|responds|helps|called|cares))\b|\bnobody\b|\bhaven'?t (?:heard|received|gotten)\b|\bnot heard back\b|\bnever (?:heard|got|received|responded|called)\b|\b(?:ignoring|ignored) (?:me|us|my)\b/,
  ],
  // Polite problem reports carry no negative word: "any update on the outage?", "my app keeps crashing".
  [
    'problem_report',
    /\b(?:any (?:update|news|word|eta)s?\b|when will (?:it|this|my|the|you)\b[^.!?]{0,40}\b(?:back|fixed|arrive|ship|work|restor\w*|refund\w*|respond)|where is my\b|(?:has|have)n'?t (?:arrived|shown up|come|been (?:delivered|refunded|fixed|shipped))|(?:stopped|keeps?|kept) (?:working|crashing|freezing|failing|logging me out|dropping|charging)|(?:is|are|was|been|went) (?:down|offline|broken|out of service)\b|not (?:working|arrived|received|delivered|loading|refunded)\b|(?:doesn'?t|won'?t|can'?t|cannot|couldn'?t) (?:log ?in|sign ?in|load|connect|open|access|get through|reach)\b|out of stock|(?:charged|billed) (?:me )?(?:twice|double|again|two times)|wrong (?:item|order|size|charge|address|amount)|(?:please|pls|plz) (?:help|fix|advise|respond|reply)\b|need (?:help|assistance)\b)/,
  ],
  // Something wrong with the product or the service, in any industry.
  [
    'defect',
    /\b(?:expired|moldy|mouldy|stale|spoiled|rotten|undercooked|raw inside|food poisoning|made (?:me|us|my \w+) sick|(?:found|there (?:was|is)) (?:a |an )?(?:piece of |bits of )?(?:glass|hair|bug|insect|plastic|metal|mold|mould)|(?:broke|came|fell|falling) (?:off|apart)|falling apart|faulty|defective|doesn'?t fit|(?:missing|wrong) (?:item|part|piece|size)s?|(?:won'?t|refuse[sd]? to|didn'?t) (?:honou?r|refund|replace|exchange|accept)|leak(?:s|ed|ing)|overcharg\w*|double charg\w*|hidden fees?|misleading|false advertising|(?:glitch|bug)(?:s|gy)?\b|error (?:message|code)|keeps? (?:freezing|crashing)|(?:data|account) (?:was |got )?(?:hacked|compromised|locked))/,
  ],
  // Praise built on a negation: "can't say enough good things", "never disappoints", "no complaints".
  [
    'praise_idiom',
    /\b(?:can'?t (?:say enough|recommend (?:it |them |this place )?enough|wait\b|go wrong|beat\b|get enough)|couldn'?t (?:be (?:happier|better)|ask for (?:more|better)|recommend (?:it |them )?(?:more|enough))|never (?:disappoints?|fails to (?:impress|amaze|delight))|no (?:complaints|regrets)\b|not (?:bad|disappointed)\b|nothing (?:but (?:good|great|praise)|bad to say))/,
  ],
];

const CUE_GATE = gatePatterns(CUE_PATTERNS.map(([, pattern]) => pattern));

/** Every cue found in `normalized`, at most one match per cue, in COMPLAINT_CUE_IDS order. */
export function findComplaintCues(normalized: string): CueMatch[] {
  const found: CueMatch[] = [];
  for (let k = 0; k < CUE_PATTERNS.length; k++) {
    if (!CUE_GATE.mayMatch(normalized, k)) continue;
    const [id, pattern] = CUE_PATTERNS[k]!;
    const match = pattern.exec(normalized);
    if (match) found.push({ id, snippet: match[0].trim().slice(0, 60) });
  }
  return found;
}

/** `wait time: "2 hours"` — short, human-readable. */
export function describeCue(cue: CueMatch): string {
  return `${CUE_LABELS[cue.id]}: "${cue.snippet}"`;
}
