import { postKeyOf, type Post, type PostKey } from '../domain/post';
import { reasonLine } from '../triage/reason-line';
import { createBrandMatcher, type BrandHit, type BrandMatch, type BrandMatcher } from '../match/brand-matcher';
import type { Brand } from '../domain/brand';
import { matchPost, pageBrand } from '../match/post-match';
import type { SiteAdapter } from '../sites/types';
import type { TriageResult } from '../domain/triage';
import { TRIAGE_PENDING, type InlineTriage, type InlineView } from './inline-control';
import { MentionEntries } from './mention-entries';
import { PostRegistry, type PostRecord } from './post-registry';
import { triageLabel, type TriageClient } from './triage';
import { readShareOf, type ReadShareSample } from './read-share';
import type { MentionEntry, ReadQuality } from './view-model';

/** A post read from an element: whether it changed what the sidebar shows, and whether it gets a control. */
export interface PostReading {
  record: PostRecord;
  changed: boolean;
  wantsControl: boolean;
}

/** What the sidebar lists about the page. */
export interface PageFacts {
  postsRead: number;
  mentions: MentionEntry[];
  /** Of the posts read, how many had any text and any author name (health: a site change empties these first). */
  readQuality: ReadQuality;
}

/** @handles, as a reply's text starts with them. */
const HANDLES = /(?:^|\s)@[\p{L}\p{N}_]+/gu;

/** How many of `posts` have any text and any author (the sidebar's health warning; npm run check:sites). */
export function readQualityOf(posts: Iterable<Post>): ReadQuality {
  const quality = { withText: 0, withAuthor: 0 };
  for (const post of posts) {
    const { text, author } = qualityOfPost(post);
    if (text) quality.withText += 1;
    if (author) quality.withAuthor += 1;
  }
  return quality;
}

/** Per post object (a changed post is a new object): every publish counts every post read. */
const postQuality = new WeakMap<Post, { text: boolean; author: boolean }>();

function qualityOfPost(post: Post): { text: boolean; author: boolean } {
  let quality = postQuality.get(post);
  if (!quality) {
    // A reply's text starts with the handles it answers (X): handles alone are no text read.
    const text = /\S/.test(post.text) && (!post.text.startsWith('@') || post.text.replace(HANDLES, '').trim() !== '');
    quality = { text, author: post.authorName.trim() !== '' || Boolean(post.authorHandle) };
    postQuality.set(post, quality);
  }
  return quality;
}

/** Per triage answer (a new answer is a new object): controls are re-rendered on every case or presence change. */
const triageViews = new WeakMap<TriageResult, InlineTriage>();

function triageViewFor(triaged: TriageResult): InlineTriage {
  let view = triageViews.get(triaged);
  if (!view) {
    let line: string | undefined;
    view = { label: triageLabel(triaged), explain: () => (line ??= reasonLine(triaged.priority)) };
    triageViews.set(triaged, view);
  }
  return view;
}

/** A mention of a brand by someone else: the posts that get a "Log case" control and triage. */
export const wantsControl = (match: Pick<BrandMatch, 'brandIds' | 'byBrand'>) => match.brandIds.length > 0 && !match.byBrand;

/** A post the sidebar lists (a brand mention) or whose answer it notes (the brand's own): read whole, not briefly. */
const readWhole = (match: Pick<BrandMatch, 'brandIds' | 'byBrand'>) => match.brandIds.length > 0 || match.byBrand;

/**
 * What posts are on the page, which brands they mention and their triage: the post registry,
 * the brand matcher of the current settings and the triage client, behind one interface.
 */
export class PageIndex {
  private readonly registry = new PostRegistry();
  private matcher: BrandMatcher = createBrandMatcher([]);
  private readonly mentions = new MentionEntries();
  /** Posts the brand answered on this page (a brand reply names them in inReplyTo) → who answered. */
  private readonly answers = new Map<PostKey, string>();
  /** The brand whose own page this is (its Yelp business page), for the page address it was worked out for. */
  private about: { href: string; brandId: string | undefined } | undefined;
  /** Posts last read briefly (SiteAdapter.readPost): they mentioned no brand then. */
  private readonly brief = new WeakSet<PostRecord>();

  constructor(
    private readonly adapter: Pick<SiteAdapter, 'readPost' | 'completePost'>,
    private readonly win: Window,
    /** Triage of the posts read (triage-requests.ts). */
    private readonly triage: TriageClient,
  ) {}

  /** New brands: every remembered post is matched again and triaged again on its next read. */
  setBrands(brands: readonly Brand[]): void {
    this.matcher = createBrandMatcher(brands);
    this.triage.forgetAll();
    this.about = undefined;
    this.registry.rematch((post) => matchPost(this.matcher, post, this.pageBrandFor(post)));
    // Posts read briefly that mention a brand now: the rest of them, from an element still showing them.
    for (const record of this.registry.records()) {
      if (!readWhole(record.match) || !this.brief.has(record)) continue;
      const element = [...record.elements].find((shown) => shown.isConnected);
      if (!element) continue;
      record.post = this.complete(record.post, element);
      this.brief.delete(record);
    }
    this.rebuildAnswers();
  }

  /** Read the post `element` shows now; undefined when it shows none (the element is forgotten). */
  read(element: Element): PostReading | undefined {
    this.registry.markPostElement(element);
    let post = null;
    const completes = this.adapter.completePost !== undefined;
    try {
      post = this.adapter.readPost(element, this.win, completes);
    } catch {
      post = null; // An adapter bug on one odd post must not stop the page scan.
    }
    if (!post) {
      this.registry.forget(element);
      return undefined;
    }
    const match = matchPost(this.matcher, post, this.pageBrandFor(post));
    // Only a post that mentions a brand is shown, triaged and logged, and only the brand's own
    // answer others: only these are read whole.
    const brief = completes && !readWhole(match);
    if (completes && !brief) post = this.complete(post, element);
    const answeredBy = this.answers.get(postKeyOf(post.platform, post.postId));
    if (answeredBy !== undefined) post = { ...post, answeredBy };
    const { record, changed } = this.registry.record(element, post, match);
    if (brief) this.brief.add(record);
    else this.brief.delete(record);
    if (match.byBrand) this.noteAnswer(post);
    const controlled = wantsControl(match);
    if (controlled) this.triage.of(record.postKey, post);
    return { record, changed, wantsControl: controlled };
  }

  isPostElement(element: Element): boolean {
    return this.registry.isPostElement(element);
  }

  get(postKey: PostKey): PostRecord | undefined {
    return this.registry.get(postKey);
  }

  records(): PostRecord[] {
    return this.registry.records();
  }

  /** An element on the page showing this post now, if any. */
  elementOf(postKey: PostKey): Element | undefined {
    return [...(this.registry.get(postKey)?.elements ?? [])].find((element) => element.isConnected);
  }

  hitsOf(postKey: PostKey): BrandHit[] {
    return this.registry.get(postKey)?.match.hits ?? [];
  }

  /** Triage of a post that mentions a brand (not the brand's own), computed once per version of the post. */
  triageOf(postKey: PostKey): TriageResult | undefined {
    const record = this.registry.get(postKey);
    return record && wantsControl(record.match) ? this.triage.of(postKey, record.post) : undefined;
  }

  /** The triage line of a post's control; pending until the background answered for this version. */
  triageViewOf(postKey: PostKey): InlineView['triage'] {
    const triaged = this.triageOf(postKey);
    if (triaged) return triageViewFor(triaged);
    // The control shows at once; its triage fills in when the background answers.
    return this.triage.settled(postKey) ? undefined : TRIAGE_PENDING;
  }

  /** The team's corrections moved verdicts: ask again about every post with a control (sent on flushTriage). */
  retriage(): void {
    for (const record of this.registry.records()) {
      if (wantsControl(record.match)) this.triage.again(record.postKey, record.post);
    }
  }

  /** Ask the background about the posts read since the last call (now or when the interval allows). */
  flushTriage(): void {
    this.triage.flush();
  }

  /** Settles once every post read so far got its triage answer (or failure). */
  triageIdle(): Promise<void> {
    return this.triage.idle();
  }

  facts(): PageFacts {
    const records = this.registry.records();
    const readQuality = readQualityOf(records.map((record) => record.post));
    return {
      postsRead: records.length,
      readQuality,
      mentions: records
        .filter((record) => record.match.brandIds.length > 0)
        .map((record) => this.mentions.of(record, this.triageOf(record.postKey))),
    };
  }

  /** Of `containers` (the page's post containers, SiteAdapter.postContainers), how many show a post read now. */
  readShareOf(containers: readonly Element[]): ReadShareSample {
    const shown = this.registry.records().flatMap((record) => [...record.elements].filter((element) => element.isConnected));
    return readShareOf(containers, shown);
  }

  pruneDisconnected(): void {
    this.registry.pruneDisconnected();
  }

  /** A new page (in-app navigation): nothing read yet. */
  clear(): void {
    this.about = undefined;
    this.registry.clear();
    this.answers.clear();
  }

  /** The rest of a briefly read post; the brief post when the adapter fails on it. */
  private complete(post: Post, element: Element): Post {
    try {
      return this.adapter.completePost?.(post, element, this.win) ?? post;
    } catch {
      return post;
    }
  }

  /** The brand every post on this page is about (pageBrand), worked out once per page address. */
  private pageBrandFor(post: Post): string | undefined {
    let href = '';
    try {
      href = this.win.location.href;
    } catch {
      return undefined;
    }
    if (this.about?.href !== href) this.about = { href, brandId: pageBrand(this.matcher, post.platform, href) };
    return this.about.brandId;
  }

  /**
   * `reply`, by one of the brand's accounts, answers the post it names (inReplyTo): that post is
   * "answered by" the reply's author from now on, and its triage is asked again (it lowers priority).
   */
  private noteAnswer(reply: Post): void {
    if (reply.inReplyTo === undefined) return;
    const parentKey = postKeyOf(reply.platform, reply.inReplyTo);
    const by = reply.authorHandle ? `@${reply.authorHandle}` : reply.authorName.trim();
    if (!by || this.answers.has(parentKey)) return;
    this.answers.set(parentKey, by);
    const parent = this.registry.get(parentKey);
    if (!parent || parent.post.answeredBy !== undefined) return;
    parent.post = { ...parent.post, answeredBy: by };
    if (wantsControl(parent.match)) this.triage.of(parentKey, parent.post);
  }

  /** After the brands changed: which posts count as the brand's own replies may have changed too. */
  private rebuildAnswers(): void {
    this.answers.clear();
    const records = this.registry.records();
    for (const record of records) {
      if (record.post.answeredBy === undefined) continue;
      const { answeredBy: _dropped, ...post } = record.post;
      record.post = post;
    }
    for (const record of records) if (record.match.byBrand) this.noteAnswer(record.post);
  }
}
