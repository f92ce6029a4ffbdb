/**
 * The falling-share health check on real page shapes: the X search timeline, status pages and
 * captures, the real Facebook permalink capture and the Yelp review pages in tests/fixtures, read
 * by the real adapters; a mid-session redesign is the timeline's own cells coming in with the
 * post element renamed (as X's A/B tests do), which findPosts no longer recognises.
 */
import { describe, expect, it } from 'vitest';
import { SettingsSchema } from '../settings/schema';
import { facebookAdapter } from '../sites/facebook/adapter';
import type { SiteAdapter } from '../sites/types';
import { xAdapter } from '../sites/x/adapter';
import { X_SELECTORS } from '../sites/x/selectors';
import { yelpAdapter } from '../sites/yelp/adapter';
import { loadFacebookFixture, windowAt } from '../../tests/fixtures/facebook/load';
import { loadXFixture, X_FIXTURE_URLS, type XFixture } from '../../tests/fixtures/x/load';
import { loadYelpFixture, YELP_FIXTURE_URLS, type YelpFixture } from '../../tests/fixtures/yelp/load';
import { PageIndex } from './page-index';
import { READ_SHARE_THRESHOLDS, ReadShareWatch, type ReadShareSample } from './read-share';
import { createReadShareCheck, MAX_LOOKS_PUT_OFF, READ_SHARE_CHECK_MS } from './read-share-check';
import { createStore } from './store';
import { testTriageRequests } from './testing';
import { healthWarning, initialSnapshot, type ContentSnapshot } from './view-model';

function newIndex(adapter: SiteAdapter, url: string): PageIndex {
  return new PageIndex(adapter, windowAt(url), testTriageRequests());
}

/** Read every post the adapter finds (as the scanner does), then count the containers as the check does. */
function readPage(adapter: SiteAdapter, doc: Document, index: PageIndex): ReadShareSample {
  for (const element of adapter.findPosts(doc)) index.read(element);
  return index.readShareOf(adapter.postContainers?.(doc) ?? []);
}

function sampleOf(adapter: SiteAdapter, doc: Document, url: string): ReadShareSample {
  return readPage(adapter, doc, newIndex(adapter, url));
}

/** `count` more timeline cells copied from the page's own, whose article X no longer names "tweet". */
function addRedesignedCells(doc: Document, count: number): Element[] {
  const cells = [...doc.querySelectorAll(X_SELECTORS.cell)].filter((cell) => cell.querySelector('article'));
  const list = cells[0]?.parentElement;
  if (!list) throw new Error('the timeline fixture has no cells');
  const added: Element[] = [];
  for (let index = 0; index < count; index++) {
    const copy = (cells[index % cells.length] as Element).cloneNode(true) as Element;
    copy.querySelector('article')?.setAttribute('data-testid', 'post');
    list.append(copy);
    added.push(copy);
  }
  return added;
}

const settled = (watch: ReadShareWatch, sample: ReadShareSample, looks: number = READ_SHARE_THRESHOLDS.confirmations) => {
  let view = watch.observe(sample);
  for (let look = 1; look < looks; look++) view = watch.observe(sample);
  return view;
};

const snapshotWith = (readShare: ContentSnapshot['readShare'], postsRead: number): ContentSnapshot => ({
  ...initialSnapshot('X / Twitter'),
  settings: { status: 'ok', settings: SettingsSchema.parse({ version: 1, brands: [] }) },
  searching: false,
  postsRead,
  readQuality: { withText: postsRead, withAuthor: postsRead },
  readShare,
});

describe('read share on real page shapes', () => {
  it('reads every container of the X timeline, status page and captures, and of the real Facebook permalink', () => {
    expect(sampleOf(xAdapter, loadXFixture('timeline'), X_FIXTURE_URLS.timeline)).toEqual({ containers: 9, read: 9 });
    expect(sampleOf(xAdapter, loadXFixture('status'), X_FIXTURE_URLS.status)).toEqual({ containers: 7, read: 7 });
    expect(sampleOf(xAdapter, loadXFixture('statusPt'), X_FIXTURE_URLS.statusPt)).toEqual({ containers: 1, read: 1 });
    const permalink = loadFacebookFixture('realPermalink');
    expect(sampleOf(facebookAdapter, permalink, 'https://www.facebook.com/acme/posts/1')).toEqual({ containers: 11, read: 11 });
  });

  it('raises no alarm on any fixture page at rest, however often it is looked at', () => {
    const x: XFixture[] = ['timeline', 'home', 'status', 'localized', 'longQuotes', 'sample', 'quote', 'statusPt'];
    const yelp: YelpFixture[] = ['bizReviews', 'renamedClasses', 'ownerReviews', 'noReviews', 'ownerReplies'];
    const samples = [
      ...x.map((name) => sampleOf(xAdapter, loadXFixture(name), X_FIXTURE_URLS[name])),
      ...yelp.map((name) => sampleOf(yelpAdapter, loadYelpFixture(name), YELP_FIXTURE_URLS[name])),
      sampleOf(facebookAdapter, loadFacebookFixture('realPermalink'), 'https://www.facebook.com/acme/posts/1'),
      sampleOf(facebookAdapter, loadFacebookFixture('postComments'), 'https://www.facebook.com/acme/posts/1'),
    ];
    for (const sample of samples) expect(settled(new ReadShareWatch(), sample, 5).fallen).toBe(false);
  });

  it('warns when new X cells stop being read after a healthy start, once the fall shows on two looks', () => {
    const doc = loadXFixture('timeline');
    const index = newIndex(xAdapter, X_FIXTURE_URLS.timeline);
    const watch = new ReadShareWatch();
    expect(watch.observe(readPage(xAdapter, doc, index))).toMatchObject({ healthyShare: 1, fallen: false });

    addRedesignedCells(doc, 9);
    const fallen = readPage(xAdapter, doc, index);
    expect(fallen).toEqual({ containers: 18, read: 9 });
    expect(watch.observe(fallen).fallen).toBe(false); // one look: a cell may still be filling in
    expect(watch.awaitingConfirmation).toBe(true);
    const view = watch.observe(readPage(xAdapter, doc, index));
    expect(view).toEqual({ containers: 18, read: 9, healthyShare: 1, fallen: true });
    expect(healthWarning(snapshotWith(view, 9))).toBe(
      "Read only 9 of the 18 posts on the page (100% earlier on this page). The site's layout may have changed, so CareSide cannot read it fully: brand mentions may be missed.",
    );
  });

  it('clears the warning once the new cells are read (the page finished rendering them)', () => {
    const doc = loadXFixture('timeline');
    const index = newIndex(xAdapter, X_FIXTURE_URLS.timeline);
    const watch = new ReadShareWatch();
    watch.observe(readPage(xAdapter, doc, index));
    const added = addRedesignedCells(doc, 9);
    expect(settled(watch, readPage(xAdapter, doc, index)).fallen).toBe(true);
    for (const cell of added) cell.querySelector('article')?.setAttribute('data-testid', 'tweet');
    expect(watch.observe(readPage(xAdapter, doc, index))).toMatchObject({ containers: 18, read: 18, fallen: false });
  });

  it('does not warn for a few unread cells, nor on a page too small to have made a healthy start', () => {
    const doc = loadXFixture('timeline');
    const index = newIndex(xAdapter, X_FIXTURE_URLS.timeline);
    const watch = new ReadShareWatch();
    watch.observe(readPage(xAdapter, doc, index));
    addRedesignedCells(doc, READ_SHARE_THRESHOLDS.minUnread - 1);
    expect(settled(watch, readPage(xAdapter, doc, index), 5).fallen).toBe(false);

    // A status page with one post: whatever follows it, there was no healthy start to fall from.
    const status = loadXFixture('sample');
    const small = new ReadShareWatch();
    expect(small.observe(sampleOf(xAdapter, status, X_FIXTURE_URLS.sample)).healthyShare).toBeNull();
    expect(settled(small, { containers: 12, read: 1 }, 5).fallen).toBe(false);
  });

  it('does not call a Yelp page with business lists (5 of 7 rated items are reviews) a healthy start', () => {
    const sample = sampleOf(yelpAdapter, loadYelpFixture('bizReviews'), YELP_FIXTURE_URLS.bizReviews);
    expect(sample).toEqual({ containers: 7, read: 5 });
    const watch = new ReadShareWatch();
    expect(watch.observe(sample).healthyShare).toBeNull();
    expect(settled(watch, { containers: 20, read: 5 }).fallen).toBe(false);
  });

  it('lets a look during loading make the healthy start, but never count as a fall', () => {
    const watch = new ReadShareWatch();
    expect(watch.observe({ containers: 9, read: 9 }, true).healthyShare).toBe(1);
    for (let look = 0; look < 5; look++) expect(watch.observe({ containers: 18, read: 9 }, true).fallen).toBe(false);
    expect(watch.awaitingConfirmation).toBe(false);
    expect(settled(watch, { containers: 18, read: 9 }).fallen).toBe(true);
  });

  it('starts over on a new page', () => {
    const watch = new ReadShareWatch();
    watch.observe({ containers: 10, read: 10 });
    watch.reset();
    expect(settled(watch, { containers: 20, read: 5 })).toEqual({ containers: 20, read: 5, healthyShare: null, fallen: false });
  });
});

describe('createReadShareCheck', () => {
  /** A delay the test runs by hand: the callbacks waiting now. */
  function manualDelay() {
    const waiting: (() => void)[] = [];
    const clock = { ms: 0 };
    const delay = (run: () => void) => void waiting.push(run);
    /** Move the clock on (by default a whole interval) and run the callbacks waiting now. */
    const runAll = (advanceMs = READ_SHARE_CHECK_MS) => {
      clock.ms += advanceMs;
      waiting.splice(0).forEach((run) => run());
    };
    const advance = (ms: number) => void (clock.ms += ms);
    return { delay, runAll, advance, waiting, now: () => clock.ms };
  }

  it('does not judge the page while posts wait to be read or it is still loading, and looks again until it settles', () => {
    const store = createStore(initialSnapshot('X / Twitter'));
    const timers = manualDelay();
    let pending = true;
    let loading = true;
    let sample: ReadShareSample = { containers: 10, read: 10 };
    const check = createReadShareCheck({
      store,
      sample: () => sample,
      readsPending: () => pending,
      loading: () => loading,
      delay: timers.delay,
      now: timers.now,
    });
    check.soon();
    check.soon(); // coalesced
    expect(timers.waiting).toHaveLength(1);
    timers.runAll();
    expect(store.get().readShare.containers).toBe(0); // reads pending: no look
    expect(timers.waiting).toHaveLength(1); // looks again
    pending = false;
    timers.runAll(); // loading: the healthy start counts
    expect(store.get().readShare).toEqual({ containers: 10, read: 10, healthyShare: 1, fallen: false });
    sample = { containers: 20, read: 10 };
    timers.runAll();
    timers.runAll(); // still loading: however often it looks, no fall
    expect(store.get().readShare).toEqual({ containers: 20, read: 10, healthyShare: 1, fallen: false });
    loading = false;
    sample = { containers: 10, read: 10 };
    timers.runAll();
    expect(timers.waiting).toHaveLength(0); // settled and healthy: it waits for the page to change

    sample = { containers: 20, read: 10 };
    check.soon();
    timers.runAll(); // the fall, once
    expect(store.get().readShare.fallen).toBe(false);
    timers.runAll(); // it looks again by itself to confirm
    expect(store.get().readShare.fallen).toBe(true);
    expect(timers.waiting).toHaveLength(0);

    check.reset();
    expect(store.get().readShare).toEqual({ containers: 0, read: 0, healthyShare: null, fallen: false });
  });

  it('puts a look off while the page keeps changing (posts streaming in), but looks at least every few intervals', () => {
    const store = createStore(initialSnapshot('X / Twitter'));
    const timers = manualDelay();
    let samples = 0;
    const check = createReadShareCheck({
      store,
      sample: () => ({ containers: ++samples, read: samples }),
      readsPending: () => false,
      loading: () => false,
      delay: timers.delay,
      now: timers.now,
    });
    const looked: number[] = [];
    for (let interval = 0; interval < 2 * (MAX_LOOKS_PUT_OFF + 1); interval++) {
      // The page changes again late in each interval.
      timers.advance(READ_SHARE_CHECK_MS - 100);
      check.soon();
      timers.runAll(100);
      looked.push(samples);
    }
    // One look per MAX_LOOKS_PUT_OFF + 1 intervals instead of one per interval.
    expect(looked).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 1, 2]);
    expect(store.get().readShare.containers).toBe(2);
    // The page went still: it looks once it has been still for an interval.
    check.soon();
    timers.runAll();
    expect(samples).toBe(3);
  });
});
