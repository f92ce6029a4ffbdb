/**
 * Patterns the reply linter looks for. Apostrophes match both ' and ’.
 */

export interface PhrasePattern {
  pattern: RegExp;
  /** The phrase as people know it, for the message. */
  phrase: string;
}

/** Stock phrases that sound like care but promise nothing. Always flagged. */
export const LIP_SERVICE: readonly PhrasePattern[] = [
  {
    phrase: 'sorry for any inconvenience',
    pattern:
      /\b(?:apologi[sz]e|apologies|sorry)\s+(?:for|about)\s+(?:any|the|all the)\s+inconvenience(?:\s+(?:(?:this|that|it)\s+)?(?:(?:may|might)\s+)?(?:(?:have|has)\s+)?caused(?:\s+you)?)?/gi,
  },
  {
    phrase: 'sorry for any confusion',
    pattern: /\b(?:apologi[sz]e|apologies|sorry)\s+(?:for|about)\s+any\s+(?:confusion|frustration|trouble)(?:\s+caused)?/gi,
  },
  {
    phrase: 'your call/feedback is important to us',
    pattern:
      /\byour\s+(?:call|feedback|business|custom|satisfaction|opinion|concerns?|message|enquiry|inquiry)\s+(?:is|are)\s+(?:very\s+|extremely\s+|really\s+|so\s+)?important\s+to\s+us\b/gi,
  },
  {
    phrase: 'we value your business',
    pattern:
      /\bwe\s+(?:truly\s+|really\s+|greatly\s+|do\s+)?value\s+(?:your|our)\s+(?:business|custom|feedback|customers?|loyalty|input)\b/gi,
  },
  {
    phrase: "we're sorry you feel that way",
    pattern: /\bsorry\s+(?:that\s+|if\s+)?you\s+(?:feel|felt)\b(?:\s+(?:that|this)\s+way)?/gi,
  },
  {
    phrase: 'sorry if you were upset',
    pattern: /\bsorry\s+if\s+you\s+(?:were|are|have\s+been)\s+(?:upset|offended|disappointed|unhappy)\b/gi,
  },
  {
    phrase: 'we take this very seriously',
    pattern:
      /\bwe\s+take\s+(?:this|these\s+(?:matters|issues|concerns)|(?:your|all|such)\s+(?:concerns?|complaints?|feedback|matters)|customer\s+(?:feedback|complaints))\s+(?:very\s+|extremely\s+)?seriously\b/gi,
  },
];

/** Fine next to a real next step; lip service when it is all the reply offers. */
export const PATIENCE: PhrasePattern = {
  phrase: 'thank you for your patience',
  pattern: /\b(?:thank\s+you|thanks)\s+(?:so\s+much\s+|very\s+much\s+)?for\s+(?:your\s+patience|bearing\s+with\s+us)\b/gi,
};

/** Any of these makes a reply actionable. URLs and email addresses count too (see lint.ts). */
export const NEXT_STEP_PATTERNS: readonly RegExp[] = [
  // Our own case reference.
  /\bCS-[0-9A-HJKMNP-TV-Z]{4,8}\b/i,
  // A private channel or a call to action.
  /\b(?:DMs?|direct\s+message|private(?:ly|\s+message)|PM|inbox|Messenger|WhatsApp|e-?mail(?:ed)?|call(?:ing)?\s+us|phone|ring\s+us|text\s+us|contact\s+(?:us|form)|message\s+(?:us|you)|reach\s+(?:out|us)|get\s+in\s+touch|send\s+(?:us|me)|reply\s+(?:here|with|to|there)|click|tap|follow\s+(?:this|the)\s+link)\b/i,
  // A timeframe.
  /\b(?:within|in(?:\s+the\s+next)?|over\s+the\s+next|under)\s+(?:\d+(?:\s*[-–]\s*\d+)?|an?|one|two|three|four|five|a\s+few|few|the)\s*(?:business\s+|working\s+)?(?:minutes?|mins?|hours?|hrs?|h|days?|weeks?)\b/i,
  /\b(?:today|tonight|tomorrow|this\s+(?:morning|afternoon|evening|week)|by\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|noon|midday|the\s+end\s+of\s+(?:the\s+)?day|end\s+of\s+day|eod|close\s+of\s+business|cob))\b/i,
];

// The lookbehind makes a match start only where a run of address characters starts (linear time).
export const EMAIL_ADDRESS = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/** 13-19 digits, optionally grouped by single spaces or dashes, like a payment card. */
export const CARD_LIKE = /(?<![\d-])(?:\d[ -]?){12,18}\d(?![\d-])/g;

/**
 * Phone-number candidates: digits with spaces, dots, dashes or parentheses, optional "+".
 * lint.ts keeps those with 9-15 digits (7-15 with "+" or an area code in parentheses).
 */
export const PHONE_CANDIDATE = /(?<![\w+.-])(?:\+|00)?\(?\d[\d \t().-]{5,22}\d(?![\w-])/g;
/** Dates (and date-times) look like long digit runs; they are not phone numbers. */
export const ISO_DATE_START = /^\d{4}-\d{2}-\d{2}(?!\d)/;

/** "order #123456", "booking ref AB12CD", "invoice no. 2024-0042": the value must hold a digit. */
export const ORDER_NUMBER =
  /\b(?:order|booking|reservation|confirmation|ticket|account|acct|invoice|tracking|membership|loyalty|policy|reference|ref|claim|receipt)\s*(?:(?:no\.?|number|num|nr|id|code)\s*)?[:#]?\s*#?\s*((?=[A-Z-]*\d)[A-Z0-9][A-Z0-9-]{3,})\b/gi;

/** Airline record locators: "PNR ABC123", "record locator XYZQWE". */
export const RECORD_LOCATOR = /\b(?:PNR|record\s+locator|booking\s+code|confirmation\s+code)\s*[:#]?\s*([A-Z0-9]{5,8})\b/gi;

export const CASE_REF = /^CS-[0-9A-HJKMNP-TV-Z]{4,8}$/i;

/** Bidi and other invisible control characters that have no place in a reply. */
export const HIDDEN_CHARACTERS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\uFEFF\u200B]/g;
/** The subset X rejects outright. */
export const X_INVALID_CHARACTERS = /[\u202A-\u202E\uFEFF\uFFFE\uFFFF]/;

/** Luhn checksum, as used by payment card numbers. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let index = digits.length - 1; index >= 0; index -= 1) {
    let digit = digits.charCodeAt(index) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** Which handoff a claim needs on the timeline: a DM, an email, or any message we sent. */
export type ClaimedChannel = 'dm' | 'email' | 'any';

const HAVE = String.raw`(?:I|we)(?:['’]ve|\s+have)\s+(?:just\s+|now\s+|already\s+|also\s+)?`;
const MESSAGE_NOUN = String.raw`(DMs?|direct\s+messages?|PMs?|private\s+messages?|e-?mails?|Messenger\s+messages?|messages?|notes?)`;

/**
 * Replies saying we have already contacted the customer privately: "I've sent you a DM",
 * "we've messaged you", "check your DMs". Group 1 names the channel.
 */
export const HANDOFF_CLAIMS: readonly RegExp[] = [
  new RegExp(String.raw`\b${HAVE}(?:sent|dropped|fired\s+off)\s+(?:you\s+)?(?:an?\s+|our\s+)?(?:quick\s+|short\s+)?${MESSAGE_NOUN}`, 'gi'),
  new RegExp(String.raw`\b${HAVE}(DMed|DM['’]d|messaged|e-?mailed|written\s+to|reached\s+out\s+to|contacted)\s+you\b`, 'gi'),
  new RegExp(
    String.raw`\b(?:I|we)\s+(?:just\s+)?(?:sent\s+you\s+(?:an?\s+)?${MESSAGE_NOUN}|(DMed|DM['’]d|messaged|e-?mailed)\s+you\b)`,
    'gi',
  ),
  /\bcheck\s+(?:your|ur)\s+(DMs?|inbox|e-?mails?|messages)\b/gi,
];

/** The channel a claim's wording names. */
export function claimedChannel(word: string): ClaimedChannel {
  if (/^(?:DM|direct|PM)/i.test(word)) return 'dm';
  if (/^e-?mail/i.test(word)) return 'email';
  return 'any';
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  ten: 10,
  twelve: 12,
  fifteen: 15,
  thirty: 30,
  'twenty-four': 24,
  'forty-eight': 48,
};

/**
 * A promised time: "within 24 hours", "within 2-3 business days", "in the next hour", "within
 * the hour". Group 1 is the amount (digits, a range or a word; absent for "the hour"), group 2
 * the unit.
 */
export const PROMISED_TIME =
  /\b(?:within|in\s+the\s+next|over\s+the\s+next)\s+(?:the\s+)?(\d+(?:\.\d+)?(?:\s*[-–]\s*\d+(?:\.\d+)?)?|an?|one|two|three|four|five|six|seven|ten|twelve|fifteen|thirty|twenty-four|forty-eight)?\s*(?:business\s+|working\s+)?(minutes?|mins?|hours?|hrs?|h|days?|weeks?)\b/gi;

const UNIT_MINUTES: readonly [RegExp, number][] = [
  [/^m/i, 1],
  [/^h/i, 60],
  [/^d/i, 24 * 60],
  [/^w/i, 7 * 24 * 60],
];

/** Minutes a PROMISED_TIME match promises (the upper end of a range); undefined when unreadable. */
export function promisedMinutes(amount: string | undefined, unit: string): number | undefined {
  const perUnit = UNIT_MINUTES.find(([pattern]) => pattern.test(unit))?.[1];
  if (perUnit === undefined) return undefined;
  if (amount === undefined) return perUnit;
  const upper = amount.split(/[-–]/).pop()?.trim() ?? '';
  const value = /^\d/.test(upper) ? Number(upper) : NUMBER_WORDS[upper.toLowerCase()];
  return value === undefined || !Number.isFinite(value) ? undefined : value * perUnit;
}
