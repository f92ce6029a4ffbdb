import { CASE_STATUSES, STATUS_LABELS, type CaseStatus } from '../../lib/domain/case';
import type { CaseEvent } from '../../lib/domain/case-event';
import { outcomeLabel, statusLabel } from '../../lib/domain/labels';
import { insertFailureText, parseStoredInsertFailure, replyBoxLabel } from '../../lib/domain/insert-failure';
import type { Platform } from '../../lib/domain/post';
import { formatDateTime } from '../../lib/i18n/format';
import { t } from '../../lib/i18n/t';
import { STRATEGIES, STRATEGY_LABELS, strategyLabel, TONES, type Strategy } from '../../lib/replies/templates';
import { SITES } from '../../lib/sites/registry';
import { CASE_OUTCOMES, OUTCOME_LABELS, type CaseOutcome } from '../../lib/workflow/fields';

// Timeline details are stored in English (lib/cases/case-ops.ts, import-cases.ts, lib/merge) so a
// case reads the same on every install and export. The views word the forms CareSide writes in the
// reader's language here; anything else (a note, a tag, a name, an older form) shows as stored.

const STATUS_BY_LABEL = new Map<string, CaseStatus>(CASE_STATUSES.map((status) => [STATUS_LABELS[status], status]));
const OUTCOME_BY_LABEL = new Map<string, CaseOutcome>(CASE_OUTCOMES.map((outcome) => [OUTCOME_LABELS[outcome], outcome]));
const STATUS_NAMES = CASE_STATUSES.map((status) => STATUS_LABELS[status]).join('|');
const STATUS_CHANGE = new RegExp(`^(${STATUS_NAMES}) → (${STATUS_NAMES})(?: \\((.+)\\))?$`);
const CONFLICT = new RegExp(`^Status: kept (${STATUS_NAMES}) \\((.+)\\) over (${STATUS_NAMES}) \\((.+)\\)$`);
const FOLLOW_UP_AT = /^Follow up at (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z)$/;
const SNOOZED: Readonly<Record<string, 'storedDetail.snoozed15m' | 'storedDetail.snoozed1h' | 'storedDetail.snoozedTomorrow'>> = {
  'Snoozed 15 minutes': 'storedDetail.snoozed15m',
  'Snoozed 1 hour': 'storedDetail.snoozed1h',
  'Snoozed Tomorrow 9:00': 'storedDetail.snoozedTomorrow',
};

/** A stored English detail in the UI language, when CareSide wrote it; otherwise the detail as stored. */
export function wordedDetail(event: Pick<CaseEvent, 'type' | 'detail'>, detail: string): string {
  switch (event.type) {
    case 'status_changed':
      return statusChange(detail) ?? detail;
    case 'conflict_resolved':
      return conflict(detail) ?? detail;
    case 'imported':
      if (detail === 'Imported') return t('storedDetail.imported');
      return detail === 'Merged from an import' ? t('storedDetail.mergedFromImport') : detail;
    case 'tagged':
      return detail === 'No tags' ? t('storedDetail.noTags') : detail;
    case 'assigned':
      return detail === 'Unassigned' ? t('storedDetail.unassigned') : detail;
    case 'follow_up_set':
      return followUp(detail) ?? detail;
    case 'snoozed': {
      const key = SNOOZED[detail];
      return key ? t(key) : detail;
    }
    case 'priority_changed':
      return detail.replace(/^none → /, `${t('storedDetail.noPriority')} → `);
    case 'reply_inserted':
      return replyInserted(detail) ?? detail;
    case 'reply_copied':
      return replyCopied(detail) ?? detail;
    case 'reply_suggested': {
      const match = /^(#\d+) (.+)$/.exec(detail);
      return match ? `${match[1]!} ${suggestionLabel(match[2]!)}` : detail;
    }
    case 'brand_reply_seen': {
      const by = /^by (.+)$/.exec(detail);
      return by ? t('storedDetail.by', { name: by[1]! }) : detail;
    }
    default:
      return detail;
  }
}

function statusChange(detail: string): string | undefined {
  const match = STATUS_CHANGE.exec(detail);
  const from = STATUS_BY_LABEL.get(match?.[1] ?? '');
  const to = STATUS_BY_LABEL.get(match?.[2] ?? '');
  if (!match || !from || !to) return undefined;
  const arrow = `${statusLabel(from)} → ${statusLabel(to)}`;
  const note = match[3];
  if (note === undefined) return arrow;
  if (note === 'reopened') return t('storedDetail.withNote', { change: arrow, note: t('storedDetail.reopened') });
  if (note === 'resolve undone') return t('storedDetail.withNote', { change: arrow, note: t('storedDetail.resolveUndone') });
  const outcome = OUTCOME_BY_LABEL.get(note);
  return outcome ? t('storedDetail.withNote', { change: arrow, note: outcomeLabel(outcome) }) : undefined;
}

function conflict(detail: string): string | undefined {
  const match = CONFLICT.exec(detail);
  const kept = STATUS_BY_LABEL.get(match?.[1] ?? '');
  const dropped = STATUS_BY_LABEL.get(match?.[3] ?? '');
  if (!match || !kept || !dropped) return undefined;
  const agent = (name: string) => (name === 'before sync' ? t('storedDetail.beforeSync') : name);
  return t('storedDetail.conflict', {
    kept: statusLabel(kept),
    keptBy: agent(match[2]!),
    dropped: statusLabel(dropped),
    droppedBy: agent(match[4]!),
  });
}

function followUp(detail: string): string | undefined {
  if (detail === 'Follow-up cleared') return t('storedDetail.followUpCleared');
  const at = FOLLOW_UP_AT.exec(detail);
  return at ? t('storedDetail.followUpAt', { when: formatDateTime(Date.parse(at[1]!)) }) : undefined;
}

// How useReplyPanel describes the text sent: "own text", "suggestion #2 (Apology, warm)", "edited …".
const SUGGESTION = /^(edited )?suggestion #(\d+) \((.+)\)$/;
const INTO = /^(.+) into (.+)$/;
const INSERT_FAILED = /^(.+); insert failed: (.+)$/;
const BOX_BY_STORED_NAME = new Map<string, Platform>(Object.values(SITES).map((site) => [site.replyBoxName, site.platform]));

// useReplyPanel labels a suggestion "<English strategy>, <tone id>" (STRATEGY_LABELS); older labels stay as stored.
const STRATEGY_BY_LABEL = new Map<string, Strategy>(STRATEGIES.map((strategy) => [STRATEGY_LABELS[strategy], strategy]));
const SUGGESTION_LABEL = new RegExp(`^(${[...STRATEGY_BY_LABEL.keys()].join('|')}), (${TONES.join('|')})$`);

function suggestionLabel(label: string): string {
  const match = SUGGESTION_LABEL.exec(label);
  const strategy = STRATEGY_BY_LABEL.get(match?.[1] ?? '');
  if (!match || !strategy) return label;
  return `${strategyLabel(strategy)}, ${t(`tone.${match[2] as (typeof TONES)[number]}`).toLocaleLowerCase()}`;
}

function draftText(detail: string): string | undefined {
  if (detail === 'own text') return t('replyDetail.ownText');
  const match = SUGGESTION.exec(detail);
  if (!match) return undefined;
  const params = { rank: match[2]!, label: suggestionLabel(match[3]!) };
  return match[1] ? t('replyDetail.editedSuggestion', params) : t('replyDetail.suggestion', params);
}

function replyInserted(detail: string): string | undefined {
  const match = INTO.exec(detail);
  const platform = BOX_BY_STORED_NAME.get(match?.[2] ?? '');
  const text = draftText(match?.[1] ?? '');
  return platform && text ? t('replyDetail.into', { text, box: replyBoxLabel(platform) }) : undefined;
}

/** "own text", or "own text; insert failed: [code]"; an older entry's English reason stays as stored. */
function replyCopied(detail: string): string | undefined {
  const match = INSERT_FAILED.exec(detail);
  if (!match) return draftText(detail);
  const text = draftText(match[1]!);
  const failure = parseStoredInsertFailure(match[2]!);
  if (!text || !failure) return undefined;
  // Stored without the platform: the reason names the box only for a timeout or a missing button.
  return t('replyDetail.insertFailed', { text, reason: insertFailureText(failure, t('replyDetail.theReplyBox')) });
}
