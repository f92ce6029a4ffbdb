import { describe, expect, it } from 'vitest';
import type { Case } from '../domain/case';
import type { Post } from '../domain/post';
import { SettingsSchema } from '../settings/schema';
import { BrandSchema } from '../domain/brand';
import {
  createMentionRowsBuilder,
  healthWarning,
  initialSnapshot,
  inlineViewFor,
  mentionRows,
  statusText,
  type ContentSnapshot,
  type LogState,
  type MentionEntry,
} from './view-model';

const post = (postId: string, text = 'Acme lost my bag'): Post => ({
  platform: 'x',
  postId,
  kind: 'post',
  url: `https://x.com/jane/status/${postId}`,
  authorName: 'Jane <b>Doe</b>',
  authorHandle: 'jane',
  text,
  reach: {},
});
const acme = BrandSchema.parse({ id: 'acme', name: 'Acme' });
const mention = (postId: string, byBrand = false): MentionEntry => ({
  postKey: `x:${postId}`,
  post: post(postId),
  brandIds: ['acme'],
  byBrand,
});
const caseOf = (postId: string, status: Case['status'] = 'new'): Case => ({
  id: '00000000-0000-4000-8000-000000000001',
  ref: 'CS-7F3K',
  postKey: `x:${postId}`,
  platform: 'x',
  post: post(postId),
  brandIds: ['acme'],
  status,
  createdAt: 1,
  updatedAt: 1,
});

function snapshot(patch: Partial<ContentSnapshot>): ContentSnapshot {
  const postsRead = patch.postsRead ?? 0;
  return {
    ...initialSnapshot('X / Twitter'),
    settings: { status: 'ok', settings: SettingsSchema.parse({ version: 1, brands: [acme] }) },
    searching: false,
    // Every post read had text and an author unless the test says otherwise.
    readQuality: { withText: postsRead, withAuthor: postsRead },
    ...patch,
  };
}

describe('statusText', () => {
  it('says which adapter ran, how many posts it read and how many mention a brand', () => {
    expect(statusText(snapshot({ postsRead: 9, mentions: [mention('1'), mention('2'), mention('3', true)] }))).toBe(
      'X / Twitter: read 9 posts, 3 mention a brand (1 post by the brand itself).',
    );
    expect(statusText(snapshot({ postsRead: 1, mentions: [mention('1')] }))).toBe('X / Twitter: read 1 post, 1 mentions a brand.');
    expect(statusText(snapshot({ postsRead: 4, mentions: [] }))).toBe('X / Twitter: read 4 posts, 0 mention a brand.');
  });

  it('says plainly when a page that should show posts yielded none', () => {
    expect(statusText(snapshot({ postsRead: 0, expectsPosts: true }))).toBe(
      "X / Twitter: read 0 posts on a page that should show posts. The site's layout may have changed, so CareSide cannot read it.",
    );
    expect(statusText(snapshot({ postsRead: 0, expectsPosts: false }))).toBe('X / Twitter: no posts on this page.');
  });

  it('does not cry wolf while the page is still loading', () => {
    expect(statusText(snapshot({ postsRead: 0, expectsPosts: true, searching: true }))).toBe('X / Twitter: looking for posts…');
    expect(statusText(initialSnapshot('X / Twitter'))).toBe('X / Twitter: starting…');
  });
});

describe('inlineViewFor', () => {
  const none = new Map<string, Case>();
  it('prefers the case store, then this tab’s log state', () => {
    const logState = new Map<string, LogState>([['x:1', { status: 'pending' }]]);
    expect(inlineViewFor('x:1', new Map([['x:1', caseOf('1', 'handed_off')]]), logState)).toEqual({
      kind: 'case',
      ref: 'CS-7F3K',
      statusLabel: 'Handed off',
    });
    expect(inlineViewFor('x:1', none, logState)).toEqual({ kind: 'pending' });
    expect(inlineViewFor('x:1', none, new Map([['x:1', { status: 'logged', case: caseOf('1') }]]))).toEqual({
      kind: 'case',
      ref: 'CS-7F3K',
      statusLabel: 'New',
    });
    expect(inlineViewFor('x:1', none, new Map([['x:1', { status: 'error', message: 'nope' }]]))).toEqual({
      kind: 'error',
      message: 'nope',
    });
    expect(inlineViewFor('x:2', none, logState)).toEqual({ kind: 'log' });
  });

  it('counts a waiting case down to its first-response target from when it was logged, and drops the count once answered', () => {
    const MIN = 60_000;
    const logged = { ...caseOf('1'), priority: 'P2' as const, createdAt: 1_000 * MIN, updatedAt: 1_000 * MIN };
    const cases = new Map([['x:1', logged]]);
    const at = (minutesAfterLogging: number) => () => ({ now: logged.createdAt + minutesAfterLogging * MIN });
    expect(inlineViewFor('x:1', cases, new Map(), at(30))).toMatchObject({ due: { text: 'due in 30 min', state: 'ok' } });
    expect(inlineViewFor('x:1', cases, new Map(), at(48))).toMatchObject({ due: { text: 'due in 12 min', state: 'nearing' } });
    expect(inlineViewFor('x:1', cases, new Map(), at(90))).toMatchObject({ due: { text: 'overdue by 30 min', state: 'breached' } });
    // The settings' own targets count: P2 in 2 h.
    const longer = () => ({ now: logged.createdAt + 70 * MIN, targets: { P1: 15, P2: 120, P3: 240, P4: 1440 } });
    expect(inlineViewFor('x:1', cases, new Map(), longer)).toMatchObject({ due: { text: 'due in 50 min', state: 'ok' } });
    const answered = new Map([['x:1', { ...logged, status: 'responded' as const, firstResponseAt: logged.createdAt + 5 * MIN }]]);
    expect(inlineViewFor('x:1', answered, new Map(), at(90))).not.toHaveProperty('due');
    const closed = new Map([['x:1', { ...logged, status: 'closed' as const, closedAt: logged.createdAt + 5 * MIN }]]);
    expect(inlineViewFor('x:1', closed, new Map(), at(90))).not.toHaveProperty('due');
  });
});

describe('mentionRows', () => {
  it('turns mentions into sidebar rows with brand names, case labels and errors', () => {
    const long = post('2', `${'word '.repeat(100)}end`);
    const rows = mentionRows(
      snapshot({
        mentions: [mention('1'), { ...mention('2', true), post: long }, mention('3')],
        logState: new Map<string, LogState>([
          ['x:2', { status: 'pending' }],
          ['x:3', { status: 'error', message: 'offline' }],
        ]),
      }),
      new Map([['x:1', caseOf('1', 'waiting_on_customer')]]),
    );
    expect(rows[0]).toEqual({
      postKey: 'x:1',
      authorName: 'Jane <b>Doe</b>',
      authorHandle: 'jane',
      url: 'https://x.com/jane/status/1',
      excerpt: 'Acme lost my bag',
      brandNames: ['Acme'],
      byBrand: false,
      caseLabel: 'CS-7F3K · Waiting on customer',
      logging: false,
    });
    expect(rows[1]).toMatchObject({ byBrand: true, logging: true });
    expect(rows[1]?.excerpt).toHaveLength(280);
    expect(rows[1]?.excerpt.endsWith('…')).toBe(true);
    expect(rows[2]).toMatchObject({ error: 'offline', logging: false });
    expect(rows[2]?.caseLabel).toBeUndefined();
  });
});

describe('healthWarning', () => {
  it('warns when posts were found but none had text, or none had an author, and says so in the status line', () => {
    const noText = snapshot({ postsRead: 12, readQuality: { withText: 0, withAuthor: 12 } });
    expect(healthWarning(noText)).toBe(
      "Found 12 posts but could read no text in any of them. The site's layout may have changed, so CareSide cannot read it fully: brand mentions may be missed.",
    );
    expect(statusText(noText)).toBe(`X / Twitter: read 12 posts, 0 mention a brand. ${healthWarning(noText)}`);
    const neither = snapshot({ postsRead: 5, readQuality: { withText: 0, withAuthor: 0 } });
    expect(healthWarning(neither)).toContain('could read no text and no author in any of them');
    expect(healthWarning(snapshot({ postsRead: 5, readQuality: { withText: 5, withAuthor: 0 } }))).toContain('no author');
  });

  it('warns on a page that should show posts and shows none', () => {
    expect(healthWarning(snapshot({ postsRead: 0, expectsPosts: true }))).toContain('Read 0 posts on a page that should show posts');
    expect(healthWarning(snapshot({ postsRead: 0, expectsPosts: false }))).toBeNull();
  });

  it('does not warn while searching, for a healthy page, or for one or two empty posts (a photo post)', () => {
    expect(healthWarning(snapshot({ postsRead: 12, readQuality: { withText: 0, withAuthor: 0 }, searching: true }))).toBeNull();
    expect(healthWarning(snapshot({ postsRead: 12, readQuality: { withText: 1, withAuthor: 1 } }))).toBeNull();
    expect(healthWarning(snapshot({ postsRead: 2, readQuality: { withText: 0, withAuthor: 2 } }))).toBeNull();
  });
});

describe('createMentionRowsBuilder', () => {
  it('keeps the view object of a row whose inputs did not change, and rebuilds the ones that did', () => {
    const build = createMentionRowsBuilder();
    const entries = [mention('1'), mention('2'), mention('3')];
    // The runtime keeps the settings object across publishes.
    const { settings } = snapshot({});
    const first = build(snapshot({ settings, mentions: entries }), new Map());
    // A new snapshot with new entry objects for the same posts, a refetched (equal) case for none,
    // a pending log for x:2 and a case for x:3.
    const second = build(
      snapshot({
        settings,
        mentions: entries.map((entry) => ({ ...entry })),
        logState: new Map<string, LogState>([['x:2', { status: 'pending' }]]),
      }),
      new Map([['x:3', caseOf('3')]]),
    );
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1]).toMatchObject({ postKey: 'x:2', logging: true });
    expect(second[2]).toMatchObject({ postKey: 'x:3', caseLabel: 'CS-7F3K · New' });
    // The same case fetched again (a new object with the same ref and status) keeps the row.
    const third = build(
      snapshot({ settings, mentions: entries, logState: new Map<string, LogState>([['x:2', { status: 'pending' }]]) }),
      new Map([['x:3', caseOf('3')]]),
    );
    expect(third).toEqual(second);
    third.forEach((row, index) => expect(row).toBe(second[index]));
  });

  it('returns the same rows for a snapshot that changed nothing they show, and new ones when their inputs changed', () => {
    const build = createMentionRowsBuilder();
    const { settings } = snapshot({});
    const cases = new Map([['x:3', caseOf('3')]]);
    const before = snapshot({ settings, mentions: [mention('1'), mention('3')] });
    const rows = build(before, cases);
    // The busy flag and the page status change far more often than the mentions.
    expect(build({ ...before, updating: true, postsRead: 40 }, cases)).toBe(rows);
    const logged = build({ ...before, logState: new Map<string, LogState>([['x:1', { status: 'pending' }]]) }, cases);
    expect(logged).not.toBe(rows);
    expect(logged[0]).toMatchObject({ postKey: 'x:1', logging: true });
    const unlogged = build(before, new Map());
    expect(unlogged).not.toBe(rows);
    expect(unlogged.find((row) => row.postKey === 'x:3')?.caseLabel).toBeUndefined();
  });

  it('shows who answered a post and whether it is sponsored, from the post, and rebuilds the row when an answer arrives', () => {
    const build = createMentionRowsBuilder();
    const { settings } = snapshot({});
    const plain = mention('1');
    const [before] = build(snapshot({ settings, mentions: [plain] }), new Map());
    expect(before?.answeredBy).toBeUndefined();
    const answered = { ...plain, post: { ...plain.post, answeredBy: '@AcmeHelp', sponsored: true as const } };
    const [after] = build(snapshot({ settings, mentions: [answered] }), new Map());
    expect(after).not.toBe(before);
    expect(after).toMatchObject({ answeredBy: '@AcmeHelp', sponsored: true });
  });

  it('rebuilds every row when the brands change (names are shown) and matches the stateless rows', () => {
    const build = createMentionRowsBuilder();
    const entries = [mention('1')];
    const first = build(snapshot({ mentions: entries }), new Map());
    const renamed = BrandSchema.parse({ id: 'acme', name: 'Acme Air' });
    const changed = snapshot({
      mentions: entries,
      settings: { status: 'ok', settings: SettingsSchema.parse({ version: 1, brands: [renamed] }) },
    });
    const second = build(changed, new Map());
    expect(second[0]).not.toBe(first[0]);
    expect(second[0]?.brandNames).toEqual(['Acme Air']);
    expect(second).toEqual(mentionRows(changed, new Map()));
  });
});
