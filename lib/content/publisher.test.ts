import { describe, expect, it, vi } from 'vitest';
import type { PageFacts } from './page-index';
import { Publisher } from './publisher';
import { createStore } from './store';
import { initialSnapshot, type MentionEntry } from './view-model';

const mention = (postId: string): MentionEntry => ({
  postKey: `x:${postId}`,
  post: { platform: 'x', postId, kind: 'post', url: `https://x.com/a/status/${postId}`, authorName: 'A', text: 'Acme', reach: {} },
  brandIds: ['acme'],
  byBrand: false,
});

/** A publisher over a page whose facts the test sets, with a clock and timers it runs by hand. */
function setUp(intervalMs: number) {
  const store = createStore(initialSnapshot('X / Twitter'));
  let facts: PageFacts = { postsRead: 0, readQuality: { withText: 0, withAuthor: 0 }, mentions: [] };
  let clock = 0;
  const timers: { run: () => void; ms: number }[] = [];
  const onPublished = vi.fn<(mentions: readonly MentionEntry[]) => void>();
  const reads = { pending: false };
  const publisher = new Publisher({
    readsPending: () => reads.pending,
    store,
    facts: () => facts,
    onPublished,
    intervalMs,
    delay: (run, ms) => timers.push({ run, ms }),
    now: () => clock,
  });
  /** The page read one more post. */
  const read = (postId: string) => {
    facts = {
      postsRead: facts.postsRead + 1,
      readQuality: { withText: facts.readQuality.withText + 1, withAuthor: facts.readQuality.withAuthor + 1 },
      mentions: [...facts.mentions, mention(postId)],
    };
    publisher.postRead();
  };
  return { store, publisher, onPublished, timers, read, reads, advance: (ms: number) => (clock += ms) };
}

describe('Publisher', () => {
  it('publishes only when something shown changed since the last publish', () => {
    const { store, publisher, onPublished, read } = setUp(0);
    read('1');
    publisher.publish();
    expect(store.get().postsRead).toBe(1);
    expect(onPublished).toHaveBeenCalledTimes(1);
    expect(onPublished.mock.calls[0]?.[0].map((entry) => entry.postKey)).toEqual(['x:1']);

    const published = store.get();
    publisher.publish();
    publisher.publishSoon();
    expect(store.get()).toBe(published);
    expect(onPublished).toHaveBeenCalledTimes(1);

    publisher.shownChanged();
    publisher.publish();
    expect(onPublished).toHaveBeenCalledTimes(2);
  });

  it('while posts stream in, publishes the first batch at once and the rest together at the end of the interval', () => {
    const { store, publisher, timers, read, advance } = setUp(1_000);
    read('1');
    publisher.publishSoon();
    expect(store.get().postsRead).toBe(1);

    advance(100);
    read('2');
    publisher.publishSoon();
    advance(100);
    read('3');
    publisher.publishSoon();
    expect(store.get().postsRead).toBe(1);
    expect(timers.map((timer) => timer.ms)).toEqual([900]);

    timers[0]?.run();
    expect(store.get().postsRead).toBe(3);
    expect(store.get().mentions.map((entry) => entry.postKey)).toEqual(['x:1', 'x:2', 'x:3']);
  });

  it('publishes at once when the interval has passed since the last publish', () => {
    const { store, publisher, timers, read, advance } = setUp(1_000);
    read('1');
    publisher.publishSoon();
    advance(1_500);
    read('2');
    publisher.publishSoon();
    expect(store.get().postsRead).toBe(2);
    expect(timers).toEqual([]);
  });

  it('while posts stream in, a triage answer waits for the coalesced publish instead of re-rendering the sidebar', () => {
    const { store, publisher, timers, read, advance } = setUp(1_000);
    read('1');
    publisher.publishSoon();
    advance(100);
    read('2');
    publisher.publishSoon();
    advance(900);
    timers.shift()?.run(); // a coalesced publish listing a new post: streaming
    expect(store.get().postsRead).toBe(2);

    advance(10);
    publisher.shownChanged();
    const before = store.get();
    publisher.publishSoon();
    expect(store.get()).toBe(before);
    expect(store.get().updating).toBe(true); // still streaming: the next publish is booked
    expect(timers.map((timer) => timer.ms)).toEqual([1_000]);
    advance(990);
    timers.shift()?.run();
    expect(store.get()).not.toBe(before);
    expect(store.get().updating).toBe(false);

    // That publish listed no new post: the stream is over, the next answer shows at once.
    advance(10);
    publisher.shownChanged();
    const after = store.get();
    publisher.publishSoon();
    expect(store.get()).not.toBe(after);
    expect(timers).toEqual([]);
  });

  it("follows a change that is not a read (a triage answer) at once on a page's first posts, even within the interval", () => {
    const { store, publisher, timers, read, advance } = setUp(1_000);
    read('1');
    publisher.publishSoon();
    advance(10);
    publisher.shownChanged();
    const before = store.get();
    publisher.publishSoon();
    expect(store.get()).not.toBe(before);
    expect(timers).toEqual([]);
  });

  it('says the sidebar is updating while a coalesced publish waits or reads continue, and not once an interval passed without new posts', () => {
    const { store, publisher, timers, read, reads, advance } = setUp(1_000);
    read('1');
    publisher.publishSoon();
    expect(store.get().updating).toBe(false);
    advance(100);
    read('2');
    publisher.publishSoon();
    expect(store.get().updating).toBe(true);
    // The interval ends while more posts still wait to be read: still updating.
    reads.pending = true;
    advance(900);
    timers.shift()?.run();
    expect(store.get().mentions).toHaveLength(2);
    expect(store.get().updating).toBe(true);
    // While streaming, the flag holds between batches instead of flipping (each flip re-renders the sidebar).
    reads.pending = false;
    const streaming = store.get();
    publisher.publishSoon();
    expect(store.get()).toBe(streaming);
    expect(timers.map((timer) => timer.ms)).toEqual([1_000]);
    // An interval without new posts: caught up, and nothing more is booked.
    advance(1_000);
    timers.shift()?.run();
    expect(store.get().updating).toBe(false);
    expect(timers).toEqual([]);
  });
});
