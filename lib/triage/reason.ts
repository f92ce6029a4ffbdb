import type { Priority, PriorityReason, ReachSignalName } from '../domain/triage';

const VERDICT_WORDS: Record<Exclude<PriorityReason['verdict'], 'not_judged'>, string> = {
  complaint: 'complaint',
  not_complaint: 'not a complaint',
  sponsored: 'sponsored post (an ad), not a complaint',
};

/**
 * The reason line in English, as stored with a case and logged: `P1: complaint, 25k views,
 * "no response for 3 weeks" +1, posted 14 d ago, answered by @AcmeHelp`. Views word the same
 * parts in the reader's language (reason-line.ts).
 */
export function englishReason(priority: Priority, reason: PriorityReason): string {
  const parts = [
    reason.verdict === 'not_judged' ? `${reason.language ?? '?'}: complaint not judged, ranked by reach` : VERDICT_WORDS[reason.verdict],
  ];
  if (reason.reach) parts.push(`${formatCount(reason.reach.count)} ${reason.reach.signal}`);
  if (reason.rating !== undefined) parts.push(`${reason.rating}★`);
  if (reason.urgency) parts.push(`"${reason.urgency.snippet}"${reason.urgency.more > 0 ? ` +${reason.urgency.more}` : ''}`);
  if (reason.fresh) parts.push('fresh');
  if (reason.ageDays !== undefined) parts.push(`posted ${reason.ageDays} d ago`);
  if (reason.answeredBy !== undefined) parts.push(`answered by ${reason.answeredBy}`);
  return `${priority}: ${parts.join(', ')}`;
}

/** 1234 → "1.2k", 25000 → "25k", 1500000 → "1.5M". */
export function formatCount(value: number): string {
  const compact = (n: number, unit: string) => `${n >= 100 ? Math.round(n) : Math.round(n * 10) / 10}${unit}`;
  if (value >= 1_000_000_000) return compact(value / 1_000_000_000, 'B');
  if (value >= 1_000_000) return compact(value / 1_000_000, 'M');
  if (value >= 1_000) return compact(value / 1_000, 'k');
  return String(value);
}

const UNIT: Record<string, number> = { '': 1, k: 1e3, M: 1e6, B: 1e9 };
const ENGLISH_REASON =
  /^(P[1-4]): (?:(sponsored post \(an ad\), not a complaint)|(not a complaint)|(complaint)|([\w-]+): complaint not judged, ranked by reach)(?:, (\d+(?:\.\d+)?)([kMB]?) (views|followers|likes|reposts|replies))?(?:, (\d+(?:\.\d+)?)★)?(?:, "(.*)"(?: \+(\d+))?)?(?:, (fresh))?(?:, posted (\d+) d ago)?(?:, answered by (.+))?$/u;

/**
 * The parts of a line englishReason wrote (as stored with a case), so a view can word a stored
 * line in the reader's language; undefined for anything else (e.g. a line clipped for storage).
 * Counts come back as shown ("5.4k" → 5400).
 */
export function parseEnglishReason(line: string): { priority: Priority; reason: PriorityReason } | undefined {
  const m = ENGLISH_REASON.exec(line);
  if (!m) return undefined;
  const [, priority, sponsored, notComplaint, , language, count, unit, signal, rating, snippet, more, fresh, days, answeredBy] = m;
  const verdict = sponsored ? 'sponsored' : notComplaint ? 'not_complaint' : language ? 'not_judged' : 'complaint';
  const reason: PriorityReason = {
    verdict,
    ...(language ? { language } : {}),
    ...(count && signal ? { reach: { count: Math.round(Number(count) * UNIT[unit ?? '']!), signal: signal as ReachSignalName } } : {}),
    ...(rating ? { rating: Number(rating) } : {}),
    ...(snippet !== undefined ? { urgency: { snippet, more: more ? Number(more) : 0 } } : {}),
    ...(fresh ? { fresh: true as const } : {}),
    ...(days ? { ageDays: Number(days) } : {}),
    ...(answeredBy !== undefined ? { answeredBy } : {}),
  };
  return { priority: priority as Priority, reason };
}
