import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Spiral } from '../../lib/spirals';
import type { MentionRowView } from './MentionRow';
import { Sidebar } from './Sidebar';

const row = (postKey: string, triage?: MentionRowView['triage']): MentionRowView => ({
  postKey,
  authorName: 'Jane',
  url: 'https://x.com/jane/status/1',
  excerpt: 'Acme lost my bag',
  brandNames: ['Acme'],
  byBrand: false,
  logging: false,
  ...(triage ? { triage } : {}),
});

const spiral = (patch: Partial<Spiral> = {}): Spiral => ({
  id: 'sp-abc',
  label: 'lost bag · baggage claim',
  size: 6,
  postKeys: ['x:1', 'x:2', 'x:3', 'x:4', 'x:5', 'x:6'],
  firstAt: 0,
  lastAt: 40 * 60_000,
  platforms: ['x'],
  ...patch,
});

function renderSidebar(mentions: MentionRowView[], spirals: Spiral[] = [], collapsed = false) {
  render(
    <Sidebar
      statusText="X: read 2 posts"
      mentions={mentions}
      noBrands={false}
      onOpenOptions={vi.fn()}
      mode={collapsed ? 'collapsed' : 'floating'}
      onModeChange={vi.fn()}
      onLog={vi.fn()}
      spirals={spirals}
    />,
  );
}

afterEach(cleanup);

describe('Sidebar triage', () => {
  it('shows priority, category, complaint flag and the one-line explanation per row', () => {
    renderSidebar([
      row('x:1', {
        priority: 'P1',
        category: 'Delivery / delay',
        complaint: true,
        explanation: 'P1: complaint, 25k views, "no response for 3 weeks"',
      }),
      row('x:2'),
    ]);
    const rows = screen.getAllByTestId('careside-mention');
    const first = rows[0];
    const second = rows[1];
    const triage = within(first as HTMLElement).getByTestId('careside-mention-triage');
    expect(triage.getAttribute('data-priority')).toBe('P1');
    expect(triage.textContent).toContain('P1');
    expect(triage.textContent).toContain('Delivery / delay');
    expect(triage.textContent).toContain('Complaint');
    expect(within(first as HTMLElement).getByTestId('careside-mention-explanation').textContent).toBe(
      'P1: complaint, 25k views, "no response for 3 weeks"',
    );
    expect(within(second as HTMLElement).queryByTestId('careside-mention-triage')).toBeNull();
  });

  it('gives a post that is not a complaint no complaint category', () => {
    renderSidebar([row('x:1', { priority: 'P4', complaint: false, explanation: 'P4: not a complaint' })]);
    const triage = screen.getByTestId('careside-mention-triage');
    expect(triage.textContent).toContain('Not a complaint');
    expect(triage.querySelector('.cs-category')).toBeNull();
  });

  it('renders a hostile explanation as text', () => {
    const hostile = 'P2: complaint, "<img src=x onerror=alert(1)>"';
    renderSidebar([row('x:1', { priority: 'P2', category: 'Other', complaint: true, explanation: hostile })]);
    const explanation = screen.getByTestId('careside-mention-explanation');
    expect(explanation.textContent).toBe(hostile);
    expect(explanation.querySelector('img')).toBeNull();
  });
});

describe('Sidebar spiral alerts', () => {
  it('alerts once per active spiral, even when collapsed', () => {
    renderSidebar([], [spiral(), spiral({ id: 'sp-def', size: 5, label: 'app crash · login screen', lastAt: 3 * 3_600_000 })], true);
    expect(screen.getAllByTestId('careside-spiral-alert').map((alert) => alert.textContent)).toEqual([
      'Spiral: 6 similar complaints in 40 min — lost bag · baggage claim',
      'Spiral: 5 similar complaints in 3 h — app crash · login screen',
    ]);
  });

  it('shows nothing without spirals', () => {
    renderSidebar([row('x:1')]);
    expect(screen.queryByTestId('careside-spiral-alert')).toBeNull();
  });
});
