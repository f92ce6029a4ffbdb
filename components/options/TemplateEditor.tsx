import { useId, useMemo, useState } from 'react';
import { INDUSTRIES } from '../../lib/domain/industry';
import { PLATFORMS } from '../../lib/domain/post';
import { CATEGORY_IDS } from '../../lib/domain/triage';
import { t } from '../../lib/i18n/t';
import { MAX_TEMPLATE_BODY, REPLY_KINDS, TEMPLATE_VARIABLES, STRATEGIES, TONES, type ReplyTemplate } from '../../lib/replies/templates';
import { messagesAt } from '../../lib/validation/issues';
import { checkTemplateDraft, previewTemplate, type TemplateDraft } from '../../lib/settings/template-draft';
import { PLATFORM_LABELS } from '../common/labels';
import { TemplateLint } from './TemplateLint';
import { FieldErrors, TextField } from './TextField';

type Field = keyof TemplateDraft;
type Option = { value: string; label: string };

/** The choices of each select, worded in the UI language (so built when rendering). */
function selectOptions() {
  return {
    category: [
      { value: 'any', label: t('options.anyCategory') },
      ...CATEGORY_IDS.map((category) => ({ value: category, label: t(`category.${category}`) })),
    ],
    platform: [
      { value: 'any', label: t('options.anyPlatform') },
      ...PLATFORMS.map((platform) => ({ value: platform, label: PLATFORM_LABELS[platform] })),
    ],
    tone: TONES.map((tone) => ({ value: tone, label: t(`tone.${tone}`) })),
    kind: REPLY_KINDS.map((kind) => ({ value: kind, label: t(kind === 'public' ? 'options.publicReply' : 'options.privateMessage') })),
    strategy: [
      { value: '', label: t('strategy.move_private') },
      ...STRATEGIES.filter((strategy) => strategy !== 'move_private').map((strategy) => ({
        value: strategy,
        label: t(`strategy.${strategy}`),
      })),
    ],
    industry: [
      { value: '', label: t('options.anyIndustry') },
      ...INDUSTRIES.map((industry) => ({ value: industry, label: t(`industry.${industry}`) })),
    ],
    language: [
      { value: '', label: t('options.english') },
      { value: 'es', label: t('options.spanishPosts') },
    ],
  } satisfies Record<string, Option[]>;
}

/** An example id, the same in every language. */
const ID_EXAMPLE = 'refund-delay-x';

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

  const title = isNew ? t('options.newTemplate') : t('options.editTemplate', { id: initial.id });
  const options = selectOptions();
  return (
    <fieldset className="options-template-editor" data-testid="options-template-editor">
      <legend>{title}</legend>
      <div className="options-brand-grid">
        <TextField
          name="templateId"
          label={t('options.templateId')}
          placeholder={ID_EXAMPLE}
          hint={t('options.templateIdHint')}
          maxLength={100}
          value={draft.id}
          errors={errorsOf('id')}
          onChange={(value) => change('id', value)}
        />
        <SelectField
          label={t('options.category')}
          value={draft.category}
          options={options.category}
          errors={errorsOf('category')}
          onChange={(value) => change('category', value)}
        />
        <SelectField
          label={t('options.platform')}
          value={draft.platform}
          options={options.platform}
          errors={errorsOf('platform')}
          onChange={(value) => change('platform', value)}
        />
        <SelectField
          label={t('options.tone')}
          value={draft.tone}
          options={options.tone}
          errors={errorsOf('tone')}
          onChange={(value) => change('tone', value)}
        />
        <SelectField
          label={t('options.kind')}
          value={draft.kind}
          options={options.kind}
          errors={errorsOf('kind')}
          onChange={(value) => change('kind', value)}
        />
        <SelectField
          label={t('options.strategy')}
          value={draft.strategy}
          options={options.strategy}
          errors={errorsOf('strategy')}
          onChange={(value) => change('strategy', value)}
        />
        <SelectField
          label={t('options.industry')}
          value={draft.industry}
          options={options.industry}
          errors={errorsOf('industry')}
          onChange={(value) => change('industry', value)}
        />
        <SelectField
          label={t('options.language')}
          value={draft.language}
          options={options.language}
          errors={errorsOf('language')}
          onChange={(value) => change('language', value)}
        />
      </div>
      <div className="options-field">
        <label htmlFor={`${id}-body`}>{t('options.body')}</label>
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
          {t('options.variables')}
          <ul className="options-variables" data-testid="options-template-variables">
            {TEMPLATE_VARIABLES.map((name) => (
              <li key={name}>
                <code>{`{${name}}`}</code> {t(`options.variable.${name}`)}
              </li>
            ))}
          </ul>
        </div>
      </div>
      <TemplateLint preview={preview} anyPlatform={draft.platform === 'any'} />
      <div className="options-row">
        <button type="button" className="primary" onClick={submit} data-testid="options-template-submit">
          {isNew ? t('options.addTemplate') : t('options.updateTemplate')}
        </button>
        <button type="button" onClick={onCancel} data-testid="options-template-cancel">
          {t('options.cancel')}
        </button>
        <span className="options-hint">{t('options.thenSave')}</span>
      </div>
    </fieldset>
  );
}
