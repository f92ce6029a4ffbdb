import { describe, expect, it, vi } from 'vitest';
import { createFocusRelay, showWhenSomethingToShow, sidebarHasSomethingToShow } from './sidebar-trigger';
import { createStore } from './store';
import { initialSnapshot, type ContentSnapshot, type MentionEntry } from './view-model';

const mention: MentionEntry = {
  postKey: 'x:1',
  post: { platform: 'x', postId: '1', kind: 'post', url: 'https://x.com/a/status/1', authorName: 'A', text: 'Acme lost my bag', reach: {} },
  brandIds: ['acme'],
  byBrand: false,
};

/** A page after the grace period: read, settings fine. */
const settled = (changes: Partial<ContentSnapshot>): ContentSnapshot => ({
  ...initialSnapshot('X / Twitter'),
  settings: { status: 'invalid', message: 'unused' },
  searching: false,
  ...changes,
});
const ok = { status: 'ok', settings: { brands: [{ id: 'acme' }] } } as ContentSnapshot['settings'];
const noBrands = { status: 'ok', settings: { brands: [] } } as unknown as ContentSnapshot['settings'];

describe('sidebarHasSomethingToShow', () => {
  it('is false while starting and on a healthy page without mentions', () => {
    expect(sidebarHasSomethingToShow(initialSnapshot('X / Twitter'))).toBe(false);
    expect(sidebarHasSomethingToShow(settled({ settings: ok, postsRead: 12, readQuality: { withText: 12, withAuthor: 12 } }))).toBe(false);
    // A page that never shows posts (settings, a profile's media tab) is no alarm.
    expect(sidebarHasSomethingToShow(settled({ settings: ok, postsRead: 0, expectsPosts: false }))).toBe(false);
  });

  it('is true for a mention, a health warning, broken settings or no brand set up', () => {
    expect(sidebarHasSomethingToShow(settled({ settings: ok, postsRead: 1, mentions: [mention] }))).toBe(true);
    expect(sidebarHasSomethingToShow(settled({ settings: ok, postsRead: 0, expectsPosts: true }))).toBe(true);
    expect(sidebarHasSomethingToShow(settled({ settings: { status: 'invalid', message: 'Brand 1 has no name' } }))).toBe(true);
    expect(sidebarHasSomethingToShow(settled({ settings: noBrands, postsRead: 12, readQuality: { withText: 12, withAuthor: 12 } }))).toBe(
      true,
    );
  });
});

describe('showWhenSomethingToShow', () => {
  it('shows once, on the first snapshot with something to show, and stops watching', () => {
    const store = createStore(initialSnapshot('X / Twitter'));
    const show = vi.fn();
    showWhenSomethingToShow(store, show);
    store.update((snapshot) => ({
      ...snapshot,
      settings: ok,
      postsRead: 3,
      readQuality: { withText: 3, withAuthor: 3 },
      searching: false,
    }));
    expect(show).not.toHaveBeenCalled();
    store.update((snapshot) => ({ ...snapshot, mentions: [mention] }));
    store.update((snapshot) => ({ ...snapshot, mentions: [mention, { ...mention, postKey: 'x:2' }] }));
    expect(show).toHaveBeenCalledTimes(1);
  });

  it('shows at once when the page already has something, and never after being stopped', () => {
    const shown = vi.fn();
    showWhenSomethingToShow(createStore(settled({ settings: ok, mentions: [mention] })), shown);
    expect(shown).toHaveBeenCalledTimes(1);

    const store = createStore(initialSnapshot('X / Twitter'));
    const never = vi.fn();
    showWhenSomethingToShow(store, never)();
    store.update((snapshot) => ({ ...snapshot, mentions: [mention] }));
    expect(never).not.toHaveBeenCalled();
  });
});

describe('createFocusRelay', () => {
  const requestSource = () => {
    const listeners = new Set<() => void>();
    return {
      subscribe: (listener: () => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      press: () => listeners.forEach((listener) => listener()),
      get size() {
        return listeners.size;
      },
    };
  };

  it('passes presses to the sidebar once it listens, without asking to load it', () => {
    const requests = requestSource();
    const onUnheard = vi.fn();
    const relay = createFocusRelay(requests.subscribe, onUnheard);
    const sidebar = vi.fn();
    relay.subscribe(sidebar);
    requests.press();
    expect(sidebar).toHaveBeenCalledTimes(1);
    expect(onUnheard).not.toHaveBeenCalled();
  });

  it('asks to load the sidebar on a press nobody hears, and hands that press to the sidebar when it subscribes', async () => {
    const requests = requestSource();
    const onUnheard = vi.fn();
    const relay = createFocusRelay(requests.subscribe, onUnheard);
    requests.press();
    expect(onUnheard).toHaveBeenCalledTimes(1);
    const sidebar = vi.fn();
    relay.subscribe(sidebar);
    // Right after the subscriber's own call, not inside it.
    expect(sidebar).not.toHaveBeenCalled();
    await Promise.resolve();
    expect(sidebar).toHaveBeenCalledTimes(1);
    // Handed over once: a later subscriber gets only later presses.
    const another = vi.fn();
    relay.subscribe(another);
    await Promise.resolve();
    expect(another).not.toHaveBeenCalled();
  });

  it('stops listening to presses when stopped', () => {
    const requests = requestSource();
    const relay = createFocusRelay(requests.subscribe, () => undefined);
    expect(requests.size).toBe(1);
    relay.stop();
    expect(requests.size).toBe(0);
  });
});
