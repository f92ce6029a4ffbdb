import type { Case } from '../domain/case';
import { CLOCKED_FIELDS, type FieldClocks } from '../domain/sync-fields';
import { canonicalJson } from './canonical';
import { legacyEpoch, STATUS_RANK } from './case-merge';
import { authoredEventId, eventIdOf } from './events';
import { UNNAMED_AGENT, type HybridClock } from './hlc';

/**
 * Stamp the fields a local edit changed, so a merge knows which copy wrote last. A field whose
 * clock the writer already set (a merge, a replicated copy) keeps that clock; a status moved
 * down in rank (reopen, undo of a resolve) starts a new reopen generation, so it beats the
 * higher status it replaced on every install. Returns `after` itself when nothing changed.
 */
export function stampLocalChanges(before: Case | undefined, after: Case, clock: HybridClock): Case {
  return signNewEntries(before, stampChangedFields(before, after, clock), clock.agentId);
}

function stampChangedFields(before: Case | undefined, after: Case, clock: HybridClock): Case {
  if (!before) return after;
  const clocks: FieldClocks = { ...after.clocks };
  let changed = false;
  for (const field of CLOCKED_FIELDS) {
    const sameValue = canonicalJson(before[field] ?? null) === canonicalJson(after[field] ?? null);
    const clockSetByWriter = before.clocks?.[field] !== after.clocks?.[field];
    if (sameValue || clockSetByWriter) continue;
    clocks[field] = clock.tick(Math.max(after.updatedAt, 0));
    changed = true;
  }
  if (!changed) return after;
  const next: Case = { ...after, clocks };
  if (
    before.status !== after.status &&
    STATUS_RANK[after.status] < STATUS_RANK[before.status] &&
    after.statusEpoch === before.statusEpoch
  ) {
    next.statusEpoch = (before.statusEpoch ?? legacyEpoch(before)) + 1;
  }
  return next;
}

/**
 * The timeline entries and notes an edit added carry `by`, the agent who made them (the
 * CouchDB user while the team workspace is on), so the team database can refuse an entry
 * written as someone else, and an id naming that agent (authoredEventId). An install no team
 * named leaves them unsigned: whoever it connects as later claims them. Returns `after` itself
 * when nothing was added.
 */
export function signNewEntries(before: Case | undefined, after: Case, agent: string): Case {
  if (agent === UNNAMED_AGENT) return after;
  const oldEvents = new Set((before?.events ?? []).map(eventIdOf));
  const oldNotes = new Set((before?.notes ?? []).map((note) => note.id));
  let signed = false;
  const events = after.events?.map((event) => {
    if (event.by !== undefined || oldEvents.has(eventIdOf(event))) return event;
    signed = true;
    return { ...event, id: event.id ?? authoredEventId(event, agent), by: agent };
  });
  const notes = after.notes?.map((note) => {
    if (note.by !== undefined || oldNotes.has(note.id)) return note;
    signed = true;
    return { ...note, by: agent };
  });
  if (!signed) return after;
  return { ...after, ...(events ? { events } : {}), ...(notes ? { notes } : {}) };
}
