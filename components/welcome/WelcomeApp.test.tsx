import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '../../lib/background/index';
import { fakeBackgroundWorld } from '../../lib/background/testing';
import { sendMessage } from '../../lib/messaging/client';
import { invalidateSettingsOnChange } from '../../lib/queries/settings';
import { SETTINGS_STORAGE_KEY, SettingsSchema } from '../../lib/settings/schema';
import { WelcomeApp, xSearch } from './WelcomeApp';

afterEach(cleanup);

async function stored(): Promise<unknown> {
  return (await fakeBrowser.storage.local.get(SETTINGS_STORAGE_KEY))[SETTINGS_STORAGE_KEY];
}

async function renderWelcome(initial?: unknown) {
  if (initial !== undefined) await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: initial });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const unsubscribe = invalidateSettingsOnChange(client);
  render(
    <QueryClientProvider client={client}>
      <WelcomeApp />
    </QueryClientProvider>,
  );
  return { unsubscribe };
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const save = () => fireEvent.click(screen.getByTestId('welcome-save'));

describe('WelcomeApp', () => {
  it('saves a valid first brand through the settings store, shows where the sidebar appears, and ends on "You\'re set"', async () => {
    const { unsubscribe } = await renderWelcome();
    await screen.findByTestId('welcome-brand-form');
    expect(screen.getByText(/Posts that/).textContent).toContain('@mention these accounts count as mentions');

    type('Brand name', 'Acme Air');
    fireEvent.change(screen.getByLabelText('Industry'), { target: { value: 'airline_travel' } });
    type('X handles', '@AcmeAirHelp\nhttps://x.com/AcmeAir');
    type('Facebook pages', 'https://www.facebook.com/AcmeAir/');
    type('Yelp business page', 'https://www.yelp.com/biz/acme-air-san-francisco?osq=acme');
    save();

    const sidebarStep = await screen.findByTestId('welcome-sidebar-step');
    expect(sidebarStep.textContent).toContain('Open x.com, facebook.com or yelp.com; the CareSide panel docks at the right edge');
    expect(await stored()).toEqual(
      SettingsSchema.parse({
        version: 1,
        brands: [
          {
            id: 'acme-air',
            name: 'Acme Air',
            industry: 'airline_travel',
            handles: { x: ['AcmeAirHelp', 'AcmeAir'], facebook: ['AcmeAir'], yelp: ['acme-air-san-francisco'] },
          },
        ],
      }),
    );

    fireEvent.click(screen.getByTestId('welcome-continue'));
    const done = await screen.findByTestId('welcome-done');
    expect(within(done).getByRole('heading').textContent).toBe("You're set");
    expect(within(done).getByRole('link', { name: 'Open X: posts about @AcmeAirHelp' }).getAttribute('href')).toBe(
      'https://x.com/search?q=%40AcmeAirHelp&f=live',
    );
    expect(within(done).getByRole('link', { name: 'Open CareSide settings' }).getAttribute('href')).toMatch(/\/options\.html$/);
    // Its own save does not turn the page into "already set up".
    expect(screen.queryByTestId('welcome-configured')).toBeNull();
    unsubscribe();
  });

  it('refuses a handle that is no handle with the sentence, at the field, and saves nothing', async () => {
    await renderWelcome();
    await screen.findByTestId('welcome-brand-form');
    type('Brand name', 'Acme Air');
    type('X handles', '@Acme Air Help');
    save();

    const problems = await screen.findByTestId('welcome-problems');
    const sentence = '"@Acme Air Help" is not a handle: an X handle is one word of letters, digits and _ (up to 15), e.g. AcmeAirHelp';
    expect(
      within(problems)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([`Brand 1 "Acme Air", X handles entry 1: ${sentence}`]);
    const handles = screen.getByLabelText('X handles');
    expect(handles.getAttribute('aria-invalid')).toBe('true');
    expect(handles.parentElement?.textContent).toContain(sentence);
    await waitFor(() => expect(document.activeElement).toBe(handles));
    expect(await stored()).toBeUndefined();

    // Fixed as typed: the problem goes away and the save goes through.
    type('X handles', '@AcmeAirHelp');
    expect(screen.queryByTestId('welcome-problems')).toBeNull();
    save();
    await screen.findByTestId('welcome-sidebar-step');
    expect(await stored()).toMatchObject({ brands: [{ id: 'acme-air', handles: { x: ['AcmeAirHelp'] } }] });
  });

  it('asks for a name before saving', async () => {
    await renderWelcome();
    await screen.findByTestId('welcome-brand-form');
    save();
    expect((await screen.findByTestId('welcome-problems')).textContent).toContain('Name: must not be empty');
    expect(screen.getByLabelText('Brand name').getAttribute('aria-invalid')).toBe('true');
    expect(await stored()).toBeUndefined();
  });

  it('says so when brands are configured already (e.g. imported) and offers the options page instead', async () => {
    const openOptionsPage = vi.fn(() => Promise.resolve());
    fakeBrowser.runtime.openOptionsPage = openOptionsPage;
    const settings = {
      version: 1,
      brands: [
        { id: 'acme-air', name: 'Acme Air' },
        { id: 'zephyr', name: 'Zephyr Rail' },
      ],
    };
    await renderWelcome(settings);

    const configured = await screen.findByTestId('welcome-configured');
    expect(configured.textContent).toContain('It watches for 2 brands: Acme Air, Zephyr Rail.');
    expect(screen.queryByTestId('welcome-brand-form')).toBeNull();
    fireEvent.click(within(configured).getByRole('link', { name: 'Open CareSide settings' }));
    expect(openOptionsPage).toHaveBeenCalledOnce();
    expect(await stored()).toEqual(settings);
  });
});

describe('xSearch', () => {
  it('searches X for the first handle as a mention, else for the name', () => {
    expect(xSearch('Acme Air', 'AcmeAirHelp')).toEqual({ url: 'https://x.com/search?q=%40AcmeAirHelp&f=live', query: '@AcmeAirHelp' });
    expect(xSearch('Acme Air', undefined)).toEqual({ url: 'https://x.com/search?q=Acme%20Air&f=live', query: 'Acme Air' });
  });
});

describe('WelcomeApp: you as an agent', () => {
  it('saves your name and email as the agent identity the options page edits, with the brand', async () => {
    fakeBackgroundWorld();
    startBackground();
    const { unsubscribe } = await renderWelcome();
    await screen.findByTestId('welcome-brand-form');
    type('Brand name', 'Acme Air');
    type('Your name (shown to teammates)', ' Priya Shah ');
    type('Email (optional)', 'priya at acme');
    save();
    // A bad email stops both saves and is said at its field.
    await waitFor(() => expect(screen.getByLabelText('Email (optional)').getAttribute('aria-invalid')).toBe('true'));
    expect(await stored()).toBeUndefined();

    type('Email (optional)', 'priya@acme.example');
    save();
    await screen.findByTestId('welcome-sidebar-step');
    const { agent } = await sendMessage('agents/me', {});
    expect(agent).toMatchObject({ name: 'Priya Shah', email: 'priya@acme.example' });
    expect(agent.id).toMatch(/^agent-/);
    expect(await stored()).toMatchObject({ brands: [{ name: 'Acme Air' }] });
    unsubscribe();
  });
});
