import type { PriorityReason, PriorityResult } from '../domain/triage';
import { formatCompact, formatNumber } from '../i18n/format';
import { t } from '../i18n/t';
import { parseEnglishReason } from './reason';

/**
 * A priority's reason line in the reader's language ("P1: queja, 5,4 mil visualizaciones,
 * publicado hace 381 d"). A result without structured parts (made before they existed) shows its
 * stored English line.
 */
export function reasonLine(result: Pick<PriorityResult, 'priority' | 'explanation' | 'reason'>): string {
  return result.reason
    ? t('reason.line', { priority: result.priority, parts: reasonParts(result.reason).join(t('reason.separator')) })
    : result.explanation;
}

function reasonParts(reason: PriorityReason): string[] {
  const parts = [verdictPart(reason)];
  if (reason.reach) parts.push(reachPart(reason.reach));
  if (reason.rating !== undefined) parts.push(t('reason.rating', { stars: formatNumber(reason.rating) }));
  if (reason.urgency) parts.push(urgencyPart(reason.urgency));
  if (reason.fresh) parts.push(t('reason.fresh'));
  if (reason.ageDays !== undefined) parts.push(t('reason.posted', reason.ageDays, { days: formatNumber(reason.ageDays) }));
  if (reason.answeredBy !== undefined) parts.push(t('reason.answeredBy', { name: reason.answeredBy }));
  return parts;
}

function verdictPart(reason: PriorityReason): string {
  switch (reason.verdict) {
    case 'complaint':
      return t('reason.complaint');
    case 'not_complaint':
      return t('reason.notComplaint');
    case 'sponsored':
      return t('reason.sponsored');
    case 'not_judged':
      return t('reason.notJudged', { language: reason.language ?? '?' });
  }
}

function reachPart({ count, signal }: NonNullable<PriorityReason['reach']>): string {
  return t(`reason.${signal}`, count, { count: formatCompact(count) });
}

function urgencyPart({ snippet, more }: NonNullable<PriorityReason['urgency']>): string {
  const quoted = t('reason.quote', { snippet });
  return more > 0 ? t('reason.quoteMore', { quote: quoted, more: formatNumber(more) }) : quoted;
}

/** A reason line stored with a case (English, lib/triage/reason.ts) in the reader's language; one it cannot read, as stored. */
export function storedReasonLine(explanation: string): string {
  const parsed = parseEnglishReason(explanation);
  return parsed ? reasonLine({ ...parsed, explanation }) : explanation;
}
