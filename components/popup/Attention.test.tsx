import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ResponseOf } from '../../lib/messaging/protocol';
import { UNDO_RESOLVE_MS } from '../../lib/workflow/resolve';
import { AttentionView } from './Attention';
import { UndoResolveBanner, useUndoOffer } from './ResolveActions';
import { makeCase } from './testing';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const MIN = 60_000;
const late = makeCase(7, { postedAt: new Date(1_700_000_000_007 - 14 * 24 * 60 * MIN).toISOString() });
const NOW = late.createdAt + (6 * 60 + 5) * MIN;
const DATA: ResponseOf<'cases/attention'> = {
  byPriority: { P1: 2, P2: 0, P3: 5, P4: 1 },
  breachingCount: 1,
  nearingCount: 2,
  breaching: [{ case: late, dueAt: 0, overdueMs: (2 * 60 + 5) * MIN }],
};
const UNDO = { caseId: late.id, resolvedVersion: NOW, previousStatus: 'new' as const, hadFirstResponse: false };

/** A fake background answering the resolve and undo messages; records every request. */
function installBackground(): unknown[] {
  const requests: unknown[] = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (response: unknown) => void) => {
    requests.push(message);
    const type = (message as { type: string }).type;
    if (type === 'cases/resolve') sendResponse({ ok: true, data: { case: { ...late, status: 'closed', outcome: 'spam' }, undo: UNDO } });
    else if (type === 'cases/undoResolve') sendResponse({ ok: true, data: { case: late } });
    else return undefined;
    return true;
  });
  return requests;
}

function Harness() {
  const [offer, setOffer] = useUndoOffer();
  return (
    <>
      <UndoResolveBanner offer={offer} onDone={() => setOffer(null)} />
      <AttentionView data={DATA} now={NOW} onResolved={setOffer} />
    </>
  );
}

function renderHarness() {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <Harness />
    </QueryClientProvider>,
  );
}

describe('popup attention section', () => {
  it('shows counts per priority and the breaching cases with time over target, the wait since logging and the post age', () => {
    installBackground();
    renderHarness();
    expect(['P1', 'P2', 'P3', 'P4'].map((p) => screen.getByTestId(`popup-priority-${p}`).textContent)).toEqual(['2', '0', '5', '1']);
    const row = screen.getByTestId('popup-breaching').querySelector('li')!;
    expect(row.getAttribute('data-case-ref')).toBe(late.ref);
    expect(row.textContent).toContain('2 h 5 min over target');
    expect(row.textContent).toContain('Logged 6 h 5 min ago · posted 14 d 6 h ago');
    expect(screen.getByTestId(`popup-open-post-${late.ref}`).getAttribute('href')).toBe(late.post.url);
  });

  it('Resolve asks how the case ended, sends that, and offers Undo, which puts the case back', async () => {
    const requests = installBackground();
    renderHarness();
    fireEvent.click(screen.getByTestId(`popup-resolve-${late.ref}`));
    expect(requests).toEqual([]);
    const choices = screen.getByRole('group', { name: `How did ${late.ref} end?` });
    expect([...choices.querySelectorAll('button')].map((button) => button.textContent)).toEqual([
      'Responded',
      'Handed off',
      'Not actionable',
      'Spam',
      'Cancel',
    ]);
    expect(document.activeElement).toBe(screen.getByTestId(`popup-resolve-${late.ref}-responded`));

    fireEvent.click(screen.getByTestId(`popup-resolve-${late.ref}-spam`));
    await waitFor(() => expect(requests).toEqual([{ type: 'cases/resolve', payload: { caseId: late.id, resolution: 'spam' } }]));
    expect((await screen.findByTestId('popup-undo')).textContent).toContain(`${late.ref} closed as Spam.`);

    fireEvent.click(screen.getByTestId('popup-undo-button'));
    await waitFor(() => expect(requests.at(-1)).toEqual({ type: 'cases/undoResolve', payload: { undo: UNDO } }));
    await waitFor(() => expect(screen.queryByTestId('popup-undo')).toBeNull());
  });

  it('Escape or Cancel closes the choice without resolving; the Undo offer goes away after a few seconds', async () => {
    const requests = installBackground();
    renderHarness();
    fireEvent.click(screen.getByTestId(`popup-resolve-${late.ref}`));
    fireEvent.keyDown(screen.getByTestId(`popup-resolve-${late.ref}-responded`), { key: 'Escape' });
    expect(screen.queryByRole('group')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId(`popup-resolve-${late.ref}`));
    expect(requests).toEqual([]);

    vi.useFakeTimers({ shouldAdvanceTime: true });
    fireEvent.click(screen.getByTestId(`popup-resolve-${late.ref}`));
    fireEvent.click(screen.getByTestId(`popup-resolve-${late.ref}-responded`));
    await screen.findByTestId('popup-undo');
    act(() => {
      vi.advanceTimersByTime(UNDO_RESOLVE_MS - 100);
    });
    expect(screen.queryByTestId('popup-undo')).not.toBeNull();
    act(() => {
      vi.advanceTimersByTime(200);
    });
    expect(screen.queryByTestId('popup-undo')).toBeNull();
  });
});
