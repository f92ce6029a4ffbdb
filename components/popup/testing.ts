// Test helpers: protocol-valid cases and summaries, and a fake background answering cases/summary.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CASE_STATUSES, CaseSchema, type Case, type CaseStatus } from '../../lib/domain/case';
import type { Platform } from '../../lib/domain/post';
import type { CaseSummary } from '../../lib/domain/case-views';
import type { Envelope } from '../../lib/messaging/protocol';

export function makeCase(
  index: number,
  overrides: { status?: CaseStatus; platform?: Platform; text?: string; createdAt?: number; postedAt?: string; authorHandle?: string } = {},
): Case {
  const platform = overrides.platform ?? 'x';
  const postId = String(1000 + index);
  return CaseSchema.parse({
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    ref: `CS-${String(index).padStart(4, '0')}`,
    postKey: `${platform}:${postId}`,
    platform,
    post: {
      platform,
      postId,
      kind: 'post',
      url: `https://x.com/user${index}/status/${postId}`,
      authorName: `Customer ${index}`,
      ...(overrides.authorHandle ? { authorHandle: overrides.authorHandle } : {}),
      text: overrides.text ?? `Post ${index} about Acme Air`,
      ...(overrides.postedAt ? { postedAt: overrides.postedAt } : {}),
    },
    brandIds: ['acme-air'],
    status: overrides.status ?? 'new',
    createdAt: overrides.createdAt ?? 1_700_000_000_000 + index,
    updatedAt: overrides.createdAt ?? 1_700_000_000_000 + index,
  });
}

/** A summary consistent with the given cases (counts derived, not typed in). */
export function summaryOf(cases: Case[], oldestWaiting: Case | null = null): CaseSummary {
  const open = cases.filter((item) => item.status !== 'resolved' && item.status !== 'closed');
  const byStatus = Object.fromEntries(
    CASE_STATUSES.map((status) => [status, cases.filter((item) => item.status === status).length]),
  ) as CaseSummary['byStatus'];
  const byPlatform = {
    x: open.filter((item) => item.platform === 'x').length,
    facebook: open.filter((item) => item.platform === 'facebook').length,
    yelp: open.filter((item) => item.platform === 'yelp').length,
  };
  const newest = [...cases].sort((a, b) => b.createdAt - a.createdAt).slice(0, 5);
  return { openTotal: open.length, byStatus, byPlatform, oldestWaiting, newest };
}

/** Answers cases/summary with whatever `answer()` returns at the time, like the real background. */
export function installFakeBackground(answer: () => Envelope<CaseSummary>): { requests: () => number } {
  let requests = 0;
  fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (response: unknown) => void) => {
    if ((message as { type?: unknown } | null)?.type !== 'cases/summary') return undefined;
    requests += 1;
    sendResponse(answer());
    return true;
  });
  return { requests: () => requests };
}
