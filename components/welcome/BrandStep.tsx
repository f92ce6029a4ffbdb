import { useId, type FormEvent, type ReactNode } from 'react';
import { IndustrySelect } from '../common/IndustrySelect';
import type { BrandDraft } from '../../lib/settings/brand-form';
import { HANDLE_FIELD_TEXT } from '../../lib/settings/brand-field-text';

export type BrandStepField = 'name' | 'handlesX' | 'handlesFacebook' | 'handlesYelp';

/** Step 1: the first brand's name, industry, own accounts and Yelp page. Presentational. */
export function BrandStep({
  draft,
  errors,
  problems,
  saving,
  onChange,
  onSubmit,
}: {
  draft: BrandDraft;
  /** Problems per field, shown under it. */
  errors: Partial<Record<BrandStepField, string[]>>;
  /** Every problem in one sentence each, shown above the button after a refused save. */
  problems: readonly string[];
  saving: boolean;
  onChange: (patch: Partial<BrandDraft>) => void;
  onSubmit: () => void;
}) {
  const industryId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="welcome-card" noValidate onSubmit={submit} data-testid="welcome-brand-form">
      <h2>Set up your first brand</h2>
      <p className="welcome-lead">
        CareSide flags posts on X, Facebook and Yelp that mention this brand, so you can log and answer complaints as you browse.
      </p>
      <Field
        label="Brand name"
        name="name"
        errors={errors.name}
        hint="As customers write it, e.g. Acme Air. Add other spellings later in settings."
      >
        {(props) => (
          <input {...props} type="text" maxLength={100} value={draft.name} onChange={(event) => onChange({ name: event.target.value })} />
        )}
      </Field>
      <div className="welcome-field">
        <label htmlFor={industryId}>Industry</label>
        <IndustrySelect id={industryId} value={draft.industry} onChange={(industry) => onChange({ industry })} />
        <p id={`${industryId}-hint`} className="welcome-hint">
          Suggested replies use its words: a flight, an order, a table, an account.
        </p>
      </div>

      <h3>The brand&apos;s own accounts</h3>
      <p className="welcome-callout">
        Posts that <strong>@mention</strong> these accounts count as mentions of the brand, even when they never write its name. Posts{' '}
        <strong>by</strong> them are the brand&apos;s own replies and are never flagged. Type the handle (AcmeAirHelp or @AcmeAirHelp) or
        paste the profile address.
      </p>
      <div className="welcome-grid">
        <Field
          label={HANDLE_FIELD_TEXT.handlesX.label}
          name="handlesX"
          errors={errors.handlesX}
          hint="One per line, e.g. AcmeAir and AcmeAirHelp."
        >
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
          label={HANDLE_FIELD_TEXT.handlesFacebook.label}
          name="handlesFacebook"
          errors={errors.handlesFacebook}
          hint="Page usernames, one per line, e.g. AcmeAir (from facebook.com/AcmeAir)."
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
      <Field
        label="Yelp business page"
        name="handlesYelp"
        errors={errors.handlesYelp}
        hint="Paste its address (yelp.com/biz/…) or the id after /biz/. Leave blank if the brand is not on Yelp."
      >
        {(props) => (
          <input
            {...props}
            type="text"
            spellCheck={false}
            placeholder="https://www.yelp.com/biz/acme-air-san-francisco"
            value={draft.handlesYelp}
            onChange={(event) => onChange({ handlesYelp: event.target.value })}
          />
        )}
      </Field>

      {problems.length > 0 && (
        <div className="welcome-problems" role="alert" data-testid="welcome-problems">
          <p>Not saved yet. Fix these first:</p>
          <ul>
            {problems.map((problem, index) => (
              <li key={index}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="welcome-actions">
        <button type="submit" className="primary" disabled={saving} data-testid="welcome-save">
          {saving ? 'Saving…' : 'Save and continue'}
        </button>
        <span className="welcome-hint">You can change all of this later in CareSide settings.</span>
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
function Field({
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
