import { formatDuration, formatNumber } from '../i18n/format';
import { t } from '../i18n/t';
import type { Platform } from '../domain/post';
import { extractUrls } from './extract-urls';
import {
  CARD_LIKE,
  CASE_REF,
  EMAIL_ADDRESS,
  HANDOFF_CLAIMS,
  HIDDEN_CHARACTERS,
  ISO_DATE_START,
  LIP_SERVICE,
  NEXT_STEP_PATTERNS,
  ORDER_NUMBER,
  PATIENCE,
  PHONE_CANDIDATE,
  RECORD_LOCATOR,
  PROMISED_TIME,
  PROMISED_TIME_ES,
  X_INVALID_CHARACTERS,
  claimedChannel,
  passesLuhn,
  promisedMinutes,
  type ClaimedChannel,
} from './lint-patterns';
import { lengthLimitFor, measureLength } from './platform-limits';
import { PLACEHOLDER, type ReplyKind } from './templates';

export type LintCode =
  | 'empty'
  | 'unfilled_variable'
  | 'over_limit'
  | 'personal_data'
  | 'card_number'
  | 'hidden_characters'
  | 'lip_service'
  | 'no_next_step'
  | 'unchanged_template'
  | 'unverified_claim'
  | 'promise_beyond_target';

export type LintSeverity = 'error' | 'warning';

export interface LintFinding {
  code: LintCode;
  severity: LintSeverity;
  message: string;
  /** UTF-16 range in the linted text, when the finding is about one place. */
  start?: number;
  end?: number;
}

export interface LintOptions {
  platform: Platform;
  /** Public reply (default) or private message: personal data is only an error in public. */
  kind?: ReplyKind;
  /** The rendered template the user started from; sending it untouched is flagged. */
  startedFrom?: string;
  /** Text that may appear publicly although it looks like personal data (support address, handoff link). */
  allowed?: readonly string[];
  /**
   * The channels of the handoffs on the case's timeline (event channel ids such as "x_dm"),
   * [] when there are none. A reply claiming a message the timeline does not show is flagged.
   * Undefined: the timeline is unknown and claims are not checked.
   */
  handedOff?: readonly string[];
  /** The brand's response target for this case, in minutes: promising a longer time is flagged. */
  targetMinutes?: number;
}

/**
 * Agent-side channels: a handoff through one of them means we did message the customer. The
 * "email" and contact-form handoffs give the customer the brand's address to write to, so
 * they never back "we've emailed you".
 */
const SENT_CHANNELS: Record<ClaimedChannel, readonly string[]> = {
  dm: ['x_dm', 'x_profile'],
  email: [],
  any: ['x_dm', 'x_profile', 'facebook_private_reply', 'yelp_message'],
};

/** Does the text claim we have already messaged the customer privately? (The first claim, if any.) */
export function findHandoffClaim(text: string): { text: string; channel: ClaimedChannel; start: number; end: number } | undefined {
  let first: { text: string; channel: ClaimedChannel; start: number; end: number } | undefined;
  for (const pattern of HANDOFF_CLAIMS) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index ?? 0;
      if (first !== undefined && first.start <= start) continue;
      const word = match.slice(1).find((group) => group !== undefined) ?? '';
      first = { text: match[0], channel: claimedChannel(word), start, end: start + match[0].length };
    }
  }
  return first;
}

/** Is a claim over `channel` backed by a handoff on the timeline? */
export function claimBacked(channel: ClaimedChannel, handedOff: readonly string[]): boolean {
  return handedOff.some((via) => SENT_CHANNELS[channel].includes(via));
}

interface Span {
  start: number;
  end: number;
}

export function hasLintErrors(findings: readonly LintFinding[]): boolean {
  return findings.some((finding) => finding.severity === 'error');
}

/** Check a reply before it is sent. Findings are ordered errors first, then by position. */
export function lintReply(text: string, options: LintOptions): LintFinding[] {
  const kind = options.kind ?? 'public';
  if (text.trim() === '') {
    return [{ code: 'empty', severity: 'error', message: t('lintFinding.empty') }];
  }

  const urlSpans: Span[] = extractUrls(text);
  const allowedSpans = spansOfAllowed(text, options.allowed ?? []);
  const findings: LintFinding[] = [
    ...unfilledVariables(text),
    ...overLimit(text, options.platform, kind),
    ...hiddenCharacters(text, options.platform),
    ...personalData(text, kind, urlSpans, allowedSpans),
    ...(options.handedOff !== undefined && kind === 'public' ? unverifiedClaims(text, options.handedOff) : []),
    ...(options.targetMinutes !== undefined ? promisesBeyondTarget(text, options.targetMinutes) : []),
  ];

  const nextStep = hasNextStep(text, urlSpans);
  findings.push(...lipService(text, nextStep));
  if (!nextStep) {
    findings.push({
      code: 'no_next_step',
      severity: 'warning',
      message: t('lintFinding.noNextStep'),
    });
  }
  if (options.startedFrom !== undefined && normalizeForCompare(text) === normalizeForCompare(options.startedFrom)) {
    findings.push({
      code: 'unchanged_template',
      severity: 'warning',
      message: t('lintFinding.unchangedTemplate'),
    });
  }

  return findings.sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || (a.start ?? -1) - (b.start ?? -1));
}

const MINUTE_MS = 60_000;

function severityRank(severity: LintSeverity): number {
  return severity === 'error' ? 0 : 1;
}

function normalizeForCompare(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

function unfilledVariables(text: string): LintFinding[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => ({
    code: 'unfilled_variable' as const,
    severity: 'error' as const,
    message: t('lintFinding.unfilled', { phrase: match[0] }),
    start: match.index,
    end: match.index + match[0].length,
  }));
}

function unverifiedClaims(text: string, handedOff: readonly string[]): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const pattern of HANDOFF_CLAIMS) {
    for (const match of text.matchAll(pattern)) {
      const word = match.slice(1).find((group) => group !== undefined) ?? '';
      if (claimBacked(claimedChannel(word), handedOff)) continue;
      findings.push({
        code: 'unverified_claim',
        severity: 'error',
        message: t('lintFinding.unverifiedClaim', { phrase: match[0] }),
        ...spanOf(match),
      });
    }
  }
  return findings;
}

/** "15 minutes", "1 hour", "4 hours", "2 days": how a number of minutes reads in a reply. */
export function formatMinutes(minutes: number): string {
  const plural = (value: number, unit: string) => `${value} ${unit}${value === 1 ? '' : 's'}`;
  if (minutes < 60 || minutes % 60 !== 0) return plural(minutes, 'minute');
  const hours = minutes / 60;
  if (hours <= 48 || hours % 24 !== 0) return plural(hours, 'hour');
  return plural(hours / 24, 'day');
}

function promisesBeyondTarget(text: string, targetMinutes: number): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const match of [...text.matchAll(PROMISED_TIME), ...text.matchAll(PROMISED_TIME_ES)]) {
    const promised = promisedMinutes(match[1], match[2] ?? '');
    if (promised === undefined || promised <= targetMinutes) continue;
    findings.push({
      code: 'promise_beyond_target',
      severity: 'warning',
      message: t('lintFinding.promiseBeyondTarget', { phrase: match[0], target: formatDuration(targetMinutes * MINUTE_MS) }),
      ...spanOf(match),
    });
  }
  return findings;
}

function overLimit(text: string, platform: Platform, kind: ReplyKind): LintFinding[] {
  const limit = lengthLimitFor(platform, kind);
  const measured = measureLength(text, limit);
  if (measured.length <= measured.max) return [];
  const what = t(`lintFinding.limit.${platform}.${kind}`);
  const length = formatNumber(measured.length);
  const max = formatNumber(measured.max);
  const how =
    limit.unit === 'x-weighted' ? t('lintFinding.xWeighted', { length, max }) : t('lintFinding.characters', { length, what, max });
  return [
    {
      code: 'over_limit',
      severity: 'error',
      message: t('lintFinding.overLimit', { what, how }),
      ...(measured.overflowIndex !== undefined ? { start: measured.overflowIndex, end: text.length } : {}),
    },
  ];
}

function hiddenCharacters(text: string, platform: Platform): LintFinding[] {
  const matches = [...text.matchAll(HIDDEN_CHARACTERS)];
  const first = matches[0];
  if (first === undefined) return [];
  const rejected = platform === 'x' && X_INVALID_CHARACTERS.test(text);
  return [
    {
      code: 'hidden_characters',
      severity: rejected ? 'error' : 'warning',
      message: t(rejected ? 'lintFinding.hiddenRejected' : 'lintFinding.hidden', matches.length, { count: formatNumber(matches.length) }),
      start: first.index,
      end: first.index + first[0].length,
    },
  ];
}

function personalData(text: string, kind: ReplyKind, urlSpans: Span[], allowedSpans: Span[]): LintFinding[] {
  const findings: LintFinding[] = [];
  const isPublic = kind === 'public';
  const taken: Span[] = [];
  const skip = (span: Span, inUrlsToo: boolean) =>
    within(span, allowedSpans) || (inUrlsToo && within(span, urlSpans)) || overlaps(span, taken);

  for (const match of text.matchAll(CARD_LIKE)) {
    const span = spanOf(match);
    if (skip(span, true)) continue;
    const digits = match[0].replace(/\D/g, '');
    if (passesLuhn(digits)) {
      taken.push(span);
      findings.push({
        code: 'card_number',
        severity: 'error',
        message: t('lintFinding.cardNumber'),
        ...span,
      });
    } else if (isPublic) {
      taken.push(span);
      findings.push(publicDataFinding('accountNumber', span));
    }
  }
  if (!isPublic) return findings;

  for (const match of text.matchAll(EMAIL_ADDRESS)) {
    const span = spanOf(match);
    if (skip(span, false)) continue;
    taken.push(span);
    findings.push(publicDataFinding('email', span));
  }
  for (const match of text.matchAll(PHONE_CANDIDATE)) {
    const span = spanOf(match);
    if (skip(span, true) || !looksLikePhone(match[0])) continue;
    taken.push(span);
    findings.push(publicDataFinding('phone', span));
  }
  for (const pattern of [ORDER_NUMBER, RECORD_LOCATOR]) {
    for (const match of text.matchAll(pattern)) {
      const value = match[1] ?? '';
      if (CASE_REF.test(value)) continue;
      const span = spanOf(match);
      if (skip(span, true)) continue;
      taken.push(span);
      findings.push(publicDataFinding('orderNumber', span));
    }
  }
  return findings;
}

type PersonalData = 'accountNumber' | 'email' | 'phone' | 'orderNumber';

function publicDataFinding(what: PersonalData, span: Span): LintFinding {
  return {
    code: 'personal_data',
    severity: 'error',
    message: t(`lintFinding.personal.${what}`),
    ...span,
  };
}

function looksLikePhone(candidate: string): boolean {
  const trimmed = candidate.trim();
  if (ISO_DATE_START.test(trimmed)) return false;
  const digits = trimmed.replace(/\D/g, '').length;
  const international = trimmed.startsWith('+') || trimmed.startsWith('00');
  const areaCode = /\(\d{1,5}\)/.test(trimmed);
  const min = international || areaCode ? 7 : 9;
  return digits >= min && digits <= 15;
}

function hasNextStep(text: string, urlSpans: Span[]): boolean {
  if (urlSpans.length > 0) return true;
  EMAIL_ADDRESS.lastIndex = 0;
  if (EMAIL_ADDRESS.test(text)) return true;
  return NEXT_STEP_PATTERNS.some((pattern) => pattern.test(text));
}

function lipService(text: string, nextStep: boolean): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const { pattern, phrase } of LIP_SERVICE) {
    for (const match of text.matchAll(pattern)) {
      findings.push({
        code: 'lip_service',
        severity: 'warning',
        message: t('lintFinding.stockPhrase', { phrase: match[0], like: phrase }),
        ...spanOf(match),
      });
    }
  }
  if (!nextStep) {
    for (const match of text.matchAll(PATIENCE.pattern)) {
      findings.push({
        code: 'lip_service',
        severity: 'warning',
        message: t('lintFinding.patience', { phrase: match[0] }),
        ...spanOf(match),
      });
    }
  }
  return findings;
}

function spanOf(match: RegExpMatchArray): Span {
  const start = match.index ?? 0;
  return { start, end: start + match[0].length };
}

function spansOfAllowed(text: string, allowed: readonly string[]): Span[] {
  const spans: Span[] = [];
  // Case-insensitive only when lower-casing keeps indices (it does for all but a few letters).
  const foldCase = text.toLowerCase().length === text.length;
  const haystack = foldCase ? text.toLowerCase() : text;
  for (const value of allowed) {
    const needle = foldCase ? value.trim().toLowerCase() : value.trim();
    if (needle === '') continue;
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
      spans.push({ start: at, end: at + needle.length });
    }
  }
  return spans;
}

function within(span: Span, containers: readonly Span[]): boolean {
  return containers.some((container) => span.start >= container.start && span.end <= container.end);
}

function overlaps(span: Span, others: readonly Span[]): boolean {
  return others.some((other) => span.start < other.end && other.start < span.end);
}
