import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentSender, fakeTabMessaging, injectSender, logP1Case, startWorker } from '../../../lib/background/testing';
import { sendMessage } from '../../../lib/messaging/client';
import { TeamNotice } from './TeamNotice';

beforeEach(() => {
  injectSender(() => contentSender('https://x.com/search?q=acme', 7));
  fakeTabMessaging(new Map());
});
afterEach(cleanup);

function renderNotice(found: Parameters<typeof TeamNotice>[0]['found'], replying?: readonly string[]) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const notice = (names?: readonly string[]) => (
    <QueryClientProvider client={queryClient}>
      <TeamNotice found={found} replying={names} />
    </QueryClientProvider>
  );
  const rendered = render(notice(replying));
  return { rerender: (names?: readonly string[]) => rendered.rerender(notice(names)) };
}

describe('TeamNotice (case panel)', () => {
  it('says who else is replying (as the page follows it), and assigns the case to me on click', async () => {
    await startWorker();
    const found = await logP1Case('1990000000000000301');
    const { rerender } = renderNotice(found, ['Priya']);
    expect((await screen.findByTestId('careside-replying')).textContent).toBe('Priya is replying');
    rerender(['Priya', 'Sam']);
    expect(screen.getByTestId('careside-replying').textContent).toBe('Priya, Sam are replying');
    rerender([]);
    expect(screen.queryByTestId('careside-replying')).toBeNull();
    expect(screen.queryByTestId('careside-already-responded')).toBeNull();
    fireEvent.click(await screen.findByTestId('careside-assign-to-me'));
    await waitFor(() => expect(screen.getByTestId('careside-assignment').textContent).toContain('Assigned to you'));
    expect((await sendMessage('cases/teamView', { caseId: found.id })).assignedToMe).toBe(true);
  });

  it('shows nobody replying when only I am', async () => {
    await startWorker();
    const found = await logP1Case('1990000000000000302');
    renderNotice(found);
    await screen.findByTestId('careside-assign-to-me');
    await waitFor(async () => expect((await sendMessage('presence/list', {})).replying).toEqual([]));
    expect(screen.queryByTestId('careside-replying')).toBeNull();
  });
});
