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
  // Spanish.
  {
    phrase: 'disculpe las molestias',
    pattern:
      /(?<![\p{L}])(?:disculpen?|disculpa|perd[oó]n(?:en|a)?|lamentamos|sentimos|pedimos\s+disculpas\s+por)\s+(?:(?:cualquier|las|todas\s+las)\s+)?molestias(?:\s+(?:ocasionadas|causadas|que\s+(?:esto\s+)?(?:le|te|les)\s+(?:haya|hayan)\s+(?:podido\s+)?(?:ocasionado|causado)))?/giu,
  },
  {
    phrase: 'su opinión es muy importante para nosotros',
    pattern:
      /(?<![\p{L}])(?:su|tu)\s+(?:opini[oó]n|llamada|consulta|satisfacci[oó]n|mensaje)\s+es\s+(?:muy\s+|sumamente\s+|realmente\s+)?importante\s+para\s+nosotros/giu,
  },
  {
    phrase: 'valoramos su confianza',
    pattern: /(?<![\p{L}])valoramos\s+(?:mucho\s+)?(?:su|tu|sus|tus)\s+(?:opini[oó]n|confianza|comentarios?|fidelidad)/giu,
  },
  {
    phrase: 'lamentamos que se sienta así',
    pattern:
      /(?<![\p{L}])(?:lamentamos|sentimos|siento|lamento)\s+que\s+(?:se|te)\s+(?:sienta|sientas|haya\s+sentido|hayas\s+sentido)\s+as[ií]/giu,
  },
];

/** Fine next to a real next step; lip service when it is all the reply offers. */
export const PATIENCE: PhrasePattern = {
  phrase: 'thank you for your patience',
  pattern:
    /\b(?:(?:thank\s+you|thanks)\s+(?:so\s+much\s+|very\s+much\s+)?for\s+(?:your\s+patience|bearing\s+with\s+us)\b|gracias\s+por\s+(?:su|tu)\s+paciencia)/gi,
};

/** Any of these makes a reply actionable. URLs and email addresses count too (see lint.ts). */
export const NEXT_STEP_PATTERNS: readonly RegExp[] = [
  // Our own case reference.
  /\bCS-[0-9A-HJKMNP-TV-Z]{4,8}\b/i,
  // A private channel or a call to action.
  /\b(?:DMs?|direct\s+message|private(?:ly|\s+message)|PM|inbox|Messenger|WhatsApp|e-?mail(?:ed)?|call(?:ing)?\s+us|phone|ring\s+us|text\s+us|contact\s+(?:us|form)|message\s+(?:us|you)|reach\s+(?:out|us)|get\s+in\s+touch|send\s+(?:us|me)|reply\s+(?:here|with|to|there)|click|tap|follow\s+(?:this|the)\s+link)\b/i,
  // Spanish: a private channel or a call to action.
  /(?<![\p{L}])(?:MD|mensaje\s+(?:directo|privado)|privado|correo|escr[ií]b(?:enos|anos|enme|eme)|cont[aá]ct(?:enos|anos|e\s+con)|ll[aá]m(?:enos|anos)|env[ií](?:enos|anos|e|a)|respond(?:e|a|enos|anos)\s+(?:aqu[ií]|con|a)|formulario|enlace|pulse|pulsa)(?![\p{L}])/iu,
  /(?<![\p{L}])(?:en\s+(?:un\s+plazo\s+de|menos\s+de)|dentro\s+de)\s+\d+\s*(?:minutos?|horas?|d[ií]as?)|(?<![\p{L}])(?:hoy|ma[nñ]ana)(?![\p{L}])/iu,
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

/** "order #123456", "booking ref AB12CD", "invoice no. 2024-0042", "pedido n.º 48213": the value must hold a digit. */
export const ORDER_NUMBER =
  /\b(?:order|booking|reservation|confirmation|ticket|account|acct|invoice|tracking|membership|loyalty|policy|reference|ref|claim|receipt|pedido|reserva|localizador|factura|cuenta|cliente|seguimiento|referencia)\s*(?:(?:no\.?|number|num|nr|id|code|n\.?\s*[º°o]\.?)\s*)?[:#]?\s*#?\s*((?=[A-Z-]*\d)[A-Z0-9][A-Z0-9-]{3,})\b/gi;

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

const NOT_AFTER_LETTER = String.raw`(?<!\p{L})`;
/** Spanish "have sent / just sent / sent" (never the future "enviaremos", which is a promise). */
const SENT_ES = String.raw`(?:(?:he|hemos|ha|han)\s+(?:enviado|mandado|escrito|dejado)|(?:acabo|acabamos)\s+de\s+(?:enviar|mandar|escribir)|envi[eé]|enviamos|mand[eé]|mandamos|escrib[ií]|escribimos)`;
const MESSAGE_NOUN_ES = String.raw`(MDs?|DMs?|mensajes?\s+(?:directos?|privados?)|correos?(?:\s+electr[oó]nicos?)?|e-?mails?|mensajes?(?:\s+por\s+Messenger)?)(?!\p{L})`;

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
  // Spanish: "te he enviado un DM", "le hemos escrito por correo", "revisa tus mensajes".
  new RegExp(String.raw`${NOT_AFTER_LETTER}(?:te|le|les|os)\s+${SENT_ES}\s+(?:ya\s+)?(?:(?:un|una|por)\s+)?${MESSAGE_NOUN_ES}`, 'giu'),
  new RegExp(String.raw`${NOT_AFTER_LETTER}(?:te|le|les|os)\s+(?:he|hemos|ha|han)\s+(?:ya\s+)?(contactado)(?!\p{L})`, 'giu'),
  new RegExp(
    String.raw`${NOT_AFTER_LETTER}(?:revisa|revise|revisad|mira|mire|consulta|consulte)\s+(?:tus|sus|tu|su)\s+(MDs?|DMs?|mensajes(?:\s+(?:directos|privados))?|correos?|bandeja(?:\s+de\s+entrada)?)(?!\p{L})`,
    'giu',
  ),
];

/** The channel a claim's wording names. */
export function claimedChannel(word: string): ClaimedChannel {
  if (/^(?:DM|direct|PM|MD|mensajes?\s+directo)/i.test(word)) return 'dm';
  if (/^(?:e-?mail|correo)/i.test(word)) return 'email';
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
  un: 1,
  una: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  diez: 10,
  doce: 12,
  quince: 15,
  treinta: 30,
  veinticuatro: 24,
  'cuarenta y ocho': 48,
};

/**
 * A promised time: "within 24 hours", "within 2-3 business days", "in the next hour", "within
 * the hour". Group 1 is the amount (digits, a range or a word; absent for "the hour"), group 2
 * the unit.
 */
export const PROMISED_TIME =
  /\b(?:within|in\s+the\s+next|over\s+the\s+next)\s+(?:the\s+)?(\d+(?:\.\d+)?(?:\s*[-–]\s*\d+(?:\.\d+)?)?|an?|one|two|three|four|five|six|seven|ten|twelve|fifteen|thirty|twenty-four|forty-eight)?\s*(?:business\s+|working\s+)?(minutes?|mins?|hours?|hrs?|h|days?|weeks?)\b/gi;

/**
 * The same in Spanish: "en un plazo de 24 horas", "en menos de una hora", "dentro de 2 días",
 * "en las próximas 48 horas". Groups as in PROMISED_TIME.
 */
export const PROMISED_TIME_ES =
  /(?<!\p{L})(?:en\s+un\s+plazo\s+(?:m[aá]ximo\s+)?de|en\s+menos\s+de|dentro\s+de|en\s+(?:las|los)\s+pr[oó]xim[oa]s|antes\s+de)\s+(\d+(?:[.,]\d+)?(?:\s*[-–]\s*\d+(?:[.,]\d+)?)?|una?|dos|tres|cuatro|cinco|seis|siete|diez|doce|quince|treinta|veinticuatro|cuarenta\s+y\s+ocho)?\s*(?:d[ií]as?\s+(?:h[aá]biles|laborables)\s*)?(minutos?|min|horas?|h|d[ií]as?|semanas?)(?!\p{L})/giu;

const UNIT_MINUTES: readonly [RegExp, number][] = [
  [/^m/i, 1],
  [/^h/i, 60],
  [/^d/i, 24 * 60],
  [/^[ws]/i, 7 * 24 * 60],
];

/** Minutes a PROMISED_TIME match promises (the upper end of a range); undefined when unreadable. */
export function promisedMinutes(amount: string | undefined, unit: string): number | undefined {
  const perUnit = UNIT_MINUTES.find(([pattern]) => pattern.test(unit))?.[1];
  if (perUnit === undefined) return undefined;
  if (amount === undefined) return perUnit;
  const upper = amount.split(/[-–]/).pop()?.trim() ?? '';
  const value = /^\d/.test(upper) ? Number(upper.replace(',', '.')) : NUMBER_WORDS[upper.toLowerCase().replace(/\s+/g, ' ')];
  return value === undefined || !Number.isFinite(value) ? undefined : value * perUnit;
}
