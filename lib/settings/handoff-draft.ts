import { DEFAULT_HANDOFF_CONFIG, type HandoffChannelConfig, type HandoffChannelConfigInput } from '../domain/brand-handoff';

/** The parameter a contact form gets when none is set (HandoffChannelConfigSchema's default). */
export const DEFAULT_CONTACT_FORM_PARAM = 'case';

/** A brand's private channels as the options form edits them: plain strings, '' = not set. */
export interface HandoffDraft {
  xDm: boolean;
  messengerPage: string;
  emailAddress: string;
  emailSubjectPrefix: string;
  contactFormUrl: string;
  contactFormParam: string;
}

export function handoffDraftFrom(config: HandoffChannelConfig): HandoffDraft {
  return {
    xDm: config.x.dm,
    messengerPage: config.facebook.messengerPage ?? '',
    emailAddress: config.email?.address ?? '',
    emailSubjectPrefix: config.email?.subjectPrefix ?? '',
    contactFormUrl: config.contactForm?.url ?? '',
    contactFormParam: config.contactForm?.param ?? '',
  };
}

export function emptyHandoffDraft(): HandoffDraft {
  return handoffDraftFrom(DEFAULT_HANDOFF_CONFIG);
}

/**
 * Form state -> unvalidated config. A channel left blank is not configured. A subject prefix
 * without an address (or a custom parameter without a URL) is kept, so validation says the
 * address (URL) is missing instead of silently dropping what the user typed.
 */
export function handoffInputFromDraft(draft: HandoffDraft): HandoffChannelConfigInput {
  const messengerPage = draft.messengerPage.trim();
  const address = draft.emailAddress.trim();
  const subjectPrefix = draft.emailSubjectPrefix.trim();
  const url = draft.contactFormUrl.trim();
  const param = draft.contactFormParam.trim();
  const wantsEmail = address !== '' || subjectPrefix !== '';
  const wantsForm = url !== '' || (param !== '' && param !== DEFAULT_CONTACT_FORM_PARAM);
  return {
    x: { dm: draft.xDm },
    facebook: messengerPage === '' ? {} : { messengerPage },
    ...(wantsEmail ? { email: { address, ...(subjectPrefix === '' ? {} : { subjectPrefix }) } } : {}),
    ...(wantsForm ? { contactForm: { url, ...(param === '' ? {} : { param }) } } : {}),
  };
}
