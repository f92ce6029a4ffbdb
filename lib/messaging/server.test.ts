import type { Browser } from 'wxt/browser';
import { describe, expect, it, vi } from 'vitest';
import { CaseStoreError } from '../cases/errors';
import { makePost } from '../cases/testing';
import type { Case } from '../domain/case';
import { protocol, type Envelope } from './protocol';
import { createMessageHandler, type MessageHandlers, type RuntimeMessageListener } from './server';
import type { ExtensionIdentity } from './sender';

const ID = 'test-extension-id';
const identity: ExtensionIdentity = { runtimeId: ID, extensionOrigin: `chrome-extension://${ID}` };

const popup: Browser.runtime.MessageSender = { id: ID, url: `chrome-extension://${ID}/popup.html` };
const content: Browser.runtime.MessageSender = {
  id: ID,
  url: 'https://x.com/acme/status/1',
  frameId: 0,
  tab: {
    id: 42,
    url: 'https://x.com/acme/status/1',
    index: 0,
    windowId: 1,
    highlighted: false,
    active: true,
    pinned: false,
    incognito: false,
  } as Browser.tabs.Tab,
};
const webPage: Browser.runtime.MessageSender = { url: 'https://evil.test/', tab: content.tab };
const otherExtension: Browser.runtime.MessageSender = { id: 'other-extension', url: 'chrome-extension://other-extension/bg.html' };

const sampleCase: Case = {
  id: '7d6f2a52-1c1b-4c57-9a4e-2f0b8a1d3c11',
  ref: 'CS-7F3K',
  postKey: 'x:1',
  platform: 'x',
  post: makePost('1'),
  brandIds: ['acme'],
  status: 'new',
  createdAt: 1,
  updatedAt: 1,
};

function stubHandlers(overrides: Partial<MessageHandlers> = {}): MessageHandlers {
  // Every protocol type gets a handler that fails loudly unless a test stubs it below.
  const notStubbed = Object.fromEntries(
    Object.keys(protocol).map((type) => [type, vi.fn(() => Promise.reject(new Error(`${type} not stubbed`)))]),
  ) as unknown as MessageHandlers;
  return {
    ...notStubbed,
    'cases/log': vi.fn(() => Promise.resolve({ case: sampleCase, created: true })),
    'cases/byPostKeys': vi.fn(() => Promise.resolve({ cases: [sampleCase] })),
    'cases/summary': vi.fn(() =>
      Promise.resolve({
        openTotal: 0,
        byStatus: { new: 0, responded: 0, handed_off: 0, waiting_on_customer: 0, resolved: 0, closed: 0 },
        byPlatform: { x: 0, facebook: 0, yelp: 0 },
        oldestWaiting: null,
        newest: [],
      }),
    ),
    'cases/setStatus': vi.fn(() => Promise.resolve({ case: sampleCase })),
    'options/open': vi.fn(() => Promise.resolve({ opened: true as const })),
    'spirals/observe': vi.fn(() => Promise.resolve({ accepted: 0 })),
    'spirals/active': vi.fn(() => Promise.resolve({ spirals: [] })),
    ...overrides,
  };
}

/** Call the listener like the browser does and wait for its answer (if any). */
async function call(listener: RuntimeMessageListener, message: unknown, sender: Browser.runtime.MessageSender) {
  let resolveAnswer!: (value: Envelope<unknown>) => void;
  const answered = new Promise<Envelope<unknown>>((resolve) => (resolveAnswer = resolve));
  const returned = listener(message, sender, resolveAnswer);
  return { returned, answer: returned === true ? await answered : undefined };
}

async function errorOf(listener: RuntimeMessageListener, message: unknown, sender = popup) {
  const { returned, answer } = await call(listener, message, sender);
  expect(returned).toBe(true);
  if (!answer || answer.ok) throw new Error(`expected an error, got ${JSON.stringify(answer)}`);
  return answer.error;
}

describe('createMessageHandler', () => {
  it('runs the handler with the parsed payload and answers ok', async () => {
    const handlers = stubHandlers();
    const listener = createMessageHandler(handlers, identity);
    const { reach: _omitted, ...postWithoutReach } = makePost('9');

    const { returned, answer } = await call(
      listener,
      { type: 'cases/log', payload: { post: postWithoutReach, brandIds: ['acme'] } },
      content,
    );
    expect(returned).toBe(true);
    expect(answer).toEqual({ ok: true, data: { case: sampleCase, created: true } });
    // The schema's default filled in reach: the handler got the parsed payload, not the raw one.
    expect(handlers['cases/log']).toHaveBeenCalledWith(
      { post: { ...postWithoutReach, reach: {} }, brandIds: ['acme'] },
      { senderKind: 'content', tabId: 42, sitePlatform: 'x' },
    );
  });

  it('never sends an answer off the protocol: a handler returning one becomes an internal error', async () => {
    const handlers = stubHandlers({ 'cases/summary': vi.fn(() => Promise.resolve({ openTotal: -1 } as never)) });
    const error = await errorOf(createMessageHandler(handlers, identity), { type: 'cases/summary', payload: {} });
    expect(error).toMatchObject({ code: 'internal', message: 'The answer to cases/summary did not match the protocol' });
  });

  it('ignores cases/changed broadcasts without answering', () => {
    const sendResponse = vi.fn();
    const listener = createMessageHandler(stubHandlers(), identity);
    expect(listener({ type: 'cases/changed', postKeys: ['x:1'], at: 1 }, {}, sendResponse)).toBeUndefined();
    expect(sendResponse).not.toHaveBeenCalled();
  });

  it.each([null, undefined, 'cases/summary', 42, [], [{ type: 'cases/summary' }], {}, { type: 5 }, { payload: {} }])(
    'answers bad_request for a message without a string type: %j',
    async (message) => {
      const error = await errorOf(createMessageHandler(stubHandlers(), identity), message);
      expect(error.code).toBe('bad_request');
    },
  );

  it.each(['cases/purge', 'toString', '__proto__', 'constructor', 'hasOwnProperty', 'x'.repeat(10_000)])(
    'answers unknown_type for %s',
    async (type) => {
      const error = await errorOf(createMessageHandler(stubHandlers(), identity), { type, payload: {} });
      expect(error.code).toBe('unknown_type');
      expect(error.message.length).toBeLessThan(200);
    },
  );

  it('answers forbidden_sender when a content script asks for the extension-only summary', async () => {
    const handlers = stubHandlers();
    const error = await errorOf(createMessageHandler(handlers, identity), { type: 'cases/summary', payload: {} }, content);
    expect(error.code).toBe('forbidden_sender');
    expect(handlers['cases/summary']).not.toHaveBeenCalled();
  });

  it.each([
    ['a web page', webPage],
    ['another extension', otherExtension],
    ['a sender without url', { id: ID }],
    ['an empty sender', {}],
  ])('answers forbidden_sender to %s', async (_name, sender) => {
    const handlers = stubHandlers();
    const error = await errorOf(createMessageHandler(handlers, identity), { type: 'cases/byPostKeys', payload: { postKeys: [] } }, sender);
    expect(error.code).toBe('forbidden_sender');
    expect(handlers['cases/byPostKeys']).not.toHaveBeenCalled();
  });

  it('answers bad_request with issues (path + message) for a payload that fails the schema', async () => {
    const handlers = stubHandlers();
    const listener = createMessageHandler(handlers, identity);
    const post = { ...makePost('1'), url: 'http://x.com/a' };
    const error = await errorOf(listener, { type: 'cases/log', payload: { post, brandIds: 'acme' } });
    expect(error.code).toBe('bad_request');
    expect(error.issues).toEqual(
      expect.arrayContaining([
        { path: 'post.url', message: expect.any(String) as string },
        { path: 'brandIds', message: expect.any(String) as string },
      ]),
    );
    expect(handlers['cases/log']).not.toHaveBeenCalled();
  });

  it.each([
    ['missing payload', { type: 'cases/summary' }],
    ['null payload', { type: 'cases/summary', payload: null }],
    ['unknown keys', { type: 'cases/summary', payload: { all: true } }],
    ['wrong type', { type: 'cases/setStatus', payload: { caseId: 12, status: 'new' } }],
    ['unknown status', { type: 'cases/setStatus', payload: { caseId: sampleCase.id, status: 'deleted' } }],
    ['string for an array', { type: 'cases/byPostKeys', payload: { postKeys: 'x:1' } }],
  ])('answers bad_request for %s', async (_name, message) => {
    const error = await errorOf(createMessageHandler(stubHandlers(), identity), message);
    expect(error.code).toBe('bad_request');
    expect(error.issues?.length).toBeGreaterThan(0);
  });

  it('rejects prototype-pollution keys without polluting anything', async () => {
    const handlers = stubHandlers();
    const listener = createMessageHandler(handlers, identity);
    const hostile = [
      '{"type":"cases/byPostKeys","payload":{"postKeys":[],"__proto__":{"polluted":true}}}',
      '{"type":"cases/byPostKeys","payload":{"postKeys":[],"constructor":{"prototype":{"polluted":true}}}}',
      '{"type":"cases/log","payload":{"post":{"__proto__":{"polluted":true}},"brandIds":[]}}',
    ];
    const issues: string[] = [];
    for (const json of hostile) {
      const error = await errorOf(listener, JSON.parse(json));
      expect(error.code).toBe('bad_request');
      issues.push(error.message);
    }
    expect(issues[0]).toContain('__proto__');
    expect(issues[1]).toContain('constructor');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(handlers['cases/byPostKeys']).not.toHaveBeenCalled();
  });

  it('answers huge arrays with bad_request and a bounded list of issues', async () => {
    const listener = createMessageHandler(stubHandlers(), identity);
    const tooMany = await errorOf(listener, {
      type: 'cases/byPostKeys',
      payload: { postKeys: Array.from({ length: 100_000 }, (_, i) => `x:${i}`) },
    });
    expect(tooMany.code).toBe('bad_request');
    const allWrong = await errorOf(listener, { type: 'cases/byPostKeys', payload: { postKeys: Array.from({ length: 100_000 }, () => 7) } });
    expect(allWrong.code).toBe('bad_request');
    expect(allWrong.issues?.length).toBeLessThanOrEqual(20);
  });

  it.each([
    ['not_found', new CaseStoreError('not_found', 'No case with id x')],
    ['conflict', new CaseStoreError('conflict', 'ref taken')],
    ['internal', new Error('disk full')],
    ['internal', 'a thrown string'],
  ] as const)('answers %s when the handler throws %s', async (code, thrown) => {
    const listener = createMessageHandler(
      stubHandlers({
        'cases/setStatus': () => {
          // eslint-disable-next-line @typescript-eslint/only-throw-error -- a handler bug may throw anything
          throw thrown;
        },
      }),
      identity,
    );
    const error = await errorOf(listener, { type: 'cases/setStatus', payload: { caseId: sampleCase.id, status: 'closed' } });
    expect(error.code).toBe(code);
    expect(error.message).toBe(thrown instanceof Error ? thrown.message : thrown);
  });

  it('answers internal when a handler returns something the protocol would not accept', async () => {
    const listener = createMessageHandler(
      stubHandlers({ 'cases/byPostKeys': () => Promise.resolve({ cases: [{ ...sampleCase, ref: 'nope' }] }) }),
      identity,
    );
    const error = await errorOf(listener, { type: 'cases/byPostKeys', payload: { postKeys: ['x:1'] } });
    expect(error.code).toBe('internal');
  });

  it('runs no handler before the worker is ready (its UI messages in place), then answers', async () => {
    let makeReady!: () => void;
    const ready = new Promise<void>((resolve) => (makeReady = resolve));
    const handlers = stubHandlers();
    const listener = createMessageHandler(handlers, identity, { ready });
    const pending = call(listener, { type: 'cases/summary', payload: {} }, popup);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(handlers['cases/summary']).not.toHaveBeenCalled();
    makeReady();
    expect((await pending).answer).toMatchObject({ ok: true, data: { openTotal: 0 } });
    expect(handlers['cases/summary']).toHaveBeenCalledOnce();
  });

  it('gives extension pages the summary', async () => {
    const { answer } = await call(createMessageHandler(stubHandlers(), identity), { type: 'cases/summary', payload: {} }, popup);
    expect(answer).toMatchObject({ ok: true, data: { openTotal: 0, newest: [] } });
  });

  it('answers a storage failure in plain words, never the browser’s own text or an empty message', async () => {
    const quota = Object.assign(new Error(''), { name: 'QuotaExceededError' });
    const listener = createMessageHandler(stubHandlers({ 'cases/log': () => Promise.reject(quota) }), identity);
    const error = await errorOf(listener, { type: 'cases/log', payload: { post: makePost('1'), brandIds: [] } });
    expect(error).toEqual({
      code: 'internal',
      message: 'Storage is full: export and delete old cases, then try again. Nothing was saved.',
    });
  });
});
