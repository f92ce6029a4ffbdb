import { describe, expect, it } from 'vitest';
import { DEFAULT_HANDOFF_CONFIG, HandoffChannelConfigSchema } from '../domain/brand-handoff';
import { emptyHandoffDraft, handoffDraftFrom, handoffInputFromDraft, type HandoffDraft } from './handoff-draft';

const full = HandoffChannelConfigSchema.parse({
  x: { dm: false },
  facebook: { messengerPage: 'AcmeAir' },
  email: { address: 'support@acmeair.example', subjectPrefix: '[Acme Air Care]' },
  contactForm: { url: 'https://acmeair.example/contact', param: 'ref' },
});

const parse = (draft: HandoffDraft) => HandoffChannelConfigSchema.safeParse(handoffInputFromDraft(draft));

describe('handoff drafts', () => {
  it('round-trips a full config and the default one', () => {
    expect(parse(handoffDraftFrom(full))).toEqual({ success: true, data: full });
    expect(parse(emptyHandoffDraft())).toEqual({ success: true, data: DEFAULT_HANDOFF_CONFIG });
  });

  it('starts a new brand with X DMs on and every other channel blank', () => {
    expect(emptyHandoffDraft()).toEqual({
      xDm: true,
      messengerPage: '',
      emailAddress: '',
      emailSubjectPrefix: '',
      contactFormUrl: '',
      contactFormParam: '',
    });
  });

  it('leaves blank channels out, trims what was typed and lets the schema default the parameter', () => {
    const draft = {
      ...emptyHandoffDraft(),
      xDm: false,
      emailAddress: ' help@acme.example ',
      contactFormUrl: ' https://acme.example/help ',
    };
    expect(handoffInputFromDraft(draft)).toEqual({
      x: { dm: false },
      facebook: {},
      email: { address: 'help@acme.example' },
      contactForm: { url: 'https://acme.example/help' },
    });
    expect(parse(draft).data?.contactForm).toEqual({ url: 'https://acme.example/help', param: 'case' });
  });

  it('keeps a subject prefix without an address (or a custom parameter without a URL) so validation reports it', () => {
    const orphanPrefix = parse({ ...emptyHandoffDraft(), emailSubjectPrefix: '[Acme]' });
    expect(orphanPrefix.success).toBe(false);
    expect(orphanPrefix.error?.issues[0]?.path).toEqual(['email', 'address']);

    const orphanParam = parse({ ...emptyHandoffDraft(), contactFormParam: 'ticket' });
    expect(orphanParam.error?.issues[0]?.path).toEqual(['contactForm', 'url']);
    // The default parameter alone is not a form anyone asked for.
    expect(parse({ ...emptyHandoffDraft(), contactFormParam: 'case' }).data).toEqual(DEFAULT_HANDOFF_CONFIG);
  });
});
