import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { MAX_DELETE_BATCH } from '../messaging/protocol';
import { bulkUpdateMutation } from './bulk';

describe('bulkUpdateMutation', () => {
  it('refuses more ticked rows than one message names, with a way out, before sending anything', async () => {
    const mutation = bulkUpdateMutation(new QueryClient());
    const caseIds = Array.from({ length: MAX_DELETE_BATCH + 1 }, (_, i) => `id-${i}`);
    await expect(mutation.mutationFn!({ target: { caseIds }, change: { kind: 'addTag', tag: 'vip' } }, {} as never)).rejects.toThrow(
      /1,001 rows are ticked; tick at most 1,000, or use "Select all matching"/,
    );
  });
});
