import { describe, expect, it } from 'vitest';
import type { Post } from '../domain/post';
import type { SendRequest } from '../messaging/client';
import { SettingsSchema } from '../settings/schema';
import type { TriageResult } from '../domain/triage';
import { TRIAGE_PENDING } from './inline-control';
import { PageIndex } from './page-index';
import { healthWarning, initialSnapshot, MIN_POSTS_FOR_HEALTH } from './view-model';
import { testTriageRequests } from './testing';
import { facebookAdapter } from '../sites/facebook/adapter';
import { xAdapter } from '../sites/x/adapter';
import { yelpAdapter } from '../sites/yelp/adapter';
import type { SiteAdapter } from '../sites/types';
import type { TriagePost } from '../messaging/protocol';
import { loadXFixture, X_FIXTURE_URLS } from '../../tests/fixtures/x/load';
import { loadYelpFixture } from '../../tests/fixtures/yelp/load';
import { loadFacebookFixture, windowAt } from '../../tests/fixtures/facebook/load';

const BRANDS = SettingsSchema.parse({
  version: 1,
  brands: [{ id: 'acme', name: 'Acme Air', handles: { x: ['AcmeAir'], facebook: [], yelp: [] } }],
}).brands;

const P2_COMPLAINT = {
  complaint: { isComplaint: true, confidence: 0.9, cues: [] },
  category: { category: 'lost_damaged', label: 'Lost / damaged' },
  priority: { priority: 'P2', explanation: 'P2: complaint' },
} as unknown as TriageResult;

/** A post element as a fake adapter reads it: id, author handle and text in attributes. */
function postElement(id: string, text: string, handle = 'jane'): HTMLElement {
  const element = document.createElement('article');
  element.dataset.id = id;
  element.dataset.handle = handle;
  element.textContent = text;
  document.body.append(element);
  return element;
}

const adapter = {
  readPost(element: Element): Post | null {
    const { id, handle } = (element as HTMLElement).dataset;
    if (!id) return null;
    return {
      platform: 'x',
      postId: id,
      kind: 'post',
      url: `https://x.com/${handle}/status/${id}`,
      authorName: 'Jane',
      authorHandle: handle,
      text: element.textContent ?? '',
      reach: {},
    };
  },
};

/** An index whose triage requests the test answers; returns the post ids asked about. */
function setUp() {
  const asked: string[][] = [];
  const triaged: string[][] = [];
  const send = ((_type: 'posts/triage', payload: { posts: { postId: string }[] }) => {
    asked.push(payload.posts.map((post) => post.postId));
    return Promise.resolve({ results: payload.posts.map((post) => ({ postKey: `x:${post.postId}`, triage: P2_COMPLAINT })) });
  }) as unknown as SendRequest;
  const triage = testTriageRequests(send, (postKeys) => triaged.push(postKeys));
  const index = new PageIndex(adapter, window, triage);
  index.setBrands(BRANDS);
  return { index, asked, triaged };
}

describe('PageIndex', () => {
  it('reads posts, matches brands and asks triage only about mentions by someone else', async () => {
    document.body.replaceChildren();
    const { index, asked, triaged } = setUp();
    const complaint = index.read(postElement('1', 'Acme Air lost my bag'));
    const byBrand = index.read(postElement('2', 'Acme Air here, sorry!', 'AcmeAir'));
    const other = index.read(postElement('3', 'lovely weather'));
    expect([complaint?.wantsControl, byBrand?.wantsControl, other?.wantsControl]).toEqual([true, false, false]);
    expect(index.read(document.createElement('article'))).toBeUndefined();

    expect(index.triageViewOf('x:1')).toBe(TRIAGE_PENDING);
    index.flushTriage();
    await index.triageIdle();
    expect(asked).toEqual([['1']]);
    expect(triaged).toEqual([['x:1']]);
    const view = index.triageViewOf('x:1');
    expect(view?.label).toBe('P2 · Lost or damaged item');
    expect(view?.explain()).toBe('P2: complaint');
    // The same answer keeps its view (and reason function), so controls see no change.
    expect(index.triageViewOf('x:1')).toBe(view);
    expect(index.triageOf('x:2')).toBeUndefined();

    const facts = index.facts();
    expect(facts.postsRead).toBe(3);
    expect(facts.mentions.map((mention) => [mention.postKey, mention.byBrand, mention.triage?.priority.priority])).toEqual([
      ['x:1', false, 'P2'],
      ['x:2', true, undefined],
    ]);
  });

  it('keeps a mention entry while nothing was read again, and says whether a re-read changed what is shown', () => {
    document.body.replaceChildren();
    const { index } = setUp();
    const element = postElement('1', 'Acme Air lost my bag');
    expect(index.read(element)?.changed).toBe(true);
    const [before] = index.facts().mentions;
    expect(index.facts().mentions[0]).toBe(before);
    expect(index.read(element)?.changed).toBe(false);

    element.textContent = 'Acme Air lost my bag and my coat';
    expect(index.read(element)?.changed).toBe(true);
    expect(index.facts().mentions[0]?.post.text).toBe('Acme Air lost my bag and my coat');
  });

  it('matches every remembered post again when the brands change, and forgets everything on a new page', () => {
    document.body.replaceChildren();
    const { index } = setUp();
    const element = postElement('1', 'Acme Air lost my bag');
    index.read(element);
    index.setBrands([]);
    expect(index.facts().mentions).toEqual([]);
    expect(index.elementOf('x:1')).toBe(element);

    index.clear();
    expect(index.facts()).toEqual({ postsRead: 0, readQuality: { withText: 0, withAuthor: 0 }, mentions: [] });
    expect(index.elementOf('x:1')).toBeUndefined();
  });
});

describe("PageIndex: the brand's own posts on sites without handles", () => {
  it("knows a Facebook Page's own post and comment by the Page's link (the adapter sets no handle there)", () => {
    const brands = SettingsSchema.parse({
      version: 1,
      brands: [{ id: 'acme', name: 'Acme Air', handles: { x: [], facebook: ['AcmeAir'], yelp: [] } }],
    }).brands;
    const doc = loadFacebookFixture('postComments');
    const index = new PageIndex(facebookAdapter, windowAt('https://www.facebook.com/AcmeAir/posts/pfbid0Acme'), testTriageRequests());
    index.setBrands(brands);
    for (const element of facebookAdapter.findPosts(doc)) index.read(element);
    const byAuthor = index.records().map((record) => [record.post.authorName, record.post.kind, record.match.byBrand]);
    expect(byAuthor).toContainEqual(['Acme Air', 'post', true]);
    expect(byAuthor).toContainEqual(['Acme Air', 'comment', true]);
    expect(byAuthor.filter(([name]) => name !== 'Acme Air').every(([, , byBrand]) => byBrand === false)).toBe(true);
  });
});

describe("PageIndex: posts the brand's own reply on the page answers", () => {
  function indexFor(adapter: Pick<SiteAdapter, 'readPost'>, url: string, brand: Record<string, unknown>) {
    const asked: TriagePost[] = [];
    const send = ((_type: 'posts/triage', payload: { posts: TriagePost[] }) => {
      asked.push(...payload.posts);
      return new Promise(() => undefined);
    }) as unknown as SendRequest;
    const triage = testTriageRequests(send);
    const index = new PageIndex(adapter, windowAt(url), triage);
    index.setBrands(SettingsSchema.parse({ version: 1, brands: [brand] }).brands);
    return { index, asked };
  }
  const answered = (index: PageIndex) =>
    index
      .records()
      .filter((record) => record.post.answeredBy !== undefined)
      .map((record) => [record.post.authorName, record.post.answeredBy]);

  it('X: the brand handle replying in the thread answers the post above it, which is triaged again with it', () => {
    const doc = loadXFixture('status');
    const { index, asked } = indexFor(xAdapter, X_FIXTURE_URLS.status, {
      id: 'acme',
      name: 'Acme Air',
      handles: { x: ['AcmeAir'], facebook: [], yelp: [] },
    });
    for (const element of xAdapter.findPosts(doc)) index.read(element);
    expect(answered(index)).toEqual([['Riley Park', '@AcmeAir']]);
    const first = index.facts().mentions.find((mention) => mention.postKey === 'x:1996000000000000001');
    expect(first?.post.answeredBy).toBe('@AcmeAir');
    index.flushTriage();
    expect(asked.filter((post) => post.postId === '1996000000000000001').map((post) => post.answeredBy)).toContain('@AcmeAir');
  });

  it("Yelp: the business owner's reply answers its review (the brand's Yelp page in settings)", () => {
    const doc = loadYelpFixture('ownerReplies');
    const { index, asked } = indexFor(yelpAdapter, 'https://www.yelp.com/biz/acme-bistro-san-francisco', {
      id: 'bistro',
      name: 'Acme Bistro',
      handles: { x: [], facebook: [], yelp: ['https://www.yelp.com/biz/acme-bistro-san-francisco'] },
    });
    for (const element of yelpAdapter.findPosts(doc)) index.read(element);
    expect(answered(index)).toEqual([
      ['Dana R.', 'Maria G.'],
      ['Lee W.', 'Maria G.'],
    ]);
    index.flushTriage();
    const dana = asked.filter((post) => post.kind === 'review' && post.text.startsWith('Booked a table'));
    expect(dana.at(-1)?.answeredBy).toBe('Maria G.');
  });

  it("Yelp: on the brand's own business page every review is a mention, named or not; the owner's replies are not", () => {
    const bistro = (yelp: string[]) => ({ id: 'bistro', name: 'Acme Bistro', handles: { x: [], facebook: [], yelp } });
    const mentionsOn = (url: string, yelp: string[]) => {
      const { index, asked } = indexFor(yelpAdapter, url, bistro(yelp));
      for (const element of yelpAdapter.findPosts(loadYelpFixture('ownerReplies'))) index.read(element);
      index.flushTriage();
      const mentions = index.facts().mentions.map((mention) => [mention.post.authorName, mention.brandIds, mention.byBrand]);
      return { mentions, askedAbout: new Set(asked.map((post) => post.postId)).size };
    };
    const own = mentionsOn('https://www.yelp.com/biz/acme-bistro-san-francisco?osq=brunch', ['acme-bistro-san-francisco']);
    expect(own.mentions).toEqual([
      ['Dana R.', ['bistro'], false],
      ['Chris P.', ['bistro'], false], // names no business: a mention only because the page is the brand's
      ['Lee W.', ['bistro'], false],
    ]);
    expect(own.askedAbout).toBe(3); // every review triaged, no owner reply
    // The page link in settings works too (settings keep the bare alias; the matcher accepts both).
    expect(
      mentionsOn('https://www.yelp.com/biz/acme-bistro-san-francisco', ['https://www.yelp.com/biz/acme-bistro-san-francisco']).mentions,
    ).toEqual(own.mentions);
    // Another business's page, or no Yelp page in settings: only reviews that name the brand.
    const named = [
      ['Dana R.', ['bistro'], false],
      ['Lee W.', ['bistro'], false],
    ];
    expect(mentionsOn('https://www.yelp.com/biz/acme-bistro-oakland', ['acme-bistro-san-francisco']).mentions).toEqual(named);
    expect(mentionsOn('https://www.yelp.com/biz/acme-bistro-san-francisco', []).mentions).toEqual(named);
  });

  it("Facebook: the Page's reply answers the comment it replies to", () => {
    const doc = loadFacebookFixture('postComments');
    const { index } = indexFor(facebookAdapter, 'https://www.facebook.com/AcmeAir/posts/pfbid0Acme', {
      id: 'acme',
      name: 'Acme Air',
      handles: { x: [], facebook: ['AcmeAir'], yelp: [] },
    });
    for (const element of facebookAdapter.findPosts(doc)) index.read(element);
    expect(answered(index)).toEqual([['Riley Park', 'Acme Air']]);
  });

  it('forgets the answers when the brand no longer owns the replying account', () => {
    const doc = loadXFixture('status');
    const { index } = indexFor(xAdapter, X_FIXTURE_URLS.status, {
      id: 'acme',
      name: 'Acme Air',
      handles: { x: ['AcmeAir'], facebook: [], yelp: [] },
    });
    for (const element of xAdapter.findPosts(doc)) index.read(element);
    index.setBrands(SettingsSchema.parse({ version: 1, brands: [{ id: 'acme', name: 'Acme Air' }] }).brands);
    expect(answered(index)).toEqual([]);
  });
});

describe('PageIndex: brief reads of posts that mention no brand', () => {
  it('reads a post that mentions no brand briefly, and whole once new brands make it a mention', () => {
    const doc = loadXFixture('status');
    const win = windowAt(X_FIXTURE_URLS.status);
    const asked: TriagePost[] = [];
    const send = ((_type: 'posts/triage', payload: { posts: TriagePost[] }) => {
      asked.push(...payload.posts);
      return new Promise(() => undefined);
    }) as unknown as SendRequest;
    const index = new PageIndex(xAdapter, win, testTriageRequests(send));
    const brands = (name: string) => SettingsSchema.parse({ version: 1, brands: [{ id: 'b', name }] }).brands;
    index.setBrands(brands('Nothing On This Page'));
    const elements = xAdapter.findPosts(doc);
    for (const element of elements) index.read(element);
    const whole = elements.map((element) => xAdapter.readPost(element, win)).filter((post) => post !== null);
    expect(index.records().map((record) => record.post.reach)).toEqual(whole.map(() => ({})));

    index.setBrands(brands('Acme Air'));
    const mentions = index.records().filter((record) => record.match.brandIds.length > 0);
    expect(mentions.length).toBeGreaterThan(0);
    for (const record of mentions) expect(record.post).toEqual(whole.find((post) => post.postId === record.post.postId));
    // The controls shown for the new brands ask for their triage (PostControls.showAll).
    for (const record of mentions) index.triageOf(record.postKey);
    index.flushTriage();
    expect(asked.map((post) => post.reach)).toEqual(mentions.map((record) => record.post.reach));
    expect(asked.some((post) => Object.keys(post.reach).length > 0)).toBe(true);
  });
});

describe('PageIndex: read quality (the sidebar health warning)', () => {
  it("counts posts with text and with an author, so X's renamed tweetText shows as posts without text", () => {
    const doc = loadXFixture('timeline');
    for (const body of doc.querySelectorAll('[data-testid="tweetText"]')) body.setAttribute('data-testid', 'postText');
    const index = new PageIndex(xAdapter, windowAt(X_FIXTURE_URLS.timeline), testTriageRequests());
    index.setBrands(BRANDS);
    for (const element of xAdapter.findPosts(doc)) index.read(element);
    const facts = index.facts();
    expect(facts.postsRead).toBeGreaterThanOrEqual(MIN_POSTS_FOR_HEALTH);
    expect(facts.readQuality).toEqual({ withText: 0, withAuthor: facts.postsRead });
    const snapshot = {
      ...initialSnapshot('X / Twitter'),
      settings: { status: 'ok' as const, settings: SettingsSchema.parse({ version: 1, brands: [] }) },
    };
    expect(healthWarning({ ...snapshot, searching: false, ...facts })).toContain('could read no text in any of them');
  });
});
