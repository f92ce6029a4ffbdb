import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contentSender, fakeTabMessaging, injectSender } from '../../../lib/background/testing';
import { startBackground } from '../../../lib/background/index';
import { makePost } from '../../../lib/cases/testing';
import type { ReplyActions } from '../../../lib/content/reply/actions';
import type { Case } from '../../../lib/domain/case';
import { sendMessage } from '../../../lib/messaging/client';
import { SettingsSchema } from '../../../lib/settings/schema';
import { CasePanelContainer, timelineOf } from './CasePanelContainer';

const SETTINGS = SettingsSchema.parse({
  version: 1,
  agentSignature: '^MK',
  brands: [
    {
      id: 'acme',
      name: 'Acme Air',
      handoff: { x: { dm: true }, email: { address: 'care@acmeair.example' }, contactForm: { url: 'https://acmeair.example/contact' } },
    },
  ],
});

function fakeActions(patch: Partial<ReplyActions> = {}) {
  return {
    insert: vi.fn<ReplyActions['insert']>(() => Promise.resolve({ status: 'inserted', method: 'execCommand', boxName: "X's reply box" })),
    copy: vi.fn<ReplyActions['copy']>(() => Promise.resolve(true)),
    openHandoff: vi.fn<ReplyActions['openHandoff']>(() => ({ ok: true })),
    ...patch,
  };
}

let logged: Case;
let sender = contentSender('https://x.com/search?q=acme', 7);

beforeEach(async () => {
  // The real background (store, lifecycle rules) behind the protocol, talking to an x.com tab.
  sender = contentSender('https://x.com/search?q=acme', 7);
  injectSender(() => sender);
  fakeTabMessaging(new Map());
  let time = Date.UTC(2025, 10, 20, 9, 0);
  startBackground({ now: () => (time += 60_000) });
  const post = makePost('1990000000000000001', {
    url: 'https://x.com/rileypark/status/1990000000000000001',
    authorName: 'Riley Park',
    authorHandle: 'rileypark',
    text: '@AcmeAir lost my suitcase, nobody answers',
  });
  ({ case: logged } = await sendMessage('cases/log', { post, brandIds: ['acme'] }));
});

afterEach(cleanup);

function renderPanel(actions: ReplyActions) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: 0 } } });
  const onClose = vi.fn();
  render(
    <QueryClientProvider client={queryClient}>
      <CasePanelContainer
        postKey={logged.postKey}
        settings={SETTINGS}
        actions={actions}
        onClose={onClose}
        formatTime={(at) => new Date(at).toISOString().slice(11, 16)}
      />
    </QueryClientProvider>,
  );
  return { onClose };
}

async function storedCase(): Promise<Case> {
  const { cases } = await sendMessage('cases/byPostKeys', { postKeys: [logged.postKey] });
  return cases[0]!;
}

const textArea = () => screen.getByTestId<HTMLTextAreaElement>('careside-reply-text');
const timelineTypes = () => screen.getAllByTestId('careside-timeline-entry').map((entry) => entry.getAttribute('data-type'));

describe('CasePanelContainer', () => {
  it('picks a suggestion into the editor, records it, and re-lints as the reply is edited', async () => {
    renderPanel(fakeActions());
    const suggestions = await screen.findAllByTestId('careside-suggestion');
    expect(suggestions).toHaveLength(3);
    const firstText = within(suggestions[0]!).getByText(/CS-/).textContent ?? '';
    expect(firstText).toContain(logged.ref);

    fireEvent.click(within(suggestions[0]!).getByRole('button'));
    expect(textArea().value).toBe(firstText);
    const codes = () => screen.queryAllByTestId('careside-lint-finding').map((finding) => finding.getAttribute('data-code'));
    expect(codes()).toContain('unchanged_template');

    fireEvent.change(textArea(), { target: { value: `${firstText} Call 415 555 0100.` } });
    expect(codes()).toContain('personal_data');
    expect(codes()).not.toContain('unchanged_template');
    fireEvent.change(textArea(), { target: { value: '' } });
    expect(codes()).toEqual(['empty']);

    // Picking it again restores the text without another timeline entry.
    fireEvent.click(within(suggestions[0]!).getByRole('button'));
    expect(textArea().value).toBe(firstText);
    await waitFor(() => expect(timelineTypes()).toEqual(['logged', 'reply_suggested']));
    const stored = await storedCase();
    expect(stored.events?.[1]).toMatchObject({ type: 'reply_suggested', detail: expect.stringMatching(/^#1 /) as string });
  });

  it('inserts into the reply box and records it, without changing the status', async () => {
    const actions = fakeActions();
    renderPanel(actions);
    fireEvent.click(within((await screen.findAllByTestId('careside-suggestion'))[1]!).getByRole('button'));
    const text = textArea().value;

    fireEvent.click(screen.getByTestId('careside-insert-reply'));

    const result = await screen.findByTestId('careside-reply-result');
    expect(result.getAttribute('data-kind')).toBe('inserted');
    expect(result.textContent).toMatch(/post it yourself/);
    expect(actions.insert).toHaveBeenCalledWith(logged.postKey, text);
    await waitFor(() => expect(timelineTypes()).toEqual(['logged', 'reply_suggested', 'reply_inserted']));
    const stored = await storedCase();
    expect(stored.status).toBe('new');
    expect(stored.events?.at(-1)?.detail).toMatch(/^suggestion #2 \(.+\) into X's reply box$/);
    expect(screen.getByTestId('careside-case-status').textContent).toBe('New');
  });

  it('falls back to copying with a clear message when the reply box cannot be filled', async () => {
    const actions = fakeActions({
      insert: vi.fn<ReplyActions['insert']>(() =>
        Promise.resolve({ status: 'failed', failure: { code: 'composer_timeout', seconds: 4 }, boxName: "X's reply box" }),
      ),
    });
    renderPanel(actions);
    await screen.findAllByTestId('careside-suggestion');
    fireEvent.change(textArea(), { target: { value: 'My own words for CS-7F3K, DM us.' } });

    fireEvent.click(screen.getByTestId('careside-insert-reply'));

    const result = await screen.findByTestId('careside-reply-result');
    expect(result.getAttribute('data-kind')).toBe('copied');
    expect(result.textContent).toBe(
      "Could not insert: X's reply box did not open within 4 s. The reply was copied instead: click in X's reply box and paste it (Ctrl+V or ⌘V).",
    );
    expect(actions.copy).toHaveBeenCalledWith('My own words for CS-7F3K, DM us.');
    await waitFor(() => expect(timelineTypes()).toEqual(['logged', 'reply_copied']));
    expect((await storedCase()).events?.at(-1)?.detail).toBe('own text; insert failed: [composer_timeout 4 s]');
  });

  it('says so, and records nothing, when copying fails too', async () => {
    const actions = fakeActions({
      insert: vi.fn<ReplyActions['insert']>(() =>
        Promise.resolve({ status: 'failed', failure: { code: 'box_gone' }, boxName: "X's reply box" }),
      ),
      copy: vi.fn<ReplyActions['copy']>(() => Promise.resolve(false)),
    });
    renderPanel(actions);
    await screen.findAllByTestId('careside-suggestion');
    fireEvent.change(textArea(), { target: { value: 'Reply' } });
    fireEvent.click(screen.getByTestId('careside-insert-reply'));
    const result = await screen.findByTestId('careside-reply-result');
    expect(result.getAttribute('data-kind')).toBe('copy_failed');
    expect(result.textContent).toMatch(/copy it yourself/);
    expect((await storedCase()).events?.map((event) => event.type)).toEqual(['logged']);
  });

  it('opens a handoff, copies the message for channels that cannot be prefilled, and moves the case on confirmation', async () => {
    const actions = fakeActions();
    renderPanel(actions);
    const buttons = await screen.findAllByTestId('careside-handoff');
    // No numeric user id on the post: the DM goes through the profile, then email and the form.
    expect(buttons.map((button) => button.getAttribute('data-channel'))).toEqual(['x_profile', 'email', 'contact_form']);

    fireEvent.click(buttons[0]!);
    expect(actions.openHandoff).toHaveBeenCalledWith('https://x.com/rileypark');
    expect(actions.copy).toHaveBeenCalledWith(expect.stringContaining(logged.ref));
    expect((await screen.findByTestId('careside-handoff-result')).textContent).toMatch(/private message was copied/);

    fireEvent.click(buttons[2]!);
    expect(actions.openHandoff).toHaveBeenLastCalledWith(`https://acmeair.example/contact?case=${logged.ref}`);
    expect(actions.copy).toHaveBeenCalledTimes(1);
    // Replies now invite the customer to the form.
    await waitFor(() => expect(screen.getAllByTestId('careside-suggestion')[0]?.textContent).toContain('acmeair.example/contact'));

    const confirm = screen.getByTestId('careside-confirm-handoff');
    expect(confirm.textContent).toBe('Handed off via contact form');
    fireEvent.click(confirm);

    await waitFor(() => expect(screen.getByTestId('careside-case-status').textContent).toBe('Handed off'));
    expect(timelineTypes()).toEqual(['logged', 'handed_off', 'status_changed']);
    // The label says the channel (from the event's channel, not its detail), once.
    expect(screen.getAllByTestId('careside-timeline-entry')[1]?.textContent).toMatch(/Handed off via contact form$/);
    const stored = await storedCase();
    expect(stored.events?.[1]).toMatchObject({ type: 'handed_off', channel: 'contact_form', detail: 'via contact form' });
    expect(screen.getByTestId<HTMLButtonElement>('careside-confirm-handoff').disabled).toBe(true);
  });

  it('shows the private message before any channel opens, and sends the edited one', async () => {
    const actions = fakeActions();
    renderPanel(actions);
    await screen.findAllByTestId('careside-handoff');
    const message = screen.getByTestId<HTMLTextAreaElement>('careside-private-message');
    expect(message.value).toContain(logged.ref);
    expect(actions.copy).not.toHaveBeenCalled();
    fireEvent.change(message, { target: { value: `Hi Riley, about case ${logged.ref}: edited by hand.` } });
    fireEvent.click(screen.getAllByTestId('careside-handoff')[0]!);
    expect(actions.copy).toHaveBeenCalledWith(`Hi Riley, about case ${logged.ref}: edited by hand.`);
  });

  it('"I\'ve replied" moves a new case to Responded with a timeline entry', async () => {
    renderPanel(fakeActions());
    await screen.findAllByTestId('careside-suggestion');
    fireEvent.click(screen.getByTestId('careside-confirm-replied'));
    await waitFor(() => expect(screen.getByTestId('careside-case-status').textContent).toBe('Responded'));
    const entries = screen.getAllByTestId('careside-timeline-entry');
    expect(entries.at(-1)?.textContent).toMatch(/Status changed · New → Responded$/);
    expect(screen.getByTestId<HTMLButtonElement>('careside-confirm-replied').disabled).toBe(true);
  });

  it('disables the confirmations a resolved case cannot take', async () => {
    await sendMessage('cases/transition', { caseId: logged.id, to: 'resolved' });
    renderPanel(fakeActions());
    const buttons = await screen.findAllByTestId('careside-handoff');
    fireEvent.click(buttons[1]!);
    await screen.findByTestId('careside-handoff-result');
    expect(screen.getByTestId<HTMLButtonElement>('careside-confirm-handoff').disabled).toBe(true);
    expect(screen.getByTestId<HTMLButtonElement>('careside-confirm-replied').disabled).toBe(true);
  });

  it('shows why the store refused to record a step', async () => {
    renderPanel(fakeActions());
    const suggestions = await screen.findAllByTestId('careside-suggestion');
    sender = contentSender('https://www.yelp.com/biz/acme', 9);
    fireEvent.click(within(suggestions[0]!).getByRole('button'));
    const error = await screen.findByTestId('careside-case-panel-error');
    expect(error.textContent).toMatch(/^Could not update case CS-\w+: A yelp tab cannot change a x case/);
  });

  it('says when the post has no case', async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={queryClient}>
        <CasePanelContainer postKey="x:42" settings={SETTINGS} actions={fakeActions()} onClose={vi.fn()} />
      </QueryClientProvider>,
    );
    expect(await screen.findByText('This post has no case yet: log it first.')).toBeDefined();
  });
});

describe('timelineOf', () => {
  it('labels a page view of a case (no event details) in words', () => {
    const entries = timelineOf({
      createdAt: 1,
      events: [
        { at: 1, type: 'logged' },
        { at: 2, type: 'reply_suggested' },
        { at: 3, type: 'handed_off', channel: 'x_dm' },
        { at: 4, type: 'status_changed' },
      ],
    });
    expect(entries.map((entry) => [entry.label, entry.detail])).toEqual([
      ['Logged', undefined],
      ['Suggestion picked', undefined],
      ['Handed off via X DM', undefined],
      ['Status changed', undefined],
    ]);
  });

  it('never shows a template id, also from timelines written before suggestions were named in words', () => {
    const [entry] = timelineOf({
      createdAt: 1,
      events: [{ at: 1, type: 'reply_suggested', detail: '#2 delivery_delay.x.concise.sent (concise)' }],
    });
    expect(entry?.detail).toBe('#2 (concise)');
  });
});

describe('the case panel’s triage call', () => {
  it('starts at "Complaint" (logging counted as one); one click makes the post "Not a complaint" in the background', async () => {
    renderPanel(fakeActions());
    const complaint = await screen.findByTestId('careside-case-call-complaint');
    const notComplaint = screen.getByTestId('careside-case-call-not_complaint');
    expect(complaint.getAttribute('aria-pressed')).toBe('true');
    expect(notComplaint.getAttribute('aria-pressed')).toBe('false');

    fireEvent.click(notComplaint);
    await waitFor(() => expect(screen.getByTestId('careside-case-call-not_complaint').getAttribute('aria-pressed')).toBe('true'));
    const { results } = await sendMessage('posts/triage', {
      posts: [{ platform: 'x', postId: logged.post.postId, kind: 'post', text: logged.post.text, reach: logged.post.reach }],
    });
    expect(results[0]?.triage.complaint).toMatchObject({
      isComplaint: false,
      cues: expect.arrayContaining(['marked “not a complaint” by your team']) as unknown,
    });
  });
});
