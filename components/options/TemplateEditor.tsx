import { useId, useMemo, useState } from 'react';
import { INDUSTRIES, INDUSTRY_LABELS } from '../../lib/domain/industry';
import { PLATFORMS } from '../../lib/domain/post';
import { CATEGORY_IDS, CATEGORY_LABELS } from '../../lib/domain/triage';
import {
  MAX_TEMPLATE_BODY,
  REPLY_KINDS,
  TEMPLATE_VARIABLE_HELP,
  TEMPLATE_VARIABLES,
  STRATEGIES,
  STRATEGY_LABELS,
  TONES,
  type ReplyTemplate,
} from '../../lib/replies/templates';
import { messagesAt } from '../../lib/validation/issues';
import { checkTemplateDraft, previewTemplate, type TemplateDraft } from '../../lib/settings/template-draft';
import { PLATFORM_LABELS } from '../common/labels';
import { TemplateLint } from './TemplateLint';
import { FieldErrors, TextField } from './TextField';

type Field = keyof TemplateDraft;
type Option = { value: string; label: string };

const CATEGORY_OPTIONS: Option[] = [
  { value: 'any', label: 'Any category' },
  ...CATEGORY_IDS.map((category) => ({ value: category, label: CATEGORY_LABELS[category] })),
];
const PLATFORM_OPTIONS: Option[] = [
  { value: 'any', label: 'Any platform' },
  ...PLATFORMS.map((platform) => ({ value: platform, label: PLATFORM_LABELS[platform] })),
];
const TONE_OPTIONS: Option[] = TONES.map((tone) => ({ value: tone, label: tone[0]!.toUpperCase() + tone.slice(1) }));
const KIND_LABELS: Record<(typeof REPLY_KINDS)[number], string> = { public: 'Public reply', private: 'Private message' };
const STRATEGY_OPTIONS: Option[] = [
  { value: '', label: STRATEGY_LABELS.move_private },
  ...STRATEGIES.filter((strategy) => strategy !== 'move_private').map((strategy) => ({
    value: strategy,
    label: STRATEGY_LABELS[strategy],
  })),
];
const INDUSTRY_OPTIONS: Option[] = [
  { value: '', label: 'Any industry' },
  ...INDUSTRIES.map((industry) => ({ value: industry, label: INDUSTRY_LABELS[industry] })),
];
const LANGUAGE_OPTIONS: Option[] = [
  { value: '', label: 'English' },
  { value: 'es', label: 'Spanish (posts in Spanish)' },
];
const KIND_OPTIONS: Option[] = REPLY_KINDS.map((kind) => ({ value: kind, label: KIND_LABELS[kind] }));

function SelectField({
  label,
  value,
  options,
  errors,
  onChange,
}: {
  label: string;
  value: string;
  options: Option[];
  errors: readonly string[];
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="options-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={errors.length > 0 ? `${id}-errors` : undefined}
        onChange={(event) => onChange(event.target.value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldErrors id={`${id}-errors`} errors={errors} />
    </div>
  );
}

/**
 * Add or edit one template. Checked with ReplyTemplateSchema as you type (a field's errors
 * show once it was changed, or all of them after a refused submit) and linted as a reply.
 */
export function TemplateEditor({
  initial,
  isNew,
  others,
  sample,
  onSubmit,
  onCancel,
}: {
  initial: TemplateDraft;
  isNew: boolean;
  /** The team's other templates: the id must differ from theirs. */
  others: readonly ReplyTemplate[];
  /** Brand and signature the preview is rendered with. */
  sample: { brandName: string; signature: string };
  onSubmit: (template: ReplyTemplate) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const [touched, setTouched] = useState<ReadonlySet<Field>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const check = useMemo(() => checkTemplateDraft(draft, others), [draft, others]);
  const preview = useMemo(() => previewTemplate(draft, sample), [draft, sample]);

  const change = (field: Field, value: string) => {
    setDraft({ ...draft, [field]: value });
    setTouched(new Set(touched).add(field));
  };
  const errorsOf = (field: Field) => (check.ok || !(submitted || touched.has(field)) ? [] : messagesAt(check.issues, [field]));
  const submit = () => {
    setSubmitted(true);
    if (check.ok) onSubmit(check.template);
  };

  const title = isNew ? 'New template' : `Edit template "${initial.id}"`;
  return (
    <fieldset className="options-template-editor" data-testid="options-template-editor">
      <legend>{title}</legend>
      <div className="options-brand-grid">
        <TextField
          name="templateId"
          label="Template id"
          placeholder="refund-delay-x"
          hint='Lowercase letters, digits, "_", "." and "-"; unique among your templates.'
          maxLength={100}
          value={draft.id}
          errors={errorsOf('id')}
          onChange={(value) => change('id', value)}
        />
        <SelectField
          label="Category"
          value={draft.category}
          options={CATEGORY_OPTIONS}
          errors={errorsOf('category')}
          onChange={(value) => change('category', value)}
        />
        <SelectField
          label="Platform"
          value={draft.platform}
          options={PLATFORM_OPTIONS}
          errors={errorsOf('platform')}
          onChange={(value) => change('platform', value)}
        />
        <SelectField
          label="Tone"
          value={draft.tone}
          options={TONE_OPTIONS}
          errors={errorsOf('tone')}
          onChange={(value) => change('tone', value)}
        />
        <SelectField
          label="Kind"
          value={draft.kind}
          options={KIND_OPTIONS}
          errors={errorsOf('kind')}
          onChange={(value) => change('kind', value)}
        />
        <SelectField
          label="Strategy"
          value={draft.strategy}
          options={STRATEGY_OPTIONS}
          errors={errorsOf('strategy')}
          onChange={(value) => change('strategy', value)}
        />
        <SelectField
          label="Industry"
          value={draft.industry}
          options={INDUSTRY_OPTIONS}
          errors={errorsOf('industry')}
          onChange={(value) => change('industry', value)}
        />
        <SelectField
          label="Language"
          value={draft.language}
          options={LANGUAGE_OPTIONS}
          errors={errorsOf('language')}
          onChange={(value) => change('language', value)}
        />
      </div>
      <div className="options-field">
        <label htmlFor={`${id}-body`}>Body</label>
        <textarea
          id={`${id}-body`}
          name="templateBody"
          rows={5}
          maxLength={MAX_TEMPLATE_BODY}
          value={draft.body}
          aria-invalid={errorsOf('body').length > 0 || undefined}
          aria-describedby={`${id}-variables ${id}-body-errors`}
          onChange={(event) => change('body', event.target.value)}
        />
        <FieldErrors id={`${id}-body-errors`} errors={errorsOf('body')} />
        <div id={`${id}-variables`} className="options-hint">
          Variables you can use (anything else in braces is refused):
          <ul className="options-variables" data-testid="options-template-variables">
            {TEMPLATE_VARIABLES.map((name) => (
              <li key={name}>
                <code>{`{${name}}`}</code> {TEMPLATE_VARIABLE_HELP[name]}
              </li>
            ))}
          </ul>
        </div>
      </div>
      <TemplateLint preview={preview} anyPlatform={draft.platform === 'any'} />
      <div className="options-row">
        <button type="button" className="primary" onClick={submit} data-testid="options-template-submit">
          {isNew ? 'Add template' : 'Update template'}
        </button>
        <button type="button" onClick={onCancel} data-testid="options-template-cancel">
          Cancel
        </button>
        <span className="options-hint">Then Save to store it.</span>
      </div>
    </fieldset>
  );
}
