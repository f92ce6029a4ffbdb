import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Envelope } from '../../lib/messaging/protocol';
import type { Spiral } from '../../lib/spirals';
import { Spirals } from './Spirals';

afterEach(cleanup);

const spiral = (patch: Partial<Spiral> = {}): Spiral => ({
  id: 'sp-abc',
  label: 'lost bag · baggage claim',
  size: 6,
  postKeys: ['x:1', 'x:2', 'x:3', 'x:4', 'x:5', 'facebook:6'],
  firstAt: 0,
  lastAt: 40 * 60_000,
  platforms: ['x', 'facebook'],
  ...patch,
});

/** Answers spirals/active with whatever `answer()` returns at the time, like the real background. */
function installSpiralBackground(answer: () => Envelope<{ spirals: Spiral[] }>) {
  let requests = 0;
  fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (response: unknown) => void) => {
    if ((message as { type?: unknown } | null)?.type !== 'spirals/active') return undefined;
    requests += 1;
    sendResponse(answer());
    return true;
  });
  return { requests: () => requests };
}

function renderSpirals() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <Spirals />
    </QueryClientProvider>,
  );
}

describe('popup Spirals', () => {
  it('lists each active spiral in its own li, and updates on spirals/changed', async () => {
    let spirals = [spiral()];
    const background = installSpiralBackground(() => ({ ok: true, data: { spirals } }));
    renderSpirals();
    const list = await screen.findByTestId('popup-spirals');
    const items = [...list.querySelectorAll('li')];
    expect(items).toHaveLength(1);
    expect(items[0]?.textContent).toContain('6 similar complaints in 40 min — lost bag · baggage claim');
    expect(items[0]?.textContent).toContain('X, Facebook');

    spirals = [spiral(), spiral({ id: 'sp-def', size: 5, label: 'app crash · login screen' })];
    const results = await fakeBrowser.runtime.onMessage.trigger({ type: 'spirals/changed', at: 1 }, {}, () => undefined);
    await Promise.all(results.map((result) => Promise.resolve(result)));
    await waitFor(() => expect(screen.getByTestId('popup-spirals').querySelectorAll('li')).toHaveLength(2));
    expect(background.requests()).toBe(2);
  });

  it('shows nothing while no spiral is active', async () => {
    const background = installSpiralBackground(() => ({ ok: true, data: { spirals: [] } }));
    const { container } = renderSpirals();
    await waitFor(() => expect(background.requests()).toBe(1));
    expect(container.textContent).toBe('');
  });

  it('renders a hostile label as text', async () => {
    installSpiralBackground(() => ({ ok: true, data: { spirals: [spiral({ label: '<img src=x onerror=alert(1)>' })] } }));
    renderSpirals();
    const list = await screen.findByTestId('popup-spirals');
    expect(list.querySelector('img')).toBeNull();
    expect(list.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('says so when spirals cannot be loaded', async () => {
    installSpiralBackground(() => ({ ok: false, error: { code: 'internal', message: 'database is closed' } }));
    renderSpirals();
    expect(await screen.findByText(/Spirals could not be loaded: database is closed/)).toBeDefined();
  });
});
