import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MentionRowView } from '../MentionRow';
import { Sidebar, type SidebarProps } from '../Sidebar';

/** How the sidebar opens the case panel: a "Reply" button on logged rows, the panel in place of the list. */
const row = (patch: Partial<MentionRowView> = {}): MentionRowView => ({
  postKey: 'x:1',
  authorName: 'Jane Doe',
  url: 'https://x.com/jdoe/status/1',
  excerpt: 'Acme lost my bag',
  brandNames: ['Acme'],
  byBrand: false,
  logging: false,
  ...patch,
});

function props(patch: Partial<SidebarProps> = {}): SidebarProps {
  return {
    statusText: 'X / Twitter: read 2 posts, 2 mention a brand.',
    mentions: [row(), row({ postKey: 'x:2', caseLabel: 'CS-7F3K · New' })],
    noBrands: false,
    onOpenOptions: vi.fn(),
    mode: 'floating',
    onModeChange: vi.fn(),
    onLog: vi.fn(),
    ...patch,
  };
}

afterEach(cleanup);

describe('Sidebar and the case panel', () => {
  it('offers "Reply" only on logged rows, and only when the panel can open', () => {
    const onOpenCase = vi.fn();
    const { rerender } = render(<Sidebar {...props({ onOpenCase })} />);
    const buttons = screen.getAllByTestId('careside-mention-open-case');
    expect(buttons).toHaveLength(1);
    fireEvent.click(buttons[0]!);
    expect(onOpenCase).toHaveBeenCalledWith('x:2');
    // The logged row still shows its case label; the unlogged one still offers "Log case".
    expect(screen.getByTestId('careside-mention-case').textContent).toBe('CS-7F3K · New');
    expect(screen.getAllByTestId('careside-mention-log')).toHaveLength(1);

    rerender(<Sidebar {...props()} />);
    expect(screen.queryAllByTestId('careside-mention-open-case')).toHaveLength(0);
  });

  it('shows the case panel in place of the mention list', () => {
    render(<Sidebar {...props({ casePanel: <section data-testid="careside-case-panel">panel</section> })} />);
    expect(screen.getByTestId('careside-case-panel')).toBeDefined();
    expect(screen.queryAllByTestId('careside-mention')).toHaveLength(0);
    expect(screen.getByTestId('careside-sidebar-status')).toBeDefined();
  });
});
