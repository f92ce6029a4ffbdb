import type { LintFinding } from '../../../lib/replies/lint';
import { strategyLabel, type Strategy, type Tone } from '../../../lib/replies/templates';
import { t } from '../../../lib/i18n/t';
import { formatNumber } from '../../../lib/i18n/format';

export interface SuggestionView {
  /** 1 = best. */
  rank: number;
  templateId: string;
  tone: Tone;
  /** What the reply does: move private, answer in public, ask for a detail. */
  strategy: Strategy;
  text: string;
  lint: readonly LintFinding[];
}

export interface SuggestionListProps {
  suggestions: readonly SuggestionView[];
  selectedRank?: number | undefined;
  onPick: (rank: number) => void;
}

/** The ranked suggestions; picking one puts it in the editor. Text is page-derived: React text only. */
export function SuggestionList({ suggestions, selectedRank, onPick }: SuggestionListProps) {
  if (suggestions.length === 0) {
    return (
      <p className="cs-cp-empty" data-testid="careside-no-suggestions">
        {t('casePanel.noSuggestions')}
      </p>
    );
  }
  return (
    <ol className="cs-cp-suggestions">
      {suggestions.map((suggestion) => {
        const errors = suggestion.lint.filter((finding) => finding.severity === 'error').length;
        const selected = suggestion.rank === selectedRank;
        return (
          <li
            key={suggestion.templateId}
            className="cs-cp-suggestion"
            data-testid="careside-suggestion"
            data-rank={suggestion.rank}
            data-template-id={suggestion.templateId}
            data-strategy={suggestion.strategy}
            data-selected={selected}
          >
            <button type="button" className="cs-cp-pick" aria-pressed={selected} onClick={() => onPick(suggestion.rank)}>
              <span className="cs-cp-rank">#{suggestion.rank}</span> {strategyLabel(suggestion.strategy)}
              {errors > 0 ? (
                <span className="cs-cp-badge cs-cp-error">{t('casePanel.problems', errors, { count: formatNumber(errors) })}</span>
              ) : null}
            </button>
            <p className="cs-cp-suggestion-text">{suggestion.text}</p>
          </li>
        );
      })}
    </ol>
  );
}
