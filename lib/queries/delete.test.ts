import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_QUERY_LIMIT } from '../domain/case-views';
import { sendMessage } from '../messaging/client';
import { MAX_DELETE_BATCH } from '../messaging/protocol';
import { deleteCaseIds, deleteMatching, matchingCaseIds } from './delete';

vi.mock('../messaging/client', () => ({ sendMessage: vi.fn() }));
const send = vi.mocked(sendMessage);

/** A fake store of `count` case ids answering cases/query and cases/delete like the background. */
function storeOf(count: number) {
  const ids = Array.from({ length: count }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
  send.mockImplementation(((type: string, payload: { offset: number; limit: number; caseIds: string[] }) => {
    if (type === 'cases/query') {
      const cases = ids.slice(payload.offset, payload.offset + payload.limit).map((id) => ({ id }));
      return Promise.resolve({ total: ids.length, offset: payload.offset, cases });
    }
    if (type !== 'cases/delete') throw new Error(`unexpected message ${type}`);
    return Promise.resolve({ deleted: payload.caseIds.length });
  }) as unknown as typeof sendMessage);
  return ids;
}

// (A block body: a function returned from beforeEach would be run as its cleanup.)
beforeEach(() => {
  send.mockReset();
});

describe('deleting from a page', () => {
  it('reads every matching id, page by page, before deleting', async () => {
    const ids = storeOf(MAX_QUERY_LIMIT * 2 + 3);
    expect(await matchingCaseIds({})).toEqual(ids);
    expect(send).toHaveBeenCalledTimes(3);
  });

  it(`sends at most ${MAX_DELETE_BATCH} ids per cases/delete and adds up what was deleted`, async () => {
    const ids = storeOf(2 * MAX_DELETE_BATCH + 1);
    expect(await deleteCaseIds(ids)).toBe(ids.length);
    const batches = send.mock.calls.map(([, payload]) => (payload as { caseIds: string[] }).caseIds.length);
    expect(batches).toEqual([MAX_DELETE_BATCH, MAX_DELETE_BATCH, 1]);
  });

  it('deletes the matching cases only when their number is the one confirmed', async () => {
    storeOf(5);
    await expect(deleteMatching({ filter: {}, confirmed: 4 })).rejects.toThrow(
      '5 cases match this filter now, not 4. Nothing was deleted: check the count and try again.',
    );
    expect(send.mock.calls.map(([type]) => type)).not.toContain('cases/delete');
    expect(await deleteMatching({ filter: {}, confirmed: 5 })).toBe(5);
  });
});
