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
