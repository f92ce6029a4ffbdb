/**
 * `npm run check:sites -- saved-page.html [--url https://...] [--site x|facebook|yelp] [--settings settings.json]`
 *
 * Runs CareSide's site adapters on a page saved from the browser (File > Save page as, or a
 * copied outerHTML) and prints what they read: every post with its kind, author, counts and the
 * start of its text, how many had text and an author, the sidebar's health warning, and how many
 * elements each of the site's selectors finds. A site change shows up as a selector finding 0 or
 * posts without text, without a debugger. Nothing is loaded from the network: the page's
 * scripts, styles and frames are not run or fetched.
 */
import './node-i18n'; // before any lib module: the health warnings are worded through browser.i18n
import { readFileSync } from 'node:fs';
import { Window as HappyWindow } from 'happy-dom';
import type { Platform, Post } from '../lib/domain/post';
import { createBrandMatcher, type BrandMatcher } from '../lib/match/brand-matcher';
import { matchPost, pageBrand } from '../lib/match/post-match';
import { FB_SELECTORS } from '../lib/sites/facebook/selectors';
import { facebookAdapter } from '../lib/sites/facebook/adapter';
import { platformForUrl } from '../lib/sites/origins';
import type { SiteAdapter } from '../lib/sites/types';
import { xAdapter } from '../lib/sites/x/adapter';
import { X_SELECTORS } from '../lib/sites/x/selectors';
import { yelpAdapter } from '../lib/sites/yelp/adapter';
import { YELP_SELECTORS } from '../lib/sites/yelp/selectors';
import { SettingsSchema } from '../lib/settings/schema';
import { readQualityOf } from '../lib/content/page-index';
import { healthWarning, initialSnapshot, type ReadQuality } from '../lib/content/view-model';
import { readShareOf, type ReadShareSample } from '../lib/content/read-share';
import { isMain } from './is-main';

const SITES: Record<Platform, { adapter: SiteAdapter; selectors: Readonly<Record<string, string>>; file: string }> = {
  x: { adapter: xAdapter, selectors: X_SELECTORS, file: 'lib/sites/x/selectors.ts' },
  facebook: { adapter: facebookAdapter, selectors: FB_SELECTORS, file: 'lib/sites/facebook/selectors.ts' },
  yelp: { adapter: yelpAdapter, selectors: YELP_SELECTORS, file: 'lib/sites/yelp/selectors.ts' },
};
const PLATFORMS = Object.keys(SITES) as Platform[];

export interface CheckOptions {
  /** The address the page was saved from; else read from the page (canonical link, og:url, "saved from url="). */
  url?: string;
  /** Which site's adapter to run; else the URL's site, else the one that reads the most posts. */
  site?: Platform;
  /** Brand settings (careside:settings JSON): mark which posts mention a brand or are the brand's own. */
  settings?: unknown;
}

export interface CheckedPost {
  post: Post;
  brands: string[];
  byBrand: boolean;
}

export interface CheckReport {
  url: string;
  /** Where the URL came from. */
  urlSource: 'option' | 'canonical link' | 'og:url' | 'saved from' | 'none';
  platform: Platform;
  siteName: string;
  expectsPosts: boolean;
  /** Post elements the adapter found, and how many of them it could not read (placeholders, broken markup). */
  elementsFound: number;
  unreadable: number;
  posts: CheckedPost[];
  readQuality: ReadQuality;
  /** The page's post containers (articles, rated list items) and how many of them yielded a post (the read-share health check). */
  readShare: ReadShareSample;
  /** The sidebar's health warning for this page, or null. */
  warning: string | null;
  selectors: { name: string; selector: string; count: number }[];
  selectorFile: string;
}

/** The address a saved page came from, as far as the page says. */
function urlOfPage(html: string, doc: Document): { url: string; source: CheckReport['urlSource'] } | null {
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  if (canonical && /^https:\/\//.test(canonical)) return { url: canonical, source: 'canonical link' };
  const og = doc.querySelector('meta[property="og:url"]')?.getAttribute('content');
  if (og && /^https:\/\//.test(og)) return { url: og, source: 'og:url' };
  // Chrome's "Save page as" writes <!-- saved from url=(0042)https://... -->.
  const saved = /<!-- saved from url=\(\d+\)(https:\/\/[^\s>]+) -->/.exec(html.slice(0, 2_000))?.[1];
  return saved ? { url: saved, source: 'saved from' } : null;
}

function parse(html: string, url: string): Document {
  const window = new HappyWindow({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      handleDisabledFileLoadingAsSuccess: true,
    },
  });
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

function readWith(adapter: SiteAdapter, doc: Document, url: string): { elements: Element[]; posts: Post[]; readElements: Element[] } {
  const win = { location: new URL(url) } as unknown as Window;
  const elements = adapter.findPosts(doc);
  const posts: Post[] = [];
  const readElements: Element[] = [];
  for (const element of elements) {
    try {
      const post = adapter.readPost(element, win);
      if (post) {
        posts.push(post);
        readElements.push(element);
      }
    } catch {
      // An adapter error on one element counts as unreadable, as in the extension.
    }
  }
  return { elements, posts, readElements };
}

/** Run the adapters on one saved page's HTML. */
export function checkPage(html: string, options: CheckOptions = {}): CheckReport {
  const probe = parse(html, options.url ?? 'https://invalid.example/');
  const found = options.url ? { url: options.url, source: 'option' as const } : urlOfPage(html, probe);
  const url = found?.url ?? 'https://invalid.example/';
  const doc = found ? parse(html, url) : probe;
  const fromUrl = found ? platformForUrl(url) : null;
  let platform = options.site ?? fromUrl;
  let read = platform ? readWith(SITES[platform].adapter, doc, url) : undefined;
  if (!platform || !read) {
    // Unknown address: the site whose adapter reads the most.
    const tries = PLATFORMS.map((candidate) => ({ candidate, read: readWith(SITES[candidate].adapter, doc, url) }));
    const best = tries.reduce((a, b) => (b.read.posts.length > a.read.posts.length ? b : a));
    platform = best.candidate;
    read = best.read;
  }
  const site = SITES[platform];
  const pageUrl = new URL(url);
  const expectsPosts = fromUrl === platform && site.adapter.expectsPosts(pageUrl);

  let matcher: BrandMatcher | undefined;
  if (options.settings !== undefined) matcher = createBrandMatcher(SettingsSchema.parse(options.settings).brands);
  const posts = read.posts.map((post) => {
    const match = matcher ? matchPost(matcher, post, pageBrand(matcher, platform, url)) : undefined;
    return { post, brands: match?.brandIds ?? [], byBrand: match?.byBrand ?? false };
  });

  const readQuality = readQualityOf(posts.map(({ post }) => post));
  const warning = healthWarning({
    ...initialSnapshot(site.adapter.name),
    settings: { status: 'ok', settings: SettingsSchema.parse({ version: 1, brands: [] }) },
    searching: false,
    expectsPosts,
    postsRead: posts.length,
    readQuality,
  });

  return {
    url,
    urlSource: found?.source ?? 'none',
    platform,
    siteName: site.adapter.name,
    expectsPosts,
    elementsFound: read.elements.length,
    unreadable: read.elements.length - read.posts.length,
    posts,
    readQuality,
    readShare: readShareOf(site.adapter.postContainers?.(doc) ?? [], read.readElements),
    warning,
    selectors: Object.entries(site.selectors).map(([name, selector]) => ({ name, selector, count: doc.querySelectorAll(selector).length })),
    selectorFile: site.file,
  };
}

const oneLine = (text: string, length: number) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
};
const pad = (text: string, width: number) => (text.length >= width ? text.slice(0, width) : text + ' '.repeat(width - text.length));

function countsOf(post: Post): string {
  const { replies, reposts, likes, views, rating } = post.reach;
  const parts = [
    replies === undefined ? '' : `${replies} repl`,
    reposts === undefined ? '' : `${reposts} rp`,
    likes === undefined ? '' : `${likes} lk`,
    views === undefined ? '' : `${views} vw`,
    rating === undefined ? '' : `${rating}★`,
  ];
  return parts.filter(Boolean).join(' ') || '-';
}

/** The report as the terminal shows it. */
export function formatReport(report: CheckReport, file: string): string {
  const lines: string[] = [];
  lines.push(`CareSide check:sites: ${file}`);
  lines.push(`  URL:      ${report.url} (${report.urlSource === 'none' ? 'unknown: pass --url' : `from ${report.urlSource}`})`);
  lines.push(`  Site:     ${report.siteName} (${report.platform})${report.expectsPosts ? ', a page that must show posts' : ''}`);
  const kinds = new Map<string, number>();
  for (const { post } of report.posts) kinds.set(post.kind, (kinds.get(post.kind) ?? 0) + 1);
  const kindText = [...kinds].map(([kind, count]) => `${count} ${kind}`).join(', ') || 'none';
  lines.push(
    `  Read:     ${report.posts.length} posts of ${report.elementsFound} post elements found (${report.unreadable} unreadable): ${kindText}`,
  );
  lines.push(
    `  Quality:  ${report.readQuality.withText}/${report.posts.length} with text, ${report.readQuality.withAuthor}/${report.posts.length} with an author`,
  );
  lines.push(`  Share:    ${report.readShare.read} of ${report.readShare.containers} post containers on the page yielded a post`);
  lines.push(`  Health:   ${report.warning ? `WARNING: ${report.warning}` : 'OK'}`);
  lines.push('');
  lines.push(`  ${pad('#', 3)} ${pad('kind', 8)} ${pad('author', 28)} ${pad('counts', 44)} ${pad('flags', 16)} text`);
  report.posts.forEach(({ post, brands, byBrand }, index) => {
    const author = post.authorHandle ? `${post.authorName} @${post.authorHandle}` : post.authorName || '(no author)';
    const flags = [
      post.sponsored ? 'sponsored' : '',
      byBrand ? 'brand' : '',
      brands.length > 0 ? `mentions:${brands.join('+')}` : '',
      post.answeredBy ? 'answered' : '',
    ]
      .filter(Boolean)
      .join(',');
    lines.push(
      `  ${pad(String(index + 1), 3)} ${pad(post.kind, 8)} ${pad(oneLine(author, 28), 28)} ${pad(countsOf(post), 44)} ${pad(flags || '-', 16)} ${oneLine(post.text, 60) || '(no text)'}`,
    );
    lines.push(`      ${post.platform}:${post.postId}  ${post.url}${post.inReplyTo ? `  answers ${post.inReplyTo}` : ''}`);
  });
  lines.push('');
  lines.push(`  Selectors (${report.selectorFile}; counts per page in lib/sites/${report.platform}/selectors.test.ts):`);
  const width = Math.max(...report.selectors.map((row) => row.name.length));
  for (const row of report.selectors) {
    lines.push(
      `    ${pad(row.name, width)} ${String(row.count).padStart(6)}  ${oneLine(row.selector, 90)}${row.count === 0 ? '   <- finds nothing' : ''}`,
    );
  }
  return lines.join('\n');
}

const USAGE =
  'Usage: npm run check:sites -- <saved-page.html> [--url https://...] [--site x|facebook|yelp] [--settings settings.json] [--json]';

export function parseArgs(argv: readonly string[]): { file: string; options: CheckOptions; json: boolean } | string {
  let file: string | undefined;
  const options: CheckOptions = {};
  let json = false;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] as string;
    const value = () => {
      const next = argv[++index];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    try {
      if (arg === '--url') options.url = new URL(value()).href;
      else if (arg === '--site') {
        const site = value();
        if (!PLATFORMS.includes(site as Platform)) return `--site must be one of ${PLATFORMS.join(', ')}`;
        options.site = site as Platform;
      } else if (arg === '--settings') options.settings = JSON.parse(readFileSync(value(), 'utf8')) as unknown;
      else if (arg === '--json') json = true;
      else if (arg === '--help' || arg === '-h') return USAGE;
      else if (arg.startsWith('--')) return `Unknown option ${arg}\n${USAGE}`;
      else file = arg;
    } catch (error) {
      return `${arg}: ${(error as Error).message}`;
    }
  }
  return file ? { file, options, json } : USAGE;
}

if (isMain(import.meta.url)) {
  const parsed = parseArgs(process.argv.slice(2));
  if (typeof parsed === 'string') {
    console.error(parsed);
    process.exit(2);
  }
  const report = checkPage(readFileSync(parsed.file, 'utf8'), parsed.options);
  if (parsed.json) console.log(JSON.stringify(report, null, 2));
  else console.log(formatReport(report, parsed.file));
  // Non-zero when the page looks broken, so the check can run in scripts.
  process.exit(report.warning ? 1 : 0);
}
