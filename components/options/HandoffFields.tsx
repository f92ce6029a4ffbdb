import { useId } from 'react';
import { DEFAULT_CONTACT_FORM_PARAM, type HandoffDraft } from '../../lib/settings/handoff-draft';
import { t } from '../../lib/i18n/t';
import { messagesAt, type ValidationIssue } from '../../lib/validation/issues';
import { TextField } from './TextField';

/** Example values: names and addresses, the same in every language. */
const EXAMPLES = {
  messengerPage: 'AcmeAir',
  email: 'support@example.com',
  subjectPrefix: '[Acme Care]',
  contactForm: 'https://example.com/contact',
};

/**
 * One brand's private channels. `issues` are the live validation issues of the whole form;
 * only those under brands[brandIndex].handoff are shown here, next to their field.
 */
export function HandoffFields({
  draft,
  brandIndex,
  issues,
  onChange,
}: {
  draft: HandoffDraft;
  brandIndex: number;
  issues: readonly ValidationIssue[];
  onChange: (patch: Partial<HandoffDraft>) => void;
}) {
  const id = useId();
  const at = (...path: string[]) => messagesAt(issues, ['brands', brandIndex, 'handoff', ...path]);
  return (
    <fieldset className="options-handoff" data-testid={`options-handoff-${brandIndex}`}>
      <legend>{t('options.handoff')}</legend>
      <p className="options-hint">{t('options.handoffHint')}</p>
      <div className="options-field options-checkbox">
        <input
          id={`${id}-dm`}
          name="xDm"
          type="checkbox"
          checked={draft.xDm}
          onChange={(event) => onChange({ xDm: event.target.checked })}
        />
        <label htmlFor={`${id}-dm`}>{t('options.handoffDm')}</label>
      </div>
      <div className="options-brand-grid">
        <TextField
          name="messengerPage"
          label={t('options.messengerPage')}
          placeholder={EXAMPLES.messengerPage}
          hint={t('options.messengerPageHint')}
          value={draft.messengerPage}
          errors={at('facebook', 'messengerPage')}
          onChange={(messengerPage) => onChange({ messengerPage })}
        />
        <TextField
          name="emailAddress"
          label={t('options.supportEmail')}
          inputMode="email"
          placeholder={EXAMPLES.email}
          hint={t('options.supportEmailHint')}
          value={draft.emailAddress}
          errors={[...at('email'), ...at('email', 'address')]}
          onChange={(emailAddress) => onChange({ emailAddress })}
        />
        <TextField
          name="emailSubjectPrefix"
          label={t('options.emailPrefix')}
          placeholder={EXAMPLES.subjectPrefix}
          hint={t('options.emailPrefixHint')}
          maxLength={100}
          value={draft.emailSubjectPrefix}
          errors={at('email', 'subjectPrefix')}
          onChange={(emailSubjectPrefix) => onChange({ emailSubjectPrefix })}
        />
        <TextField
          name="contactFormUrl"
          label={t('options.contactForm')}
          inputMode="url"
          placeholder={EXAMPLES.contactForm}
          hint={t('options.contactFormHint')}
          value={draft.contactFormUrl}
          errors={[...at('contactForm'), ...at('contactForm', 'url')]}
          onChange={(contactFormUrl) => onChange({ contactFormUrl })}
        />
        <TextField
          name="contactFormParam"
          label={t('options.contactFormParam')}
          placeholder={DEFAULT_CONTACT_FORM_PARAM}
          hint={t('options.contactFormParamHint', { param: DEFAULT_CONTACT_FORM_PARAM })}
          value={draft.contactFormParam}
          errors={at('contactForm', 'param')}
          onChange={(contactFormParam) => onChange({ contactFormParam })}
        />
      </div>
    </fieldset>
  );
}
