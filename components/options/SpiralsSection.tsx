import { useId } from 'react';
import { t } from '../../lib/i18n/t';
import { messagesAt, type ValidationIssue } from '../../lib/validation/issues';
import type { SpiralsDraft } from '../../lib/settings/workflow-draft';
import { TextField } from './TextField';

/** When similar complaints pile up fast enough to call it a spiral. */
export function SpiralsSection({
  draft,
  issues,
  onChange,
}: {
  draft: SpiralsDraft;
  issues: readonly ValidationIssue[];
  onChange: (draft: SpiralsDraft) => void;
}) {
  const id = useId();
  return (
    <section className="options-section" aria-labelledby={`${id}-heading`} data-testid="options-spirals">
      <h2 id={`${id}-heading`}>{t('options.spirals')}</h2>
      <p className="options-hint">
        {t('options.spiralsHint', { count: draft.minSimilar.trim() || 'N', minutes: draft.windowMinutes.trim() || 'T' })}
      </p>
      <div className="options-targets-grid">
        <TextField
          name="spiralMinSimilar"
          label={t('options.spiralsSimilar')}
          hint={t('options.spiralsSimilarHint')}
          inputMode="numeric"
          value={draft.minSimilar}
          errors={messagesAt(issues, ['spirals', 'minSimilar'])}
          onChange={(minSimilar) => onChange({ ...draft, minSimilar })}
        />
        <TextField
          name="spiralWindowMinutes"
          label={t('options.spiralsWindow')}
          hint={t('options.spiralsWindowHint')}
          inputMode="numeric"
          suffix={t('options.minutes')}
          value={draft.windowMinutes}
          errors={messagesAt(issues, ['spirals', 'windowMinutes'])}
          onChange={(windowMinutes) => onChange({ ...draft, windowMinutes })}
        />
      </div>
    </section>
  );
}
