import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MentionRowView } from './MentionRow';
import { Sidebar, type SidebarProps } from './Sidebar';

const complaintRow: MentionRowView = {
  postKey: 'x:1',
  authorName: 'Jane Doe',
  url: 'https://x.com/jdoe/status/1',
  excerpt: 'Acme lost my bag',
  brandNames: ['Acme'],
  byBrand: false,
  logging: false,
  triage: { priority: 'P2', category: 'Lost or damaged item', complaint: true, explanation: 'P2: complaint' },
};
const praiseRow: MentionRowView = {
  ...complaintRow,
  postKey: 'x:2',
  excerpt: 'Acme was great today',
  triage: { priority: 'P4', complaint: false, explanation: 'P4: not a complaint' },
};

function renderSidebar(patch: Partial<SidebarProps> = {}) {
  render(
    <Sidebar
      statusText="X: read 2 posts"
      mentions={[complaintRow, praiseRow]}
      noBrands={false}
      onOpenOptions={vi.fn()}
      mode="floating"
      onModeChange={vi.fn()}
      onLog={vi.fn()}
      {...patch}
    />,
  );
  return screen.getAllByTestId<HTMLElement>('careside-mention');
}

afterEach(cleanup);

describe('the correction control on a sidebar row', () => {
  it('offers the opposite of the row’s verdict and sends the team’s call for that row', () => {
    const onCorrect = vi.fn();
    const [complaint, praise] = renderSidebar({ onCorrect });
    const notComplaint = within(complaint!).getByRole('button', { name: 'Mark as not a complaint' });
    expect(notComplaint.textContent).toBe('✎ Not a complaint');
    fireEvent.click(notComplaint);
    expect(onCorrect).toHaveBeenCalledWith('x:1', 'not_complaint');
    fireEvent.click(within(praise!).getByRole('button', { name: 'Mark as a complaint' }));
    expect(onCorrect).toHaveBeenLastCalledWith('x:2', 'complaint');
  });

  it('shows the row that is saving and the row whose correction failed, with why', () => {
    const [complaint, praise] = renderSidebar({
      onCorrect: vi.fn(),
      correction: { pendingKey: 'x:1', error: { postKey: 'x:2', message: 'The extension was updated; reload the page.' } },
    });
    const saving = within(complaint!).getByTestId<HTMLButtonElement>('careside-correct');
    expect(saving.disabled).toBe(true);
    expect(saving.textContent).toBe('Saving…');
    expect(within(praise!).getByRole('alert').textContent).toBe('Not saved: The extension was updated; reload the page.');
    expect(within(complaint!).queryByRole('alert')).toBeNull();
  });

  it('is not offered without a way to send it, nor on an ad', () => {
    const [complaint] = renderSidebar();
    expect(within(complaint!).queryByTestId('careside-correct')).toBeNull();
    cleanup();
    const [ad] = renderSidebar({ onCorrect: vi.fn(), mentions: [{ ...praiseRow, sponsored: true }] });
    expect(within(ad!).queryByTestId('careside-correct')).toBeNull();
  });

  it('leaves a logged row to its case panel (the row keeps room for the ref and Reply)', () => {
    const [logged] = renderSidebar({ onCorrect: vi.fn(), mentions: [{ ...praiseRow, caseLabel: 'CS-7F3K · New' }] });
    expect(within(logged!).getByTestId('careside-mention-case').textContent).toBe('CS-7F3K · New');
    expect(within(logged!).queryByTestId('careside-correct')).toBeNull();
  });
});
