import type { MentionRowView } from '../../components/sidebar/MentionRow';
import { STATUS_LABELS, type Case } from '../domain/case';
import type { Post, PostKey } from '../domain/post';
import type { Brand } from '../settings/schema';
import type { InlineView } from './inline-control';
import type { SettingsState } from './settings-source';

/** Where logging a post stands in this tab (the case store is the truth once it answers). */
export type LogState = { status: 'pending' } | { status: 'error'; message: string } | { status: 'logged'; case: Case };

export interface MentionEntry {
  postKey: PostKey;
  post: Post;
  brandIds: string[];
  byBrand: boolean;
}

/** Everything the sidebar shows, published by the runtime. */
export interface ContentSnapshot {
  adapterName: string;
  settings: { status: 'loading' } | SettingsState;
  /** Posts read on this page (since load or the last in-app navigation). */
  postsRead: number;
  mentions: MentionEntry[];
  /** Still within the grace period after load/navigation in which an empty page is normal. */
  searching: boolean;
  /** The adapter says this page should show posts. */
  expectsPosts: boolean;
  logState: ReadonlyMap<PostKey, LogState>;
}

const EXCERPT_LENGTH = 280;

export function initialSnapshot(adapterName: string): ContentSnapshot {
  return {
    adapterName,
    settings: { status: 'loading' },
    postsRead: 0,
    mentions: [],
    searching: true,
    expectsPosts: false,
    logState: new Map(),
  };
}

export function brandsOf(snapshot: ContentSnapshot): Brand[] {
  return snapshot.settings.status === 'ok' ? snapshot.settings.settings.brands : [];
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The sidebar's one-line account of what the adapter did on this page. */
export function statusText(snapshot: ContentSnapshot): string {
  const name = snapshot.adapterName;
  if (snapshot.settings.status === 'loading') return `${name}: starting…`;
  if (snapshot.postsRead === 0) {
    if (snapshot.searching) return `${name}: looking for posts…`;
    if (snapshot.expectsPosts) {
      return `${name}: read 0 posts on a page that should show posts. The site's layout may have changed, so CareSide cannot read it.`;
    }
    return `${name}: no posts on this page.`;
  }
  const byBrand = snapshot.mentions.filter((mention) => mention.byBrand).length;
  const mentionText = `${snapshot.mentions.length} ${snapshot.mentions.length === 1 ? 'mentions' : 'mention'} a brand`;
  const byBrandText = byBrand > 0 ? ` (${plural(byBrand, 'post', 'posts')} by the brand itself)` : '';
  return `${name}: read ${plural(snapshot.postsRead, 'post', 'posts')}, ${mentionText}${byBrandText}.`;
}

export function caseLabel(found: Case): string {
  return `${found.ref} · ${STATUS_LABELS[found.status]}`;
}

function caseFor(postKey: PostKey, cases: ReadonlyMap<PostKey, Case>, log: LogState | undefined): Case | undefined {
  return cases.get(postKey) ?? (log?.status === 'logged' ? log.case : undefined);
}

export function inlineViewFor(
  postKey: PostKey,
  cases: ReadonlyMap<PostKey, Case>,
  logState: ReadonlyMap<PostKey, LogState>,
): InlineView {
  const log = logState.get(postKey);
  const found = caseFor(postKey, cases, log);
  if (found) return { kind: 'case', ref: found.ref, statusLabel: STATUS_LABELS[found.status] };
  if (log?.status === 'pending') return { kind: 'pending' };
  if (log?.status === 'error') return { kind: 'error', message: log.message };
  return { kind: 'log' };
}

function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH - 1)}…` : flat;
}

export function mentionRows(snapshot: ContentSnapshot, cases: ReadonlyMap<PostKey, Case>): MentionRowView[] {
  const brandNames = new Map(brandsOf(snapshot).map((brand) => [brand.id, brand.name]));
  return snapshot.mentions.map(({ postKey, post, brandIds, byBrand }) => {
    const log = snapshot.logState.get(postKey);
    const found = caseFor(postKey, cases, log);
    return {
      postKey,
      authorName: post.authorName,
      ...(post.authorHandle ? { authorHandle: post.authorHandle } : {}),
      url: post.url,
      excerpt: excerptOf(post.text),
      brandNames: brandIds.map((id) => brandNames.get(id) ?? id),
      byBrand,
      ...(found ? { caseLabel: caseLabel(found) } : {}),
      logging: log?.status === 'pending',
      ...(log?.status === 'error' && !found ? { error: log.message } : {}),
    };
  });
}

export function casesByPostKey(cases: readonly Case[] | undefined): Map<PostKey, Case> {
  return new Map((cases ?? []).map((found) => [found.postKey, found]));
}
