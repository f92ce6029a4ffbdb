import { isOpenStatus, STATUS_LABELS, type Case, type CaseOutcome } from '../domain/case';
import { CASE_LIMITS } from '../domain/limits';
import { formatNumber } from '../i18n/format';
import { t } from '../i18n/t';
import { clampPostText, type Post } from '../domain/post';
import type { CaseEvent, CaseEventType } from '../domain/case-event';
import type { Priority } from '../domain/triage';
import { OUTCOME_LABELS, type Notified } from '../workflow/fields';
import { snoozePatch, type SnoozeOption } from '../workflow/reminders';
import { applyTransition, withPatch, type TransitionTarget } from '../workflow/transitions';
import { resolutionSteps, type Resolution, type ResolveUndo } from '../workflow/resolve';
import { CaseStoreError } from './errors';
import { appendEvents } from './events';

/**
 * Pure case edits: each takes the stored case and returns the case to store, or null when
 * nothing changes. Refusals throw CaseStoreError with a message meant for the person acting.
 * Every real change stamps updatedAt (never backwards) and adds a timeline entry.
 */

export interface TransitionInput {
  to: TransitionTarget;
  outcome?: CaseOutcome | undefined;
}

/** Move a case through the lifecycle (lib/workflow/transitions.ts), with a 'status_changed' entry. */
export function transitionedCase(existing: Case, { to, outcome }: TransitionInput, at: number): Case | null {
  const result = applyTransition(existing, { to, outcome, at });
  if (!result.ok) {
    throw new CaseStoreError(result.error.code === 'illegal_transition' ? 'conflict' : 'bad_request', result.error.message);
  }
  if (!result.changed || !result.patch) return null;
  const next = withPatch(existing, result.patch);
  const arrow = `${STATUS_LABELS[existing.status]} → ${STATUS_LABELS[next.status]}`;
  const detail =
    to === 'reopen' ? `${arrow} (reopened)` : next.outcome && to === 'closed' ? `${arrow} (${OUTCOME_LABELS[next.outcome]})` : arrow;
  return { ...next, events: appendEvents(existing.events, { at, type: 'status_changed', detail }) };
}

/**
 * Resolve an open case the way the person says it ended (lib/workflow/resolve.ts), and what
 * undoing it needs. Every step is a regular lifecycle move with its own timeline entry.
 */
export function resolvedCase(existing: Case, resolution: Resolution, at: number): { next: Case; undo: ResolveUndo } {
  const plan = resolutionSteps(existing, resolution);
  if (!plan.ok) throw new CaseStoreError('conflict', plan.message);
  let next = existing;
  for (const step of plan.steps) next = transitionedCase(next, step, at) ?? next;
  return {
    next,
    undo: {
      caseId: existing.id,
      resolvedVersion: next.updatedAt,
      previousStatus: existing.status,
      hadFirstResponse: existing.firstResponseAt !== undefined,
    },
  };
}

/**
 * Put a just-resolved case back as it was: its previous open status, and no first response if
 * the resolve recorded it. Only while nothing changed since the resolve (same updatedAt);
 * otherwise the person is told to reopen it instead.
 */
export function undoneResolveCase(existing: Case, undo: ResolveUndo, at: number): Case {
  if (existing.updatedAt !== undo.resolvedVersion || isOpenStatus(existing.status)) {
    throw new CaseStoreError('conflict', t('caseEdit.undoAfterChange', { ref: existing.ref }));
  }
  // Undo may drop only the first response the resolve itself recorded (at the resolve's time),
  // never one given earlier.
  const resolvedAt = [...(existing.events ?? [])].reverse().find((event) => event.type === 'status_changed')?.at;
  const recordedByResolve = existing.firstResponseAt === undefined || (resolvedAt !== undefined && existing.firstResponseAt >= resolvedAt);
  if ((undo.hadFirstResponse && existing.firstResponseAt === undefined) || (!undo.hadFirstResponse && !recordedByResolve)) {
    throw new CaseStoreError('bad_request', t('caseEdit.undoMismatch', { ref: existing.ref }));
  }
  const next = withPatch(existing, {
    status: undo.previousStatus,
    updatedAt: Math.max(at, existing.updatedAt),
    resolvedAt: undefined,
    closedAt: undefined,
    outcome: undefined,
    ...(undo.hadFirstResponse ? {} : { firstResponseAt: undefined }),
  });
  const detail = `${STATUS_LABELS[existing.status]} → ${STATUS_LABELS[undo.previousStatus]} (resolve undone)`;
  return { ...next, events: appendEvents(existing.events, { at, type: 'status_changed', detail }) };
}

/**
 * The case with the post's whole text, when the case holds a cut one (X's "Show more") and
 * `seen` is the same post read in full (its status page); null when there is nothing to refresh.
 * Only the text and its marker change: everything else on the case stays as logged.
 */
export function caseWithFullText(existing: Case, seen: Post, at: number): Case | null {
  if (!existing.post.truncated || seen.truncated || seen.platform !== existing.post.platform || seen.postId !== existing.post.postId) {
    return null;
  }
  const { truncated: _cut, ...post } = existing.post;
  const text = clampPostText(seen.text);
  if (!text.trim()) return null;
  return { ...existing, post: { ...post, text }, updatedAt: Math.max(at, existing.updatedAt) };
}

/** Event types other parts of the extension report about a case (replies, handoff). */
export const RECORDABLE_EVENT_TYPES = ['reply_suggested', 'reply_inserted', 'reply_copied', 'handed_off'] as const;
export type RecordableEventType = (typeof RECORDABLE_EVENT_TYPES)[number];
export type TransitionOnEvent = 'responded' | 'handed_off';

/**
 * Add a timeline entry, optionally moving the case (e.g. a reply inserted -> Responded). The
 * move follows the lifecycle rules: a move that is not allowed refuses the whole call, so the
 * caller hears about it instead of the timeline claiming a step the case never took.
 */
export function caseWithEvent(
  existing: Case,
  event: { type: RecordableEventType; detail?: string | undefined; channel?: string | undefined },
  transitionTo: TransitionOnEvent | undefined,
  at: number,
): Case {
  const entry: CaseEvent = { at, type: event.type };
  if (event.detail !== undefined) entry.detail = event.detail;
  if (event.channel !== undefined) entry.channel = event.channel;
  const withEntry: Case = { ...existing, updatedAt: Math.max(at, existing.updatedAt), events: appendEvents(existing.events, entry) };
  if (transitionTo === undefined) return withEntry;
  return transitionedCase(withEntry, { to: transitionTo }, at) ?? withEntry;
}

/**
 * The brand's own reply to the case's post was seen on the page ("by @AcmeAirHelp"): one
 * timeline entry per case, however many tabs and page loads show the reply (null after the first).
 */
export function caseWithBrandReplySeen(existing: Case, by: string, at: number): Case | null {
  if (existing.events?.some((event) => event.type === 'brand_reply_seen')) return null;
  const detail = `by ${by.trim()}`.slice(0, CASE_LIMITS.eventDetail);
  return {
    ...existing,
    updatedAt: Math.max(at, existing.updatedAt),
    events: appendEvents(existing.events, { at, type: 'brand_reply_seen', detail }),
  };
}

export function caseWithNote(existing: Case, note: { id: string; text: string; author?: string | undefined }, at: number): Case {
  const text = note.text.trim();
  if (text === '') throw new CaseStoreError('bad_request', t('caseEdit.noteEmpty'));
  if (text.length > CASE_LIMITS.noteText) {
    const limits = { max: formatNumber(CASE_LIMITS.noteText), length: formatNumber(text.length) };
    throw new CaseStoreError('bad_request', t('caseEdit.noteTooLong', limits));
  }
  const author = note.author?.trim();
  const stored = { id: note.id, text, createdAt: at, ...(author ? { author } : {}) };
  return touched(existing, at, [...(existing.notes ?? []), stored], 'notes', { type: 'note_added', detail: snippet(text) });
}

export function caseWithAssignee(existing: Case, assignee: string | null, at: number): Case | null {
  const name = assignee?.trim() || undefined;
  if (name === existing.assignee) return null;
  return touched(existing, at, name, 'assignee', { type: 'assigned', detail: name ?? 'Unassigned' });
}

/** Tags are trimmed, deduplicated case-insensitively (first spelling wins) and kept in order. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim();
    const key = tag.toLowerCase();
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    result.push(tag);
  }
  return result;
}

export function caseWithTags(existing: Case, tags: readonly string[], at: number): Case | null {
  const next = normalizeTags(tags);
  const before = existing.tags ?? [];
  if (next.length === before.length && next.every((tag, i) => tag === before[i])) return null;
  return touched(existing, at, next.length > 0 ? next : undefined, 'tags', {
    type: 'tagged',
    detail: next.length > 0 ? next.join(', ') : 'No tags',
  });
}

export function caseWithFollowUp(existing: Case, followUpAt: number | null, at: number): Case | null {
  const next = followUpAt ?? undefined;
  if (next === existing.followUpAt) return null;
  return touched(existing, at, next, 'followUpAt', {
    type: 'follow_up_set',
    detail: next === undefined ? 'Follow-up cleared' : `Follow up at ${new Date(next).toISOString()}`,
  });
}

const STORED_SNOOZE_LABELS: Record<SnoozeOption, string> = { '15m': '15 minutes', '1h': '1 hour', tomorrow: 'Tomorrow 9:00' };

export function snoozedCase(existing: Case, option: SnoozeOption, at: number, timeZone?: string): Case {
  const patch = snoozePatch(existing, option, at, timeZone);
  return {
    ...existing,
    ...patch,
    // Stored timeline details stay English, like every other stored detail (the views word entries by type).
    events: appendEvents(existing.events, { at, type: 'snoozed', detail: `Snoozed ${STORED_SNOOZE_LABELS[option]}` }),
  };
}

export function caseWithPriority(existing: Case, priority: Priority, at: number): Case | null {
  if (existing.priority === priority) return null;
  return touched(existing, at, priority, 'priority', {
    type: 'priority_changed',
    detail: `${existing.priority ?? 'none'} → ${priority}`,
  });
}

/** Marks reminders as shown; not a team action, so updatedAt stays. */
export function caseWithNotified(existing: Case, notified: Notified, shown: readonly string[], at: number): Case {
  const entries: CaseEvent[] = shown.map((title) => ({ at, type: 'reminder_shown', detail: snippet(title) }));
  return { ...existing, notified, events: appendEvents(existing.events, ...entries) };
}

function touched<K extends keyof Case>(
  existing: Case,
  at: number,
  value: Case[K] | undefined,
  key: K,
  event: { type: CaseEventType; detail: string },
): Case {
  const next = withPatch(existing, { [key]: value, updatedAt: Math.max(at, existing.updatedAt) });
  return { ...next, events: appendEvents(existing.events, { at, ...event, detail: snippet(event.detail) }) };
}

function snippet(text: string): string {
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}
