import { useCallback, useMemo, useState } from 'react';
import type { PostKey } from '../../lib/domain/post';
import { saveDismissedChange } from '../../lib/settings/dismissed-posts';

/**
 * Rows the user took off the list (a thank-you, a post that needs nothing), remembered across
 * pages and reloads; `restore` lists this page's dismissed rows again.
 */
export function useDismissedRows<Row extends { postKey: PostKey }>(rows: readonly Row[], initial: readonly PostKey[] | undefined) {
  const [dismissed, setDismissed] = useState<ReadonlySet<PostKey>>(() => new Set(initial ?? []));
  const mentions = useMemo(() => rows.filter((row) => !dismissed.has(row.postKey)), [rows, dismissed]);
  const onThisPage = useMemo(() => rows.filter((row) => dismissed.has(row.postKey)).map((row) => row.postKey), [rows, dismissed]);

  const dismiss = useCallback((postKey: PostKey) => {
    setDismissed((before) => new Set(before).add(postKey));
    void saveDismissedChange({ dismissed: [postKey] });
  }, []);

  const restore = useCallback(() => {
    setDismissed((before) => new Set([...before].filter((key) => !onThisPage.includes(key))));
    void saveDismissedChange({ restored: onThisPage });
  }, [onThisPage]);

  return { mentions, dismissedCount: onThisPage.length, dismiss, restore };
}
