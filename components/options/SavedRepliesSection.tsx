import { useId, useMemo, useState } from 'react';
import { t } from '../../lib/i18n/t';
import { MAX_TEMPLATE_BODY } from '../../lib/replies/templates';
import type { SavedReply } from '../../lib/replies/saved-replies';
import { checkSavedReplyDraft, previewSavedReply, upsertSavedReply, type SavedReplyDraft } from '../../lib/settings/saved-reply-draft';
import { messagesAt } from '../../lib/validation/issues';
import { embed } from '../common/embed';
import { TemplateLint } from './TemplateLint';
import { FieldErrors, TextField } from './TextField';

/** Variable names, the same in every language. */
const VARIABLE_EXAMPLES = '{firstName}, {caseRef}, {signature}';

/** Which saved reply the editor is open on: null id = a new one. */
export type SavedReplyEditing = { id: string | null; brandId: string } | null;

interface BrandOption {
  id: string;
  name: string;
}

/**
 * Each brand's saved replies: list, add, edit, delete. Agents insert them by typing "/" in the
 * case panel's reply box. Changes stay in the form until Save.
 */
export function SavedRepliesSection({
  brands,
  replies,
  editing,
  sample,
  onChange,
  onEditingChange,
}: {
  /** Saved brands (a brand added in this form has no id until it is saved). */
  brands: readonly BrandOption[];
  replies: readonly SavedReply[];
  editing: SavedReplyEditing;
  sample: { brandName: string; signature: string };
  onChange: (replies: SavedReply[]) => void;
  onEditingChange: (editing: SavedReplyEditing) => void;
}) {
  const id = useId();
  const known = new Set(brands.map((brand) => brand.id));
  const groups = [
    ...brands.map((brand) => ({ key: brand.id, name: brand.name, brandId: brand.id })),
    // Replies of a brand since removed: listed so they can be deleted, never offered.
    ...(replies.some((reply) => !known.has(reply.brandId)) ? [{ key: '(removed)', name: t('options.removedBrands'), brandId: null }] : []),
  ];
  const edited = editing?.id == null ? undefined : replies.find((reply) => reply.id === editing.id);

  return (
    <section className="options-section" aria-labelledby={`${id}-heading`} data-testid="options-saved-replies">
      <h2 id={`${id}-heading`}>{t('options.savedReplies')}</h2>
      <p className="options-hint">{embed((m) => t('options.savedRepliesHint', m), { slash: <kbd>/</kbd> })}</p>
      {brands.length === 0 ? <p className="options-empty">{t('options.savedRepliesNoBrand')}</p> : null}
      {groups.map((group) => {
        const own = replies.filter((reply) => (group.brandId === null ? !known.has(reply.brandId) : reply.brandId === group.brandId));
        return (
          <div key={group.key} className="options-saved-group" data-testid="options-saved-group" data-brand-id={group.brandId ?? ''}>
            <h3>{group.name}</h3>
            {own.length === 0 ? <p className="options-empty">{t('options.noSavedReplies')}</p> : null}
            <ul className="options-templates">
              {own.map((reply) => (
                <li key={reply.id} className="options-template" data-testid="options-saved-reply" data-saved-reply-id={reply.id}>
                  <div className="options-template-head">
                    <strong>{reply.title}</strong>
                  </div>
                  <p className="options-template-body">{reply.body}</p>
                  <div className="options-row">
                    {group.brandId !== null ? (
                      <button
                        type="button"
                        aria-label={t('options.editSavedReply', { title: reply.title })}
                        disabled={editing !== null}
                        onClick={() => onEditingChange({ id: reply.id, brandId: reply.brandId })}
                      >
                        {t('options.edit')}
                      </button>
                    ) : null}
                    <button
                      type="button"
                      className="options-remove"
                      aria-label={t('options.deleteSavedReply', { title: reply.title })}
                      disabled={editing !== null}
                      onClick={() => onChange(replies.filter((other) => other.id !== reply.id))}
                    >
                      {t('options.delete')}
                    </button>
                  </div>
                </li>
              ))}
            </ul>
            {group.brandId !== null && editing?.brandId === group.brandId ? (
              <SavedReplyEditor
                key={editing.id ?? '(new)'}
                initial={edited ?? { brandId: group.brandId, title: '', body: '' }}
                keepId={edited?.id ?? null}
                others={replies.filter((other) => other.id !== edited?.id)}
                sample={{ ...sample, brandName: group.name }}
                onSubmit={(reply) => {
                  onChange(upsertSavedReply(replies, reply, edited?.id ?? null));
                  onEditingChange(null);
                }}
                onCancel={() => onEditingChange(null)}
              />
            ) : group.brandId !== null ? (
              <button
                type="button"
                disabled={editing !== null}
                onClick={() => onEditingChange({ id: null, brandId: group.brandId })}
                data-testid="options-saved-reply-add"
              >
                {t('options.addSavedReplyFor', { brand: group.name })}
              </button>
            ) : null}
          </div>
        );
      })}
    </section>
  );
}

function SavedReplyEditor({
  initial,
  keepId,
  others,
  sample,
  onSubmit,
  onCancel,
}: {
  initial: SavedReplyDraft;
  keepId: string | null;
  others: readonly SavedReply[];
  sample: { brandName: string; signature: string };
  onSubmit: (reply: SavedReply) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState<SavedReplyDraft>({ brandId: initial.brandId, title: initial.title, body: initial.body });
  const [submitted, setSubmitted] = useState(false);
  const check = useMemo(() => checkSavedReplyDraft(draft, others, keepId), [draft, others, keepId]);
  const preview = useMemo(() => previewSavedReply(draft.body, sample), [draft.body, sample]);
  const errorsOf = (field: keyof SavedReplyDraft) => (check.ok || !submitted ? [] : messagesAt(check.issues, [field]));
  const submit = () => {
    setSubmitted(true);
    if (check.ok) onSubmit(check.reply);
  };
  return (
    <fieldset className="options-template-editor" data-testid="options-saved-reply-editor">
      <legend>
        {keepId === null
          ? t('options.newSavedReplyFor', { brand: sample.brandName })
          : t('options.editSavedReplyTitle', { title: initial.title })}
      </legend>
      <TextField
        name="savedReplyTitle"
        label={t('options.titleField')}
        placeholder={t('options.savedReplyTitleExample')}
        hint={t('options.savedReplyTitleHint')}
        maxLength={100}
        value={draft.title}
        errors={errorsOf('title')}
        onChange={(title) => setDraft({ ...draft, title })}
      />
      <div className="options-field">
        <label htmlFor={`${id}-body`}>{t('options.reply')}</label>
        <textarea
          id={`${id}-body`}
          name="savedReplyBody"
          rows={4}
          maxLength={MAX_TEMPLATE_BODY}
          value={draft.body}
          aria-invalid={errorsOf('body').length > 0 || undefined}
          aria-describedby={`${id}-body-hint ${id}-body-errors`}
          onChange={(event) => setDraft({ ...draft, body: event.target.value })}
        />
        <FieldErrors id={`${id}-body-errors`} errors={errorsOf('body')} />
        <p id={`${id}-body-hint`} className="options-hint">
          {t('options.savedReplyBodyHint', { examples: VARIABLE_EXAMPLES })}
        </p>
      </div>
      <TemplateLint preview={preview} anyPlatform />
      <div className="options-row">
        <button type="button" className="primary" onClick={submit} data-testid="options-saved-reply-submit">
          {keepId === null ? t('options.addSavedReply') : t('options.updateSavedReply')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('options.cancel')}
        </button>
        <span className="options-hint">{t('options.thenSave')}</span>
      </div>
    </fieldset>
  );
}
