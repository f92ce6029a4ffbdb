/**
 * The sizes a case's fields may grow to: the schemas, the store's checks, the import and the
 * views' inputs all read them from here, so a limit changes in one place.
 */
export const CASE_LIMITS = {
  /** Characters in one note. */
  noteText: 5_000,
  /** Notes on one case. */
  notes: 500,
  /** Timeline entries one case keeps; the oldest are dropped first (the "logged" entry stays). */
  events: 500,
  /** Characters of a timeline entry's detail ("via X DM", "New → Responded"). */
  eventDetail: 500,
  /** Characters of a handoff channel id (x_dm, messenger, email…). */
  eventChannel: 50,
  /** Tags on one case, and characters in one tag. */
  tags: 50,
  tagLength: 50,
  /** Characters in an assignee's or note author's name. */
  personName: 100,
} as const;
