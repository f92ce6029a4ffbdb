import type { CaseEvent, CaseEventType } from '../domain/case-event';

/** Timeline entries that mean an agent answered the customer (publicly or in private). */
const RESPONSE_EVENTS: ReadonlySet<CaseEventType> = new Set(['reply_inserted', 'reply_copied', 'handed_off']);

export interface TeammateResponse {
  /** The agent id that wrote the entry. */
  by: string;
  at: number;
  type: CaseEventType;
}

/**
 * Responses on a case's timeline written by another agent (an entry's `by`; entries this install
 * wrote carry none until sync names them, or carry one of `myIds`), latest first. The reply panel
 * says so before Insert so two agents do not answer the same customer twice.
 */
export function teammateResponses(events: readonly CaseEvent[] | undefined, myIds: readonly string[]): TeammateResponse[] {
  const mine = new Set(myIds.map((id) => id.toLowerCase()));
  return (events ?? [])
    .filter((event) => RESPONSE_EVENTS.has(event.type) && event.by !== undefined && !mine.has(event.by.toLowerCase()))
    .map((event) => ({ by: event.by!, at: event.at, type: event.type }))
    .sort((a, b) => b.at - a.at);
}
