import { describe, expect, it } from 'vitest';
import type { Presence } from '../domain/presence';
import { changedPosts, expiredPresence, replyingByPost, whoIsReplying } from './presence';

const T = 1_800_000_000_000;
const record = (agentId: string, name: string, postKey: string, since: number, expiresAt: number): Presence => ({
  agentId,
  name,
  postKey,
  since,
  expiresAt,
});

describe('whoIsReplying', () => {
  it('shows other agents whose presence has not expired, earliest first', () => {
    const records = [
      record('sam', 'Sam', 'x:1', T + 5_000, T + 65_000),
      record('priya', 'Priya', 'x:1', T, T + 60_000),
      record('lou', 'Lou', 'x:2', T - 90_000, T - 30_000), // expired
    ];
    expect(whoIsReplying(records, T + 10_000, 'me')).toEqual([
      { agentId: 'priya', name: 'Priya', postKey: 'x:1', since: T },
      { agentId: 'sam', name: 'Sam', postKey: 'x:1', since: T + 5_000 },
    ]);
  });

  it('never shows my own presence, and nothing at or after expiry', () => {
    const records = [record('me', 'Dana', 'x:1', T, T + 60_000), record('priya', 'Priya', 'x:1', T, T + 60_000)];
    expect(whoIsReplying(records, T + 1, 'me').map((entry) => entry.agentId)).toEqual(['priya']);
    expect(whoIsReplying(records, T + 60_000, 'me')).toEqual([]);
  });

  it('counts an agent once per post when an old record and its refresh are both held', () => {
    const records = [record('priya', 'Priya', 'x:1', T, T + 60_000), record('priya', 'Priya', 'x:1', T, T + 80_000)];
    expect(whoIsReplying(records, T + 70_000, 'me')).toHaveLength(1);
  });
});

describe('expiredPresence', () => {
  it('picks the records whose time is up, to purge', () => {
    const live = record('priya', 'Priya', 'x:1', T, T + 60_000);
    const old = record('sam', 'Sam', 'x:1', T - 120_000, T - 60_000);
    expect(expiredPresence([live, old], T)).toEqual([old]);
  });
});

describe('replyingByPost', () => {
  it('groups names by post', () => {
    const byPost = replyingByPost([
      { agentId: 'priya', name: 'Priya', postKey: 'x:1', since: T },
      { agentId: 'sam', name: 'Sam', postKey: 'x:1', since: T },
      { agentId: 'sam', name: 'Sam', postKey: 'x:2', since: T },
    ]);
    expect(Object.fromEntries(byPost)).toEqual({ 'x:1': ['Priya', 'Sam'], 'x:2': ['Sam'] });
  });
});

describe('changedPosts', () => {
  const priya = { agentId: 'priya', name: 'Priya', postKey: 'x:1', since: 1 };
  const sam = { agentId: 'sam', name: 'Sam', postKey: 'x:1', since: 2 };
  it('names the posts whose replying agents differ, and nothing for a refresh', () => {
    expect(changedPosts([], [priya])).toEqual(['x:1']);
    expect(changedPosts([priya], [{ ...priya }])).toEqual([]);
    expect(changedPosts([priya], [priya, sam])).toEqual(['x:1']);
    expect(changedPosts([priya, { ...sam, postKey: 'x:2' }], [priya])).toEqual(['x:2']);
    expect(changedPosts([priya], [{ ...priya, name: 'Priya Shah' }])).toEqual(['x:1']);
    expect(changedPosts([priya], [])).toEqual(['x:1']);
  });
});
