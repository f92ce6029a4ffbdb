import type { CaseEvent } from '../../lib/domain/case-event';
import { eventDetail, eventLabel, formatEventTime } from '../common/timeline-text';
import { t } from '../../lib/i18n/t';

/** The case's timeline, newest first: what happened in words, at the user's local time. */
export function CaseTimeline({
  events,
  formatTime = formatEventTime,
}: {
  events: readonly CaseEvent[];
  formatTime?: (at: number) => string;
}) {
  return (
    <section aria-labelledby="dash-timeline-heading">
      <h3 id="dash-timeline-heading">{t('dashboard.timeline')}</h3>
      <ol className="dash-timeline" reversed>
        {[...events].reverse().map((event, i) => {
          const detail = eventDetail(event);
          return (
            <li key={`${event.at}-${i}`} data-testid="dash-timeline-entry" data-type={event.type}>
              <time className="dash-muted" dateTime={new Date(event.at).toISOString()}>
                {formatTime(event.at)}
              </time>{' '}
              <strong>{eventLabel(event)}</strong>
              {detail !== undefined && ` · ${detail}`}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
