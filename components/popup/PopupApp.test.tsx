import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CaseSummary } from '../../lib/domain/case-views';
import type { Envelope } from '../../lib/messaging/protocol';
import { SETTINGS_STORAGE_KEY } from '../../lib/settings/schema';
import { PopupApp } from './PopupApp';
import { invalidateCasesOnChange } from '../common/subscriptions';
import { installFakeBackground, makeCase, summaryOf } from './testing';

const NOW = Date.parse('2025-03-09T15:00:00Z');
const MINUTE = 60_000;

afterEach(cleanup);

function renderPopup() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const view = render(
    <QueryClientProvider client={client}>
      <PopupApp now={() => NOW} />
    </QueryClientProvider>,
  );
  return { client, ...view };
}

const byTestId = (id: string) => screen.getByTestId(id);

/** Deliver a message to every runtime.onMessage listener, as the background's broadcast would. */
async function broadcast(message: unknown): Promise<void> {
  const results = await fakeBrowser.runtime.onMessage.trigger(message, {}, () => undefined);
  await Promise.all(results.map((result) => Promise.resolve(result)));
}

describe('PopupApp', () => {
  it('shows counts, the oldest waiting case and the newest cases from the background', async () => {
    const oldest = makeCase(1, {
      platform: 'facebook',
      authorHandle: 'dana_flies',
      postedAt: new Date(NOW - (3 * 60 + 12) * MINUTE).toISOString(),
      createdAt: NOW - 3 * 60 * MINUTE,
    });
    const cases = [
      oldest,
      makeCase(2, { status: 'responded', createdAt: NOW - 50 * MINUTE }),
      makeCase(3, { status: 'resolved', platform: 'yelp', createdAt: NOW - 40 * MINUTE }),
      makeCase(4, { platform: 'yelp', createdAt: NOW - 5 * MINUTE, text: 'Lost my bag <img src=x onerror="alert(1)"> again' }),
    ];
    installFakeBackground(() => ({ ok: true, data: summaryOf(cases, oldest) }));
    const { container } = renderPopup();

    expect(await screen.findByTestId('popup-open-total')).toHaveProperty('textContent', '3');
    expect(byTestId('popup-status-new').textContent).toBe('2');
    expect(byTestId('popup-status-responded').textContent).toBe('1');
    expect(byTestId('popup-status-resolved').textContent).toBe('1');
    expect(byTestId('popup-status-closed').textContent).toBe('0');
    expect(byTestId('popup-platform-x').textContent).toBe('1');
    expect(byTestId('popup-platform-facebook').textContent).toBe('1');
    expect(byTestId('popup-platform-yelp').textContent).toBe('1');

    const waiting = byTestId('popup-oldest-waiting');
    expect(waiting.textContent).toContain('CS-0001');
    expect(waiting.textContent).toContain('Customer 1 (@dana_flies) on Facebook');
    // The wait runs from when the case was logged (3 h ago); the post's own age is shown beside it.
    expect(waiting.textContent).toContain('Waiting 3 h · posted 3 h 12 min ago');
    const postLink = within(waiting).getByRole('link', { name: /open post/i });
    expect(postLink.getAttribute('href')).toBe(oldest.post.url);
    expect(postLink.getAttribute('target')).toBe('_blank');
    expect(postLink.getAttribute('rel')).toContain('noopener');

    const items = within(byTestId('popup-newest')).getAllByRole('listitem');
    expect(items.map((item) => item.textContent?.match(/CS-\d{4}/)?.[0])).toEqual(['CS-0004', 'CS-0003', 'CS-0002', 'CS-0001']);
    expect(items[0]!.textContent).toContain('New');
    expect(items[0]!.textContent).toContain('Yelp');
    expect(items[0]!.textContent).toContain('Customer 4');
    expect(items[1]!.textContent).toContain('Resolved');
    // Hostile post text is shown as text, never parsed as HTML.
    expect(items[0]!.textContent).toContain('Lost my bag <img src=x onerror="alert(1)"> again');
    expect(container.querySelector('img')).toBeNull();
    expect(screen.queryByTestId('popup-error')).toBeNull();

    // What needs an answer comes before the breakdown by status (a 600 px popup shows its top first).
    const following = (a: Element, b: Element) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
    expect(following(byTestId('popup-open-total'), waiting)).toBe(true);
    expect(following(byTestId('popup-newest'), byTestId('popup-status-new'))).toBe(true);
  });

  it('re-renders with fresh counts after a cases/changed broadcast', async () => {
    let cases = [makeCase(1), makeCase(2)];
    const background = installFakeBackground(() => ({ ok: true, data: summaryOf(cases, cases[0]) }));
    const { client } = renderPopup();
    const unsubscribe = invalidateCasesOnChange(client);

    await waitFor(() => expect(byTestId('popup-open-total').textContent).toBe('2'));
    cases = [...cases, makeCase(3, { platform: 'facebook', createdAt: NOW })];
    // The store changed but nobody said so yet: the popup still shows what it read.
    expect(byTestId('popup-open-total').textContent).toBe('2');
    const requestsBefore = background.requests();

    await broadcast({ type: 'cases/changed', postKeys: ['facebook:1003'], at: NOW });

    await waitFor(() => expect(byTestId('popup-open-total').textContent).toBe('3'));
    expect(background.requests()).toBe(requestsBefore + 1);
    expect(byTestId('popup-platform-facebook').textContent).toBe('1');
    expect(within(byTestId('popup-newest')).getAllByRole('listitem')[0]!.textContent).toContain('CS-0003');

    // Messages that are not a valid broadcast are ignored.
    await broadcast({ type: 'cases/changed', postKeys: ['not a key'] });
    expect(background.requests()).toBe(requestsBefore + 1);
    unsubscribe();
  });

  it('shows the error from the background and recovers on Retry', async () => {
    let answer: Envelope<CaseSummary> = { ok: false, error: { code: 'internal', message: 'Case store unavailable' } };
    installFakeBackground(() => answer);
    renderPopup();

    const error = await screen.findByTestId('popup-error');
    expect(error.textContent).toContain('Case store unavailable');
    expect(screen.queryByTestId('popup-open-total')).toBeNull();

    answer = { ok: true, data: summaryOf([makeCase(1)], makeCase(1)) };
    fireEvent.click(within(error).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(byTestId('popup-open-total').textContent).toBe('1'));
    expect(screen.queryByTestId('popup-error')).toBeNull();
  });

  // The background checks each answer against the protocol before sending (lib/messaging/server.test.ts) and
  // sends this error instead; the client types answers without parsing them again.
  it("shows the background's error when its answer broke the protocol", async () => {
    installFakeBackground(() => ({
      ok: false,
      error: { code: 'internal', message: 'The answer to cases/summary did not match the protocol' },
    }));
    renderPopup();
    expect((await screen.findByTestId('popup-error')).textContent).toContain('did not match the protocol');
  });

  it('leads with "Set up your first brand" (the welcome page), not a grid of zeros, when no brands are configured', async () => {
    installFakeBackground(() => ({ ok: true, data: summaryOf([]) }));
    renderPopup();

    const setup = await screen.findByTestId('popup-setup');
    expect(within(setup).getByRole('heading').textContent).toBe('Set up your first brand');
    const link = within(setup).getByRole('link', { name: 'Set up your first brand' });
    expect(link.getAttribute('href')).toMatch(/\/welcome\.html$/);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(screen.queryByTestId('popup-open-total')).toBeNull();
    expect(screen.queryByTestId('popup-empty')).toBeNull();
  });

  it('still shows open cases when they exist but the brands were removed', async () => {
    installFakeBackground(() => ({ ok: true, data: summaryOf([makeCase(1)]) }));
    renderPopup();
    expect(await screen.findByTestId('popup-open-total')).toHaveProperty('textContent', '1');
    expect(screen.queryByTestId('popup-setup')).toBeNull();
  });

  it('does not ask to configure brands when some are configured', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_STORAGE_KEY]: { version: 1, brands: [{ id: 'acme-air', name: 'Acme Air' }] },
    });
    installFakeBackground(() => ({ ok: true, data: summaryOf([makeCase(1, { status: 'closed' })]) }));
    renderPopup();

    const empty = await screen.findByTestId('popup-empty');
    expect(empty.textContent).toContain('No open cases.');
    expect(within(empty).queryByRole('link')).toBeNull();
    // Closed cases still show among the newest.
    expect(within(byTestId('popup-newest')).getAllByRole('listitem')).toHaveLength(1);
  });
});
