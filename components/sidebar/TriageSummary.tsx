import type { TriageView } from '../../lib/content/view-model';
import { t } from '../../lib/i18n/t';

export type { TriageView };

/** Priority, category and complaint flag on one line, with the one-line reason under it. */
export function TriageSummary({ triage }: { triage: TriageView }) {
  return (
    <div className="cs-triage" data-testid="careside-mention-triage" data-priority={triage.priority} data-complaint={triage.complaint}>
      <p className="cs-triage-head">
        <span className={`cs-priority cs-priority-${triage.priority}`}>{triage.priority}</span>
        {triage.category ? <span className="cs-category">{triage.category}</span> : null}
        <span className="cs-complaint">{triage.complaint ? t('sidebar.complaint') : t('sidebar.notComplaint')}</span>
      </p>
      {/* The explanation quotes the post (urgency snippets): React text only. */}
      <p className="cs-explanation" data-testid="careside-mention-explanation">
        {triage.explanation}
      </p>
    </div>
  );
}
