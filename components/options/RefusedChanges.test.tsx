import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { RefusedChange, TeamStatus } from '../../lib/domain/team-connection';
import { RefusedChanges } from './RefusedChanges';

afterEach(cleanup);

const NOTE: RefusedChange = { id: 'note:x:1:n1', kind: 'note', ref: 'CS-7F3K', reason: 'forbidden: this note is refused' };
const EVENT: RefusedChange = {
  id: 'event:x:2:e1',
  kind: 'event',
  reason: 'forbidden: an event must be authored by the user who writes it',
};
const STATUS: TeamStatus = {
  configured: true,
  serverUrl: 'http://127.0.0.1:5984',
  database: 'team',
  user: 'priya',
  sync: { state: 'synced', pending: 0 },
};

/** A fake background holding refused changes; Discard removes them. Records each discard request. */
function installBackground(refused: RefusedChange[]): string[][] {
  const discarded: string[][] = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (response: unknown) => void) => {
    const { type, payload } = message as { type: string; payload: { ids?: string[] } };
    const ids = payload.ids;
    if (type === 'team/refused') sendResponse({ ok: true, data: { changes: refused } });
    else if (type === 'team/discardRefused') {
      discarded.push(ids!);
      refused = refused.filter((change) => !ids!.includes(change.id));
      sendResponse({ ok: true, data: STATUS });
    } else return undefined;
    return true;
  });
  return discarded;
}

function renderList() {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <RefusedChanges />
    </QueryClientProvider>,
  );
}

const items = () => screen.queryAllByTestId('options-team-refused-item').map((item) => item.textContent);

describe('Options → Team: changes the server refused', () => {
  it('lists each with its case and the server’s reason; Discard asks first, then removes only that one', async () => {
    const discarded = installBackground([NOTE, EVENT]);
    renderList();
    await waitFor(() => expect(items()).toHaveLength(2));
    expect(items()[0]).toContain('Note on CS-7F3K: forbidden: this note is refused');
    expect(items()[1]).toContain('Timeline entry on a case not in this browser: forbidden: an event must be authored');

    const [firstDiscard] = screen.getAllByTestId('options-team-refused-discard');
    fireEvent.click(firstDiscard!);
    expect(screen.getByTestId('options-team-refused-discard-question').textContent).toMatch(/The team will not get it/);
    expect(discarded).toEqual([]); // asked, not done
    fireEvent.click(screen.getByTestId('options-team-refused-discard-confirm'));

    await waitFor(() => expect(items()).toHaveLength(1));
    expect(discarded).toEqual([[NOTE.id]]);
    expect(items()[0]).toContain('Timeline entry on');
  });

  it('Cancel discards nothing', async () => {
    const discarded = installBackground([NOTE]);
    renderList();
    await waitFor(() => expect(items()).toHaveLength(1));
    fireEvent.click(screen.getByTestId('options-team-refused-discard'));
    fireEvent.click(screen.getByTestId('options-team-refused-discard-cancel'));
    expect(discarded).toEqual([]);
    expect(items()).toHaveLength(1);
  });
});
