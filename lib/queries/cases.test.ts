import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SendRequest } from '../messaging/client';
import { caseKeys, casesByPostKeysQuery, CASES_BY_POST_KEYS_GC_MS } from './cases';

const send = (() => Promise.resolve({ cases: [] })) as unknown as SendRequest;

describe('casesByPostKeysQuery on a long scroll', () => {
  afterEach(() => vi.useRealTimers());

  it('drops the entries of post keys nobody watches any more soon, not after five minutes', async () => {
    vi.useFakeTimers();
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 0, staleTime: 30_000 } } });
    const entries = () => queryClient.getQueryCache().findAll({ queryKey: caseKeys.all }).length;
    // A tab's chunk of posts shifts by one post at every publish (its oldest post forgotten).
    const observer = new QueryObserver(queryClient, casesByPostKeysQuery(['x:0', 'x:1'], send));
    const unsubscribe = observer.subscribe(() => undefined);
    for (let first = 1; first <= 20; first++) {
      observer.setOptions(casesByPostKeysQuery([`x:${first}`, `x:${first + 1}`], send));
      await vi.advanceTimersByTimeAsync(10);
    }
    expect(entries()).toBe(21);

    await vi.advanceTimersByTimeAsync(CASES_BY_POST_KEYS_GC_MS + 1_000);
    expect(entries()).toBe(1);
    unsubscribe();
  });
});
