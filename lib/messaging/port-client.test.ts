import type { Browser } from 'wxt/browser';
import { describe, expect, it, vi } from 'vitest';
import { makePost } from '../cases/testing';
import { createTriageHandlers } from '../background/triage';
import { createPortClient, MessagingError } from './client';
import { REQUEST_PORT_NAME } from './port';
import { createPortListener, type MessageHandlers } from './server';
import type { ExtensionIdentity } from './sender';
import { createSettingsSource } from '../settings/source';

const ID = 'test-extension-id';
const identity: ExtensionIdentity = { runtimeId: ID, extensionOrigin: `chrome-extension://${ID}` };
const tab = {
  id: 7,
  url: 'https://x.com/search?q=acme',
  index: 0,
  windowId: 1,
  highlighted: false,
  active: true,
  pinned: false,
  incognito: false,
} as Browser.tabs.Tab;
const xTab: Browser.runtime.MessageSender = { id: ID, url: 'https://x.com/search?q=acme', tab };
const webPage: Browser.runtime.MessageSender = { url: 'https://evil.test/', tab };

type Listener = (message: unknown) => void;

/** Two connected in-memory ports, as runtime.connect gives a content script and onConnect the background. */
function portPair(sender: Browser.runtime.MessageSender, name = REQUEST_PORT_NAME) {
  const listeners = { client: [] as Listener[], server: [] as Listener[], clientGone: [] as (() => void)[] };
  let open = true;
  // Structured like the browser's JSON messaging: each side gets its own copy.
  const deliver = (to: Listener[], message: unknown) => {
    const copy: unknown = JSON.parse(JSON.stringify(message));
    queueMicrotask(() => to.forEach((listener) => listener(copy)));
  };
  const port = (side: 'client' | 'server'): Browser.runtime.Port =>
    ({
      name,
      ...(side === 'server' ? { sender } : {}),
      postMessage: (message: unknown) => {
        if (!open) throw new Error('Attempting to use a disconnected port object');
        deliver(side === 'client' ? listeners.server : listeners.client, message);
      },
      disconnect: () => {
        open = false;
      },
      onMessage: { addListener: (listener: Listener) => listeners[side].push(listener) },
      onDisconnect: { addListener: (listener: () => void) => side === 'client' && listeners.clientGone.push(listener) },
    }) as unknown as Browser.runtime.Port;
  /** The worker stopped: the page's end sees onDisconnect. */
  const kill = () => {
    open = false;
    listeners.clientGone.forEach((listener) => listener());
  };
  return { client: port('client'), server: port('server'), kill };
}

const handlers = {
  ...createTriageHandlers(() => Date.parse('2025-11-20T13:00:00.000Z'), { requests: 0, posts: 0, ms: 0 }, createSettingsSource()),
} as MessageHandlers;
const { platform, postId, kind, reach } = makePost('1');
const complaint = { platform, postId, kind, reach, text: 'Acme lost my bag and nobody answers' };

/** A port client whose every connection reaches the background's listener, as `sender`. */
function connectedClient(sender: Browser.runtime.MessageSender) {
  const listen = createPortListener(handlers, identity);
  return createPortClient(() => {
    const pair = portPair(sender);
    listen(pair.server);
    return pair.client;
  });
}

describe('requests over a runtime port', () => {
  it('answers with the same validation and handlers as one-off messages', async () => {
    const client = connectedClient(xTab);
    const { results } = await client.request('posts/triage', { posts: [complaint] });
    expect(results).toHaveLength(1);
    expect(results[0]?.postKey).toBe('x:1');
    expect(results[0]?.triage.complaint.isComplaint).toBe(true);

    // A bad payload gets the protocol's bad_request, as over sendMessage.
    await expect(client.request('posts/triage', { posts: [{ ...complaint, postId: 'not an id!' }] })).rejects.toMatchObject({
      code: 'bad_request',
    });
  });

  it('checks the sender the browser recorded when the port opened', async () => {
    const client = connectedClient(webPage);
    await expect(client.request('posts/triage', { posts: [complaint] })).rejects.toMatchObject({ code: 'forbidden_sender' });
  });

  it('ignores ports with other names and messages without an id', async () => {
    const listen = createPortListener(handlers, identity);
    const pair = portPair(xTab, 'someone-else');
    const answers: unknown[] = [];
    pair.client.onMessage.addListener((message) => answers.push(message));
    listen(pair.server);
    pair.client.postMessage({ id: 1, json: JSON.stringify({ type: 'posts/triage', payload: { posts: [] } }) });
    const named = portPair(xTab);
    named.client.onMessage.addListener((message) => answers.push(message));
    listen(named.server);
    named.client.postMessage({ json: JSON.stringify({ type: 'posts/triage', payload: { posts: [] } }) });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(answers).toEqual([]);
  });

  it('answers a request that is not JSON with bad_request', async () => {
    const listen = createPortListener(handlers, identity);
    const pair = portPair(xTab);
    const answers: unknown[] = [];
    pair.client.onMessage.addListener((message) => answers.push(message));
    listen(pair.server);
    pair.client.postMessage({ id: 3, json: '{"type": "posts/tri' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(answers).toHaveLength(1);
    const [answer] = answers as { id: number; json: string }[];
    expect(answer?.id).toBe(3);
    expect(JSON.parse(answer?.json ?? 'null')).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('sends requests in flight once more when the worker restarts, then fails with a clear error', async () => {
    const listen = createPortListener(handlers, identity);
    const pairs: ReturnType<typeof portPair>[] = [];
    let answering = false;
    const client = createPortClient(() => {
      const pair = portPair(xTab);
      pairs.push(pair);
      if (answering) listen(pair.server);
      return pair.client;
    });
    // First port: the worker dies before answering; the request goes out again on a new port.
    const first = client.request('posts/triage', { posts: [complaint] });
    answering = true;
    pairs[0]?.kill();
    await expect(first).resolves.toMatchObject({ results: [{ postKey: 'x:1' }] });
    expect(pairs).toHaveLength(2);

    // The worker dies twice in a row: the request fails instead of looping.
    answering = false;
    const second = client.request('posts/triage', { posts: [complaint] });
    pairs.at(-1)?.kill();
    pairs.at(-1)?.kill();
    const error = await second.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MessagingError);
    expect((error as MessagingError).message).toBe('CareSide’s background stopped before it answered. Try again.');
  });

  it('falls back to one-off messages where no port can be opened', async () => {
    const send = vi.fn();
    const client = createPortClient(() => {
      send();
      throw new Error('runtime.connect not implemented');
    });
    // fake-browser's runtime.sendMessage has no listener here: the fallback reports that plainly.
    await expect(client.request('posts/triage', { posts: [] })).rejects.toBeInstanceOf(MessagingError);
    await expect(client.request('posts/triage', { posts: [] })).rejects.toBeInstanceOf(MessagingError);
    expect(send).toHaveBeenCalledTimes(1); // not retried on every request
  });
});
