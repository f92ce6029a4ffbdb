import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SettingsSchema } from '../../lib/settings/schema';
import { deletedDataText } from './DeleteAllData';
import { message, renderOptions, save, stored, type } from './testing';

afterEach(cleanup);

const acme = SettingsSchema.parse({ version: 1, brands: [{ id: 'acme-air', name: 'Acme Air' }] });
const retention = () => within(screen.getByTestId('options-retention'));

describe('Retention section', () => {
  it('saves a number of days, and blank as keep forever', async () => {
    await renderOptions(acme);
    expect(screen.getByTestId('options-retention').textContent).toContain('Closed cases are kept until you delete them.');
    type(retention().getByLabelText('Delete closed cases after'), ' 30 ');
    expect(screen.getByTestId('options-retention').textContent).toContain('deleted 30 days after they were closed');
    save();
    await waitFor(() => expect(message().dataset.kind).toBe('success'));
    expect(await stored()).toEqual({ ...acme, retention: { closedCaseDays: 30 } });

    type(retention().getByLabelText('Delete closed cases after'), '');
    save();
    await waitFor(async () => expect(await stored()).toEqual(acme));
  });

  it('shows bad values inline and refuses to save them', async () => {
    await renderOptions(acme);
    type(retention().getByLabelText('Delete closed cases after'), '0');
    expect(retention().getByRole('alert').textContent).toBe('must be at least 1');
    type(retention().getByLabelText('Delete closed cases after'), 'a month');
    expect(retention().getByRole('alert').textContent).toBe('must be a whole number');
    save();
    await waitFor(() => expect(message().dataset.kind).toBe('error'));
    expect(message().textContent).toContain('Delete closed cases after: must be a whole number');
    expect(await stored()).toEqual(acme);
  });
});

describe('Delete all CareSide data', () => {
  it('asks for the typed word before it can delete, and Cancel returns focus to the button', async () => {
    await renderOptions(acme);
    fireEvent.click(screen.getByTestId('options-delete-all'));
    const confirm = screen.getByTestId('options-delete-all-confirm');
    expect(document.activeElement).toBe(screen.getByTestId('options-delete-all-cancel'));
    expect(screen.getByTestId<HTMLInputElement>('options-delete-all-settings').checked).toBe(false);
    expect(confirm).toHaveProperty('disabled', true);
    type(screen.getByTestId('options-delete-all-word'), 'delete');
    expect(confirm).toHaveProperty('disabled', true);
    type(screen.getByTestId('options-delete-all-word'), 'DELETE');
    expect(confirm).toHaveProperty('disabled', false);
    fireEvent.click(screen.getByTestId('options-delete-all-cancel'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('options-delete-all')));
    expect(screen.queryByTestId('options-delete-all-confirm')).toBeNull();
  });

  it('says what was deleted', () => {
    expect(deletedDataText({ cases: 37, notifications: 1, alarms: 3, settings: false })).toBe(
      'Deleted 37 cases, 1 notification, 3 alarms and the session state (spiral window). Settings were kept.',
    );
    expect(deletedDataText({ cases: 1, notifications: 0, alarms: 0, settings: true })).toMatch(
      /^Deleted 1 case, .*Settings were deleted too/,
    );
    expect(deletedDataText({ cases: 2, notifications: 0, alarms: 0, settings: false, team: 'acme-care' })).toMatch(
      /Settings were kept\. Disconnected from the team database acme-care: the team's cases stay on its server\.$/,
    );
  });
});
