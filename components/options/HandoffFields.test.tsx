import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SettingsSchema } from '../../lib/settings/schema';
import { message, renderOptions, save, stored, type } from './testing';

afterEach(cleanup);

const acme = SettingsSchema.parse({
  version: 1,
  brands: [
    { id: 'acme-air', name: 'Acme Air', aliases: ['AcmeAir'] },
    { id: 'acme-rewards', name: 'Acme Rewards', handoff: { email: { address: 'rewards@acmeair.example' } } },
  ],
  agentSignature: '^Dana',
});

const channels = (brandIndex: number) => within(screen.getByTestId(`options-handoff-${brandIndex}`));

describe('Private channels fieldset', () => {
  it('shows each brand its own channels, defaults for a brand without any', async () => {
    await renderOptions(acme);
    expect(channels(0).getByLabelText<HTMLInputElement>('Offer X direct messages').checked).toBe(true);
    expect(channels(0).getByLabelText<HTMLInputElement>('Support email').value).toBe('');
    expect(channels(1).getByLabelText<HTMLInputElement>('Support email').value).toBe('rewards@acmeair.example');
    expect(channels(1).getByLabelText<HTMLInputElement>('Contact form parameter').placeholder).toBe('case');
  });

  it('saves every channel, normalised, and leaves the other brand as it was', async () => {
    await renderOptions(acme);
    fireEvent.click(channels(0).getByLabelText('Offer X direct messages'));
    type(channels(0).getByLabelText('Messenger page'), '@AcmeAir');
    type(channels(0).getByLabelText('Support email'), ' support@acmeair.example ');
    type(channels(0).getByLabelText('Email subject prefix'), '[Acme Air Care]');
    type(channels(0).getByLabelText('Contact form URL'), 'https://acmeair.example/contact');
    expect(screen.getByTestId('options-handoff-0').querySelectorAll('[role="alert"]')).toHaveLength(0);

    save();
    await waitFor(() => expect(message().dataset.kind).toBe('success'));
    expect(await stored()).toEqual({
      ...acme,
      brands: [
        {
          ...acme.brands[0],
          handoff: {
            x: { dm: false },
            facebook: { messengerPage: 'AcmeAir' },
            email: { address: 'support@acmeair.example', subjectPrefix: '[Acme Air Care]' },
            contactForm: { url: 'https://acmeair.example/contact', param: 'case' },
          },
        },
        acme.brands[1],
      ],
    });
    expect(channels(0).getByLabelText<HTMLInputElement>('Messenger page').value).toBe('AcmeAir');
  });

  it('shows problems next to the field as they are typed, refuses to save and keeps the stored value', async () => {
    await renderOptions(acme);
    const fieldset = screen.getByTestId('options-handoff-0');
    type(channels(0).getByLabelText('Contact form URL'), 'http://acmeair.example/contact');
    type(channels(0).getByLabelText('Contact form parameter'), 'case id');
    type(channels(0).getByLabelText('Email subject prefix'), '[Acme]');

    const url = channels(0).getByLabelText('Contact form URL');
    expect(url.getAttribute('aria-invalid')).toBe('true');
    const alerts = within(fieldset)
      .getAllByRole('alert')
      .map((alert) => alert.textContent);
    expect(alerts).toEqual([
      'must be a valid address like support@example.com',
      'must be an https:// URL (http, javascript:, data: and URLs with credentials are refused)',
      'must be a parameter name of letters, digits, "_", "." or "-"',
    ]);
    // The other brand's fieldset stays clean.
    expect(within(screen.getByTestId('options-handoff-1')).queryAllByRole('alert')).toHaveLength(0);

    save();
    await waitFor(() => expect(message().dataset.kind).toBe('error'));
    expect(
      within(message())
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toContain(
      'Brand 1 "Acme Air", Contact form URL: must be an https:// URL (http, javascript:, data: and URLs with credentials are refused)',
    );
    expect(await stored()).toEqual(acme);

    type(url, 'https://acmeair.example/contact');
    expect(url.getAttribute('aria-invalid')).toBeNull();
  });

  it('gives a newly added brand its own fieldset', async () => {
    await renderOptions(acme);
    fireEvent.click(screen.getByRole('button', { name: 'Add brand' }));
    expect(channels(2).getByLabelText<HTMLInputElement>('Offer X direct messages').checked).toBe(true);
    expect(channels(2).getByLabelText<HTMLInputElement>('Messenger page').value).toBe('');
  });
});
