import { useId } from 'react';
import { t } from '../../lib/i18n/t';

/** An example signature, the same in every language. */
const SIGNATURE_EXAMPLE = '^Dana';

export function SignatureField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <section className="options-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('options.replies')}</h2>
      <div className="options-field">
        <label htmlFor={id}>{t('options.signature')}</label>
        <input
          id={id}
          name="agentSignature"
          type="text"
          maxLength={50}
          placeholder={SIGNATURE_EXAMPLE}
          value={value}
          aria-describedby={`${id}-hint`}
          onChange={(event) => onChange(event.target.value)}
        />
        <p id={`${id}-hint`} className="options-hint">
          {t('options.signatureHint')}
        </p>
      </div>
    </section>
  );
}
