import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MessagingError, onCasesChanged, sendMessage } from '../messaging/client';
import type { CasesChangedBroadcast } from '../messaging/protocol';
import { contentSender, logP1Case, POPUP_SENDER, startWorker, fakeBackgroundWorld, type FakeBackgroundWorld } from './testing';

const T0 = Date.UTC(2026, 2, 2, 10, 0, 0);
let world: FakeBackgroundWorld;

beforeEach(() => {
  // Only Date is faked: fake-indexeddb schedules its work on real timers.
  vi.useFakeTimers({ toFake: ['Date'], now: T0 });
  world = fakeBackgroundWorld();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('cases/bulkUpdate', () => {
  it('changes the selected cases in one message and tells every view which posts changed', async () => {
    await startWorker();
    const [first, second] = [await logP1Case('1'), await logP1Case('2')];
    const heard: CasesChangedBroadcast[] = [];
    onCasesChanged((broadcast) => heard.push(broadcast));
    const result = await sendMessage('cases/bulkUpdate', {
      target: { caseIds: [first.id, second.id] },
      change: { kind: 'status', to: 'responded' },
    });
    expect(result).toEqual({ changed: 2, unchanged: 0, skipped: [], missing: 0 });
    await vi.waitFor(() => expect(heard.map((broadcast) => [...broadcast.postKeys].sort())).toEqual([['x:1', 'x:2']]));
    expect((await sendMessage('cases/summary', {})).byStatus.responded).toBe(2);
    // By filter: every responded case gets the tag.
    const tagged = await sendMessage('cases/bulkUpdate', {
      target: { filter: { status: 'responded' } },
      change: { kind: 'addTag', tag: 'vip' },
    });
    expect(tagged.changed).toBe(2);
  });

  it('is refused to a site tab, and a malformed change is refused with nothing changed', async () => {
    await startWorker();
    const item = await logP1Case('1');
    world.from(contentSender('https://x.com/search?q=acme', 3));
    const fromTab = await sendMessage('cases/bulkUpdate', {
      target: { caseIds: [item.id] },
      change: { kind: 'assignee', assignee: 'X' },
    }).catch((error: unknown) => error);
    expect(fromTab).toBeInstanceOf(MessagingError);
    world.from(POPUP_SENDER);
    const bad = await sendMessage('cases/bulkUpdate', {
      target: { caseIds: [item.id] },
      change: { kind: 'addTag', tag: '   ' },
    }).catch((error: unknown) => error);
    expect(bad).toBeInstanceOf(MessagingError);
    expect((bad as MessagingError).code).toBe('bad_request');
    expect((await sendMessage('cases/get', { caseId: item.id })).case?.tags).toBeUndefined();
  });
});
