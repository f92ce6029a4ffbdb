import { describe, expect, it } from 'vitest';
import type { Post, PostKey } from '../domain/post';
import type { TriagePost } from '../messaging/protocol';
import type { TriageAnswer } from '../domain/triage';
import { triagePost } from '../triage';
import { createTriageClient, triageLabel, TRIAGE_RETRY_MS } from './triage';

/** What the background masks for the brand "Acme Air" (@AcmeAir). */
const BRAND_TERMS = ['Acme Air', '@AcmeAir'];

const post = (text: string, views = 100): Post => ({
  platform: 'x',
  postId: '1',
  kind: 'post',
  url: 'https://x.com/dana/status/1',
  authorName: 'Dana',
  authorHandle: 'dana',
  text,
  postedAt: '2025-11-20T12:00:00.000Z',
  reach: { views },
});

/** A client whose "background" answers with the real triage when told to, recording each request. */
function clientWithBackground(now = () => Date.parse('2025-11-20T13:00:00.000Z')) {
  const requests: { posts: TriagePost[]; answer: () => void; fail: (error: Error) => void }[] = [];
  const settled: PostKey[][] = [];
  const errors: (string | null)[] = [];
  const client = createTriageClient({
    batchSize: 2,
    now,
    send: (posts) =>
      new Promise<TriageAnswer>((resolve, reject) => {
        requests.push({
          posts,
          answer: () =>
            resolve(posts.map((one) => ({ postKey: `x:${one.postId}`, triage: triagePost(one, { brandTerms: BRAND_TERMS, now: now() }) }))),
          fail: reject,
        });
      }),
    onSettled: (postKeys) => settled.push(postKeys),
    onError: (message) => errors.push(message),
  });
  return { client, requests, settled, errors };
}

const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('triage client', () => {
  it('asks the background once per version of a post, in batches, and keeps the answer', async () => {
    const { client, requests, settled } = clientWithBackground();
    const first = post('Acme Air lost my bag and nobody answers');
    expect(client.of('x:1', first)).toBeUndefined();
    expect(client.settled('x:1')).toBe(false);
    client.of('x:2', { ...first, postId: '2' });
    client.of('x:3', { ...first, postId: '3' });
    client.flush();
    expect(requests.map((request) => request.posts.length)).toEqual([2, 1]);
    // Posts only: the background masks the brands it knows from its own settings.
    expect(Object.keys(requests[0]?.posts[0] ?? {}).sort()).toEqual(['kind', 'platform', 'postId', 'postedAt', 'reach', 'text']);

    for (const request of requests) request.answer();
    await flushPromises();
    expect(settled.flat().sort()).toEqual(['x:1', 'x:2', 'x:3']);
    const result = client.of('x:1', first);
    expect(result?.complaint.isComplaint).toBe(true);
    // The same post again, or an identical re-read: no new request.
    expect(client.of('x:1', { ...first, reach: { views: 100 } })).toBe(result);
    client.flush();
    expect(requests).toHaveLength(2);
    expect(client.peek('x:1')).toBe(result);
  });

  it('sends what was read while a request is in flight together, once it is answered', async () => {
    const { client, requests } = clientWithBackground();
    client.of('x:1', post('Acme Air lost my bag'));
    client.flush();
    client.of('x:2', { ...post('Acme Air lost my bag again'), postId: '2' });
    client.flush();
    expect(requests).toHaveLength(1);
    client.of('x:3', { ...post('Acme Air cancelled my flight'), postId: '3' });
    client.flush();
    requests[0]?.answer();
    await flushPromises();
    expect(requests.map((request) => request.posts.map((one) => one.postId))).toEqual([['1'], ['2', '3']]);
    requests[1]?.answer();
    await client.idle();
    expect(client.peek('x:3')?.complaint.isComplaint).toBe(true);
  });

  it('waits out minIntervalMs between requests, then sends everything read meanwhile', async () => {
    let clock = 0;
    const timers: { callback: () => void; ms: number }[] = [];
    const requests: TriagePost[][] = [];
    const client = createTriageClient({
      batchSize: 100,
      minIntervalMs: 100,
      now: () => clock,
      delay: (callback, ms) => timers.push({ callback, ms }),
      send: (posts) => {
        requests.push(posts);
        return Promise.resolve(posts.map((one) => ({ postKey: `x:${one.postId}`, triage: triagePost(one) })));
      },
      onSettled: () => undefined,
      onError: () => undefined,
    });
    client.of('x:1', post('Acme Air lost my bag'));
    client.flush();
    await flushPromises();
    clock = 30;
    client.of('x:2', { ...post('Acme Air lost my bag again'), postId: '2' });
    client.flush();
    client.of('x:3', { ...post('Acme Air cancelled my flight'), postId: '3' });
    client.flush();
    expect(requests).toHaveLength(1);
    expect(timers.map((timer) => timer.ms)).toEqual([70]);
    let idle = false;
    void client.idle().then(() => (idle = true));
    clock = 100;
    timers[0]?.callback();
    await flushPromises();
    expect(requests.map((posts) => posts.map((one) => one.postId))).toEqual([['1'], ['2', '3']]);
    expect(idle).toBe(true);
  });

  it('asks again when what triage reads changed, keeping the old result until the new one arrives', async () => {
    const { client, requests } = clientWithBackground();
    client.of('x:1', post('Acme Air lost my bag and nobody answers'));
    client.flush();
    requests[0]?.answer();
    await flushPromises();
    const before = client.peek('x:1');

    expect(client.of('x:1', post('Thanks Acme Air, smooth flight today!', 250_000))).toBe(before);
    expect(client.settled('x:1')).toBe(false);
    client.flush();
    requests[1]?.answer();
    await flushPromises();
    const after = client.peek('x:1');
    expect(after?.complaint.isComplaint).toBe(false);
    expect(after?.priority.explanation).toContain('250k views');
  });

  it('again: asks about an unchanged post once more, its result staying shown (settled) until the new answer replaces it', async () => {
    const { client, requests, settled } = clientWithBackground();
    const first = post('Acme Air lost my bag and nobody answers');
    client.of('x:1', first);
    client.flush();
    requests[0]?.answer();
    await flushPromises();
    const before = client.peek('x:1');

    client.again('x:1', first);
    client.again('x:9', first); // never asked about: nothing to ask again
    client.flush();
    expect(requests).toHaveLength(2);
    expect(requests[1]?.posts.map((one) => one.postId)).toEqual(['1']);
    expect(client.settled('x:1')).toBe(true);
    expect(client.of('x:1', first)).toBe(before);
    requests[1]?.answer();
    await flushPromises();
    expect(settled).toEqual([['x:1'], ['x:1']]);
    expect(client.peek('x:1')).not.toBe(before);
    expect(client.peek('x:1')).toEqual(before);
  });

  it('drops an answer for a version of the post that has since changed, and answers from before new brands', async () => {
    const { client, requests } = clientWithBackground();
    client.of('x:1', post('Acme Air lost my bag and nobody answers'));
    client.flush();
    client.of('x:1', post('Thanks Acme Air, smooth flight today!'));
    client.flush();
    requests[0]?.answer(); // the old version's answer arrives last-but-one: ignored
    await flushPromises();
    expect(client.peek('x:1')).toBeUndefined();
    requests[1]?.answer();
    await flushPromises();
    expect(client.peek('x:1')?.complaint.isComplaint).toBe(false);

    client.of('x:2', { ...post('Acme Air lost my bag'), postId: '2' });
    client.flush();
    client.forgetAll();
    requests[2]?.answer();
    await flushPromises();
    expect(client.peek('x:2')).toBeUndefined();
    expect(client.peek('x:1')).toBeUndefined();
  });

  it('says why when the background fails, settles the posts so their controls show, and retries later', async () => {
    let clock = Date.parse('2025-11-20T13:00:00.000Z');
    const { client, requests, errors, settled } = clientWithBackground(() => clock);
    const first = post('Acme Air lost my bag and nobody answers');
    client.of('x:1', first);
    client.flush();
    requests[0]?.fail(new Error('CareSide background unreachable'));
    await client.idle();
    expect(errors).toEqual(['Triage is unavailable: CareSide background unreachable']);
    expect(settled).toEqual([['x:1']]);
    expect(client.settled('x:1')).toBe(true);

    // Re-read soon after: no new request; after TRIAGE_RETRY_MS: asked again.
    client.of('x:1', { ...first });
    client.flush();
    expect(requests).toHaveLength(1);
    clock += TRIAGE_RETRY_MS;
    client.of('x:1', { ...first });
    client.flush();
    expect(requests).toHaveLength(2);
    requests[1]?.answer();
    await client.idle();
    expect(errors.at(-1)).toBeNull();
    expect(client.peek('x:1')?.complaint.isComplaint).toBe(true);
  });
});

describe('triageLabel', () => {
  const options = { brandTerms: ['acme air'], now: Date.parse('2025-11-20T13:00:00.000Z') };

  it('names the complaint category', () => {
    const label = triageLabel(triagePost(post('@AcmeAir lost my bag and nobody answers. Worst airline ever.'), options));
    expect(label).toMatch(/^P[1-4] · Lost or damaged item$/);
  });

  it('says "Not a complaint" instead of a category for praise', () => {
    const label = triageLabel(triagePost(post('Thank you @AcmeAir, the crew was wonderful and we landed early!'), options));
    expect(label).toMatch(/^P[1-4] · Not a complaint$/);
  });
});
