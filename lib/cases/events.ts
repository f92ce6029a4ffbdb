import { MAX_CASE_EVENTS, type CaseEvent } from '../domain/case-event';

/**
 * The timeline with `added` appended, oldest first. Past MAX_CASE_EVENTS the oldest entries
 * go first, except the "logged" entry, which says when the case began and always stays.
 */
export function appendEvents(events: readonly CaseEvent[] | undefined, ...added: CaseEvent[]): CaseEvent[] {
  const all = [...(events ?? []), ...added];
  if (all.length <= MAX_CASE_EVENTS) return all;
  const loggedIndex = all.findIndex((event) => event.type === 'logged');
  const logged = loggedIndex >= 0 ? all[loggedIndex] : undefined;
  const rest = loggedIndex >= 0 ? [...all.slice(0, loggedIndex), ...all.slice(loggedIndex + 1)] : all;
  const keep = logged ? MAX_CASE_EVENTS - 1 : MAX_CASE_EVENTS;
  const tail = rest.slice(rest.length - keep);
  return logged ? [logged, ...tail] : tail;
}
