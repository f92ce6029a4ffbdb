import { describe, expect, it } from 'vitest';
import { draftFromSettings } from './brand-form';
import { draftPathLabeler } from './draft-labels';
import { SettingsSchema } from './schema';

const settings = SettingsSchema.parse({
  version: 1,
  brands: [{ id: 'acme-air', name: 'Acme Air' }],
  replyTemplates: [{ id: 'delay-x', category: 'any', platform: 'x', tone: 'warm', kind: 'public', body: 'Hi {firstName}' }],
});

describe('draftPathLabeler', () => {
  const label = draftPathLabeler(draftFromSettings(settings));

  it('names brands and fields the way the form shows them', () => {
    expect(label(['brands', 0, 'handles', 'x', 1])).toBe('Brand 1 "Acme Air", X handles entry 2');
    expect(label(['brands', 0, 'name'])).toBe('Brand 1 "Acme Air", Name');
    expect(label(['brands', 3, 'id'])).toBe('Brand 4, id (made from the name)');
    expect(label(['brands'])).toBe('Brands');
    expect(label(['agentSignature'])).toBe('Agent signature');
    expect(label([])).toBe('settings');
  });

  it('names private channel fields', () => {
    expect(label(['brands', 0, 'handoff', 'email', 'address'])).toBe('Brand 1 "Acme Air", Support email');
    expect(label(['brands', 0, 'handoff', 'contactForm', 'url'])).toBe('Brand 1 "Acme Air", Contact form URL');
    expect(label(['brands', 0, 'handoff', 'facebook', 'messengerPage'])).toBe('Brand 1 "Acme Air", Messenger page');
    expect(label(['brands', 0, 'handoff', 'instagram'])).toBe('Brand 1 "Acme Air", Private channels');
  });

  it('names targets, spiral settings and templates', () => {
    expect(label(['responseTargets'])).toBe('Response targets');
    expect(label(['responseTargets', 'P2'])).toBe('Response target P2');
    expect(label(['spirals', 'minSimilar'])).toBe('Spiral alerts, similar complaints');
    expect(label(['spirals', 'windowMinutes'])).toBe('Spiral alerts, time window');
    expect(label(['replyTemplates', 0, 'body'])).toBe('Reply template 1 "delay-x", Body');
    expect(label(['replyTemplates', 4])).toBe('Reply template 5');
    expect(label(['replyTemplates'])).toBe('Reply templates');
  });
});
