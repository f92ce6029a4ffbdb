import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, CaseSchema, OPEN_STATUSES, type Case, type CaseStatus } from '../domain/case';
import { clampPostText, MAX_POST_TEXT, PLATFORMS, type Platform } from '../domain/post';
import { openCaseDb } from '../db/open';
import type { CaseDb } from '../db/schema';
import { CaseStoreError } from './errors';
import { CaseRepository } from './repository';
import { seededRandom } from '../util/random';
import { makePost } from './testing';

const T0 = 1_700_000_000_000;

async function freshRepository(options?: ConstructorParameters<typeof CaseRepository>[1]) {
  const db = await openCaseDb('careside-test', indexedDB);
  return { db, repository: new CaseRepository(db, options) };
}

/** Walk a new case to `status` along legal moves (waiting needs a reply first, closing an outcome). */
async function moveTo(repository: CaseRepository, logged: Case, status: CaseStatus, at: number): Promise<Case> {
  if (status === 'new') return logged;
  if (status === 'closed') return (await repository.transition(logged.id, 'closed', at, 'resolved')).case;
  if (status === 'waiting_on_customer') await repository.transition(logged.id, 'responded', at);
  return (await repository.transition(logged.id, status, at)).case;
}

async function countAll(db: CaseDb) {
  return db.count('cases');
}

describe('CaseRepository.logPost', () => {
  it('is idempotent per post: the same post logged twice gives the same case and ref', async () => {
    const { db, repository } = await freshRepository();
    const post = makePost('111');
    const first = await repository.logPost(post, ['acme'], T0);
    const second = await repository.logPost(post, ['acme', 'other'], T0 + 5_000);

    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.case).toEqual(first.case);
    expect(first.case).toMatchObject({ postKey: 'x:111', platform: 'x', status: 'new', createdAt: T0, updatedAt: T0 });
    expect(CaseSchema.parse(first.case)).toEqual(first.case);
    expect(await countAll(db)).toBe(1);
  });

  it('takes the whole text when a post logged cut by the page ("Show more") is logged again in full, and only then', async () => {
    const { repository } = await freshRepository();
    const cut = makePost('112', { text: 'Four hours on the tarmac and still no word from', truncated: true });
    const first = await repository.logPost(cut, ['acme'], T0);
    expect(first.case.post).toMatchObject({ text: cut.text, truncated: true });

    // Seen cut again (another timeline): nothing changes.
    const again = await repository.logPost({ ...cut, text: 'Four hours on the tarmac' }, ['acme'], T0 + 1_000);
    expect(again.case).toEqual(first.case);

    const whole = makePost('112', { text: 'Four hours on the tarmac and still no word from @AcmeAir about the connection' });
    const refreshed = await repository.logPost(whole, ['acme'], T0 + 2_000);
    expect(refreshed).toMatchObject({ created: false, refreshed: true });
    expect(again).not.toHaveProperty('refreshed');
    expect(refreshed.case.post.text).toBe(whole.text);
    expect(refreshed.case.post.truncated).toBeUndefined();
    expect(refreshed.case).toMatchObject({ id: first.case.id, ref: first.case.ref, createdAt: T0, updatedAt: T0 + 2_000 });
    expect(await repository.byId(first.case.id)).toEqual(refreshed.case);

    // Once whole, a later cut sighting never shortens it again.
    const later = await repository.logPost(cut, ['acme'], T0 + 3_000);
    expect(later.case).toEqual(refreshed.case);
  });

  it('creates one case when the same post is logged from two tabs at once', async () => {
    const { db, repository } = await freshRepository();
    const post = makePost('222');
    const results = await Promise.all([repository.logPost(post, [], T0), repository.logPost(post, [], T0 + 1)]);
    expect(results.map((result) => result.created).sort()).toEqual([false, true]);
    expect(results[0]?.case.ref).toBe(results[1]?.case.ref);
    expect(await countAll(db)).toBe(1);
  });

  // Hundreds of writes (each four stores since v5) in fake-indexeddb: over 5 s on a busy 2-core machine.
  it('gives 500 different posts 500 distinct, valid refs', { timeout: 30_000 }, async () => {
    const { db, repository } = await freshRepository();
    const refs = new Set<string>();
    for (let i = 0; i < 500; i += 1) {
      const { case: logged } = await repository.logPost(makePost(String(10_000 + i)), [], T0 + i);
      expect(logged.ref).toMatch(/^CS-[0-9A-HJKMNP-TV-Z]{4,8}$/);
      refs.add(logged.ref);
    }
    expect(refs.size).toBe(500);
    expect(await countAll(db)).toBe(500);
  });

  it('retries on a ref collision through the unique ref index, then reports a conflict', async () => {
    const zeros = (bytes: Uint8Array) => bytes.fill(0);
    const { db, repository } = await freshRepository({ randomFill: zeros });
    const refs: string[] = [];
    for (let i = 0; i < 5; i += 1) refs.push((await repository.logPost(makePost(`c${i}`), [], T0)).case.ref);
    // Every short form is taken in turn, so each new case needs a longer ref.
    expect(refs).toEqual(['CS-0000', 'CS-00000', 'CS-000000', 'CS-0000000', 'CS-00000000']);

    const failure = await repository.logPost(makePost('c5'), [], T0).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CaseStoreError);
    expect((failure as CaseStoreError).code).toBe('conflict');
    expect(await countAll(db)).toBe(5);
  });

  it('round-trips a post whose text was clamped to the maximum length', async () => {
    const { db, repository } = await freshRepository();
    const text = clampPostText('Ünïcødé complaint 🚚 '.repeat(2_000));
    expect(text).toHaveLength(MAX_POST_TEXT);
    const post = makePost('333', { text });
    await repository.logPost(post, ['acme'], T0);

    const [stored] = await repository.byPostKeys(['x:333']);
    expect(stored?.post.text).toBe(text);
    db.close();

    const reopened = new CaseRepository(await openCaseDb('careside-test', indexedDB));
    const [again] = await reopened.byPostKeys(['x:333']);
    expect(again?.post).toEqual(post);
  });

  it('refuses to store an invalid case and stores nothing', async () => {
    const { db, repository } = await freshRepository();
    await expect(repository.logPost(makePost('444'), ['b'.repeat(101)], T0)).rejects.toThrow(/invalid case.*brandIds/);
    await expect(repository.logPost(makePost('445'), [], -1)).rejects.toThrow(/invalid case.*createdAt/);
    expect(await countAll(db)).toBe(0);
  });
});

describe('CaseRepository.byPostKeys', () => {
  it('returns the cases that exist, in the order asked, once each', async () => {
    const { repository } = await freshRepository();
    const a = (await repository.logPost(makePost('1'), [], T0)).case;
    const b = (await repository.logPost(makePost('2', { platform: 'yelp', url: 'https://www.yelp.com/biz/acme' }), [], T0)).case;
    const found = await repository.byPostKeys(['yelp:2', 'x:404', 'x:1', 'yelp:2']);
    expect(found).toEqual([b, a]);
    expect(await repository.byPostKeys([])).toEqual([]);
  });
});

describe('CaseRepository.setStatus (the older name for transition)', () => {
  it('moves a case by the lifecycle rules, stamps updatedAt, and reports whether anything changed', async () => {
    const { repository } = await freshRepository();
    const logged = (await repository.logPost(makePost('5'), [], T0)).case;

    const moved = await repository.setStatus(logged.id, 'responded', T0 + 60_000);
    expect(moved.changed).toBe(true);
    expect(moved.case).toMatchObject({ status: 'responded', updatedAt: T0 + 60_000, firstResponseAt: T0 + 60_000 });

    const same = await repository.setStatus(logged.id, 'responded', T0 + 120_000);
    expect(same).toEqual({ case: moved.case, changed: false });

    // A clock that went backwards never moves updatedAt back.
    const back = await repository.setStatus(logged.id, 'resolved', T0);
    expect(back.case.updatedAt).toBe(T0 + 60_000);
    expect(await repository.byPostKeys(['x:5'])).toEqual([back.case]);

    // Closing needs an outcome, which setStatus cannot give; an illegal move says what to do.
    await expect(repository.setStatus(logged.id, 'closed', T0 + 1)).rejects.toMatchObject({ code: 'bad_request' });
    await expect(repository.setStatus(logged.id, 'new', T0 + 1)).rejects.toThrow(/reopen/);
    expect(await repository.byPostKeys(['x:5'])).toEqual([back.case]);
  });

  it('throws a not_found CaseStoreError for an unknown case', async () => {
    const { repository } = await freshRepository();
    const failure = await repository.setStatus('00000000-0000-4000-8000-000000000000', 'resolved', T0).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CaseStoreError);
    expect((failure as CaseStoreError).code).toBe('not_found');
  });
});

describe('CaseRepository.summary', () => {
  it('is all zeros on an empty store', async () => {
    const { repository } = await freshRepository();
    const summary = await repository.summary();
    expect(summary.openTotal).toBe(0);
    expect(Object.values(summary.byStatus)).toEqual(CASE_STATUSES.map(() => 0));
    expect(summary.byPlatform).toEqual({ x: 0, facebook: 0, yelp: 0 });
    expect(summary.oldestWaiting).toBeNull();
    expect(summary.newest).toEqual([]);
    expect(await repository.openCount()).toBe(0);
  });

  it('counts a few hundred mixed cases right, closed ones included, with newest and oldest waiting', { timeout: 30_000 }, async () => {
    const { repository } = await freshRepository();
    const random = seededRandom(42);
    const urls: Record<Platform, string> = {
      x: 'https://x.com/a/status/1',
      facebook: 'https://www.facebook.com/acme/posts/1',
      yelp: 'https://www.yelp.com/biz/acme',
    };
    // Creation times shuffled against insertion order, so index order is what is tested.
    const times = Array.from({ length: 300 }, (_, i) => T0 + i * 1_000).sort(() => random() - 0.5);
    const expected: Case[] = [];
    for (const [i, createdAt] of times.entries()) {
      const platform = PLATFORMS[Math.floor(random() * PLATFORMS.length)] as Platform;
      const logged = (await repository.logPost(makePost(`m${i}`, { platform, url: urls[platform] }), [], createdAt)).case;
      const status = CASE_STATUSES[Math.floor(random() * CASE_STATUSES.length)] as CaseStatus;
      expected.push(await moveTo(repository, logged, status, createdAt + 10));
    }

    const isOpen = (item: Case) => OPEN_STATUSES.includes(item.status);
    const summary = await repository.summary();
    expect(summary.openTotal).toBe(expected.filter(isOpen).length);
    for (const status of CASE_STATUSES) {
      expect(summary.byStatus[status], status).toBe(expected.filter((item) => item.status === status).length);
    }
    for (const platform of PLATFORMS) {
      expect(summary.byPlatform[platform], platform).toBe(expected.filter((item) => isOpen(item) && item.platform === platform).length);
    }
    // The data set must exercise what is being counted.
    expect(summary.byStatus.closed).toBeGreaterThan(0);
    expect(summary.byStatus.resolved).toBeGreaterThan(0);

    const byCreatedDesc = [...expected].sort((a, b) => b.createdAt - a.createdAt);
    expect(summary.newest).toEqual(byCreatedDesc.slice(0, 5));
    // Waiting for a first response = open and never answered (reopened cases included).
    const waiting = expected
      .filter((item) => OPEN_STATUSES.includes(item.status) && item.firstResponseAt === undefined)
      .sort((a, b) => a.createdAt - b.createdAt);
    expect(summary.oldestWaiting).toEqual(waiting[0]);
    expect(await repository.openCount()).toBe(summary.openTotal);
  });
});

describe('CaseRepository.summary: waiting longest', () => {
  it('is the open case waiting longest by the response clock (logged earliest, unanswered), not the oldest post', async () => {
    const { repository } = await freshRepository();
    const year = 365 * 24 * 60 * 60_000;
    // Logged last, but its post is a year old: it has waited least by the clock.
    const oldPost = (await repository.logPost(makePost('old', { postedAt: new Date(T0 - year).toISOString() }), [], T0 + 3_000, undefined))
      .case;
    const waiting = (await repository.logPost(makePost('w'), [], T0 + 2_000)).case;
    await repository.setPriority(waiting.id, 'P4', T0 + 2_500);
    // Logged first but answered: no longer waiting for a first response.
    const answered = (await repository.logPost(makePost('a'), [], T0)).case;
    await repository.transition(answered.id, 'responded', T0 + 100);
    // Logged second, closed as spam: not waiting either.
    const spam = (await repository.logPost(makePost('s'), [], T0 + 1_000)).case;
    await repository.transition(spam.id, 'closed', T0 + 1_100, 'spam');

    expect((await repository.summary()).oldestWaiting?.ref).toBe(waiting.ref);
    await repository.transition(waiting.id, 'handed_off', T0 + 4_000);
    expect((await repository.summary()).oldestWaiting?.ref).toBe(oldPost.ref);
    // Reopened without ever being answered: waiting again, from when it was logged.
    await repository.transition(spam.id, 'reopen', T0 + 5_000);
    expect((await repository.summary()).oldestWaiting?.ref).toBe(spam.ref);
  });
});

describe('a new connection (service worker restart)', () => {
  it('sees everything the previous connection stored', async () => {
    const { db, repository } = await freshRepository();
    const logged = (await repository.logPost(makePost('777'), ['acme'], T0)).case;
    await repository.setStatus(logged.id, 'handed_off', T0 + 1);
    db.close();

    const restarted = new CaseRepository(await openCaseDb('careside-test', indexedDB));
    const again = await restarted.logPost(makePost('777'), ['acme'], T0 + 2);
    expect(again.created).toBe(false);
    expect(again.case).toMatchObject({ id: logged.id, ref: logged.ref, status: 'handed_off' });
    const summary = await restarted.summary();
    expect(summary.byStatus.handed_off).toBe(1);
    expect(summary.openTotal).toBe(1);
  });
});

describe('CaseRepository triage at logging', () => {
  it('stores the triage a content script sends with a new case, and a "logged" timeline entry', async () => {
    const repository = new CaseRepository(await openCaseDb('triage-at-log', indexedDB));
    const triage = {
      priority: 'P1' as const,
      category: 'delivery_delay' as const,
      snapshot: { complaint: true, confidence: 0.93, explanation: 'P1: complaint, 25k views', cues: ['wait time: "3 weeks"'] },
    };
    const { case: logged } = await repository.logPost(makePost('t1'), ['acme'], 5_000, triage);
    expect(logged).toMatchObject({ priority: 'P1', category: 'delivery_delay', triage: triage.snapshot });
    expect(logged.events).toEqual([{ at: 5_000, type: 'logged' }]);
    expect((await repository.byPostKeys(['x:t1']))[0]).toEqual(logged);
  });
});
