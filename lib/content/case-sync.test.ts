import { describe, expect, it } from 'vitest';
import { makePost } from '../cases/testing';
import type { PageCase } from '../domain/page-case';
import type { SendRequest } from '../messaging/client';
import { MessagingError } from '../messaging/client';
import { CASE_CHUNK_SIZE, createCaseSync, type CaseSync } from './case-sync';

const caseOf = (postId: string, status: PageCase['status'], updatedAt: number): PageCase => ({
  id: `00000000-0000-4000-8000-${postId.padStart(12, '0')}`,
  ref: 'CS-7F3K',
  postKey: `x:${postId}`,
  platform: 'x',
  post: makePost(postId),
  brandIds: ['acme'],
  status,
  createdAt: 1,
  updatedAt,
});

/** A background answering cases/byPostKeys from `stored()`; `asked` holds each request's posts. */
function fakeBackground(stored: () => PageCase[]) {
  const asked: string[][] = [];
  let failWith: string | null = null;
  const send = ((type: string, payload: { postKeys: string[] }) => {
    if (type !== 'cases/byPostKeys') throw new Error(`unexpected ${type}`);
    asked.push(payload.postKeys);
    if (failWith) return Promise.reject(new MessagingError('internal', failWith));
    const wanted = new Set(payload.postKeys);
    return Promise.resolve({ cases: stored().filter((found) => wanted.has(found.postKey)) });
  }) as unknown as SendRequest;
  return { send, asked, fail: (message: string | null) => (failWith = message) };
}

/** Every view the sync reported, as the number of cases it held. */
function watch(sync: CaseSync): number[] {
  const sizes: number[] = [];
  sync.subscribe(() => sizes.push(sync.get().cases.size));
  return sizes;
}

describe('case sync', () => {
  it('asks about each post once, then again only about the posts a change names', async () => {
    let stored: PageCase[] = [];
    const background = fakeBackground(() => stored);
    const sync = createCaseSync(background.send);
    const keys = Array.from({ length: 250 }, (_, index) => `x:${5000 + index}`);
    sync.setPostKeys(keys);
    await expect.poll(() => background.asked.map((chunk) => chunk.length)).toEqual([CASE_CHUNK_SIZE, CASE_CHUNK_SIZE, 50]);

    // Ten more posts stream in: only they are asked about.
    const more = Array.from({ length: 10 }, (_, index) => `x:${6000 + index}`);
    sync.setPostKeys([...keys, ...more]);
    await expect.poll(() => background.asked).toHaveLength(4);
    expect(background.asked[3]).toEqual(more);

    // A case changed for one post: that post alone is asked again.
    stored = [caseOf('5003', 'new', 2)];
    await sync.refresh(['x:5003', 'x:1']);
    expect(background.asked[4]).toEqual(['x:5003']);
    expect(sync.get().cases.get('x:5003')?.status).toBe('new');

    // No post named: every watched post is asked again.
    await sync.refresh([]);
    expect(background.asked.slice(5).flat()).toHaveLength(260);
    sync.destroy();
  });

  it('tells the controls only when the cases they show change, not on every answer', async () => {
    let stored: PageCase[] = [];
    const background = fakeBackground(() => stored);
    const sync = createCaseSync(background.send);
    const sizes = watch(sync);
    sync.setPostKeys(['x:1', 'x:2']);
    await expect.poll(() => background.asked).toHaveLength(1);

    // New posts, same (no) cases, and a refresh that changes nothing: nothing to re-render.
    sync.setPostKeys(['x:1', 'x:2', 'x:3']);
    await sync.refresh([]);
    expect(sizes).toEqual([]);

    stored = [caseOf('2', 'new', 5)];
    await sync.refresh(['x:2']);
    expect(sizes).toEqual([1]);
    await sync.refresh(['x:2']);
    expect(sizes).toEqual([1]);

    stored = [caseOf('2', 'responded', 6)];
    await sync.refresh(['x:2']);
    expect(sizes).toEqual([1, 1]);
    expect(sync.get().cases.get('x:2')?.status).toBe('responded');
    sync.destroy();
  });

  it('forgets the posts it no longer watches, and asks about them anew when they come back', async () => {
    const background = fakeBackground(() => [caseOf('7', 'new', 1)]);
    const sync = createCaseSync(background.send);
    sync.setPostKeys(['x:7', 'x:8']);
    await expect.poll(() => sync.get().cases.get('x:7')?.status).toBe('new');
    sync.setPostKeys(['x:9']);
    await expect.poll(() => background.asked).toHaveLength(2);
    expect(background.asked[1]).toEqual(['x:9']);
    expect(sync.get().cases.size).toBe(0);
    sync.setPostKeys(['x:9', 'x:7']);
    await expect.poll(() => sync.get().cases.size).toBe(1);
    expect(background.asked[2]).toEqual(['x:7']);
    sync.destroy();
  });

  it('keeps the newer answer when a change overtakes a question in flight', async () => {
    let release: () => void = () => undefined;
    const answers: PageCase[][] = [[], [caseOf('1', 'responded', 9)]];
    const asked: string[][] = [];
    const send = ((_type: string, payload: { postKeys: string[] }) => {
      asked.push(payload.postKeys);
      const cases = answers[asked.length - 1] ?? [];
      // The first (older) answer arrives last.
      return asked.length === 1 ? new Promise((resolve) => (release = () => resolve({ cases }))) : Promise.resolve({ cases });
    }) as unknown as SendRequest;
    const sync = createCaseSync(send);
    sync.setPostKeys(['x:1']);
    await sync.refresh(['x:1']);
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sync.get().cases.get('x:1')?.status).toBe('responded');
    sync.destroy();
  });

  it('says why the cases could not be read, and asks about those posts again on the next publish', async () => {
    const background = fakeBackground(() => [caseOf('1', 'new', 1)]);
    background.fail('CareSide background restarted before answering; try again');
    const sync = createCaseSync(background.send);
    sync.setPostKeys(['x:1']);
    await expect.poll(() => sync.get().error).toMatch(/restarted/);

    background.fail(null);
    sync.setPostKeys(['x:1']);
    await expect.poll(() => sync.get().cases.get('x:1')?.status).toBe('new');
    expect(sync.get().error).toBeNull();
    expect(background.asked).toEqual([['x:1'], ['x:1']]);
    sync.destroy();
  });
});
