import { useId } from 'react';
import { IndustrySelect } from '../common/IndustrySelect';
import type { BrandDraft } from '../../lib/settings/brand-form';
import { t } from '../../lib/i18n/t';
import { messagesAt, messagesUnder, type ValidationIssue } from '../../lib/validation/issues';
import { FieldErrors } from './TextField';
import { HandoffFields } from './HandoffFields';
import { LinesField } from './LinesField';

type ListField = Exclude<keyof BrandDraft, 'key' | 'id' | 'name' | 'industry' | 'handoff'>;

/** Where a list field's issues sit in the settings (entries below it). */
const ISSUE_PATHS: Record<ListField, readonly string[]> = {
  aliases: ['aliases'],
  handlesX: ['handles', 'x'],
  handlesFacebook: ['handles', 'facebook'],
  handlesYelp: ['handles', 'yelp'],
  hashtags: ['hashtags'],
  exclusions: ['exclusions'],
};

const LIST_FIELDS = [
  { field: 'aliases', label: 'options.aliases', hint: 'options.aliasesHint' },
  { field: 'handlesX', label: 'options.handlesX', hint: 'options.handlesXHint' },
  { field: 'handlesFacebook', label: 'options.handlesFacebook', hint: 'options.handlesFacebookHint' },
  { field: 'handlesYelp', label: 'options.handlesYelp', hint: 'options.handlesYelpHint' },
  { field: 'hashtags', label: 'options.hashtags', hint: 'options.hashtagsHint' },
  { field: 'exclusions', label: 'options.exclusions', hint: 'options.exclusionsHint' },
] as const satisfies readonly { field: ListField; label: string; hint: string }[];

/** One brand's fields. The id is shown, not edited: cases refer to it. */
export function BrandFields({
  draft,
  id,
  index,
  issues,
  onChange,
  onRemove,
}: {
  draft: BrandDraft;
  /** The id it is (or will be) saved under. */
  id: string;
  /** Position in the list, from 0. */
  index: number;
  /** Live validation issues of the whole form (see HandoffFields). */
  issues: readonly ValidationIssue[];
  onChange: (patch: Partial<BrandDraft>) => void;
  onRemove: () => void;
}) {
  const nameId = useId();
  const industryId = useId();
  const title = draft.name.trim() || t('options.brandNumber', { number: String(index + 1) });
  const nameErrors = messagesAt(issues, ['brands', index, 'name']);
  return (
    <fieldset className="options-brand" data-testid="options-brand" data-brand-id={id}>
      <legend>{title}</legend>
      <div className="options-field">
        <label htmlFor={nameId}>{t('options.name')}</label>
        <input
          id={nameId}
          name="name"
          type="text"
          required
          maxLength={100}
          value={draft.name}
          aria-invalid={nameErrors.length > 0 || undefined}
          aria-describedby={`${nameId}-id${nameErrors.length > 0 ? ` ${nameId}-errors` : ''}`}
          onChange={(event) => onChange({ name: event.target.value })}
        />
        <p id={`${nameId}-id`} className="options-hint">
          {id ? t(draft.id === null ? 'options.brandIdNew' : 'options.brandId', { id }) : t('options.brandIdMissing')}
        </p>
        <FieldErrors id={`${nameId}-errors`} errors={nameErrors} />
      </div>
      <div className="options-field">
        <label htmlFor={industryId}>{t('options.industry')}</label>
        <IndustrySelect id={industryId} value={draft.industry} onChange={(industry) => onChange({ industry })} />
        <p id={`${industryId}-hint`} className="options-hint">
          {t('options.industryHint')}
        </p>
      </div>
      <div className="options-brand-grid">
        {LIST_FIELDS.map(({ field, label, hint }) => (
          <LinesField
            key={field}
            name={field}
            label={t(label)}
            hint={t(hint)}
            value={draft[field]}
            errors={messagesUnder(issues, ['brands', index, ...ISSUE_PATHS[field]])}
            onChange={(value) => onChange({ [field]: value })}
          />
        ))}
      </div>
      <HandoffFields
        draft={draft.handoff}
        brandIndex={index}
        issues={issues}
        onChange={(patch) => onChange({ handoff: { ...draft.handoff, ...patch } })}
      />
      <button type="button" className="options-remove" onClick={onRemove} data-testid="options-remove-brand">
        {t('options.removeBrand', { brand: title })}
      </button>
    </fieldset>
  );
}
