import type { PageCase } from '../domain/page-case';
import { reasonLine } from '../triage/reason-line';
import type { Post, PostKey } from '../domain/post';
import type { Brand } from '../domain/brand';
import type { Priority, TriageResult } from '../domain/triage';
import type { InlineView } from './inline-control';
import { EMPTY_READ_SHARE, type ReadShareView } from './read-share';
import type { SettingsState } from './settings-source';
import { t } from '../i18n/t';
import { formatNumber, formatPercent } from '../i18n/format';
import { categoryLabel, statusLabel } from '../domain/labels';
import type { ResponseTargets } from '../workflow/targets';
import { dueLabelOf } from './due-label';

/**
 * Where logging a post stands in this tab. 'logged' keeps the log request's answer only until
 * the case cache (case-sync.ts, the one source of truth for cases) has the case: it always wins.
 */
export type LogState = { status: 'pending' } | { status: 'error'; message: string } | { status: 'logged'; case: PageCase };

export interface MentionEntry {
  postKey: PostKey;
  post: Post;
  brandIds: string[];
  byBrand: boolean;
  /** Complaint, category and priority; absent for the brand's own posts. */
  triage?: TriageResult;
}

/** Of the posts read on the page, how many had any text and any author (PageIndex.facts). */
export interface ReadQuality {
  withText: number;
  withAuthor: number;
}

/** The page store: what the runtime found on the page and its log requests (cases: see case-sync.ts). */
export interface ContentSnapshot {
  adapterName: string;
  settings: { status: 'loading' } | SettingsState;
  /** Posts read on this page (since load or the last in-app navigation). */
  postsRead: number;
  /** How many of them had text and an author: none of either means the site's markup changed under the adapter. */
  readQuality: ReadQuality;
  /** Of the page's post containers, how many yielded a post, and whether that share fell sharply (read-share.ts). */
  readShare: ReadShareView;
  mentions: MentionEntry[];
  /** Still within the grace period after load/navigation in which an empty page is normal. */
  searching: boolean;
  /** The adapter says this page should show posts. */
  expectsPosts: boolean;
  logState: ReadonlyMap<PostKey, LogState>;
  /** Why posts could not be triaged just now (the background did not answer), if so. */
  triageError: string | null;
  /** Posts were read that the sidebar does not list yet (a coalesced publish is waiting, or reads continue). */
  updating: boolean;
}

/** Triage of one post as the sidebar shows it. */
export interface TriageView {
  priority: Priority;
  /** Category label, e.g. "Delivery / delay"; only for complaints (a compliment has no complaint category). */
  category?: string;
  complaint: boolean;
  /** One line, e.g. `P1: complaint, 25k views, "no response for 3 weeks"`. */
  explanation: string;
}

/** What the sidebar shows for one brand-mentioning post (components/sidebar/MentionRow). All strings are page text: rendered as text. */
export interface MentionRowView {
  postKey: string;
  authorName: string;
  authorHandle?: string;
  url: string;
  excerpt: string;
  brandNames: string[];
  /** Posted by one of the brand's own handles. */
  byBrand: boolean;
  /** The brand's own reply to this post is on the page: who answered ("@AcmeAirHelp", "Acme Bistro"). */
  answeredBy?: string;
  /** A paid placement (Facebook "Sponsored"). */
  sponsored?: boolean;
  /** The page showed only the start of the text ("Show more"): the excerpt stops where the page cut it. */
  truncated?: boolean;
  /** A quote post: who it quotes ("@AcmeAir" or a name) and the start of the quoted text. */
  quoted?: { author: string; excerpt: string };
  /** When the post was published (ISO), when the page said: old posts are marked backlog. */
  postedAt?: string;
  /** "CS-7F3K · New" once logged. */
  caseLabel?: string;
  logging: boolean;
  error?: string;
  /** Complaint, category and priority with the one-line reason; absent for the brand's own posts. */
  triage?: TriageView;
}

const EXCERPT_LENGTH = 280;

export function initialSnapshot(adapterName: string): ContentSnapshot {
  return {
    adapterName,
    settings: { status: 'loading' },
    postsRead: 0,
    readQuality: { withText: 0, withAuthor: 0 },
    readShare: EMPTY_READ_SHARE,
    mentions: [],
    searching: true,
    expectsPosts: false,
    logState: new Map(),
    triageError: null,
    updating: false,
  };
}

export function brandsOf(snapshot: ContentSnapshot): Brand[] {
  return snapshot.settings.status === 'ok' ? snapshot.settings.settings.brands : [];
}

/** Fewer posts than this without text or author can be photo posts or odd cells; this many, all empty, is a broken page. */
export const MIN_POSTS_FOR_HEALTH = 3;

/**
 * Why what CareSide reads on this page cannot be trusted, or null: a page that should show posts
 * yielded none, or posts were found but none of them yielded any text (or any author), which is
 * how a renamed text or author element shows, or the share of the page's posts read fell sharply
 * after a healthy start (read-share.ts: new posts arrive in markup the adapter no longer knows).
 * The sidebar shows it as an alert.
 */
export function healthWarning(snapshot: ContentSnapshot): string | null {
  if (snapshot.settings.status === 'loading' || snapshot.searching) return null;
  const { postsRead, readQuality, readShare } = snapshot;
  if (postsRead === 0) return snapshot.expectsPosts ? t('sidebar.health.noPosts') : null;
  if (readShare.fallen) return fallenShareWarning(readShare);
  if (postsRead < MIN_POSTS_FOR_HEALTH) return null;
  const noText = readQuality.withText === 0;
  const noAuthor = readQuality.withAuthor === 0;
  if (!noText && !noAuthor) return null;
  const key = noText && noAuthor ? 'sidebar.health.noTextNoAuthor' : noText ? 'sidebar.health.noText' : 'sidebar.health.noAuthor';
  return t(key, { count: formatNumber(postsRead) });
}

function fallenShareWarning({ containers, read, healthyShare }: ReadShareView): string {
  const earlier = healthyShare === null ? '' : t('sidebar.health.earlier', { share: formatPercent(healthyShare) });
  return t('sidebar.health.fallen', { read: formatNumber(read), containers: formatNumber(containers), earlier });
}

/** The sidebar's one-line account of what the adapter did on this page. */
export function statusText(snapshot: ContentSnapshot): string {
  const site = snapshot.adapterName;
  if (snapshot.settings.status === 'loading') return t('sidebar.pageStatus.starting', { site });
  if (snapshot.postsRead === 0) {
    if (snapshot.searching) return t('sidebar.pageStatus.searching', { site });
    if (snapshot.expectsPosts) return t('sidebar.pageStatus.expectedPosts', { site });
    return t('sidebar.pageStatus.noPosts', { site });
  }
  const count = (key: 'posts' | 'mentions' | 'byBrand', n: number) => t(`sidebar.pageStatus.${key}`, n, { count: formatNumber(n) });
  const byBrand = snapshot.mentions.filter((mention) => mention.byBrand).length;
  const summary = t('sidebar.pageStatus.summary', {
    site,
    posts: count('posts', snapshot.postsRead),
    mentions: count('mentions', snapshot.mentions.length),
    byBrand: byBrand > 0 ? count('byBrand', byBrand) : '',
  });
  const shownText =
    snapshot.mentions.length > MAX_SIDEBAR_ROWS ? t('sidebar.pageStatus.listing', { count: formatNumber(MAX_SIDEBAR_ROWS) }) : '';
  const triageText = snapshot.triageError ? ` ${snapshot.triageError}` : '';
  const warning = healthWarning(snapshot);
  const healthText = warning ? ` ${warning}` : '';
  return `${summary}${healthText}${shownText}${triageText}`;
}

export function caseLabel(found: PageCase): string {
  return `${found.ref} · ${statusLabel(found.status)}`;
}

function caseFor(postKey: PostKey, cases: ReadonlyMap<PostKey, PageCase>, log: LogState | undefined): PageCase | undefined {
  return cases.get(postKey) ?? (log?.status === 'logged' ? log.case : undefined);
}

/** `now` and the response targets, for a logged post's countdown (asked only for posts with a case). */
export interface DueClock {
  now: number;
  targets?: ResponseTargets | undefined;
}

export function inlineViewFor(
  postKey: PostKey,
  cases: ReadonlyMap<PostKey, PageCase>,
  logState: ReadonlyMap<PostKey, LogState>,
  clock?: () => DueClock,
): InlineView {
  const log = logState.get(postKey);
  const found = caseFor(postKey, cases, log);
  if (found) {
    const at = clock?.();
    const due = at ? dueLabelOf(found, at.targets, at.now) : undefined;
    return { kind: 'case', ref: found.ref, statusLabel: statusLabel(found.status), ...(due ? { due } : {}) };
  }
  if (log?.status === 'pending') return { kind: 'pending' };
  if (log?.status === 'error') return { kind: 'error', message: log.message };
  return { kind: 'log' };
}

function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH - 1)}…` : flat;
}

/**
 * Rows the sidebar renders at most: the most urgent. A brand search can show thousands of
 * mentions; rendering them all on every update would stall the page (the status line counts all).
 */
export const MAX_SIDEBAR_ROWS = 100;
/** Rows the sidebar renders at first, and how many more each "Show more" adds. */
export const SIDEBAR_PAGE_ROWS = 20;

const rankOf = (entry: MentionEntry) => (entry.triage ? Number(entry.triage.priority.priority.slice(1)) : 9);
const timeOf = (entry: MentionEntry) => {
  const posted = entry.post.postedAt === undefined ? Number.NaN : Date.parse(entry.post.postedAt);
  return Number.isFinite(posted) ? posted : Number.NEGATIVE_INFINITY;
};
const compareRankThenTime = (a: { rank: number; time: number }, b: { rank: number; time: number }) =>
  a.rank - b.rank || (b.time > a.time ? 1 : b.time < a.time ? -1 : 0);

/** Most urgent first (P1 → P4, untriaged last), then newest first; otherwise in order of sighting. */
export function byPriorityThenTime(a: MentionEntry, b: MentionEntry): number {
  return compareRankThenTime({ rank: rankOf(a), time: timeOf(a) }, { rank: rankOf(b), time: timeOf(b) });
}

/** Sort keys per entry object: the runtime keeps an entry while its post and triage stay the same. */
const sortKeys = new WeakMap<MentionEntry, { entry: MentionEntry; rank: number; time: number }>();
const sortKeyOf = (entry: MentionEntry) => {
  let keyed = sortKeys.get(entry);
  if (!keyed) {
    keyed = { entry, rank: rankOf(entry), time: timeOf(entry) };
    sortKeys.set(entry, keyed);
  }
  return keyed;
};

/** The MAX_SIDEBAR_ROWS most urgent mentions, in byPriorityThenTime order. */
function mostUrgent(mentions: readonly MentionEntry[]): MentionEntry[] {
  return mentions
    .map(sortKeyOf)
    .sort(compareRankThenTime)
    .slice(0, MAX_SIDEBAR_ROWS)
    .map(({ entry }) => entry);
}

/** What one row was built from: references for the post's data, derived values for its case state. */
interface RowInputs {
  post: Post;
  brandIds: string[];
  byBrand: boolean;
  triage: TriageResult | undefined;
  brands: readonly Brand[];
  caseLabel: string | undefined;
  logging: boolean;
  error: string | undefined;
}

function sameInputs(a: RowInputs, b: RowInputs): boolean {
  return (
    a.post === b.post &&
    a.brandIds === b.brandIds &&
    a.byBrand === b.byBrand &&
    a.triage === b.triage &&
    a.brands === b.brands &&
    a.caseLabel === b.caseLabel &&
    a.logging === b.logging &&
    a.error === b.error
  );
}

function rowView(postKey: PostKey, inputs: RowInputs, brandNames: ReadonlyMap<string, string>): MentionRowView {
  const { post, brandIds, byBrand, triage } = inputs;
  return {
    postKey,
    authorName: post.authorName,
    ...(post.authorHandle ? { authorHandle: post.authorHandle } : {}),
    url: post.url,
    excerpt: excerptOf(post.text),
    brandNames: brandIds.map((id) => brandNames.get(id) ?? id),
    byBrand,
    ...(post.answeredBy !== undefined ? { answeredBy: post.answeredBy } : {}),
    ...(post.postedAt !== undefined ? { postedAt: post.postedAt } : {}),
    ...(post.sponsored ? { sponsored: true } : {}),
    ...(post.truncated ? { truncated: true } : {}),
    ...(post.quoted
      ? {
          quoted: {
            author: post.quoted.authorHandle ? `@${post.quoted.authorHandle}` : post.quoted.authorName,
            excerpt: excerptOf(post.quoted.text),
          },
        }
      : {}),
    ...(inputs.caseLabel !== undefined ? { caseLabel: inputs.caseLabel } : {}),
    logging: inputs.logging,
    ...(inputs.error !== undefined ? { error: inputs.error } : {}),
    ...(triage
      ? {
          triage: {
            priority: triage.priority.priority,
            ...(triage.complaint.isComplaint ? { category: categoryLabel(triage.category.category) } : {}),
            complaint: triage.complaint.isComplaint,
            explanation: reasonLine(triage.priority),
          },
        }
      : {}),
  };
}

export type MentionRowsBuilder = (snapshot: ContentSnapshot, cases: ReadonlyMap<PostKey, PageCase>) => MentionRowView[];

/**
 * mentionRows that returns the previous view object of a row whose inputs did not change, so a
 * memoised row component skips it (the sidebar re-renders on every publish and case refresh).
 */
export function createMentionRowsBuilder(): MentionRowsBuilder {
  let built = new Map<PostKey, { inputs: RowInputs; view: MentionRowView }>();
  /** What the last rows were built from: most snapshots change something else (busy flag, status, health). */
  let last:
    | {
        mentions: readonly MentionEntry[];
        logState: ContentSnapshot['logState'];
        brands: readonly Brand[];
        cases: ReadonlyMap<PostKey, PageCase>;
        rows: MentionRowView[];
      }
    | undefined;
  return (snapshot, cases) => {
    const brands = brandsOf(snapshot);
    const { mentions, logState } = snapshot;
    if (last && last.mentions === mentions && last.logState === logState && last.brands === brands && last.cases === cases)
      return last.rows;
    let brandNames: Map<string, string> | undefined;
    const next = new Map<PostKey, { inputs: RowInputs; view: MentionRowView }>();
    const rows = mostUrgent(mentions).map(({ postKey, post, brandIds, byBrand, triage }) => {
      const log = snapshot.logState.get(postKey);
      const found = caseFor(postKey, cases, log);
      const inputs: RowInputs = {
        post,
        brandIds,
        byBrand,
        triage,
        brands,
        caseLabel: found ? caseLabel(found) : undefined,
        logging: log?.status === 'pending',
        error: log?.status === 'error' && !found ? log.message : undefined,
      };
      const previous = built.get(postKey);
      if (previous && sameInputs(previous.inputs, inputs)) {
        next.set(postKey, previous);
        return previous.view;
      }
      brandNames ??= new Map(brands.map((brand) => [brand.id, brand.name]));
      const view = rowView(postKey, inputs, brandNames);
      next.set(postKey, { inputs, view });
      return view;
    });
    // Only the rows shown now are kept: the cache never outgrows MAX_SIDEBAR_ROWS.
    built = next;
    last = { mentions, logState, brands, cases, rows };
    return rows;
  };
}

export function mentionRows(snapshot: ContentSnapshot, cases: ReadonlyMap<PostKey, PageCase>): MentionRowView[] {
  return createMentionRowsBuilder()(snapshot, cases);
}
