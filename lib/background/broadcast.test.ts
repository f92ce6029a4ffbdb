import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onCasesChanged } from '../messaging/client';
import type { CasesChangedBroadcast } from '../messaging/protocol';
import { broadcastCasesChanged, isNoReceiverError } from './broadcast';
import { fakeTabMessaging } from './testing';

describe('broadcastCasesChanged', () => {
  it('reaches every tab with our content script and every extension page, skipping the rest quietly', async () => {
    const x = await fakeBrowser.tabs.create({ url: 'https://x.com/home' });
    const yelp = await fakeBrowser.tabs.create({ url: 'https://www.yelp.com/biz/acme' });
    await fakeBrowser.tabs.create({ url: 'https://example.com/' }); // no content script there
    const received = new Map<number, unknown[]>([
      [x.id!, []],
      [yelp.id!, []],
    ]);
    const sendToTab = fakeTabMessaging(new Map([...received].map(([id, list]) => [id, (message: unknown) => list.push(message)])));
    const pageHeard: CasesChangedBroadcast[] = [];
    onCasesChanged((broadcast) => pageHeard.push(broadcast));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    await broadcastCasesChanged(['x:1'], 1234);

    const expected = { type: 'cases/changed', postKeys: ['x:1'], at: 1234 };
    expect(received.get(x.id!)).toEqual([expected]);
    expect(received.get(yelp.id!)).toEqual([expected]);
    // Every tab was tried: the default tab, both site tabs and the unrelated one.
    expect(sendToTab).toHaveBeenCalledTimes(4);
    expect(pageHeard).toEqual([expected]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('never throws: no extension page listening, a tab that fails oddly, or no tab list', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Tab crashed'));
    await expect(broadcastCasesChanged(['x:1'], 1)).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1); // the odd tab error, not the missing runtime listener

    vi.spyOn(fakeBrowser.tabs, 'query').mockRejectedValue(new Error('no tabs permission'));
    await expect(broadcastCasesChanged(['x:1'], 2)).resolves.toBeUndefined();
  });

  it('recognises the browsers’ "nobody is listening" errors', () => {
    expect(isNoReceiverError(new Error('Could not establish connection. Receiving end does not exist.'))).toBe(true);
    expect(isNoReceiverError(new Error('The message port closed before a response was received.'))).toBe(true);
    expect(isNoReceiverError(new Error('No listeners available'))).toBe(true);
    expect(isNoReceiverError(new Error('QuotaExceededError'))).toBe(false);
  });
});
