import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore, type Store } from '../../lib/content/store';
import { initialSnapshot, SIDEBAR_PAGE_ROWS, type ContentSnapshot, type MentionEntry } from '../../lib/content/view-model';
import type { PageCases } from '../../lib/content/case-sync';
import { BrandSchema } from '../../lib/domain/brand';
import type { Post } from '../../lib/domain/post';
import type { Priority, TriageResult } from '../../lib/domain/triage';
import { SettingsSchema } from '../../lib/settings/schema';
import { SidebarContainer } from './SidebarContainer';

const acme = BrandSchema.parse({ id: 'acme', name: 'Acme' });
const NO_CASES: PageCases = { cases: new Map(), error: null };

const post = (id: number): Post => ({
  platform: 'x',
  postId: String(id),
  kind: 'post',
  url: `https://x.com/jane/status/${id}`,
  authorName: `Customer ${id}`,
  text: 'Acme lost my bag',
  // Newer posts have higher ids: untriaged rows list newest first.
  postedAt: new Date(Date.UTC(2026, 11, 7, 12, id)).toISOString(),
  reach: {},
});

const triage = (priority: Priority): TriageResult => ({
  complaint: { isComplaint: true, confidence: 0.9, cues: [] },
  category: { category: 'delivery_delay', label: 'Delivery / delay', confidence: 1, source: 'rule' },
  priority: { priority, score: 50, explanation: `${priority}: complaint` },
});

const mention = (id: number, priority?: Priority): MentionEntry => ({
  postKey: `x:${id}`,
  post: post(id),
  brandIds: ['acme'],
  byBrand: false,
  ...(priority ? { triage: triage(priority) } : {}),
});

function renderContainer(mentions: MentionEntry[]): Store<ContentSnapshot> {
  const store = createStore<ContentSnapshot>({
    ...initialSnapshot('X / Twitter'),
    settings: { status: 'ok', settings: SettingsSchema.parse({ version: 1, brands: [acme] }) },
    searching: false,
    postsRead: mentions.length,
    mentions,
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <SidebarContainer
        store={store}
        cases={{ get: () => NO_CASES, subscribe: () => () => undefined }}
        onOpenOptions={() => undefined}
        onLog={() => undefined}
        platform="x"
        initialMode="floating"
      />
    </QueryClientProvider>,
  );
  return store;
}

/** The runtime publishes a new mentions array whenever a post or its triage changes. */
const publish = (store: Store<ContentSnapshot>, mentions: MentionEntry[]) =>
  act(() => store.update((current) => ({ ...current, postsRead: mentions.length, mentions })));

const shownKeys = () => screen.getAllByTestId('careside-mention').map((row) => row.getAttribute('data-post-key'));
// The rows' list: pointer events on it reach the element that holds the order (React's enter/leave).
const list = () => document.querySelector<HTMLElement>('.cs-mentions')!;
const rowOf = (postKey: string) => screen.getAllByTestId('careside-mention').find((row) => row.dataset.postKey === postKey)!;
const priorityOf = (postKey: string) => within(rowOf(postKey)).queryByTestId('careside-mention-triage')?.getAttribute('data-priority');

afterEach(cleanup);

describe('sidebar rows held under the pointer or keyboard focus', () => {
  it('keeps the rows in place while the pointer is over the list, updating their content, and re-sorts on leave', () => {
    const store = renderContainer([mention(1), mention(2), mention(3)]);
    expect(shownKeys()).toEqual(['x:3', 'x:2', 'x:1']);

    fireEvent.pointerEnter(list());
    publish(store, [mention(1, 'P1'), mention(2), mention(3, 'P4')]);
    expect(shownKeys()).toEqual(['x:3', 'x:2', 'x:1']);
    expect(priorityOf('x:1')).toBe('P1');
    expect(priorityOf('x:3')).toBe('P4');
    expect(screen.getByTestId('careside-order-notice').textContent).toBe('Order updated — show');

    fireEvent.pointerLeave(list());
    expect(shownKeys()).toEqual(['x:1', 'x:3', 'x:2']);
    expect(screen.queryByTestId('careside-order-notice')).toBeNull();
  });

  it('holds new rows back with a polite notice that applies the order, counting each row once', () => {
    const store = renderContainer([mention(1), mention(2)]);
    fireEvent.pointerEnter(list());
    publish(store, [mention(1), mention(2), mention(3, 'P1'), mention(4, 'P2'), mention(5)]);
    expect(shownKeys()).toEqual(['x:2', 'x:1']);
    const notice = screen.getByTestId('careside-order-notice');
    expect(notice.textContent).toBe('3 new mentions — show');
    expect(notice.closest('[role="status"]')?.getAttribute('aria-live')).toBe('polite');
    expect(document.querySelector('.cs-count')?.textContent).toBe('5');

    fireEvent.click(notice);
    expect(shownKeys()).toEqual(['x:3', 'x:4', 'x:5', 'x:2', 'x:1']);
    expect(screen.queryByTestId('careside-order-notice')).toBeNull();
  });

  it('lets rows that are gone leave while held', () => {
    const store = renderContainer([mention(1), mention(2), mention(3)]);
    fireEvent.pointerEnter(list());
    publish(store, [mention(1, 'P1'), mention(3)]);
    expect(shownKeys()).toEqual(['x:3', 'x:1']);
  });

  it('shows the rows of a new page under the pointer, then holds them', () => {
    const store = renderContainer([mention(1), mention(2)]);
    fireEvent.pointerEnter(list());
    publish(store, [mention(3), mention(4)]);
    expect(shownKeys()).toEqual(['x:4', 'x:3']);
    publish(store, [mention(3, 'P1'), mention(4)]);
    expect(shownKeys()).toEqual(['x:4', 'x:3']);
    expect(screen.getByTestId('careside-order-notice').textContent).toBe('Order updated — show');
  });

  it('holds while keyboard focus is inside the list, and re-sorts once focus leaves, keeping it on its row', () => {
    const store = renderContainer([mention(1), mention(2), mention(3)]);
    const outside = document.body.appendChild(document.createElement('button'));
    act(() => rowOf('x:1').focus());
    publish(store, [mention(1, 'P1'), mention(2, 'P2'), mention(3)]);
    expect(shownKeys()).toEqual(['x:3', 'x:2', 'x:1']);

    // The pointer passing over the list and leaving does not release a keyboard user's hold.
    fireEvent.pointerEnter(list());
    fireEvent.pointerLeave(list());
    expect(shownKeys()).toEqual(['x:3', 'x:2', 'x:1']);

    act(() => outside.focus());
    expect(shownKeys()).toEqual(['x:1', 'x:2', 'x:3']);
    outside.remove();
  });

  it('keeps focus on the same row when the notice applies the order', () => {
    const store = renderContainer([mention(1), mention(2), mention(3)]);
    // x:3 is shown first and goes last: React moves its node, which drops focus in a browser.
    act(() => rowOf('x:3').focus());
    publish(store, [mention(1, 'P1'), mention(2, 'P2'), mention(3)]);
    // A click on the notice does not move focus in every browser (Safari, Firefox on macOS).
    fireEvent.click(screen.getByTestId('careside-order-notice'));
    expect(shownKeys()).toEqual(['x:1', 'x:2', 'x:3']);
    expect(document.activeElement).toBe(rowOf('x:3'));
  });

  it('releases a pointer hold once a pointer is over something outside the list (the row under it was removed)', () => {
    const store = renderContainer([mention(1), mention(2), mention(3)]);
    fireEvent.pointerEnter(list());
    // The row under the pointer goes: no pointerleave reaches the list.
    publish(store, [mention(1), mention(2)]);
    publish(store, [mention(1), mention(2), mention(4, 'P1')]);
    expect(shownKeys()).toEqual(['x:2', 'x:1']);
    fireEvent.pointerOver(document.body);
    expect(shownKeys()).toEqual(['x:4', 'x:2', 'x:1']);
  });

  it('keeps a touch hold after the finger lifts, until a pointer is over something else', () => {
    const store = renderContainer([mention(1), mention(2)]);
    fireEvent.pointerEnter(list(), { pointerType: 'touch' });
    publish(store, [mention(1, 'P1'), mention(2)]);
    // A touch leaves as it lifts, before its click lands: the rows must not move in between.
    fireEvent.pointerLeave(list(), { pointerType: 'touch' });
    expect(shownKeys()).toEqual(['x:2', 'x:1']);
    fireEvent.pointerOver(rowOf('x:2'));
    expect(shownKeys()).toEqual(['x:2', 'x:1']);
    fireEvent.pointerOver(document.body);
    expect(shownKeys()).toEqual(['x:1', 'x:2']);
  });

  it('puts a keyboard user back on a row when their row left the list', () => {
    const store = renderContainer([mention(1), mention(2), mention(3)]);
    act(() => rowOf('x:2').focus());
    publish(store, [mention(1), mention(3)]);
    expect(list().contains(document.activeElement)).toBe(true);
  });

  it('puts focus on the first row when the focused notice goes with the order it applied', () => {
    const store = renderContainer([mention(1), mention(2)]);
    fireEvent.pointerEnter(list());
    publish(store, [mention(1, 'P1'), mention(2)]);
    const notice = screen.getByTestId('careside-order-notice');
    act(() => notice.focus());
    fireEvent.click(notice);
    expect(shownKeys()).toEqual(['x:1', 'x:2']);
    expect(document.activeElement).toBe(rowOf('x:1'));
  });

  it('adds "Show more" rows below the held rows; a row held back stays with the notice, counted once', () => {
    const many = Array.from({ length: SIDEBAR_PAGE_ROWS + 5 }, (_, index) => mention(index + 1));
    const store = renderContainer(many);
    expect(screen.getByTestId('careside-show-more').textContent).toBe('Show 5 less urgent');
    const firstPage = shownKeys();
    fireEvent.pointerEnter(list());
    publish(store, [...many, mention(100, 'P1')]);
    expect(shownKeys()).toEqual(firstPage);
    expect(screen.getByTestId('careside-order-notice').textContent).toBe('1 new mention — show');
    expect(screen.getByTestId('careside-show-more').textContent).toBe('Show 5 less urgent');
    expect(document.querySelector('.cs-count')?.textContent).toBe(String(SIDEBAR_PAGE_ROWS + 6));

    fireEvent.click(screen.getByTestId('careside-show-more'));
    expect(shownKeys().slice(0, SIDEBAR_PAGE_ROWS)).toEqual(firstPage);
    expect(shownKeys()).toEqual([...firstPage, 'x:5', 'x:4', 'x:3', 'x:2', 'x:1']);
    expect(screen.queryByTestId('careside-show-more')).toBeNull();
    expect(screen.getByTestId('careside-order-notice').textContent).toBe('1 new mention — show');
  });
});
