import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_HANDOFF_CONFIG } from '../../lib/domain/brand-handoff';
import { SETTINGS_STORAGE_KEY, SettingsSchema } from '../../lib/settings/schema';
import { message, renderOptions as renderWith, stored, type } from './testing';

afterEach(cleanup);

// Non-default private channels and targets: saving the brand form must carry them along.
const acme = SettingsSchema.parse({
  version: 1,
  brands: [
    {
      id: 'acme-air',
      name: 'Acme Air',
      aliases: ['AcmeAir'],
      handles: { x: ['AcmeAir'], facebook: ['AcmeAirlines'], yelp: [] },
      hashtags: ['FlyAcme'],
      exclusions: ['Acme Air Museum'],
      handoff: {
        x: { dm: false },
        facebook: { messengerPage: 'AcmeAir' },
        email: { address: 'support@acmeair.example', subjectPrefix: '[Acme Air Care]' },
        contactForm: { url: 'https://acmeair.example/contact', param: 'case' },
      },
    },
  ],
  agentSignature: '^Dana',
  responseTargets: { P1: 10, P2: 30, P3: 120, P4: 480 },
});

const renderOptions = (initial: unknown = acme) => renderWith(initial);

const brandGroups = () => screen.queryAllByTestId('options-brand');
const brand = (index: number) => within(brandGroups()[index]!);

function importFile(file: File) {
  fireEvent.change(screen.getByTestId('options-import'), { target: { files: [file] } });
}

describe('OptionsApp editing', () => {
  it('edits a brand, adds one, and saves them', async () => {
    await renderOptions();
    expect(brand(0).getByLabelText<HTMLInputElement>('Name').value).toBe('Acme Air');
    expect(brand(0).getByLabelText<HTMLTextAreaElement>('Facebook pages').value).toBe('AcmeAirlines');

    type(brand(0).getByLabelText('Aliases'), 'AcmeAir\n\n  Acme Airlines  ');
    fireEvent.click(screen.getByRole('button', { name: 'Add brand' }));
    type(brand(1).getByLabelText('Name'), 'Zephyr Rail');
    expect(brandGroups()[1]!.textContent).toContain('Id: zephyr-rail');
    type(brand(1).getByLabelText('X handles'), '@ZephyrRail\nZephyrHelp');
    type(brand(1).getByLabelText('Hashtags'), '#RideZephyr');
    expect(brand(1).getByLabelText<HTMLSelectElement>('Industry').value).toBe('generic');
    fireEvent.change(brand(1).getByLabelText('Industry'), { target: { value: 'airline_travel' } });
    type(screen.getByLabelText('Agent signature'), '^Sam');
    expect(screen.getByText('Unsaved changes')).toBeTruthy();

    fireEvent.click(screen.getByTestId('options-save'));
    await waitFor(() => expect(message().textContent).toContain('Saved.'));
    expect(message().dataset.kind).toBe('success');
    expect(await stored()).toEqual({
      ...acme,
      brands: [
        { ...acme.brands[0], aliases: ['AcmeAir', 'Acme Airlines'] },
        {
          id: 'zephyr-rail',
          name: 'Zephyr Rail',
          industry: 'airline_travel',
          aliases: [],
          handles: { x: ['ZephyrRail', 'ZephyrHelp'], facebook: [], yelp: [] },
          hashtags: ['RideZephyr'],
          exclusions: [],
          handoff: DEFAULT_HANDOFF_CONFIG,
        },
      ],
      agentSignature: '^Sam',
    });
    // The form now shows the saved, normalised values.
    expect(brand(1).getByLabelText<HTMLTextAreaElement>('X handles').value).toBe('ZephyrRail\nZephyrHelp');
    expect(screen.queryByText('Unsaved changes')).toBeNull();
  });

  it('removes a brand on save', async () => {
    await renderOptions();
    fireEvent.click(brand(0).getByRole('button', { name: 'Remove Acme Air' }));
    expect(brandGroups()).toHaveLength(0);
    fireEvent.click(screen.getByTestId('options-save'));
    await waitFor(() => expect(message().textContent).toContain('Saved.'));
    expect(await stored()).toEqual({ ...acme, brands: [] });
  });

  it('refuses an invalid save with the errors inline and keeps the stored value', async () => {
    await renderOptions();
    type(brand(0).getByLabelText('Name'), '   ');
    type(brand(0).getByLabelText('Exclusions'), `ok\n${'x'.repeat(101)}`);
    type(screen.getByLabelText('Agent signature'), 'x'.repeat(51));
    fireEvent.click(screen.getByRole('button', { name: 'Add brand' }));
    type(brand(1).getByLabelText('Name'), '!!!');

    fireEvent.click(screen.getByTestId('options-save'));
    await waitFor(() => expect(message().dataset.kind).toBe('error'));
    const details = within(message())
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(details).toEqual([
      'Brand 1, Name: must not be empty',
      'Brand 1, Exclusions entry 2: is too long (at most 100 characters)',
      'Brand 2 "!!!", Name: needs at least one letter or digit (the brand id is made from it)',
      'Agent signature: is too long (at most 50 characters)',
    ]);
    expect(await stored()).toEqual(acme);
    // The edits stay on screen to be fixed.
    expect(brand(1).getByLabelText<HTMLInputElement>('Name').value).toBe('!!!');
  });

  it('shows why stored settings are invalid, and leaves them until the user saves', async () => {
    const broken = { version: 1, brands: [{ id: 'Acme Air', name: 'Acme Air' }] };
    await renderOptions(broken);
    expect(screen.getByTestId('options-load-error').textContent).toContain('brands[0].id');
    expect(brandGroups()).toHaveLength(0);
    expect(await stored()).toEqual(broken);
  });

  it('follows settings saved elsewhere while there are no unsaved edits', async () => {
    await renderOptions();
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: { ...acme, agentSignature: '^Lee' } });
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>('Agent signature').value).toBe('^Lee'));

    type(screen.getByLabelText('Agent signature'), '^Mine');
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: { ...acme, agentSignature: '^Kim' } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.getByLabelText<HTMLInputElement>('Agent signature').value).toBe('^Mine');
  });
});

describe('OptionsApp import and export', () => {
  it('exports the stored settings as a JSON download in the documented shape', async () => {
    await renderOptions();
    let blob: Blob | undefined;
    const createObjectURL = vi.fn((object: Blob | MediaSource) => {
      blob = object as Blob;
      return 'blob:careside-test';
    });
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = vi.fn();
    const clicked: { href: string; download: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });

    fireEvent.click(screen.getByTestId('options-export'));

    // The export first asks the background for the triage corrections (none answer here: settings only).
    await waitFor(() =>
      expect(clicked).toEqual([
        { href: 'blob:careside-test', download: expect.stringMatching(/^careside-settings-\d{4}-\d{2}-\d{2}\.json$/) as string },
      ]),
    );
    expect(blob?.type).toBe('application/json');
    const document = JSON.parse(await blob!.text()) as Record<string, unknown>;
    // The signature is this install's: never in the file.
    const { agentSignature: _signature, ...fileShape } = acme;
    expect(document).toEqual(fileShape);
    expect(Object.keys(document)).toEqual([
      'version',
      'brands',
      'responseTargets',
      'backlogAgeHours',
      'spirals',
      'replyTemplates',
      'retention',
      'savedReplies',
    ]);
    expect(message().textContent).toContain('Exported 1 brand (Acme Air)');
  });

  it('refuses a broken file with the reason and changes nothing', async () => {
    await renderOptions();
    importFile(new File(['{"version": 1, "brands": [,]}'], 'broken.json', { type: 'application/json' }));

    await waitFor(() => expect(message().dataset.kind).toBe('error'));
    expect(message().textContent).toContain('Could not import broken.json. Nothing was changed.');
    expect(message().textContent).toContain('not valid JSON: unexpected ","; expected a value at line 1, column 27');
    expect(screen.queryByTestId('options-import-apply')).toBeNull();
    expect(await stored()).toEqual(acme);
    expect(brand(0).getByLabelText<HTMLInputElement>('Name').value).toBe('Acme Air');
  });

  it('refuses a file over 1 MB and a file with bad brand fields', async () => {
    await renderOptions();
    importFile(new File([' '.repeat(2 * 1024 * 1024)], 'huge.json'));
    await waitFor(() => expect(message().textContent).toContain('too large (2.0 MB)'));

    const bad = JSON.stringify({ ...acme, brands: [{ ...acme.brands[0], handles: { x: [''], facebook: [], yelp: [] } }] });
    importFile(new File([bad], 'bad.json'));
    await waitFor(() => expect(message().textContent).toContain('brands[0].handles.x[0]: must not be empty'));
    expect(await stored()).toEqual(acme);
  });

  it('previews a valid file and stores it only when applied', async () => {
    await renderOptions();
    const incoming = SettingsSchema.parse({
      version: 1,
      brands: [{ ...acme.brands[0]!, id: 'zephyr-rail', name: 'Zephyr Rail' }],
      agentSignature: '^Sam',
    });
    importFile(new File([`\uFEFF${JSON.stringify(incoming)}`], 'zephyr.json'));

    await waitFor(() => expect(message().textContent).toContain('zephyr.json contains 1 brand (Zephyr Rail) and 0 saved replies'));
    expect(await stored()).toEqual(acme);

    fireEvent.click(screen.getByTestId('options-import-cancel'));
    expect(message().textContent).toContain('Import cancelled. Nothing was changed.');
    expect(await stored()).toEqual(acme);

    importFile(new File([JSON.stringify(incoming)], 'zephyr.json'));
    fireEvent.click(await screen.findByTestId('options-import-apply'));
    await waitFor(() => expect(message().textContent).toContain('Imported zephyr.json'));
    // Everything but the signature: that stays this install's, and the message says so.
    expect(message().textContent).toContain('The file\'s agent signature "^Sam" was not applied');
    expect(await stored()).toEqual({ ...incoming, agentSignature: acme.agentSignature });
    expect(brand(0).getByLabelText<HTMLInputElement>('Name').value).toBe('Zephyr Rail');
    expect(screen.getByLabelText<HTMLInputElement>('Agent signature').value).toBe(acme.agentSignature);
  });
});

describe('OptionsApp guards and messages', () => {
  it('shows either "Saved." or "Unsaved changes", never both', async () => {
    await renderOptions();
    type(screen.getByLabelText('Agent signature'), '^Sam');
    fireEvent.click(screen.getByTestId('options-save'));
    await waitFor(() => expect(message().textContent).toContain('Saved.'));
    expect(screen.queryByText('Unsaved changes')).toBeNull();

    type(screen.getByLabelText('Agent signature'), '^Sam2');
    expect(screen.getByText('Unsaved changes')).toBeTruthy();
    expect(message().textContent).not.toContain('Saved.');
    expect(message().dataset.kind).toBeUndefined();
  });

  it('asks before leaving while there are unsaved edits, and not after saving', async () => {
    await renderOptions();
    const leave = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(leave()).toBe(false);
    type(screen.getByLabelText('Agent signature'), '^Sam');
    expect(leave()).toBe(true);
    fireEvent.click(screen.getByTestId('options-save'));
    await waitFor(() => expect(message().textContent).toContain('Saved.'));
    expect(leave()).toBe(false);
  });

  it('names a refused field once, shows it next to the field and brings that field into view', async () => {
    await renderOptions();
    const scrolled: Element[] = [];
    const scrollIntoView = vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (this: Element) {
      scrolled.push(this);
    });
    try {
      type(within(screen.getByTestId('options-handoff-0')).getByLabelText('Messenger page'), 'ab');
      type(brand(0).getByLabelText('X handles'), 'AcmeAir\n@Acme Air Help');
      fireEvent.click(screen.getByTestId('options-save'));
      await waitFor(() => expect(message().dataset.kind).toBe('error'));
      const details = within(message())
        .getAllByRole('listitem')
        .map((item) => item.textContent);
      expect(details).toContain(
        'Brand 1 "Acme Air", Messenger page: must be the Page username from m.me/<username>: 5 to 50 letters, digits or dots',
      );
      expect(details).toContain(
        'Brand 1 "Acme Air", X handles entry 2: "@Acme Air Help" is not a handle: an X handle is one word of letters, digits and _ (up to 15), e.g. AcmeAirHelp',
      );
      expect(details.join('\n')).not.toMatch(/Messenger page: Messenger page/);
      const handles = brand(0).getByLabelText('X handles');
      expect(handles.getAttribute('aria-invalid')).toBe('true');
      // The first invalid field in the form (the X handles come before the private channels).
      await waitFor(() => expect(document.activeElement).toBe(handles));
      expect(scrolled).toContain(handles);
    } finally {
      scrollIntoView.mockRestore();
    }
  });
});

describe('OptionsApp new brand', () => {
  it('does not flag the empty name of a brand just added until a save is refused', async () => {
    await renderOptions();
    fireEvent.click(screen.getByRole('button', { name: 'Add brand' }));
    const name = brand(1).getByLabelText('Name');
    expect(name.getAttribute('aria-invalid')).toBeNull();
    fireEvent.click(screen.getByTestId('options-save'));
    await waitFor(() => expect(message().dataset.kind).toBe('error'));
    expect(name.getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(name));
  });
});
