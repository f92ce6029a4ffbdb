import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SettingsSchema } from '../../lib/settings/schema';
import { message, renderOptions, save, stored, type } from './testing';

afterEach(cleanup);

const acme = SettingsSchema.parse({
  version: 1,
  brands: [{ id: 'acme-air', name: 'Acme Air' }],
  spirals: { minSimilar: 4, windowMinutes: 30 },
});
const spirals = () => within(screen.getByTestId('options-spirals'));

describe('Spiral alerts section', () => {
  it('says in words what the numbers mean and saves new ones', async () => {
    await renderOptions(acme);
    expect(screen.getByTestId('options-spirals').textContent).toContain('when 4 similar complaints arrive within 30 minutes');
    type(spirals().getByLabelText('Similar complaints'), '3');
    type(spirals().getByLabelText('Time window'), '15');
    expect(screen.getByTestId('options-spirals').textContent).toContain('when 3 similar complaints arrive within 15 minutes');
    save();
    await waitFor(() => expect(message().dataset.kind).toBe('success'));
    expect(await stored()).toEqual({ ...acme, spirals: { minSimilar: 3, windowMinutes: 15 } });
  });

  it('shows out-of-range values inline, refuses to save and keeps the stored value', async () => {
    await renderOptions(acme);
    type(spirals().getByLabelText('Similar complaints'), '1');
    type(spirals().getByLabelText('Time window'), '20000');
    expect(
      spirals()
        .getAllByRole('alert')
        .map((alert) => alert.textContent),
    ).toEqual(['must be at least 2', 'must be at most 10080']);
    save();
    await waitFor(() => expect(message().dataset.kind).toBe('error'));
    expect(
      within(message())
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Spiral alerts, similar complaints: must be at least 2', 'Spiral alerts, time window: must be at most 10080']);
    expect(await stored()).toEqual(acme);
  });
});
