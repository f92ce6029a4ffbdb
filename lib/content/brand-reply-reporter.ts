import type { PageCase } from '../domain/page-case';
import type { PostKey } from '../domain/post';
import type { SendRequest } from '../messaging/client';

/** A post on the page that the brand's own reply answers (PageIndex sets answeredBy). */
export interface AnsweredPost {
  postKey: PostKey;
  post: { answeredBy?: string | undefined };
}

/**
 * Tells the background when the brand's reply to a logged case's post is on the page, so the
 * case's timeline says "Brand reply seen" (cases/brandReplySeen). Once per case and tab; a case
 * whose timeline already says so is skipped, and the background ignores repeats from other tabs.
 * Returns the function to call whenever the page's answers or the cases change.
 */
export function createBrandReplyReporter(send: SendRequest) {
  const reported = new Set<string>();
  return (answered: readonly AnsweredPost[], cases: ReadonlyMap<PostKey, PageCase>): void => {
    for (const { postKey, post } of answered) {
      const by = post.answeredBy;
      const found = by === undefined ? undefined : cases.get(postKey);
      if (!found || by === undefined || reported.has(found.id)) continue;
      if (found.events?.some((event) => event.type === 'brand_reply_seen')) continue;
      reported.add(found.id);
      // Not recorded (the worker restarted, the case was deleted): try again on the next change.
      send('cases/brandReplySeen', { caseId: found.id, by }).catch(() => reported.delete(found.id));
    }
  };
}
