import { useId } from 'react';
import { t } from '../../lib/i18n/t';
import { strategyOf, type ReplyTemplate } from '../../lib/replies/templates';
import { emptyTemplateDraft, templateDraftFrom, upsertTemplate } from '../../lib/settings/template-draft';
import { PLATFORM_LABELS } from '../common/labels';
import { TemplateEditor } from './TemplateEditor';

/** Which template the editor is open on: null id = a new one. */
export type TemplateEditing = { id: string | null } | null;

function describe(template: ReplyTemplate): string {
  const category = template.category === 'any' ? t('options.anyCategory') : t(`category.${template.category}`);
  const platform = template.platform === 'any' ? t('options.anyPlatformLower') : PLATFORM_LABELS[template.platform];
  const kind =
    template.kind === 'public'
      ? t('options.publicReplyStrategy', { strategy: t(`strategy.${strategyOf(template)}`).toLowerCase() })
      : t('options.privateMessageLower');
  const industry = template.industry === undefined ? [] : [t('options.industryBrands', { industry: t(`industry.${template.industry}`) })];
  const language = template.language === 'es' ? [t('options.inSpanish')] : [];
  return [category, platform, t(`tone.${template.tone}`).toLowerCase(), kind, ...industry, ...language].join(' · ');
}

/** The team's reply templates: list, add, edit, delete. Changes stay in the form until Save. */
export function TemplatesSection({
  templates,
  editing,
  sample,
  onChange,
  onEditingChange,
}: {
  templates: readonly ReplyTemplate[];
  editing: TemplateEditing;
  sample: { brandName: string; signature: string };
  onChange: (templates: ReplyTemplate[]) => void;
  onEditingChange: (editing: TemplateEditing) => void;
}) {
  const id = useId();
  const edited = editing?.id == null ? undefined : templates.find((template) => template.id === editing.id);

  return (
    <section className="options-section" aria-labelledby={`${id}-heading`} data-testid="options-templates">
      <h2 id={`${id}-heading`}>{t('options.templates')}</h2>
      <p className="options-hint">{t('options.templatesHint')}</p>
      {templates.length === 0 ? (
        <p className="options-empty">{t('options.noTemplates')}</p>
      ) : (
        <ul className="options-templates">
          {templates.map((template) => (
            <li key={template.id} className="options-template" data-testid="options-template" data-template-id={template.id}>
              <div className="options-template-head">
                <code>{template.id}</code> <span className="options-hint">{describe(template)}</span>
              </div>
              <p className="options-template-body">{template.body}</p>
              <div className="options-row">
                <button
                  type="button"
                  aria-label={t('options.editItem', { name: template.id })}
                  disabled={editing !== null}
                  onClick={() => onEditingChange({ id: template.id })}
                  data-testid="options-template-edit"
                >
                  {t('options.edit')}
                </button>
                <button
                  type="button"
                  className="options-remove"
                  aria-label={t('options.deleteItem', { name: template.id })}
                  disabled={editing !== null}
                  onClick={() => onChange(templates.filter((other) => other.id !== template.id))}
                  data-testid="options-template-delete"
                >
                  {t('options.delete')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {editing ? (
        <TemplateEditor
          // A fresh editor per template, so its fields start from that template.
          key={editing.id ?? '(new)'}
          initial={edited ? templateDraftFrom(edited) : emptyTemplateDraft()}
          isNew={!edited}
          others={templates.filter((template) => template.id !== edited?.id)}
          sample={sample}
          onSubmit={(template) => {
            onChange(upsertTemplate(templates, template, edited?.id ?? null));
            onEditingChange(null);
          }}
          onCancel={() => onEditingChange(null)}
        />
      ) : (
        <button type="button" onClick={() => onEditingChange({ id: null })} data-testid="options-template-add">
          {t('options.addTemplate')}
        </button>
      )}
    </section>
  );
}
