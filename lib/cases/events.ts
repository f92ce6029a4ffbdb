import type { CaseEvent } from '../domain/case-event';
import { CASE_LIMITS } from '../domain/limits';

/**
 * The timeline with `added` appended, oldest first. Past CASE_LIMITS.events the oldest entries
 * go first, except the "logged" entry, which says when the case began and always stays.
 */
export function appendEvents(events: readonly CaseEvent[] | undefined, ...added: CaseEvent[]): CaseEvent[] {
  const all = [...(events ?? []), ...added];
  if (all.length <= CASE_LIMITS.events) return all;
  const loggedIndex = all.findIndex((event) => event.type === 'logged');
  const logged = loggedIndex >= 0 ? all[loggedIndex] : undefined;
  const rest = loggedIndex >= 0 ? [...all.slice(0, loggedIndex), ...all.slice(loggedIndex + 1)] : all;
  const keep = logged ? CASE_LIMITS.events - 1 : CASE_LIMITS.events;
  const tail = rest.slice(rest.length - keep);
  return logged ? [logged, ...tail] : tail;
}
