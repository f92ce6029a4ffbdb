import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HandoffTarget } from '../../../lib/handoff/build';
import { lintReply } from '../../../lib/replies/lint';
import { CasePanel, type CasePanelProps } from './CasePanel';

const HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script> {caseRef}';
const EMOJI = '✈️😡👨‍👩‍👧‍👦 lost my bag';
const RTL = 'فقدت حقيبتي \u202Eevil\u202C @AcmeAir';
const LONG = 'lost '.repeat(2_000);

const TARGETS: HandoffTarget[] = [
  {
    channel: 'x_dm',
    url: 'https://x.com/messages/compose?recipient_id=1&text=hi',
    message: 'hi',
    label: 'Open DM to @riley',
    audience: 'agent',
    channelName: 'DM',
  },
  {
    channel: 'email',
    url: 'mailto:care@acme.example?subject=Case%20CS-7F3K',
    message: 'Hello',
    label: 'Email link (care@acme.example)',
    audience: 'customer',
    channelName: 'email',
    publicLink: 'care@acme.example',
    note: 'The reply shows the address.',
  },
];

function props(patch: Partial<CasePanelProps> = {}): CasePanelProps {
  return {
    caseRef: 'CS-7F3K',
    statusLabel: 'New',
    categoryLabel: 'Lost or damaged item',
    author: { authorName: 'Riley Park', authorHandle: 'rileypark' },
    postText: 'Acme lost my bag',
    suggestions: [1, 2, 3].map((rank) => ({
      rank,
      templateId: `t${rank}`,
      tone: 'warm' as const,
      strategy: (['move_private', 'public_answer', 'ask_detail'] as const)[rank - 1]!,
      text: `Suggestion ${rank} for CS-7F3K`,
      lint: [],
    })),
    tone: 'warm',
    onToneChange: vi.fn(),
    onPick: vi.fn(),
    text: '',
    onTextChange: vi.fn(),
    lengthLabel: '0 / 280',
    overLimit: false,
    findings: lintReply('', { platform: 'x' }),
    boxName: "X's reply box",
    busy: null,
    onInsert: vi.fn(),
    onCopy: vi.fn(),
    targets: TARGETS,
    onOpenHandoff: vi.fn(),
    canConfirmReplied: true,
    canConfirmHandoff: true,
    onConfirmReplied: vi.fn(),
    onConfirmHandoff: vi.fn(),
    timeline: [{ at: Date.UTC(2025, 10, 20, 9, 15), type: 'logged', label: 'Logged' }],
    formatTime: (at) => new Date(at).toISOString().slice(11, 16),
    problems: [],
    onClose: vi.fn(),
    ...patch,
  };
}

afterEach(cleanup);

describe('CasePanel', () => {
  it('shows three ranked suggestions and calls onPick with the rank', () => {
    const p = props();
    render(<CasePanel {...p} />);
    const items = screen.getAllByTestId('careside-suggestion');
    expect(items.map((item) => item.getAttribute('data-rank'))).toEqual(['1', '2', '3']);
    // Each card says what the reply does; the tone is one switch over all of them.
    expect(items.map((item) => within(item).getByRole('button').textContent)).toEqual([
      '#1 Move to private',
      '#2 Answer in public',
      '#3 Ask for a detail',
    ]);
    fireEvent.click(within(items[1]!).getByRole('button'));
    expect(p.onPick).toHaveBeenCalledWith(2);
  });

  it('switches the tone of every suggestion', () => {
    const p = props({ tone: 'concise' });
    render(<CasePanel {...p} />);
    const tones = within(screen.getByTestId('careside-tone')).getAllByRole('button');
    expect(tones.map((button) => [button.textContent, button.getAttribute('aria-pressed')])).toEqual([
      ['Warm', 'false'],
      ['Concise', 'true'],
      ['Formal', 'false'],
    ]);
    fireEvent.click(tones[2]!);
    expect(p.onToneChange).toHaveBeenCalledWith('formal');
  });

  it.each([
    ['hostile markup', HOSTILE],
    ['emoji', EMOJI],
    ['RTL with bidi overrides', RTL],
    ['10,000 characters', LONG],
  ])('renders %s from the page as text only', (_name, text) => {
    const { container } = render(
      <CasePanel
        {...props({
          postText: text,
          author: { authorName: text.slice(0, 200) },
          text,
          suggestions: [{ rank: 1, templateId: 't1', tone: 'warm', strategy: 'move_private', text, lint: [] }],
          timeline: [{ at: 0, type: 'reply_copied', label: 'Reply copied', detail: text.slice(0, 500) }],
        })}
      />,
    );
    expect(container.querySelector('img, script')).toBeNull();
    expect(container.querySelector('blockquote')?.textContent).toBe(text);
    expect(screen.getByTestId<HTMLTextAreaElement>('careside-reply-text').value).toBe(text);
    expect(screen.getByTestId('careside-reply-text').getAttribute('dir')).toBe('auto');
    expect(within(screen.getByTestId('careside-suggestion')).getByText(text.trim(), { normalizer: (s) => s.trim() })).toBeDefined();
  });

  it('shows each lint finding with its code and severity, or says the reply is clean', () => {
    const findings = lintReply("We're sorry for any inconvenience. Call me at +1 415 555 0100.", { platform: 'x' });
    const { rerender } = render(<CasePanel {...props({ findings })} />);
    const shown = screen.getAllByTestId('careside-lint-finding');
    expect(shown.map((item) => item.getAttribute('data-code'))).toEqual(findings.map((finding) => finding.code));
    expect(shown[0]?.getAttribute('data-severity')).toBe('error');
    rerender(<CasePanel {...props({ findings: [] })} />);
    expect(screen.queryAllByTestId('careside-lint-finding')).toHaveLength(0);
    expect(screen.getByTestId('careside-lint-ok')).toBeDefined();
  });

  it('reports edits and disables insert and copy while the reply is empty or work is in progress', () => {
    const p = props();
    const { rerender } = render(<CasePanel {...p} />);
    expect(screen.getByTestId<HTMLButtonElement>('careside-insert-reply').disabled).toBe(true);
    fireEvent.change(screen.getByTestId('careside-reply-text'), { target: { value: 'New text' } });
    expect(p.onTextChange).toHaveBeenCalledWith('New text');

    rerender(<CasePanel {...props({ text: 'Ready' })} />);
    expect(screen.getByTestId<HTMLButtonElement>('careside-insert-reply').disabled).toBe(false);
    rerender(<CasePanel {...props({ text: 'Ready', busy: 'insert' })} />);
    expect(screen.getByTestId('careside-insert-reply').textContent).toBe('Inserting…');
    expect(screen.getByTestId<HTMLButtonElement>('careside-copy-reply').disabled).toBe(true);
    expect(screen.getByTestId<HTMLButtonElement>('careside-confirm-handoff').disabled).toBe(true);
  });

  it('shows the insert result with its kind', () => {
    render(<CasePanel {...props({ result: { kind: 'copied', message: 'Could not insert. Copied instead.' } })} />);
    const result = screen.getByTestId('careside-reply-result');
    expect(result.getAttribute('data-kind')).toBe('copied');
    expect(result.textContent).toBe('Could not insert. Copied instead.');
  });

  it('offers one handoff button per channel and the confirmations', () => {
    const p = props({ handoffConfirmLabel: 'Handed off via X DM', openedHandoff: { channel: 'email', message: 'Opened.' } });
    render(<CasePanel {...p} />);
    const buttons = screen.getAllByTestId('careside-handoff');
    expect(buttons.map((button) => button.getAttribute('data-channel'))).toEqual(['x_dm', 'email']);
    expect(buttons[1]?.getAttribute('data-opened')).toBe('true');
    fireEvent.click(buttons[1]!);
    expect(p.onOpenHandoff).toHaveBeenCalledWith('email');
    fireEvent.click(screen.getByTestId('careside-confirm-handoff'));
    expect(p.onConfirmHandoff).toHaveBeenCalled();
    expect(screen.getByTestId('careside-confirm-handoff').textContent).toBe('Handed off via X DM');
    fireEvent.click(screen.getByTestId('careside-confirm-replied'));
    expect(p.onConfirmReplied).toHaveBeenCalled();
  });

  it('says when no private channel is set up, and hides the handoff confirmation', () => {
    render(<CasePanel {...props({ targets: [] })} />);
    expect(screen.getByTestId('careside-no-handoff')).toBeDefined();
    expect(screen.queryByTestId('careside-confirm-handoff')).toBeNull();
  });

  it('disables confirmations the case status does not allow', () => {
    render(<CasePanel {...props({ canConfirmReplied: false, canConfirmHandoff: false })} />);
    expect(screen.getByTestId<HTMLButtonElement>('careside-confirm-replied').disabled).toBe(true);
    expect(screen.getByTestId<HTMLButtonElement>('careside-confirm-handoff').disabled).toBe(true);
  });

  it('lists the timeline with machine-readable times', () => {
    render(
      <CasePanel
        {...props({
          timeline: [
            { at: Date.UTC(2025, 10, 20, 9, 15), type: 'logged', label: 'Logged' },
            { at: Date.UTC(2025, 10, 20, 9, 20), type: 'handed_off', label: 'Handed off', detail: 'via X DM' },
          ],
        })}
      />,
    );
    const entries = screen.getAllByTestId('careside-timeline-entry');
    expect(entries.map((entry) => entry.getAttribute('data-type'))).toEqual(['logged', 'handed_off']);
    expect(entries[1]?.textContent).toBe('09:20 Handed off · via X DM');
    expect(entries[1]?.querySelector('time')?.getAttribute('datetime')).toBe('2025-11-20T09:20:00.000Z');
  });

  it('shows problems and errors as alerts, and Back closes', () => {
    const p = props({ problems: ['Brand removed.'], error: 'Could not update case CS-7F3K: conflict' });
    render(<CasePanel {...p} />);
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toEqual([
      'Brand removed.',
      'Could not update case CS-7F3K: conflict',
    ]);
    fireEvent.click(screen.getByTestId('careside-case-panel-close'));
    expect(p.onClose).toHaveBeenCalled();
  });
});
