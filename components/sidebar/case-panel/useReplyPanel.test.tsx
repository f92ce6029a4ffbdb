import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { strategyOf } from '../../../lib/replies/templates';
import { makePost } from '../../../lib/cases/testing';
import type { ReplyActions } from '../../../lib/content/reply/actions';
import type { Case } from '../../../lib/domain/case';
import type * as messagingClient from '../../../lib/messaging/client';
import { MessagingError, sendMessage } from '../../../lib/messaging/client';
import { SettingsSchema } from '../../../lib/settings/schema';
import { useReplyPanel } from './useReplyPanel';

vi.mock('../../../lib/messaging/client', async (importOriginal) => {
  const actual = await importOriginal<typeof messagingClient>();
  return { ...actual, sendMessage: vi.fn() };
});

const SETTINGS = SettingsSchema.parse({
  version: 1,
  agentSignature: '^MK',
  brands: [{ id: 'acme', name: 'Acme Air', handoff: { x: { dm: true }, email: { address: 'care@acmeair.example' } } }],
});

const FOUND: Case = {
  id: '00000000-0000-4000-8000-000000000001',
  ref: 'CS-7F3K',
  postKey: 'x:1990000000000000001',
  platform: 'x',
  post: makePost('1990000000000000001', { authorHandle: 'rileypark', text: '@AcmeAir lost my suitcase, nobody answers' }),
  brandIds: ['acme'],
  status: 'new',
  createdAt: 1,
  updatedAt: 1,
};

const sent = vi.mocked(sendMessage);
/** The timeline entries the hook asked the store to record. */
const recorded = () =>
  sent.mock.calls
    .filter(([type]) => type === 'cases/recordEvent')
    .map(([, payload]) => (payload as { event: { type: string; detail?: string } }).event);

function fakeActions(patch: Partial<ReplyActions> = {}) {
  return {
    insert: vi.fn<ReplyActions['insert']>(() => Promise.resolve({ status: 'inserted', method: 'execCommand', boxName: "X's reply box" })),
    copy: vi.fn<ReplyActions['copy']>(() => Promise.resolve(true)),
    openHandoff: vi.fn<ReplyActions['openHandoff']>(() => ({ ok: true })),
    ...patch,
  };
}

function renderPanel(actions: ReplyActions) {
  return renderPanelHook(actions).result;
}

function renderPanelHook(actions: ReplyActions) {
  const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: 0 } } });
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  return renderHook(() => useReplyPanel({ found: FOUND, settings: SETTINGS, actions, now: () => 1_000 }), { wrapper });
}

/** Drafts in memory, as storage.local keeps them across a reload. */
function memoryDrafts() {
  const kept = new Map<string, string>();
  return {
    kept,
    store: {
      load: (caseId: string) => Promise.resolve(kept.get(caseId)),
      save: (caseId: string, text: string) => {
        if (text) kept.set(caseId, text);
        else kept.delete(caseId);
        return Promise.resolve();
      },
    },
  };
}

beforeEach(() => {
  sent.mockReset();
  // Every step the hook writes is accepted; its answer is not read (the cache is invalidated).
  sent.mockResolvedValue({ case: FOUND });
});
afterEach(cleanup);

describe('useReplyPanel', () => {
  it('puts a picked suggestion in the draft and records it once, however often it is picked', async () => {
    const panel = renderPanel(fakeActions());
    const [first] = panel.current.plan.suggestions;
    act(() => panel.current.pick(1));
    act(() => panel.current.pick(1));
    expect(panel.current.draft).toBe(first?.text);
    expect(panel.current.picked?.rank).toBe(1);
    await waitFor(() => expect(recorded()).toHaveLength(1));
    // The timeline names the suggestion in words, never by template id.
    expect(recorded()[0]).toMatchObject({ type: 'reply_suggested', detail: '#1 Move to private, warm' });
    expect(recorded()[0]?.detail).not.toContain(first!.template.id);
  });

  it('offers three strategies, and the tone switch rewrites all of them in that tone', () => {
    const panel = renderPanel(fakeActions());
    expect(panel.current.tone).toBe('warm');
    expect(panel.current.plan.suggestions.map((s) => strategyOf(s.template))).toEqual(['move_private', 'public_answer', 'ask_detail']);
    act(() => panel.current.setTone('formal'));
    expect(panel.current.plan.suggestions.map((s) => s.template.tone)).toEqual(['formal', 'formal', 'formal']);
    expect(panel.current.plan.suggestions.map((s) => strategyOf(s.template))).toEqual(['move_private', 'public_answer', 'ask_detail']);
  });

  it('says an inserted reply was an edited suggestion, and frees the buttons when done', async () => {
    const actions = fakeActions();
    const panel = renderPanel(actions);
    act(() => panel.current.pick(2));
    act(() => panel.current.setDraft(`${panel.current.draft} Thanks!`));
    await act(() => panel.current.insert());
    expect(actions.insert).toHaveBeenCalledWith(FOUND.postKey, expect.stringMatching(/ Thanks!$/));
    expect(panel.current.result?.kind).toBe('inserted');
    expect(panel.current.busy).toBeNull();
    expect(recorded().at(-1)).toMatchObject({
      type: 'reply_inserted',
      detail: expect.stringMatching(/^edited suggestion #2 \(.+\) into X's reply box$/) as string,
    });
  });

  it('copies when inserting fails, and records nothing when copying fails too', async () => {
    const panel = renderPanel(
      fakeActions({
        insert: vi.fn<ReplyActions['insert']>(() =>
          Promise.resolve({ status: 'failed', failure: { code: 'box_gone' }, boxName: "X's reply box" }),
        ),
        copy: vi.fn<ReplyActions['copy']>(() => Promise.resolve(false)),
      }),
    );
    act(() => panel.current.setDraft('My own words'));
    await act(() => panel.current.insert());
    expect(panel.current.result).toEqual({
      kind: 'copy_failed',
      message:
        'Could not insert (The reply box is no longer on the page.) and the browser did not allow copying: select the reply above and copy it yourself.',
    });
    expect(recorded()).toEqual([]);
  });

  it('points the replies at the handoff channel opened, and says whether its message was copied', async () => {
    const actions = fakeActions();
    const panel = renderPanel(actions);
    expect(panel.current.plan.replyChannel).toBe('x_profile');
    // The customer writes to the email address: nothing to paste, and nothing to open (the
    // agent's mail client would write to the brand's own inbox).
    act(() => panel.current.openHandoff('email'));
    expect(actions.copy).not.toHaveBeenCalled();
    expect(actions.openHandoff).not.toHaveBeenCalled();
    expect(panel.current.plan.replyChannel).toBe('email');
    expect(panel.current.handoffTarget?.channel).toBe('email');
    expect(panel.current.opened?.message).toMatch(/^The replies now give them .+@.+ to write to, with the case ref\. Nothing was opened/);
    // The agent DMs from the profile: the message is copied to paste there.
    act(() => panel.current.openHandoff('x_profile'));
    expect(actions.copy).toHaveBeenCalledWith(expect.stringContaining(FOUND.ref));
    await waitFor(() => expect(panel.current.opened?.message).toMatch(/private message was copied: paste it there\.$/));
  });

  it('keeps an unsent draft across a reload and drops it once the reply is confirmed', async () => {
    const drafts = memoryDrafts();
    const first = renderPanelHook(fakeActions({ drafts: drafts.store }));
    act(() => first.result.current.setDraft('Hi Dana, we are on it'));
    first.unmount(); // The page reloads before the save delay ran: closing writes it at once.
    await waitFor(() => expect(drafts.kept.get(FOUND.id)).toBe('Hi Dana, we are on it'));

    const again = renderPanelHook(fakeActions({ drafts: drafts.store }));
    await waitFor(() => expect(again.result.current.draft).toBe('Hi Dana, we are on it'));
    expect(again.result.current.draftRestored).toBe(true);
    await act(() => again.result.current.confirmReplied());
    await waitFor(() => expect(drafts.kept.has(FOUND.id)).toBe(false));
  });

  it('shows why the store refused a step instead of throwing', async () => {
    sent.mockRejectedValue(new MessagingError('internal', 'database is closed'));
    const panel = renderPanel(fakeActions());
    await act(() => panel.current.confirmReplied());
    expect(panel.current.error).toBe('Could not mark case CS-7F3K as responded: database is closed');
    expect(panel.current.busy).toBeNull();
  });
});
