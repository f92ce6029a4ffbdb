import { useId, type FormEvent, type ReactNode } from 'react';
import { t } from '../../lib/i18n/t';
import { embed } from '../common/embed';
import { IndustrySelect } from '../common/IndustrySelect';
import type { BrandDraft } from '../../lib/settings/brand-form';

/** An address, the same in every language. */
const YELP_EXAMPLE = 'https://www.yelp.com/biz/acme-air-san-francisco';

export type BrandStepField = 'name' | 'handlesX' | 'handlesFacebook' | 'handlesYelp';

/** Step 1: the first brand's name, industry, own accounts and Yelp page. Presentational. */
export function BrandStep({
  draft,
  errors,
  problems,
  saving,
  onChange,
  onSubmit,
  children,
}: {
  draft: BrandDraft;
  /** Problems per field, shown under it. */
  errors: Partial<Record<BrandStepField, string[]>>;
  /** Every problem in one sentence each, shown above the button after a refused save. */
  problems: readonly string[];
  saving: boolean;
  onChange: (patch: Partial<BrandDraft>) => void;
  onSubmit: () => void;
  /** More of the first step's fields (you as an agent), before the problems and the button. */
  children?: ReactNode;
}) {
  const industryId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="welcome-card" noValidate onSubmit={submit} data-testid="welcome-brand-form">
      <h2>{t('welcome.brandTitle')}</h2>
      <p className="welcome-lead">{t('welcome.brandLead')}</p>
      <Field label={t('welcome.brandName')} name="name" errors={errors.name} hint={t('welcome.brandNameHint')}>
        {(props) => (
          <input {...props} type="text" maxLength={100} value={draft.name} onChange={(event) => onChange({ name: event.target.value })} />
        )}
      </Field>
      <div className="welcome-field">
        <label htmlFor={industryId}>{t('welcome.industry')}</label>
        <IndustrySelect id={industryId} value={draft.industry} onChange={(industry) => onChange({ industry })} />
        <p id={`${industryId}-hint`} className="welcome-hint">
          {t('welcome.industryHint')}
        </p>
      </div>

      <h3>{t('welcome.ownAccounts')}</h3>
      <p className="welcome-callout">
        {embed((m) => t('welcome.ownAccountsCallout', m), {
          mention: <strong>{t('welcome.ownAccountsMention')}</strong>,
          by: <strong>{t('welcome.ownAccountsBy')}</strong>,
        })}
      </p>
      <div className="welcome-grid">
        <Field label={t('options.handlesX')} name="handlesX" errors={errors.handlesX} hint={t('welcome.handlesXHint')}>
          {(props) => (
            <textarea
              {...props}
              rows={3}
              spellCheck={false}
              value={draft.handlesX}
              onChange={(event) => onChange({ handlesX: event.target.value })}
            />
          )}
        </Field>
        <Field
          label={t('options.handlesFacebook')}
          name="handlesFacebook"
          errors={errors.handlesFacebook}
          hint={t('welcome.handlesFacebookHint')}
        >
          {(props) => (
            <textarea
              {...props}
              rows={3}
              spellCheck={false}
              value={draft.handlesFacebook}
              onChange={(event) => onChange({ handlesFacebook: event.target.value })}
            />
          )}
        </Field>
      </div>
      <Field label={t('welcome.yelpPage')} name="handlesYelp" errors={errors.handlesYelp} hint={t('welcome.yelpPageHint')}>
        {(props) => (
          <input
            {...props}
            type="text"
            spellCheck={false}
            placeholder={YELP_EXAMPLE}
            value={draft.handlesYelp}
            onChange={(event) => onChange({ handlesYelp: event.target.value })}
          />
        )}
      </Field>

      {children}
      {problems.length > 0 && (
        <div className="welcome-problems" role="alert" data-testid="welcome-problems">
          <p>{t('welcome.notSaved')}</p>
          <ul>
            {problems.map((problem, index) => (
              <li key={index}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="welcome-actions">
        <button type="submit" className="primary" disabled={saving} data-testid="welcome-save">
          {saving ? t('welcome.saving') : t('welcome.save')}
        </button>
        <span className="welcome-hint">{t('welcome.changeLater')}</span>
      </div>
    </form>
  );
}

interface ControlProps {
  id: string;
  name: string;
  'aria-invalid'?: boolean;
  'aria-describedby': string;
}

/** Label, control, hint and problems of one field. */
export function Field({
  label,
  name,
  hint,
  errors = [],
  children,
}: {
  label: string;
  name: string;
  hint: string;
  errors?: readonly string[];
  children: (props: ControlProps) => ReactNode;
}) {
  const id = useId();
  const describedBy = [`${id}-hint`, errors.length > 0 ? `${id}-errors` : ''].filter(Boolean).join(' ');
  return (
    <div className="welcome-field">
      <label htmlFor={id}>{label}</label>
      {children({ id, name, 'aria-invalid': errors.length > 0 || undefined, 'aria-describedby': describedBy })}
      <p id={`${id}-hint`} className="welcome-hint">
        {hint}
      </p>
      {errors.length > 0 && (
        <ul id={`${id}-errors`} className="welcome-errors">
          {errors.map((error, index) => (
            <li key={index}>{error}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
