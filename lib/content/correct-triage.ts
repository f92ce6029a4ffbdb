import type { CorrectionLabel } from '../domain/learning';
import type { PostKey } from '../domain/post';
import type { SendRequest } from '../messaging/client';
import type { PageIndex } from './page-index';
import { triagePostOf } from './triage';

export interface CorrectorDeps {
  index: Pick<PageIndex, 'get' | 'retriage' | 'flushTriage'>;
  send: SendRequest;
}

/**
 * The team's call on a post: sent to the background (triage/correct), then this tab asks again
 * about its posts at once (the background's triage/changed broadcast tells the other tabs).
 */
export function createCorrector({ index, send }: CorrectorDeps): (postKey: PostKey, label: CorrectionLabel) => Promise<void> {
  return async (postKey, label) => {
    const record = index.get(postKey);
    if (!record) throw new Error('This post is no longer on the page; scroll back to it and try again.');
    await send('triage/correct', { post: triagePostOf(record.post), label });
    index.retriage();
    index.flushTriage();
  };
}
