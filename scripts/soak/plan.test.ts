import { describe, expect, it } from 'vitest';
import { keyOfPost, mentionsBrand } from './posts';
import { PostStream, planRound, type RoundInput } from './plan';

const input = (overrides: Partial<RoundInput> = {}): RoundInput => ({
  round: 1,
  batches: [6, 2, 2],
  cases: 100,
  duplicateEvery: 2,
  loggedSoFar: 0,
  logged: new Set<string>(),
  shownAgain: [],
  ...overrides,
});

describe('planRound', () => {
  it('hands each tab its batch of new posts and logs cases in step with posts', () => {
    const stream = new PostStream(100);
    const plan = planRound(input(), stream);
    expect(plan.tabs.map((tab) => tab.posts.length)).toEqual([6, 2, 2]);
    expect(stream.issued).toBe(10);
    // 100 cases over 100 posts: 10 posts issued → 10 logs wanted, capped by the brand mentions on offer.
    const logged = plan.tabs.flatMap((tab) => tab.toLog);
    const mentions = plan.tabs.flatMap((tab) => tab.posts).filter(mentionsBrand);
    expect(logged).toHaveLength(mentions.length);
    for (const tab of plan.tabs) for (const post of tab.toLog) expect(tab.posts).toContain(post);
  });

  it('never plans a post already logged, nor the same post twice', () => {
    const stream = new PostStream(100);
    const first = planRound(input(), stream);
    const logged = new Set(first.tabs.flatMap((tab) => tab.toLog).map(keyOfPost));
    const shownAgain = first.tabs[0]?.toLog.slice(0, 2) ?? [];
    const second = planRound(input({ round: 3, loggedSoFar: logged.size, logged, shownAgain }), stream);
    const keys = second.tabs.flatMap((tab) => tab.toLog).map(keyOfPost);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(logged.has(key)).toBe(false);
    expect(second.tabs[0]?.posts).toEqual(expect.arrayContaining(first.tabs[0]?.toLog.slice(0, 2) ?? []));
  });

  it('on duplicate rounds shows one brand mention in two neighbouring tabs, logged by neither plan', () => {
    const plan = planRound(input({ round: 2 }), new PostStream(100));
    expect(plan.duplicate?.tabs).toEqual([2, 0]);
    const post = plan.duplicate?.post;
    expect(post && mentionsBrand(post)).toBe(true);
    expect(plan.tabs[2]?.posts).toContain(post);
    expect(plan.tabs[0]?.posts).toContain(post);
    expect(plan.tabs.flatMap((tab) => tab.toLog)).not.toContain(post);
  });

  it('stops at the end of the stream and with one tab never plans a duplicate', () => {
    const stream = new PostStream(3);
    const plan = planRound(input({ round: 0, batches: [6] }), stream);
    expect(plan.tabs[0]?.posts).toHaveLength(3);
    expect(plan.duplicate).toBeUndefined();
    expect(stream.done).toBe(true);
  });
});
