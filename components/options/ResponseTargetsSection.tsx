import { useId } from 'react';
import { t } from '../../lib/i18n/t';
import { PRIORITIES, type Priority } from '../../lib/domain/triage';
import { messagesAt, type ValidationIssue } from '../../lib/validation/issues';
import { wholeNumberOrText, type TargetsDraft } from '../../lib/settings/workflow-draft';
import { formatDuration } from '../../lib/workflow/targets';
import { FieldErrors, TextField } from './TextField';

const PRIORITY_HINTS = {
  P1: 'options.targetHintP1',
  P2: 'options.targetHintP2',
  P3: 'options.targetHintP3',
  P4: 'options.targetHintP4',
} as const satisfies Record<Priority, string>;

/** "minutes (4 h)" for an hour or more, so 1440 reads as a day. */
function minutesSuffix(text: string) {
  const minutes = wholeNumberOrText(text);
  return typeof minutes === 'number' && minutes >= 60
    ? t('options.minutesLong', { duration: formatDuration(minutes * 60_000) })
    : t('options.minutes');
}

/** "hours (3 d)" for a day or more. */
function hoursSuffix(text: string) {
  const hours = wholeNumberOrText(text);
  return typeof hours === 'number' && hours >= 24
    ? t('backlog.hoursLong', { duration: formatDuration(hours * 3_600_000) })
    : t('backlog.hours');
}

/** First-response targets per priority, with the ordering rule stated where it applies, and the backlog age. */
export function ResponseTargetsSection({
  draft,
  issues,
  onChange,
  backlogAge,
  onBacklogAgeChange,
}: {
  draft: TargetsDraft;
  issues: readonly ValidationIssue[];
  onChange: (draft: TargetsDraft) => void;
  /** Hours, as typed. */
  backlogAge: string;
  onBacklogAgeChange: (hours: string) => void;
}) {
  const id = useId();
  const orderErrors = messagesAt(issues, ['responseTargets']);
  return (
    <section className="options-section" aria-labelledby={`${id}-heading`} data-testid="options-targets">
      <h2 id={`${id}-heading`}>{t('options.targets')}</h2>
      <p className="options-hint" id={`${id}-rule`}>
        {t('options.targetsHint')}
      </p>
      <div className="options-targets-grid">
        {PRIORITIES.map((priority) => (
          <TextField
            key={priority}
            name={`target-${priority}`}
            label={t('options.target', { priority })}
            hint={t(PRIORITY_HINTS[priority])}
            inputMode="numeric"
            value={draft[priority]}
            errors={messagesAt(issues, ['responseTargets', priority])}
            suffix={minutesSuffix(draft[priority])}
            onChange={(value) => onChange({ ...draft, [priority]: value })}
          />
        ))}
      </div>
      <FieldErrors id={`${id}-order`} errors={orderErrors} />
      <TextField
        name="backlog-age"
        label={t('backlog.label')}
        hint={t('backlog.hint')}
        inputMode="numeric"
        value={backlogAge}
        errors={messagesAt(issues, ['backlogAgeHours'])}
        suffix={hoursSuffix(backlogAge)}
        onChange={onBacklogAgeChange}
      />
    </section>
  );
}
