import type { CorrectionLabel } from '../domain/learning';
import type { PostKey } from '../domain/post';
import type { SendRequest } from '../messaging/client';
import type { PageIndex } from './page-index';
import { triagePostOf } from './triage';
import { t } from '../i18n/t';

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
    if (!record) throw new Error(t('sidebar.postGone'));
    await send('triage/correct', { post: triagePostOf(record.post), label });
    index.retriage();
    index.flushTriage();
  };
}
