import type { CaseEvent } from '../domain/case-event';
import type { CaseNote } from '../domain/case';
import { CASE_LIMITS } from '../domain/limits';
import { canonicalJson } from './canonical';

/**
 * Timeline entries and notes are written once and never edited, so two copies of a case merge
 * their timelines as a set union by id. An entry stored before entries had ids gets one from
 * its content, so the same old entry on two installs is one entry after a merge.
 */
export function eventIdOf(event: CaseEvent): string {
  return event.id ?? contentId(event);
}

/**
 * The id of an entry `agent` just wrote. The author is part of it: two agents making the same
 * change to a case in the same millisecond ("Priority: high") wrote two entries, and with a
 * content-only id the team database would keep the first and refuse the second as a rewrite.
 */
export function authoredEventId(event: CaseEvent, agent: string): string {
  return contentId(event, agent);
}

/** An id hashed from what the entry says (and, when given, who wrote it). */
function contentId(event: CaseEvent, ...author: string[]): string {
  return `h${fnv1a64(canonicalJson([event.at, event.type, event.detail ?? '', event.channel ?? '', ...author]))}`;
}

/**
 * Within one millisecond the entries one edit writes keep their natural order (what was done,
 * then the status move it caused, then an import's mark); the id settles the rest, so every
 * install lists a merged timeline alike.
 */
const SAME_TIME_ORDER: Partial<Record<CaseEvent['type'], number>> = { logged: -1, status_changed: 1, conflict_resolved: 2, imported: 3 };

function compareEvents(a: CaseEvent, b: CaseEvent): number {
  return a.at - b.at || (SAME_TIME_ORDER[a.type] ?? 0) - (SAME_TIME_ORDER[b.type] ?? 0) || compareText(eventIdOf(a), eventIdOf(b));
}

/**
 * The union of two timelines, oldest first, at most CASE_LIMITS.events long: the earliest
 * "logged" entry stays (it says when the case began), then the newest of the rest. Keeping the
 * newest N of a union is itself associative, so three copies merge alike in any order.
 */
export function mergeEvents(a: readonly CaseEvent[] | undefined, b: readonly CaseEvent[] | undefined): CaseEvent[] {
  const byId = new Map<string, CaseEvent>();
  for (const event of [...(a ?? []), ...(b ?? [])]) {
    const id = eventIdOf(event);
    const held = byId.get(id);
    // The same entry once it went through the team database carries its id and author: keep
    // that copy. Otherwise pick by content, so every order agrees.
    if (!held || fullerEvent(event, held)) byId.set(id, event);
  }
  const all = [...byId.values()].sort(compareEvents);
  if (all.length <= CASE_LIMITS.events) return all;
  const logged = all.find((event) => event.type === 'logged');
  const rest = logged ? all.filter((event) => event !== logged) : all;
  const keep = logged ? CASE_LIMITS.events - 1 : CASE_LIMITS.events;
  const tail = rest.slice(rest.length - keep);
  return logged ? [logged, ...tail] : tail;
}

function fullerEvent(event: CaseEvent, held: CaseEvent): boolean {
  const rank = (item: CaseEvent) => Number(item.by !== undefined) * 2 + Number(item.id !== undefined);
  return rank(event) > rank(held) || (rank(event) === rank(held) && canonicalJson(event) > canonicalJson(held));
}

/** Notes by id, oldest first, the newest CASE_LIMITS.notes kept. */
export function mergeNotes(a: readonly CaseNote[] | undefined, b: readonly CaseNote[] | undefined): CaseNote[] {
  const byId = new Map<string, CaseNote>();
  for (const note of [...(a ?? []), ...(b ?? [])]) {
    const held = byId.get(note.id);
    if (!held || canonicalJson(note) > canonicalJson(held)) byId.set(note.id, note);
  }
  const all = [...byId.values()].sort((x, y) => x.createdAt - y.createdAt || compareText(x.id, y.id));
  return all.slice(Math.max(0, all.length - CASE_LIMITS.notes));
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** FNV-1a over UTF-16 code units, two 32-bit lanes with different offsets: 16 hex digits. */
export function fnv1a64(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ code, 0x01000193 ^ 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}
