import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SettingsSchema } from '../../lib/settings/schema';
import { message, renderOptions, save, stored, type } from './testing';

afterEach(cleanup);

const acme = SettingsSchema.parse({ version: 1, brands: [{ id: 'acme-air', name: 'Acme Air' }] });
const targets = () => within(screen.getByTestId('options-targets'));
const field = (priority: string) => targets().getByLabelText<HTMLInputElement>(`${priority} target`);

describe('Response targets section', () => {
  it('shows the stored minutes with readable durations and explains the order rule', async () => {
    await renderOptions(acme);
    expect(['P1', 'P2', 'P3', 'P4'].map((priority) => field(priority).value)).toEqual(['15', '60', '240', '1440']);
    const section = screen.getByTestId('options-targets');
    expect(section.textContent).toContain('P1 ≤ P2 ≤ P3 ≤ P4');
    expect(section.textContent).toContain('minutes (1 d)');
    expect(section.textContent).toContain('minutes (4 h)');
  });

  it('saves new targets', async () => {
    await renderOptions(acme);
    type(field('P1'), '5');
    type(field('P4'), ' 2880 ');
    expect(screen.getByTestId('options-targets').textContent).toContain('minutes (2 d)');
    save();
    await waitFor(() => expect(message().dataset.kind).toBe('success'));
    expect(await stored()).toEqual({ ...acme, responseTargets: { P1: 5, P2: 60, P3: 240, P4: 2880 } });
  });

  it('shows the order rule and non-numbers inline, refuses to save and keeps the stored value', async () => {
    await renderOptions(acme);
    type(field('P2'), '10');
    expect(
      targets()
        .getAllByRole('alert')
        .map((alert) => alert.textContent),
    ).toEqual(['a lower priority cannot have a shorter target than a higher one (P1 <= P2 <= P3 <= P4)']);
    type(field('P2'), '60');
    expect(targets().queryAllByRole('alert')).toHaveLength(0);

    type(field('P3'), '4h');
    expect(field('P3').getAttribute('aria-invalid')).toBe('true');
    expect(targets().getByRole('alert').textContent).toBe('must be a whole number');
    save();
    await waitFor(() => expect(message().dataset.kind).toBe('error'));
    expect(
      within(message())
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Response target P3: must be a whole number']);
    expect(await stored()).toEqual(acme);
    expect(field('P3').value).toBe('4h');
  });

  it('edits the backlog age (24 h by default), saves it and refuses a non-number', async () => {
    await renderOptions(acme);
    const backlog = targets().getByLabelText<HTMLInputElement>('Backlog age');
    expect(backlog.value).toBe('24');
    expect(acme.backlogAgeHours).toBe(24);
    type(backlog, '2 days');
    expect(targets().getByRole('alert').textContent).toBe('must be a whole number');
    type(backlog, '72');
    expect(screen.getByTestId('options-targets').textContent).toContain('hours (3 d)');
    save();
    await waitFor(() => expect(message().dataset.kind).toBe('success'));
    expect(await stored()).toEqual({ ...acme, backlogAgeHours: 72 });
  });
});
