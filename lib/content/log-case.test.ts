import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makePost } from '../cases/testing';
import type { Case } from '../domain/case';
import type * as messagingClient from '../messaging/client';
import { sendMessage } from '../messaging/client';
import { createCaseLogger, createFullTextRefresher, forgetLoggedCases } from './log-case';
import type { PostRecord } from './post-registry';
import { createStore } from './store';
import { initialSnapshot } from './view-model';

vi.mock('../messaging/client', async (importOriginal) => {
  const actual = await importOriginal<typeof messagingClient>();
  return { ...actual, sendMessage: vi.fn() };
});

const POST = makePost('1990000000000000001', { text: 'Acme Air lost my bag' });
const RECORD = {
  postKey: 'x:1990000000000000001',
  post: POST,
  match: { brandIds: ['acme'], hits: [], byBrand: false },
} as unknown as PostRecord;
const LOGGED = { id: '00000000-0000-4000-8000-000000000001', ref: 'CS-7F3K', postKey: RECORD.postKey } as Case;
const sent = vi.mocked(sendMessage);

function setUp(completeForLog?: (post: typeof POST) => typeof POST) {
  const store = createStore(initialSnapshot('X / Twitter'));
  const onLogStateChanged = vi.fn();
  const logCase = createCaseLogger({
    adapter: completeForLog ? { completeForLog } : {},
    doc: document,
    index: { get: (postKey) => (postKey === RECORD.postKey ? RECORD : undefined) },
    logging: { send: sendMessage, refresh: () => Promise.resolve() },
    store,
    onLogStateChanged,
  });
  return { store, logCase, onLogStateChanged };
}

describe('createCaseLogger', () => {
  beforeEach(() => sent.mockReset());

  it('logs a post once while its request is pending, and keeps the answer as its log state', async () => {
    let answer: (value: { case: Case; created: boolean }) => void = () => undefined;
    sent.mockReturnValue(new Promise((resolve) => (answer = resolve)) as never);
    const { store, logCase, onLogStateChanged } = setUp();
    const first = logCase(RECORD.postKey);
    void logCase(RECORD.postKey);
    expect(store.get().logState.get(RECORD.postKey)).toEqual({ status: 'pending' });
    await vi.waitFor(() => expect(sent).toHaveBeenCalledTimes(1));
    expect(sent).toHaveBeenCalledWith('cases/log', { post: POST, brandIds: ['acme'] });

    answer({ case: LOGGED, created: true });
    await first;
    expect(store.get().logState.get(RECORD.postKey)).toEqual({ status: 'logged', case: LOGGED });
    expect(onLogStateChanged).toHaveBeenCalledTimes(2);
  });

  it('logs the post as read when the adapter cannot complete it', async () => {
    sent.mockResolvedValue({ case: LOGGED, created: true });
    const { store, logCase } = setUp(() => {
      throw new Error('adapter bug');
    });
    await logCase(RECORD.postKey);
    expect(sent).toHaveBeenCalledWith('cases/log', { post: POST, brandIds: ['acme'] });
    expect(store.get().logState.get(RECORD.postKey)).toEqual({ status: 'logged', case: LOGGED });
  });

  it('ignores a post it does not know', async () => {
    const { store, logCase } = setUp();
    await logCase('x:404');
    expect(sent).not.toHaveBeenCalled();
    expect(store.get().logState.size).toBe(0);
  });
});

describe('forgetLoggedCases', () => {
  it('drops the page’s copy of a logged case for the named posts (all when none are named), keeping pending and failed logs', () => {
    const store = createStore(initialSnapshot('X / Twitter'));
    const other = { ...LOGGED, postKey: 'x:2' };
    store.update((snapshot) => ({
      ...snapshot,
      logState: new Map([
        [RECORD.postKey, { status: 'logged' as const, case: LOGGED }],
        ['x:2', { status: 'logged' as const, case: other }],
        ['x:3', { status: 'pending' as const }],
      ]),
    }));
    expect(forgetLoggedCases(store, [RECORD.postKey])).toBe(true);
    expect([...store.get().logState.keys()]).toEqual(['x:2', 'x:3']);
    expect(forgetLoggedCases(store, [RECORD.postKey])).toBe(false);
    expect(forgetLoggedCases(store, [])).toBe(true);
    expect([...store.get().logState.keys()]).toEqual(['x:3']);
  });
});

describe('createFullTextRefresher', () => {
  beforeEach(() => sent.mockReset());

  const whole = { ...RECORD, post: POST };
  const cut = { ...RECORD, post: { ...POST, text: 'Acme Air lost', truncated: true as const } } as PostRecord;
  const setUpRefresher = (record: PostRecord) =>
    createFullTextRefresher({
      adapter: {},
      doc: document,
      index: { get: (postKey) => (postKey === record.postKey ? record : undefined) },
      logging: { send: sendMessage, refresh: () => Promise.resolve() },
    });

  it('logs the post again, once, when its case holds a cut text and the page shows it whole', async () => {
    sent.mockResolvedValue({ case: LOGGED, created: false });
    const refresh = setUpRefresher(whole);
    const cases = new Map([[RECORD.postKey, { post: cut.post }]]);
    refresh(cases);
    refresh(cases);
    await vi.waitFor(() => expect(sent).toHaveBeenCalledTimes(1));
    expect(sent).toHaveBeenCalledWith('cases/log', { post: POST, brandIds: ['acme'] });
  });

  it('asks nothing when the case is whole or the page too shows only the cut text', () => {
    setUpRefresher(whole)(new Map([[RECORD.postKey, { post: POST }]]));
    setUpRefresher(cut)(new Map([[RECORD.postKey, { post: cut.post }]]));
    expect(sent).not.toHaveBeenCalled();
  });
});
