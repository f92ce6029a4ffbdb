import { t } from '../../../lib/i18n/t';

export interface TimelineEntryView {
  /** Epoch ms. */
  at: number;
  type: string;
  label: string;
  detail?: string | undefined;
}

export interface CaseTimelineProps {
  entries: readonly TimelineEntryView[];
  /** How to show a time; injected so tests do not depend on the machine's locale and zone. */
  formatTime: (at: number) => string;
}

/** What happened to the case, oldest first, each with its time. */
export function CaseTimeline({ entries, formatTime }: CaseTimelineProps) {
  return (
    <ol className="cs-cp-timeline" data-testid="careside-timeline" aria-label={t('timeline.label')}>
      {entries.map((entry, index) => (
        <li key={`${entry.at}-${index}`} className="cs-cp-timeline-entry" data-testid="careside-timeline-entry" data-type={entry.type}>
          <time dateTime={new Date(entry.at).toISOString()}>{formatTime(entry.at)}</time>{' '}
          <span className="cs-cp-timeline-label">{entry.label}</span>
          {entry.detail ? <span className="cs-cp-timeline-detail"> · {entry.detail}</span> : null}
        </li>
      ))}
    </ol>
  );
}
