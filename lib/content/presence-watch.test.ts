import { beforeEach, describe, expect, it, vi } from 'vitest';
import { contentSender, fakeTabMessaging, injectSender, startWorker } from '../background/testing';
import type { PresenceChannel } from '../background/presence';
import type { Presence } from '../domain/presence';
import { onPresenceChanged, sendMessage } from '../messaging/client';
import { createPresenceWatch, replyingLabel, type PagePresence } from './presence-watch';

const POST = 'x:1990000000000000401';
const YELP_POST = 'yelp:acme-review-1';

beforeEach(() => {
  injectSender(() => contentSender('https://x.com/search?q=acme', 7));
  fakeTabMessaging(new Map());
});

/** A team channel whose replicated records the test reports, as the team database's changes feed would. */
function teamChannel(): { channel: PresenceChannel; report: (records: Presence[]) => void } {
  let listener: (records: Presence[]) => void = () => undefined;
  return {
    channel: {
      publishPresence: () => Promise.resolve(),
      clearPresence: () => Promise.resolve(),
      onPresence: (next) => ((listener = next), next([]), () => undefined),
    },
    report: (records) => listener(records),
  };
}

/**
 * An X tab's watch over the real background: presence/list as the tab asks it, the real
 * broadcast. (The test's sender injection wraps runtime listeners, so they cannot be removed:
 * the broadcast is heard once here and handed to whoever follows it now.)
 */
async function watchOnXTab() {
  const background = await startWorker();
  const team = teamChannel();
  background.presence.switchChannel(team.channel);
  const heard: string[][] = [];
  const following = new Set<(postKeys: readonly string[]) => void>();
  onPresenceChanged(({ postKeys }) => {
    heard.push(postKeys);
    following.forEach((listener) => listener(postKeys));
  });
  const list = vi.fn(async () => (await sendMessage('presence/list', {})).replying);
  const onChanged = (listener: (postKeys: readonly string[]) => void) => (following.add(listener), () => following.delete(listener));
  const watch = createPresenceWatch({ platform: 'x', list, onChanged });
  return { team, list, watch, heard };
}

/** Settles once the watch shows these names on POST (at once if it does): waits on what the page shows, not on time. */
function showing(watch: PagePresence, names: string[] | undefined): Promise<void> {
  const shows = () => JSON.stringify(watch.get().get(POST)) === JSON.stringify(names);
  return new Promise((resolve) => {
    if (shows()) return resolve();
    const unsubscribe = watch.subscribe(() => {
      if (!shows()) return;
      unsubscribe();
      resolve();
    });
  });
}

const priya = (postKey: string, expiresIn = 60_000): Presence => {
  const now = Date.now();
  return { agentId: 'priya', name: 'Priya', postKey, since: now - 1_000, expiresAt: now + expiresIn };
};

describe('presence on the page (inline controls and sidebar rows)', () => {
  it('reads nothing until started, then shows a teammate on the post when the background says so, and drops them on close', async () => {
    const { team, list, watch, heard } = await watchOnXTab();
    team.report([priya(POST)]);
    await vi.waitFor(() => expect(heard).toEqual([[POST]]));
    expect(list).not.toHaveBeenCalled();
    const changes = vi.fn();
    watch.subscribe(changes);

    watch.start();
    watch.start(); // again: still one read
    await vi.waitFor(() => expect(watch.get().get(POST)).toEqual(['Priya']));
    expect(list).toHaveBeenCalledTimes(1);

    team.report([]); // Priya closed the panel
    await vi.waitFor(() => expect(watch.get().has(POST)).toBe(false));
    expect(changes).toHaveBeenCalledTimes(2);
    expect(list).toHaveBeenCalledTimes(2);
  });

  it('asks again only for changes on its own site, and stops following when stopped', async () => {
    const { team, list, watch, heard } = await watchOnXTab();
    watch.start();
    await vi.waitFor(() => expect(list).toHaveBeenCalledTimes(1));

    team.report([priya(YELP_POST)]);
    await vi.waitFor(() => expect(heard).toEqual([[YELP_POST]]));
    team.report([priya(YELP_POST), priya(POST)]);
    await vi.waitFor(() => expect(watch.get().get(POST)).toEqual(['Priya']));
    // The yelp change was heard but not read: one read at start, one for the X post.
    expect(list).toHaveBeenCalledTimes(2);

    watch.stop();
    team.report([]);
    await vi.waitFor(() => expect(heard).toHaveLength(3));
    expect(list).toHaveBeenCalledTimes(2);
    expect(watch.get().get(POST)).toEqual(['Priya']);
  });

  it('a presence that expires without a close stops showing (the background reports the expiry)', async () => {
    const { team, watch } = await watchOnXTab();
    // The clock moves only when the test says: on the real one a loaded machine let the 300 ms
    // presence expire before the page first showed it.
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    try {
      watch.start();
      team.report([priya(POST, 300)]);
      await showing(watch, ['Priya']);
      vi.advanceTimersByTime(400); // past the expiry: the background's expiry timer reports it
      await showing(watch, undefined);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps what it showed when a read fails, and reads again on the next change', async () => {
    const { team, list, watch, heard } = await watchOnXTab();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    // Priya's broadcast is heard before the watch starts: no read of it is still on its way when
    // the next read is made to fail (started first, its first read showed Priya before the broadcast
    // arrived, and the late broadcast's read took the failure meant for the next change).
    team.report([priya(POST)]);
    await vi.waitFor(() => expect(heard).toEqual([[POST]]));
    watch.start();
    await vi.waitFor(() => expect(watch.get().get(POST)).toEqual(['Priya']));
    expect(list).toHaveBeenCalledTimes(1);
    list.mockRejectedValueOnce(new Error('Disconnected'));
    team.report([priya(POST), { ...priya(POST), agentId: 'sam', name: 'Sam' }]);
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith('CareSide: could not read who is replying', expect.any(Error)));
    expect(watch.get().get(POST)).toEqual(['Priya']);
    team.report([{ ...priya(POST), agentId: 'sam', name: 'Sam' }]);
    await vi.waitFor(() => expect(watch.get().get(POST)).toEqual(['Sam']));
  });

  it('words one or several names', () => {
    expect(replyingLabel(undefined)).toBeUndefined();
    expect(replyingLabel([])).toBeUndefined();
    expect(replyingLabel(['Priya'])).toBe('Priya is replying');
    expect(replyingLabel(['Priya', 'Sam'])).toBe('Priya, Sam are replying');
  });
});
