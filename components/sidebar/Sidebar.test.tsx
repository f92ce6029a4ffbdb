import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MentionRowView } from './MentionRow';
import { Sidebar, type SidebarProps } from './Sidebar';

const row = (patch: Partial<MentionRowView> = {}): MentionRowView => ({
  postKey: 'x:1',
  authorName: 'Jane Doe',
  authorHandle: 'jdoe',
  url: 'https://x.com/jdoe/status/1',
  excerpt: 'Acme lost my bag',
  brandNames: ['Acme'],
  byBrand: false,
  logging: false,
  ...patch,
});

function renderSidebar(patch: Partial<SidebarProps> = {}) {
  const props: SidebarProps = {
    statusText: 'X / Twitter: read 9 posts, 2 mention a brand.',
    mentions: [row(), row({ postKey: 'x:2', caseLabel: 'CS-7F3K · New' })],
    noBrands: false,
    onOpenOptions: vi.fn(),
    mode: 'floating',
    onModeChange: vi.fn(),
    onLog: vi.fn(),
    ...patch,
  };
  render(<Sidebar {...props} />);
  return props;
}

afterEach(cleanup);

describe('Sidebar', () => {
  it('shows the status line and one row per mention with the contract test ids', () => {
    renderSidebar();
    expect(screen.getByTestId('careside-sidebar')).toBeDefined();
    expect(screen.getByTestId('careside-sidebar-status').textContent).toBe('X / Twitter: read 9 posts, 2 mention a brand.');
    const rows = screen.getAllByTestId('careside-mention');
    expect(rows.map((element) => element.getAttribute('data-post-key'))).toEqual(['x:1', 'x:2']);
    expect(within(rows[0] as HTMLElement).getByTestId('careside-mention-log').textContent).toBe('Log case');
    expect(within(rows[0] as HTMLElement).queryByTestId('careside-mention-case')).toBeNull();
    expect(within(rows[1] as HTMLElement).getByTestId('careside-mention-case').textContent).toBe('CS-7F3K · New');
    expect(within(rows[1] as HTMLElement).queryByTestId('careside-mention-log')).toBeNull();
  });

  it('offers the less urgent rows it does not render yet', () => {
    const onShowMore = vi.fn();
    renderSidebar({ hiddenCount: 30, onShowMore });
    expect(screen.getByTestId('careside-show-more').textContent).toBe('Show 30 less urgent');
    fireEvent.click(screen.getByTestId('careside-show-more'));
    expect(onShowMore).toHaveBeenCalledOnce();
    expect(document.querySelector('.cs-count')?.textContent).toBe('32');
    cleanup();
    renderSidebar();
    expect(screen.queryByTestId('careside-show-more')).toBeNull();
  });

  it('logs the row’s post when its button is clicked', () => {
    const props = renderSidebar();
    fireEvent.click(screen.getAllByTestId('careside-mention-log')[0] as HTMLElement);
    expect(props.onLog).toHaveBeenCalledExactlyOnceWith('x:1');
  });

  it('disables the button while logging and shows errors', () => {
    renderSidebar({ mentions: [row({ logging: true }), row({ postKey: 'x:3', error: 'background unreachable' })] });
    const buttons = screen.getAllByTestId<HTMLButtonElement>('careside-mention-log');
    expect(buttons[0]?.disabled).toBe(true);
    expect(buttons[0]?.textContent).toBe('Logging…');
    expect(screen.getByRole('alert').textContent).toBe('background unreachable');
  });

  it('renders hostile page text as text', () => {
    const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    renderSidebar({ mentions: [row({ authorName: hostile, excerpt: hostile, brandNames: [hostile] })] });
    const mention = screen.getByTestId('careside-mention');
    expect(mention.querySelector('img, script')).toBeNull();
    expect(mention.textContent).toContain(hostile);
  });

  it('marks the brand’s own posts', () => {
    renderSidebar({ mentions: [row({ byBrand: true })] });
    expect(screen.getByTestId('careside-mention').getAttribute('data-by-brand')).toBe('true');
    expect(screen.getByText('Brand’s own post')).toBeDefined();
  });

  it('marks a quote post and shows whom and what it quotes', () => {
    renderSidebar({ mentions: [row({ quoted: { author: '@AcmeSupport', excerpt: 'On time 92% of the time' } }), row({ postKey: 'x:2' })] });
    const [quote, plain] = screen.getAllByTestId('careside-mention');
    expect(within(quote!).getByTestId('careside-mention-quote').textContent).toBe('Quote');
    expect(within(quote!).getByTestId('careside-mention-quoted').textContent).toBe('Quoting @AcmeSupport: On time 92% of the time');
    expect(within(plain!).queryByTestId('careside-mention-quoted')).toBeNull();
  });

  it('says when the page showed only the start of a post ("Show more")', () => {
    renderSidebar({ mentions: [row({ truncated: true }), row({ postKey: 'x:2' })] });
    const [cut, whole] = screen.getAllByTestId('careside-mention');
    expect(within(cut!).getByTestId('careside-mention-truncated').textContent).toBe('(shortened on the page)');
    expect(within(whole!).queryByTestId('careside-mention-truncated')).toBeNull();
  });

  it("says who answered a post when the brand's own reply is on the page, and marks sponsored posts", () => {
    renderSidebar({ mentions: [row({ answeredBy: '@AcmeAirHelp' }), row({ postKey: 'x:2', sponsored: true })] });
    const [answered, sponsored] = screen.getAllByTestId('careside-mention');
    expect(within(answered!).getByTestId('careside-mention-answered').textContent).toBe('Answered by @AcmeAirHelp');
    expect(within(answered!).queryByTestId('careside-mention-sponsored')).toBeNull();
    expect(within(sponsored!).getByTestId('careside-mention-sponsored').textContent).toBe('Sponsored');
    expect(within(sponsored!).queryByTestId('careside-mention-answered')).toBeNull();
  });

  it('shows the status as an alert when CareSide cannot read the page properly', () => {
    renderSidebar({
      statusText: 'X / Twitter: read 12 posts, 0 mention a brand. Found 12 posts but could read no text…',
      statusAlert: true,
    });
    const status = screen.getByTestId('careside-sidebar-status');
    expect(status.getAttribute('role')).toBe('alert');
    expect(status.closest('[data-health="warning"]')?.className).toContain('cs-status-alert');
    cleanup();
    renderSidebar();
    expect(screen.getByTestId('careside-sidebar-status').getAttribute('role')).toBeNull();
  });

  it('offers "Copy diagnostics" on the alert only, and says "Copied" once the copy worked', async () => {
    const onCopyDiagnostics = vi.fn(() => Promise.resolve(true));
    renderSidebar({ statusText: 'X / Twitter: read 0 posts on a page that should show posts.', statusAlert: true, onCopyDiagnostics });
    const button = screen.getByTestId('careside-copy-diagnostics');
    expect(button.textContent).toBe('Copy diagnostics');
    fireEvent.click(button);
    await waitFor(() => expect(button.getAttribute('data-state')).toBe('copied'));
    expect(button.textContent).toBe('✓ Copied');
    expect(onCopyDiagnostics).toHaveBeenCalledTimes(1);
    cleanup();
    renderSidebar({ onCopyDiagnostics });
    expect(screen.queryByTestId('careside-copy-diagnostics')).toBeNull();
  });

  it('says so when the clipboard refused the diagnostics', async () => {
    renderSidebar({ statusText: 'X / Twitter: read 0 posts.', statusAlert: true, onCopyDiagnostics: () => Promise.resolve(false) });
    fireEvent.click(screen.getByTestId('careside-copy-diagnostics'));
    await waitFor(() => expect(screen.getByTestId('careside-copy-diagnostics').getAttribute('data-state')).toBe('failed'));
    expect(screen.getByText(/Could not copy/).textContent).toBe('Could not copy: select the warning text instead');
  });

  it('says when no brands are configured and opens the options page on request', () => {
    const onOpenOptions = vi.fn();
    renderSidebar({ noBrands: true, mentions: [], onOpenOptions });
    const notice = screen.getByTestId('careside-sidebar-no-brands');
    expect(notice.textContent).toContain('No brands are configured yet.');
    within(notice).getByRole('button', { name: 'Open CareSide options' }).click();
    expect(onOpenOptions).toHaveBeenCalledTimes(1);
    expect(screen.queryAllByTestId('careside-mention')).toHaveLength(0);
  });

  it('explains rejected settings', () => {
    const settingsError = 'The stored CareSide settings are invalid (brands[0].id: Invalid), so defaults are in use.';
    renderSidebar({ noBrands: true, mentions: [], settingsError });
    expect(screen.getByTestId('careside-sidebar-settings-error').textContent).toBe(
      `${settingsError} No brands are being watched until then.`,
    );
  });

  it('collapses to a tab with the mention count, and Show restores the layout it had', () => {
    const props = renderSidebar({ mode: 'collapsed', openMode: 'docked' });
    expect(screen.queryAllByTestId('careside-mention')).toHaveLength(0);
    expect(screen.queryByTestId('careside-sidebar-status')).toBeNull();
    expect(screen.queryByTestId('careside-sidebar-layout')).toBeNull();
    expect(document.querySelector('.cs-count')?.textContent).toBe('2');
    const toggle = screen.getByTestId('careside-sidebar-toggle');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(props.onModeChange).toHaveBeenCalledExactlyOnceWith('docked');
  });

  it('switches between docked and floating, and hides', () => {
    const props = renderSidebar({ mode: 'docked' });
    expect(screen.getByTestId('careside-sidebar').getAttribute('data-mode')).toBe('docked');
    fireEvent.click(screen.getByTestId('careside-sidebar-layout'));
    fireEvent.click(screen.getByTestId('careside-sidebar-toggle'));
    expect(vi.mocked(props.onModeChange).mock.calls).toEqual([['floating'], ['collapsed']]);
  });

  it('follows the page theme and offers to show each post on the page', () => {
    const onShowPost = vi.fn();
    renderSidebar({ theme: 'dark', onShowPost });
    expect(screen.getByTestId('careside-sidebar').getAttribute('data-theme')).toBe('dark');
    fireEvent.click(within(screen.getAllByTestId('careside-mention')[1] as HTMLElement).getByTestId('careside-mention-show'));
    expect(onShowPost).toHaveBeenCalledExactlyOnceWith('x:2');
  });

  it('moves the floating panel with the arrow keys on its grip, and by dragging its header', () => {
    const onMove = vi.fn();
    renderSidebar({ mode: 'floating', width: 340, position: { right: 16, top: 72 }, onMove });
    const aside = screen.getByTestId('careside-sidebar');
    expect(aside.style.right).toBe('16px');
    expect(aside.style.top).toBe('72px');
    const grip = screen.getByRole('button', { name: 'Move the CareSide panel' });
    fireEvent.keyDown(grip, { key: 'ArrowLeft' });
    fireEvent.keyDown(grip, { key: 'ArrowDown', shiftKey: true });
    fireEvent.keyDown(grip, { key: 'j' });
    expect(onMove.mock.calls).toEqual([
      [{ right: 36, top: 72 }, true],
      [{ right: 16, top: 132 }, true],
    ]);

    onMove.mockClear();
    const header = aside.querySelector('header')!;
    header.setPointerCapture = vi.fn();
    fireEvent.pointerDown(header, { button: 0, pointerId: 1, clientX: 900, clientY: 90 });
    fireEvent.pointerMove(header, { pointerId: 1, clientX: 850, clientY: 140 });
    fireEvent.pointerUp(header, { pointerId: 1, clientX: 800, clientY: 190 });
    expect(onMove.mock.calls).toEqual([
      [{ right: 66, top: 122 }, false],
      [{ right: 116, top: 172 }, true],
    ]);
  });

  it('offers no move when docked, and a header button press is not a drag', () => {
    const onMove = vi.fn();
    renderSidebar({ mode: 'docked', width: 340, position: { right: 16, top: 72 }, onMove });
    expect(screen.queryByTestId('careside-sidebar-move')).toBeNull();
    expect(screen.getByTestId('careside-sidebar').style.top).toBe('');
    cleanup();
    renderSidebar({ mode: 'floating', width: 340, position: { right: 16, top: 72 }, onMove });
    const hide = screen.getByTestId('careside-sidebar-toggle');
    fireEvent.pointerDown(hide, { button: 0, pointerId: 1, clientX: 900, clientY: 90 });
    fireEvent.pointerUp(hide, { pointerId: 1, clientX: 800, clientY: 190 });
    expect(onMove).not.toHaveBeenCalled();
  });
});
