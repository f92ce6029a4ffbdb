import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBackground } from '../../lib/background/index';
import { fakeBackgroundWorld } from '../../lib/background/testing';
import { sendMessage } from '../../lib/messaging/client';
import { AGENT_PROFILE_STORAGE_KEY } from '../../lib/settings/agent-profile';
import { AgentSection } from './AgentSection';

beforeEach(() => {
  fakeBackgroundWorld();
  startBackground();
});
afterEach(cleanup);

function renderSection() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: 0 } } });
  render(
    <QueryClientProvider client={queryClient}>
      <AgentSection />
    </QueryClientProvider>,
  );
}

const field = (label: string) => screen.getByLabelText<HTMLInputElement>(label);
const type = (label: string, value: string) => fireEvent.change(field(label), { target: { value } });
const storedProfile = async () => (await fakeBrowser.storage.local.get(AGENT_PROFILE_STORAGE_KEY))[AGENT_PROFILE_STORAGE_KEY];

describe('You as an agent (options)', () => {
  it('saves the name and email teammates see, keeping the agent id', async () => {
    renderSection();
    const { agent } = await sendMessage('agents/me', {});
    expect((await screen.findByTestId('options-agent-id')).textContent).toBe(`Agent id: ${agent.id}`);
    expect(field('Your name').value).toBe(''); // no name yet: the id stands in for it
    type('Your name', '  Priya Shah ');
    type('Your email', 'priya@acme.example');
    fireEvent.click(screen.getByTestId('options-agent-save'));
    expect((await screen.findByTestId('options-agent-result')).textContent).toBe('Profile saved.');
    expect(await sendMessage('agents/me', {})).toMatchObject({ agent: { id: agent.id, name: 'Priya Shah', email: 'priya@acme.example' } });
  });

  it('refuses an email that is not one, says why next to the field, and keeps what was stored', async () => {
    await sendMessage('agents/saveMe', { name: 'Priya', email: 'priya@acme.example' });
    renderSection();
    await waitFor(() => expect(field('Your name').value).toBe('Priya'));
    const before = await storedProfile();
    type('Your email', 'priya at acme');
    type('Your name', 'P'.repeat(101));
    fireEvent.click(screen.getByTestId('options-agent-save'));
    const alerts = await screen.findAllByRole('alert');
    expect(alerts.map((alert) => alert.textContent)).toEqual([
      'is too long (at most 100 characters)',
      'is not an email address (name@example.com)',
    ]);
    expect(screen.queryByTestId('options-agent-result')).toBeNull();
    expect(await storedProfile()).toEqual(before);
    // Fixed, it saves; the problems go.
    type('Your email', '');
    type('Your name', 'Priya Shah');
    fireEvent.click(screen.getByTestId('options-agent-save'));
    expect((await screen.findByTestId('options-agent-result')).textContent).toBe('Profile saved.');
    expect(screen.queryAllByRole('alert')).toEqual([]);
    expect((await sendMessage('agents/me', {})).agent).toEqual({ id: expect.any(String) as unknown, name: 'Priya Shah' });
  });
});
