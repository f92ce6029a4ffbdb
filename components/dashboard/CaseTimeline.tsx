import type { CaseEvent, CaseEventType } from '../../lib/domain/case-event';

const EVENT_LABELS: Record<CaseEventType, string> = {
  logged: 'Logged',
  status_changed: 'Status',
  reply_suggested: 'Reply suggested',
  reply_inserted: 'Reply inserted',
  reply_copied: 'Reply copied',
  handed_off: 'Handed off',
  note_added: 'Note',
  assigned: 'Assigned',
  tagged: 'Tags',
  follow_up_set: 'Follow-up',
  snoozed: 'Snoozed',
  priority_changed: 'Priority',
  reminder_shown: 'Reminder',
  imported: 'Import',
};

/** The case's timeline, newest first. */
export function CaseTimeline({ events }: { events: readonly CaseEvent[] }) {
  return (
    <section aria-labelledby="dash-timeline-heading">
      <h3 id="dash-timeline-heading">Timeline</h3>
      <ol className="dash-timeline" reversed>
        {[...events].reverse().map((event, i) => (
          <li key={`${event.at}-${i}`}>
            <span className="dash-muted">{new Date(event.at).toLocaleString()}</span> <strong>{EVENT_LABELS[event.type]}</strong>
            {event.detail && ` · ${event.detail}`}
            {event.channel && ` · ${event.channel}`}
          </li>
        ))}
      </ol>
    </section>
  );
}
