import { useId } from 'react';
import { DEFAULT_CONTACT_FORM_PARAM, type HandoffDraft } from '../../lib/settings/handoff-draft';
import { messagesAt, type ValidationIssue } from '../../lib/validation/issues';
import { TextField } from './TextField';

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
      <legend>Private channels</legend>
      <p className="options-hint">
        Where a complaint moves when details must not be public. Leave a channel blank if the brand does not use it.
      </p>
      <div className="options-field options-checkbox">
        <input
          id={`${id}-dm`}
          name="xDm"
          type="checkbox"
          checked={draft.xDm}
          onChange={(event) => onChange({ xDm: event.target.checked })}
        />
        <label htmlFor={`${id}-dm`}>Offer X direct messages</label>
      </div>
      <div className="options-brand-grid">
        <TextField
          name="messengerPage"
          label="Messenger page"
          placeholder="AcmeAir"
          hint="The Page username from m.me/<username>; customers get an m.me link."
          value={draft.messengerPage}
          errors={at('facebook', 'messengerPage')}
          onChange={(messengerPage) => onChange({ messengerPage })}
        />
        <TextField
          name="emailAddress"
          label="Support email"
          inputMode="email"
          placeholder="support@example.com"
          hint="Customers write here with the case reference in the subject."
          value={draft.emailAddress}
          errors={[...at('email'), ...at('email', 'address')]}
          onChange={(emailAddress) => onChange({ emailAddress })}
        />
        <TextField
          name="emailSubjectPrefix"
          label="Email subject prefix"
          placeholder="[Acme Care]"
          hint='Put before "Case CS-…" in the subject. Optional.'
          maxLength={100}
          value={draft.emailSubjectPrefix}
          errors={at('email', 'subjectPrefix')}
          onChange={(emailSubjectPrefix) => onChange({ emailSubjectPrefix })}
        />
        <TextField
          name="contactFormUrl"
          label="Contact form URL"
          inputMode="url"
          placeholder="https://example.com/contact"
          hint="https only. The case reference is added to it as a query parameter."
          value={draft.contactFormUrl}
          errors={[...at('contactForm'), ...at('contactForm', 'url')]}
          onChange={(contactFormUrl) => onChange({ contactFormUrl })}
        />
        <TextField
          name="contactFormParam"
          label="Contact form parameter"
          placeholder={DEFAULT_CONTACT_FORM_PARAM}
          hint={`Query parameter that carries the case reference (default "${DEFAULT_CONTACT_FORM_PARAM}").`}
          value={draft.contactFormParam}
          errors={at('contactForm', 'param')}
          onChange={(contactFormParam) => onChange({ contactFormParam })}
        />
      </div>
    </fieldset>
  );
}
