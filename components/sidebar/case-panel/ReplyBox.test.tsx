import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SavedReply } from '../../../lib/replies/saved-replies';
import { ReplyBox } from './ReplyBox';

const SAVED: SavedReply[] = [
  { id: 'baggage', brandId: 'acme-air', title: 'Baggage desk hours', body: 'The baggage desk is open all day.' },
  { id: 'refund', brandId: 'acme-air', title: 'Refund timeline', body: 'Refunds take 7 days (case CS-7F3K).' },
];

function Harness({ initial = '', saved = SAVED }: { initial?: string; saved?: SavedReply[] }) {
  const [text, setText] = useState(initial);
  return <ReplyBox value={text} onChange={setText} savedReplies={saved} />;
}

const box = () => screen.getByTestId<HTMLTextAreaElement>('careside-reply-text');
function type(text: string) {
  fireEvent.change(box(), { target: { value: text, selectionStart: text.length, selectionEnd: text.length } });
}

afterEach(cleanup);

describe('ReplyBox "/" saved replies', () => {
  it('opens a listbox on "/", filters as you type, and Enter inserts the active one in place of "/query"', () => {
    render(<Harness />);
    expect(screen.queryByRole('listbox')).toBeNull();
    type('Hi /');
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Baggage desk hoursThe baggage desk is open all day.',
      'Refund timelineRefunds take 7 days (case CS-7F3K).',
    ]);
    type('Hi /ref');
    const options = screen.getAllByRole('option');
    expect(options).toHaveLength(1);
    expect(options[0]!.getAttribute('aria-selected')).toBe('true');
    expect(box().getAttribute('aria-activedescendant')).toBe(options[0]!.id);
    fireEvent.keyDown(box(), { key: 'Enter' });
    expect(box().value).toBe('Hi Refunds take 7 days (case CS-7F3K).');
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('arrows move the active option (wrapping) and Esc closes without changing the text', () => {
    render(<Harness />);
    type('/');
    fireEvent.keyDown(box(), { key: 'ArrowDown' });
    expect(screen.getAllByRole('option')[1]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(box(), { key: 'ArrowDown' });
    expect(screen.getAllByRole('option')[0]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(box(), { key: 'ArrowUp' });
    expect(screen.getAllByRole('option')[1]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(box(), { key: 'Escape' });
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(box().value).toBe('/');
  });

  it('says when nothing matches, or when the brand has no saved replies; Enter then types a line break as usual', () => {
    render(<Harness />);
    type('/zzz');
    expect(screen.getByRole('status').textContent).toBe('No saved reply matches “zzz”.');
    cleanup();
    render(<Harness saved={[]} />);
    type('/');
    expect(screen.getByRole('status').textContent).toMatch(/No saved replies for this brand yet/);
  });

  it('a click inserts too', () => {
    render(<Harness initial="" />);
    type('/bag');
    fireEvent.click(screen.getByRole('option'));
    expect(box().value).toBe('The baggage desk is open all day.');
  });
});
